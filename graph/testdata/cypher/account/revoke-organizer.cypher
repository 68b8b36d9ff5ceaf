MATCH (a:Account {id: $id})
OPTIONAL MATCH (a)-[r:ORGANIZES]->(:Organization {id: $org})
DELETE r
WITH DISTINCT a
RETURN a {.id, .login, .admin, .createdAt,
  person: head(COLLECT { MATCH (a)-[:IS]->(ap:Person) RETURN ap.id }),
  organizes: COLLECT { MATCH (a)-[:ORGANIZES]->(ao:Organization) RETURN ao.id ORDER BY ao.id }}
