UNWIND $rows AS r
MATCH (a:Person {id: r.a}), (b:Organization {id: r.b})
MATCH (a)-[o:AFFILIATED_WITH]->(b) WHERE o.since = r.since OR (o.since IS NULL AND r.since IS NULL)
WITH r, head(collect(o)) AS o
SET o += r.props
