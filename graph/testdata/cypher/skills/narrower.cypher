UNWIND $ids AS id
MATCH (s:Skill)-[:PART_OF]->(:Skill {id: id})
WITH id, s ORDER BY s.name, s.id
WITH id, s {.id, .name, .category, .description, broader: [(s)-[:PART_OF]->(b:Skill) | b.id][0]} AS skill
RETURN skill {.*, key: id} AS row
