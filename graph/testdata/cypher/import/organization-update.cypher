UNWIND $rows AS r
MATCH (n:Organization {id: r.id})
SET n += r.props
