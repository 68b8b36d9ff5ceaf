UNWIND $people AS id
MATCH (p:Person {id: id})-[:HAS_GOAL]->(g:Goal)-[:ABOUT]->(s:Skill)
WITH p, g, s ORDER BY g.id LIMIT $limit
RETURN {id: g.id, person: p.id, skill: s.id, title: g.title, targetLevel: g.targetLevel, dueDate: g.dueDate, status: g.status} AS row
