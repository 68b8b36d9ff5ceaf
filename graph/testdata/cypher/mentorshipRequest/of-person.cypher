MATCH (:Person {id: $person})-[q:MENTORSHIP_REQUEST]-(:Person)
WHERE (q.requestedBy <> $person) = $received
WITH q, startNode(q) AS mentee, endNode(q) AS mentor
ORDER BY q.requestedAt DESC, mentee.id, mentor.id
LIMIT $limit
RETURN {mentee: mentee.id, mentor: mentor.id, requestedBy: q.requestedBy, focus: q.focus, message: q.message, requestedAt: q.requestedAt,
  menteePerson: mentee {.id, .name, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (mentee)<-[ma:MENTORED_BY]-() WHERE ma.status = 'ACTIVE' },
  profile: CASE WHEN ($audienceAdmin OR mentee.id = $audiencePerson OR CASE coalesce(mentee.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (mentee)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) THEN mentee {.headline, .bio, .location, .timezone} END,
  privacy: CASE WHEN $audienceAdmin OR mentee.id = $audiencePerson THEN mentee {.visibility, .profileVisibility, .openToIntroductions} END},
  mentorPerson: mentor {.id, .name, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (mentor)<-[mb:MENTORED_BY]-() WHERE mb.status = 'ACTIVE' },
  profile: CASE WHEN ($audienceAdmin OR mentor.id = $audiencePerson OR CASE coalesce(mentor.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (mentor)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) THEN mentor {.headline, .bio, .location, .timezone} END,
  privacy: CASE WHEN $audienceAdmin OR mentor.id = $audiencePerson THEN mentor {.visibility, .profileVisibility, .openToIntroductions} END}} AS q
