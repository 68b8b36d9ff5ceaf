UNWIND $rows AS row
MATCH (a:Person {id: row.from})
MATCH (b:Organization {id: row.to})
CREATE (a)-[r:AFFILIATED_WITH]->(b)
SET r = row.props
RETURN {created: count(r)} AS r
