MATCH (s:Skill)
WHERE s.id > $after AND ($category IS NULL OR s.category = $category)
WITH s ORDER BY s.id LIMIT $limit
RETURN s {.id, .name, .category, .description, broader: [(s)-[:PART_OF]->(b:Skill) | b.id][0]} AS skill, null AS score
