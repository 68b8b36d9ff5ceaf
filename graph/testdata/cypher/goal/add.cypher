MATCH (p:Person {id: $person}), (s:Skill {id: $skill})
CREATE (p)-[:HAS_GOAL]->(g:Goal {id: $id, title: $title, targetLevel: $targetLevel, dueDate: $dueDate, status: $status})-[:ABOUT]->(s)
SET p.updatedAt = datetime()
RETURN {key: p.id, id: g.id, skill: s.id, title: g.title, targetLevel: g.targetLevel, dueDate: g.dueDate, status: g.status} AS g
