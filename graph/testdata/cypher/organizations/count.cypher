MATCH (o:Organization) WHERE $kind IS NULL OR o.kind = $kind
RETURN count(o) AS n
