MATCH (a:Person {id: $a}), (b:Person {id: $b})
CREATE (a)-[k:KNOWS {since: $since}]->(b)
SET a.updatedAt = datetime(), b.updatedAt = datetime()
RETURN {person: b.id, since: k.since} AS k
