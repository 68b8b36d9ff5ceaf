MATCH (s:Skill) WHERE s.id > $after
WITH s ORDER BY s.id LIMIT $limit
WITH collect(s) AS page
RETURN last(page).id AS last, [s IN page | s {.id, .name, .category, .description,
  parent: [(s)-[:PART_OF]->(b:Skill) | b.id][0]}] AS rows
