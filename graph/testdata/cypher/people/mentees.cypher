UNWIND $ids AS id
MATCH (mentor:Person {id: id})<-[m:MENTORED_BY]-(mentee:Person)
WITH id, m, mentee, mentor ORDER BY m.status, m.since DESC, mentee.id
WITH id, {mentee: mentee.id, mentor: mentor.id, since: m.since, until: m.until, focus: m.focus, status: m.status,
  menteePerson: [p IN [mentee] | p {.id, .name, .headline, .bio, .location, .timezone, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' }}][0], mentorPerson: [p IN [mentor] | p {.id, .name, .headline, .bio, .location, .timezone, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' }}][0],
  focusSkills: COLLECT { UNWIND coalesce(m.focus, []) AS f MATCH (s:Skill {id: f}) RETURN s {.id, .name, .category, .description, broader: [(s)-[:PART_OF]->(b:Skill) | b.id][0]} }} AS r
RETURN r {.*, key: id} AS row
