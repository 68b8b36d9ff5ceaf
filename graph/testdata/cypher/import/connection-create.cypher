UNWIND $rows AS r
MATCH (a:Person {id: r.a}), (b:Person {id: r.b})
CREATE (a)-[l:KNOWS]->(b)
SET l = r.props
