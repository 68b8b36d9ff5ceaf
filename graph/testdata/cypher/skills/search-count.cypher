CALL db.index.fulltext.queryNodes('names', $search) YIELD node AS s
WHERE s:Skill AND ($category IS NULL OR s.category = $category)
RETURN count(s) AS n
