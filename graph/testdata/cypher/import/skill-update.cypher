UNWIND $rows AS r
MATCH (s:Skill {id: r.id})
SET s += r.props
