MATCH (o:Organization) WHERE o.id > $after
WITH o ORDER BY o.id LIMIT $limit
WITH collect(o) AS page
RETURN last(page).id AS last, [o IN page | o {.id, .name, .kind}] AS rows
