UNWIND $rows AS row
MATCH (a:Account {id: row.from})
MATCH (b:Person {id: row.to})
CREATE (a)-[r:IS]->(b)
SET r = row.props
RETURN {created: count(r)} AS r
