RETURN EXISTS { MATCH (:Goal {id: $id}) } AS found
