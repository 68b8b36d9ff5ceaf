UNWIND $rows AS r
MATCH (p:Person {id: r.person}), (s:Skill {id: r.skill})
CREATE (p)-[:HAS_GOAL]->(g:Goal {id: r.id})-[:ABOUT]->(s)
SET g += r.props
