UNWIND $rows AS row
MATCH (a:Goal {id: row.from})
MATCH (b:Skill {id: row.to})
CREATE (a)-[r:ABOUT]->(b)
SET r = row.props
RETURN {created: count(r)} AS r
