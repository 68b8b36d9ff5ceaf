UNWIND $rows AS r
MATCH (s:Skill) WHERE elementId(s) = r[0]
MATCH (b:Skill) WHERE elementId(b) = r[1]
CREATE (s)-[:PART_OF]->(b)
