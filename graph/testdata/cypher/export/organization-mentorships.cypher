UNWIND $people AS id
MATCH (p:Person {id: id})-[m:MENTORED_BY]->(mentor:Person)
WHERE mentor.id IN $people
WITH p, m, mentor ORDER BY p.id, mentor.id LIMIT $limit
RETURN {mentee: p.id, mentor: mentor.id, since: m.since, until: m.until, focus: m.focus, status: m.status} AS row
