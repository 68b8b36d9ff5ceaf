UNWIND $rows AS row
MATCH (a:Account {id: row.from})
MATCH (b:ApiToken {id: row.to})
CREATE (a)-[r:HAS_TOKEN]->(b)
SET r = row.props
RETURN {created: count(r)} AS r
