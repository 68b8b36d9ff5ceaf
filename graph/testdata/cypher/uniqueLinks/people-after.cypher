MATCH (p:Person) WHERE p.id > $after
WITH p.id AS id ORDER BY id LIMIT $batch
RETURN {ids: collect(id)} AS r
