UNWIND $rows AS r
CREATE (s:Skill {id: r.id})
SET s += r.props
RETURN collect([r.id, elementId(s)])
