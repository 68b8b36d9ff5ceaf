UNWIND $rows AS row
MATCH (a:Person {id: row.from})
MATCH (b:Goal {id: row.to})
CREATE (a)-[r:HAS_GOAL]->(b)
SET r = row.props
RETURN {created: count(r)} AS r
