UNWIND $rows AS r
OPTIONAL MATCH (a:Person {id: r.a}), (b:Person {id: r.b})
OPTIONAL MATCH (a)-[o:MENTORED_BY]->(b)
WITH r, head(collect(o)) AS o
WITH r, CASE WHEN o IS NULL THEN 'created' WHEN any(k IN keys(r.props) WHERE o[k] IS NULL OR o[k] <> r.props[k]) THEN 'updated' ELSE 'unchanged' END AS outcome
RETURN outcome, collect(r.i) AS rows
