UNWIND $ids AS id
MATCH (a:Person {id: id})-[r:KNOWS]-(b:Person)
WHERE a.id < b.id
WITH a, b, r ORDER BY r.since IS NULL, r.since, elementId(r)
WITH a, b, collect(r) AS rs WHERE size(rs) > 1
FOREACH (r IN tail(rs) | DELETE r)
RETURN {removed: sum(size(rs) - 1)} AS r
