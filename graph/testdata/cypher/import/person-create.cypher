UNWIND $rows AS r
CREATE (p:Person)
SET p = r
RETURN collect([r.id, elementId(p)])
