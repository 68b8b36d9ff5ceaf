MATCH (p:Person {id: $id})
WITH p, COLLECT { MATCH (p)-[r:MENTORED_BY]->(m:Person) WHERE r.status = 'ACTIVE' RETURN DISTINCT m.id } AS mentors
CALL (p) { MATCH (p)-[:HAS_GOAL]->(g:Goal) DETACH DELETE g }
DETACH DELETE p
RETURN {mentors: mentors} AS r
