UNWIND $rows AS r
MATCH (p:Person) WHERE elementId(p) = r[0]
MATCH (s:Skill) WHERE elementId(s) = r[1]
CREATE (p)-[:HAS_GOAL]->(g:Goal)-[:ABOUT]->(s)
SET g = r[2], g.id = r[3]
