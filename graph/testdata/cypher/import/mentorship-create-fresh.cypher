UNWIND $rows AS r
MATCH (a:Person) WHERE elementId(a) = r[0]
MATCH (b:Person) WHERE elementId(b) = r[1]
CREATE (a)-[l:MENTORED_BY]->(b)
SET l = r[2]
