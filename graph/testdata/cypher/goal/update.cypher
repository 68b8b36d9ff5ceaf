MATCH (p:Person)-[:HAS_GOAL]->(g:Goal {id: $id})-[about:ABOUT]->(old:Skill)
SET g += $set
WITH p, g, about, old
CALL (g, about, old) {
  WITH g, about, old WHERE $skill IS NOT NULL AND $skill <> old.id
  MATCH (new:Skill {id: $skill})
  DELETE about
  CREATE (g)-[:ABOUT]->(new)
}
WITH p, g
MATCH (g)-[:ABOUT]->(s:Skill)
SET p.updatedAt = datetime()
RETURN {key: p.id, id: g.id, skill: s.id, title: g.title, targetLevel: g.targetLevel, dueDate: g.dueDate, status: g.status} AS g
