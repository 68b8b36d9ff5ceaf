MATCH (a:Account)-[:HAS_SESSION]->(s:Session {hash: $hash})
RETURN a {.id, .login, .admin, .createdAt,
  person: head(COLLECT { MATCH (a)-[:IS]->(ap:Person) RETURN ap.id }),
  organizes: COLLECT { MATCH (a)-[:ORGANIZES]->(ao:Organization) RETURN ao.id ORDER BY ao.id }}, s.expiresAt AS expiresAt
