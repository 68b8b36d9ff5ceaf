UNWIND $ids AS id
MATCH (a:Person {id: id})-[r:AFFILIATED_WITH]->(o:Organization)
WHERE r.until IS NULL
WITH a, o, r ORDER BY r.since IS NULL, r.since, elementId(r)
WITH a, o, collect(r) AS rs WHERE size(rs) > 1
FOREACH (r IN tail(rs) | DELETE r)
RETURN {removed: sum(size(rs) - 1)} AS r
