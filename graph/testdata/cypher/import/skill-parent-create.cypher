UNWIND $rows AS r
MATCH (s:Skill {id: r.id}), (b:Skill {id: r.parent})
WITH s, b WHERE NOT EXISTS { (s)-[:PART_OF]->(b) }
OPTIONAL MATCH (s)-[old:PART_OF]->(:Skill)
DELETE old
MERGE (s)-[:PART_OF]->(b)
