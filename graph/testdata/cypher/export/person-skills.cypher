MATCH (p:Person) WHERE p.id > $after
WITH p ORDER BY p.id LIMIT $limit
WITH collect(p) AS page
RETURN last(page).id AS last, COLLECT { UNWIND page AS p MATCH (p)-[h:HAS_SKILL]->(s:Skill)
  RETURN {person: p.id, skill: s.id, level: h.level, years: h.years} ORDER BY p.id, s.id } AS rows
