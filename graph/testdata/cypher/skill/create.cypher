CREATE (s:Skill {id: $id, name: $name, category: $category, description: $description})
WITH s
OPTIONAL MATCH (b:Skill {id: $broader})
FOREACH (_ IN CASE WHEN b IS NULL THEN [] ELSE [1] END | CREATE (s)-[:PART_OF]->(b))
RETURN s {.id, .name, .category, .description, broader: [(s)-[:PART_OF]->(b:Skill) | b.id][0]}
