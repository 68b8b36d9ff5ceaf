UNWIND $ids AS id
MATCH (p:Person {id: id})
CALL (p) {
  MATCH (p)-[k:KNOWS]-(other:Person)
  WITH DISTINCT other, min(k.since) AS since
  ORDER BY other.id LIMIT $first
  RETURN collect({person: other.id, since: since}) AS rows
}
UNWIND rows AS row
RETURN row {.*, key: p.id} AS row
