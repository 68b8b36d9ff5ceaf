UNWIND $rows AS r
MATCH (a:Person {id: r.a}), (b:Skill {id: r.b})
MATCH (a)-[o:HAS_SKILL]->(b)
WITH r, head(collect(o)) AS o
SET o += r.props
