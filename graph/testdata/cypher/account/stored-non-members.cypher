UNWIND $people AS id
MATCH (p:Person {id: id})
WHERE NOT EXISTS {
  MATCH (p)-[r:AFFILIATED_WITH]->(o:Organization)
  WHERE r.until IS NULL AND o.id IN $orgs
}
RETURN p.id AS id ORDER BY id
