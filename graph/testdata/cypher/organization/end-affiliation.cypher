MATCH (p:Person {id: $person})-[a:AFFILIATED_WITH]->(o:Organization {id: $org})
WHERE a.until IS NULL
WITH p, a, o ORDER BY a.since DESC LIMIT 1
SET a.until = $until, p.updatedAt = datetime()
RETURN {person: p.id, organization: o.id, role: a.role, since: a.since, until: a.until} AS a
