MATCH (p:Person) WHERE p.id > $after
WITH p ORDER BY p.id LIMIT $limit
WITH collect(p) AS page
RETURN last(page).id AS last, COLLECT { UNWIND page AS p MATCH (p)-[k:KNOWS]->(other:Person)
  RETURN {a: p.id, b: other.id, since: k.since} ORDER BY p.id, other.id } AS rows
