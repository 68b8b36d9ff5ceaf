UNWIND $rows AS r
MATCH (p:Person {id: r.person}), (s:Skill {id: r.skill}), (g:Goal {id: r.id})
SET g += r.props
WITH g, p, s
CALL (g, p, s) {
  OPTIONAL MATCH (other:Person)-[h:HAS_GOAL]->(g) WHERE other <> p
  DELETE h
  WITH DISTINCT g, p, s
  OPTIONAL MATCH (g)-[a:ABOUT]->(x:Skill) WHERE x <> s
  DELETE a
  WITH DISTINCT g, p, s
  MERGE (p)-[:HAS_GOAL]->(g)
  MERGE (g)-[:ABOUT]->(s)
}
