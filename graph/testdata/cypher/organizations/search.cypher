CALL db.index.fulltext.queryNodes('names', $search) YIELD node AS o, score
WHERE o:Organization AND ($kind IS NULL OR o.kind = $kind)
  AND ($afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND o.id > $after))
WITH o, score ORDER BY score DESC, o.id LIMIT $limit
RETURN o {.id, .name, .kind} AS organization, score
