MATCH (o:Organization)
WHERE o.id > $after AND ($kind IS NULL OR o.kind = $kind)
WITH o ORDER BY o.id LIMIT $limit
RETURN o {.id, .name, .kind} AS organization, null AS score
