MATCH (p:Person) WHERE p.id > $after
WITH p ORDER BY p.id LIMIT $limit
WITH collect(p) AS page
RETURN last(page).id AS last, COLLECT { UNWIND page AS p MATCH (p)-[m:MENTORED_BY]->(mentor:Person)
  RETURN {mentee: p.id, mentor: mentor.id, since: m.since, until: m.until, focus: m.focus, status: m.status} ORDER BY p.id, mentor.id } AS rows
