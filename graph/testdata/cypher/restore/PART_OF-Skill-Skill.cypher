UNWIND $rows AS row
MATCH (a:Skill {id: row.from})
MATCH (b:Skill {id: row.to})
CREATE (a)-[r:PART_OF]->(b)
SET r = row.props
RETURN {created: count(r)} AS r
