UNWIND $ids AS id
MATCH (:Person {id: id})-[a:AFFILIATED_WITH]->(o:Organization)
WITH id, a, o ORDER BY a.until IS NOT NULL, a.since DESC, o.id
RETURN {key: id, person: id, organization: o.id, role: a.role, since: a.since, until: a.until} AS row
