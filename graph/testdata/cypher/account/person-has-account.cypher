RETURN EXISTS { MATCH (:Account)-[:IS]->(:Person {id: $person}) } AS taken
