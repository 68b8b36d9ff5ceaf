MATCH (p:Person {id: $person}), (s:Skill {id: $skill})
MERGE (p)-[h:HAS_SKILL]->(s)
SET h.level = $level, h.years = $years, p.updatedAt = datetime()
RETURN p {.id, .name, .headline, .bio, .location, .timezone, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' }}
