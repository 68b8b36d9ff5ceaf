MATCH (p:Person) WHERE p.id > $after
WITH p ORDER BY p.id LIMIT $limit
WITH collect(p) AS page
RETURN last(page).id AS last, [p IN page | p {.id, .name, .headline, .bio, .location, .timezone,
  .availableToMentor, .mentorCapacity, .seekingMentorship, .visibility, .profileVisibility, .openToIntroductions}] AS rows
