UNWIND $rows AS r
CREATE (n:Organization {id: r.id})
SET n += r.props
RETURN collect([r.id, elementId(n)])
