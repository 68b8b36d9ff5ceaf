MATCH (g:Goal) WHERE g.id > $after
WITH g ORDER BY g.id LIMIT $limit
WITH collect(g) AS page
RETURN last(page).id AS last, COLLECT { UNWIND page AS g MATCH (p:Person)-[:HAS_GOAL]->(g)-[:ABOUT]->(s:Skill)
  RETURN {id: g.id, person: p.id, skill: s.id, title: g.title, targetLevel: g.targetLevel, dueDate: g.dueDate, status: g.status}
  ORDER BY g.id } AS rows
