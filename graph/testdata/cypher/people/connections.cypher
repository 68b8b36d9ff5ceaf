UNWIND $ids AS id
MATCH (p:Person {id: id})
CALL (p) {
  MATCH (p)-[k:KNOWS]-(other:Person)
  WHERE ($audienceAdmin OR other.id = $audiencePerson OR CASE coalesce(other.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (other)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
  WITH DISTINCT other, min(k.since) AS since
  ORDER BY other.id LIMIT $first
  RETURN collect({person: other.id, since: since}) AS rows
}
UNWIND rows AS row
RETURN row {.*, key: p.id} AS row
