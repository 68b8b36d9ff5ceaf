UNWIND $ids AS id
MATCH (target:Skill {id: id})
CALL (target) {
  MATCH (p:Person)-[:HAS_GOAL]->(:Goal {status: 'OPEN'})-[:ABOUT]->(target)
  WHERE p.id > $after
  WITH DISTINCT p ORDER BY p.id LIMIT $limit
  RETURN collect(p {.id, .name, .headline, .bio, .location, .timezone, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' }}) AS rows
}
UNWIND rows AS row
RETURN row {.*, key: target.id} AS row
