MATCH (:Person {id: $a})-[k:KNOWS]-(b:Person {id: $b})
WITH b, k ORDER BY k.since
RETURN {person: b.id, since: k.since} AS k LIMIT 1
