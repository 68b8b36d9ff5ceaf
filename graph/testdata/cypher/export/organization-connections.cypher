UNWIND $people AS id
MATCH (p:Person {id: id})-[k:KNOWS]->(other:Person)
WHERE other.id IN $people
WITH p, k, other ORDER BY p.id, other.id LIMIT $limit
RETURN {a: p.id, b: other.id, since: k.since} AS row
