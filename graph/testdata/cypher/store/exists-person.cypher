RETURN EXISTS { MATCH (:Person {id: $id}) } AS found
