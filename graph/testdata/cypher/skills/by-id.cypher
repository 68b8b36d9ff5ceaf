UNWIND $ids AS id
MATCH (s:Skill {id: id})
RETURN s {.id, .name, .category, .description, broader: [(s)-[:PART_OF]->(b:Skill) | b.id][0]}
