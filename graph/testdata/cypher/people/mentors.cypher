UNWIND $ids AS id
MATCH (mentee:Person {id: id})-[m:MENTORED_BY]->(mentor:Person)
WHERE ($audienceAdmin OR mentor.id = $audiencePerson OR CASE coalesce(mentor.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (mentor)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
WITH id, m, mentee, mentor ORDER BY m.status, m.since DESC, mentor.id
WITH id, {mentee: mentee.id, mentor: mentor.id, since: m.since, until: m.until, focus: m.focus, status: m.status,
  menteePerson: [p IN [mentee] | p {.id, .name, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' },
  profile: CASE WHEN ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) THEN p {.headline, .bio, .location, .timezone} END,
  privacy: CASE WHEN $audienceAdmin OR p.id = $audiencePerson THEN p {.visibility, .profileVisibility, .openToIntroductions} END}][0], mentorPerson: [p IN [mentor] | p {.id, .name, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' },
  profile: CASE WHEN ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) THEN p {.headline, .bio, .location, .timezone} END,
  privacy: CASE WHEN $audienceAdmin OR p.id = $audiencePerson THEN p {.visibility, .profileVisibility, .openToIntroductions} END}][0],
  focusSkills: COLLECT { UNWIND coalesce(m.focus, []) AS f MATCH (s:Skill {id: f}) RETURN s {.id, .name, .category, .description, broader: [(s)-[:PART_OF]->(b:Skill) | b.id][0]} }} AS r
RETURN r {.*, key: id} AS row
