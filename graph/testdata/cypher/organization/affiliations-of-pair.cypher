MATCH (p:Person {id: $person})-[a:AFFILIATED_WITH]->(o:Organization {id: $org})
WHERE (a.until IS NULL) = $current
WITH p, o, a ORDER BY a.since
RETURN {person: p.id, organization: o.id, role: a.role, since: a.since, until: a.until} AS a
