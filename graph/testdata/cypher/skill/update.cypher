MATCH (s:Skill {id: $id})
SET s += $set
WITH s
CALL (s) {
  WITH s WHERE $moveBroader
  OPTIONAL MATCH (s)-[old:PART_OF]->(:Skill)
  DELETE old
  WITH s
  OPTIONAL MATCH (b:Skill {id: $broader})
  FOREACH (_ IN CASE WHEN b IS NULL THEN [] ELSE [1] END | MERGE (s)-[:PART_OF]->(b))
}
RETURN s {.id, .name, .category, .description, broader: [(s)-[:PART_OF]->(b:Skill) | b.id][0]}
