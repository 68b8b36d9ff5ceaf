UNWIND $rows AS r
MATCH (a:Person {id: r.a}), (b:Organization {id: r.b})
CREATE (a)-[l:AFFILIATED_WITH]->(b)
SET l = r.props
