RETURN EXISTS { MATCH (:Organization {id: $id}) } AS found
