CREATE (a:Account {id: $id, login: $login, passwordHash: $passwordHash, admin: $admin, createdAt: datetime()})
WITH a
CALL (a) {
  MATCH (p:Person {id: $person})
  CREATE (a)-[:IS]->(p)
}
RETURN a {.id, .login, .admin, .createdAt,
  person: head(COLLECT { MATCH (a)-[:IS]->(ap:Person) RETURN ap.id }),
  organizes: COLLECT { MATCH (a)-[:ORGANIZES]->(ao:Organization) RETURN ao.id ORDER BY ao.id }}
