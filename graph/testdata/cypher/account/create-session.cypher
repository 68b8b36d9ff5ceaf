MATCH (a:Account {id: $account})
OPTIONAL MATCH (a)-[:HAS_SESSION]->(old:Session) WHERE old.expiresAt < datetime()
DETACH DELETE old
WITH DISTINCT a
CREATE (a)-[:HAS_SESSION]->(:Session {hash: $hash, createdAt: datetime(), expiresAt: $expiresAt})
