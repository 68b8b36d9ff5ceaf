MATCH (a:Person {id: $a})-[k:KNOWS]-(b:Person {id: $b})
DELETE k
RETURN count(k) AS removed
