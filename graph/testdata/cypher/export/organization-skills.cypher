UNWIND $skills AS id
MATCH (:Skill {id: id})-[:PART_OF*0..5]->(s:Skill)
WITH DISTINCT s ORDER BY s.id LIMIT $limit
RETURN s {.id, .name, .category, .description, parent: [(s)-[:PART_OF]->(b:Skill) | b.id][0]} AS row
