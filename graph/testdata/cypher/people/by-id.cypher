UNWIND $ids AS id
MATCH (p:Person {id: id})
WHERE ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
RETURN p {.id, .name, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' },
  profile: CASE WHEN ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) THEN p {.headline, .bio, .location, .timezone} END,
  privacy: CASE WHEN $audienceAdmin OR p.id = $audiencePerson THEN p {.visibility, .profileVisibility, .openToIntroductions} END}
