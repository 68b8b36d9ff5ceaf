UNWIND $rows AS r
OPTIONAL MATCH (o:Skill {id: r.id})
WITH r, o, [(o)-[:PART_OF]->(b:Skill) | b.id][0] AS parent
WITH r, CASE WHEN o IS NULL THEN 'created'
  WHEN any(k IN keys(r.props) WHERE o[k] IS NULL OR o[k] <> r.props[k]) OR (r.parent IS NOT NULL AND coalesce(parent, '') <> r.parent) THEN 'updated'
  ELSE 'unchanged' END AS outcome
RETURN outcome, collect(r.i) AS rows
