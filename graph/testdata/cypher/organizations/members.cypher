UNWIND $ids AS id
MATCH (o:Organization {id: id})
CALL (o) {
  MATCH (p:Person)-[a:AFFILIATED_WITH]->(o)
  WHERE a.until IS NULL AND p.id > $after
  WITH p, a ORDER BY p.id LIMIT $limit
  RETURN collect({person: p {.id, .name, .headline, .bio, .location, .timezone, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' }}, role: a.role, since: a.since}) AS rows
}
UNWIND rows AS row
RETURN row {.*, key: o.id} AS row
