UNWIND $rows AS r
OPTIONAL MATCH (owner:Person)-[:HAS_GOAL]->(o:Goal {id: r.id})-[:ABOUT]->(about:Skill)
USING INDEX o:Goal(id)
WITH r, CASE WHEN o IS NULL THEN 'created'
  WHEN any(k IN keys(r.props) WHERE o[k] IS NULL OR o[k] <> r.props[k]) OR owner.id <> r.person OR about.id <> r.skill THEN 'updated' ELSE 'unchanged' END AS outcome
RETURN outcome, collect(r.i) AS rows
