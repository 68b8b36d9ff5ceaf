MATCH (p:Person)-[:HAS_GOAL]->(:Goal {id: $id}) RETURN p.id AS owner
