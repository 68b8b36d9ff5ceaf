RETURN EXISTS { MATCH (:Skill {id: $id}) } AS found
