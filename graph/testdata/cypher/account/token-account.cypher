MATCH (a:Account)-[:HAS_TOKEN]->(t:ApiToken {hash: $hash})
RETURN a {.id, .login, .admin, .createdAt,
  person: head(COLLECT { MATCH (a)-[:IS]->(ap:Person) RETURN ap.id }),
  organizes: COLLECT { MATCH (a)-[:ORGANIZES]->(ao:Organization) RETURN ao.id ORDER BY ao.id }}, t {.id, .name, .scope, .createdAt, .expiresAt, .lastUsedAt} AS token
