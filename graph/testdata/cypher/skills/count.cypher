MATCH (s:Skill) WHERE $category IS NULL OR s.category = $category
RETURN count(s) AS n
