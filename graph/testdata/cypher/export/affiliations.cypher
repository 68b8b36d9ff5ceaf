MATCH (p:Person) WHERE p.id > $after
WITH p ORDER BY p.id LIMIT $limit
WITH collect(p) AS page
RETURN last(page).id AS last, COLLECT { UNWIND page AS p MATCH (p)-[a:AFFILIATED_WITH]->(o:Organization)
  RETURN {person: p.id, organization: o.id, role: a.role, since: a.since, until: a.until} ORDER BY p.id, o.id, a.since } AS rows
