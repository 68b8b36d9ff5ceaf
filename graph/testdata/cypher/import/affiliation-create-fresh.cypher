UNWIND $rows AS r
MATCH (a:Person) WHERE elementId(a) = r[0]
MATCH (b:Organization) WHERE elementId(b) = r[1]
CREATE (a)-[l:AFFILIATED_WITH]->(b)
SET l = r[2]
