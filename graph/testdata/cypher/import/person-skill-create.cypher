UNWIND $rows AS r
MATCH (a:Person {id: r.a}), (b:Skill {id: r.b})
CREATE (a)-[l:HAS_SKILL]->(b)
SET l = r.props
