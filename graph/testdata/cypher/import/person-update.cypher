WITH datetime() AS now
UNWIND $rows AS r
MATCH (p:Person {id: r.id})
SET p += r.props, p.updatedAt = now
