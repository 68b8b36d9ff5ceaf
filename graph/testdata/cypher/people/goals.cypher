UNWIND $ids AS id
MATCH (:Person {id: id})-[:HAS_GOAL]->(g:Goal)-[:ABOUT]->(s:Skill)
WITH id, g, s ORDER BY g.dueDate IS NULL, g.dueDate, g.id
RETURN {key: id, id: g.id, skill: s.id, title: g.title, targetLevel: g.targetLevel,
        dueDate: g.dueDate, status: g.status} AS row
