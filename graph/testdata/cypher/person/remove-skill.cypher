MATCH (p:Person {id: $person})-[h:HAS_SKILL]->(:Skill {id: $skill})
DELETE h
SET p.updatedAt = datetime()
RETURN p {.id, .name, .headline, .bio, .location, .timezone, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' }}
