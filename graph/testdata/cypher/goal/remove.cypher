MATCH (g:Goal {id: $id})
OPTIONAL MATCH (p:Person)-[:HAS_GOAL]->(g)
SET p.updatedAt = datetime()
DETACH DELETE g
RETURN {removed: true} AS r
