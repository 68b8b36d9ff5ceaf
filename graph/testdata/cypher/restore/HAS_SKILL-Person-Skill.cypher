UNWIND $rows AS row
MATCH (a:Person {id: row.from})
MATCH (b:Skill {id: row.to})
CREATE (a)-[r:HAS_SKILL]->(b)
SET r = row.props
RETURN {created: count(r)} AS r
