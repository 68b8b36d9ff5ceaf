MATCH (a:Account {id: $id}), (o:Organization {id: $org})
MERGE (a)-[:ORGANIZES]->(o)
WITH a
RETURN a {.id, .login, .admin, .createdAt,
  person: head(COLLECT { MATCH (a)-[:IS]->(ap:Person) RETURN ap.id }),
  organizes: COLLECT { MATCH (a)-[:ORGANIZES]->(ao:Organization) RETURN ao.id ORDER BY ao.id }}
