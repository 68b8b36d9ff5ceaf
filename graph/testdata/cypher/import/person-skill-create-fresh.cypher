UNWIND $rows AS r
MATCH (a:Person) WHERE elementId(a) = r[0]
MATCH (b:Skill) WHERE elementId(b) = r[1]
CREATE (a)-[l:HAS_SKILL]->(b)
SET l = r[2]
