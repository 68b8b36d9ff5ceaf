UNWIND $people AS id
MATCH (p:Person {id: id})-[a:AFFILIATED_WITH]->(o:Organization {id: $organization})
WITH p, a, o ORDER BY p.id, a.since, a.until LIMIT $limit
RETURN {person: p.id, organization: o.id, role: a.role, since: a.since, until: a.until} AS row
