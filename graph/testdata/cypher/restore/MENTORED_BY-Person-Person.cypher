UNWIND $rows AS row
MATCH (a:Person {id: row.from})
MATCH (b:Person {id: row.to})
CREATE (a)-[r:MENTORED_BY]->(b)
SET r = row.props
RETURN {created: count(r)} AS r
