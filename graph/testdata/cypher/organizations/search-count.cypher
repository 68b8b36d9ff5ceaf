CALL db.index.fulltext.queryNodes('names', $search) YIELD node AS o
WHERE o:Organization AND ($kind IS NULL OR o.kind = $kind)
RETURN count(o) AS n
