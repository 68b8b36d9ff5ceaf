CREATE (p:Person {id: $id, name: $name, headline: $headline, bio: $bio, location: $location,
  timezone: $timezone, availableToMentor: $available, mentorCapacity: $capacity,
  seekingMentorship: $seeking, createdAt: datetime(), updatedAt: datetime()})
RETURN p {.id, .name, .headline, .bio, .location, .timezone, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' }}
