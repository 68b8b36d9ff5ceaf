MATCH (a:Account)-[:HAS_TOKEN]->(:ApiToken {id: $id}) RETURN a.id AS owner
