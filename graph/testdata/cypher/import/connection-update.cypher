UNWIND $rows AS r
MATCH (a:Person {id: r.a}), (b:Person {id: r.b})
MATCH (a)-[o:KNOWS]-(b)
WITH r, head(collect(o)) AS o
SET o += r.props
