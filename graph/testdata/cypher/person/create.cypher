CREATE (p:Person {id: $id, name: $name, headline: $headline, bio: $bio, location: $location,
  timezone: $timezone, availableToMentor: $available, mentorCapacity: $capacity,
  seekingMentorship: $seeking, createdAt: datetime(), updatedAt: datetime()})
RETURN p {.id, .name, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' },
  profile: CASE WHEN ($admin OR p.id = $viewer OR CASE coalesce(p.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $member WHEN 'CONNECTIONS' THEN $member AND EXISTS { (p)-[:KNOWS]-(:Person {id: $viewer}) } ELSE false END) THEN p {.headline, .bio, .location, .timezone} END,
  privacy: CASE WHEN $admin OR p.id = $viewer THEN p {.visibility, .profileVisibility, .openToIntroductions} END}
