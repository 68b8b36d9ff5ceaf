UNWIND $rows AS row
MATCH (a:Account {id: row.from})
MATCH (b:Organization {id: row.to})
CREATE (a)-[r:ORGANIZES]->(b)
SET r = row.props
RETURN {created: count(r)} AS r
