MATCH (p:Person {id: $person}), (o:Organization {id: $org})
CREATE (p)-[a:AFFILIATED_WITH {role: $role, since: $since, until: $until}]->(o)
SET p.updatedAt = datetime()
RETURN {person: p.id, organization: o.id, role: a.role, since: a.since, until: a.until} AS a
