CALL db.index.fulltext.queryNodes('names', $search) YIELD node AS s, score
WHERE s:Skill AND ($category IS NULL OR s.category = $category)
  AND ($afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND s.id > $after))
WITH s, score ORDER BY score DESC, s.id LIMIT $limit
RETURN s {.id, .name, .category, .description, broader: [(s)-[:PART_OF]->(b:Skill) | b.id][0]} AS skill, score
