MATCH (p:Person)
WHERE p.id > $after AND
  ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
  AND ($available IS NULL OR p.availableToMentor = $available)
  AND ($seeking IS NULL OR p.seekingMentorship = $seeking)
  AND ($org IS NULL OR EXISTS { MATCH (p)-[a:AFFILIATED_WITH]->(:Organization {id: $org}) WHERE a.until IS NULL })
  AND ($skill IS NULL OR EXISTS {
    MATCH (p)-[h:HAS_SKILL]->(s:Skill)
    WHERE h.level >= $minLevel
      AND (s.id = $skill OR ($narrower AND EXISTS { MATCH (s)-[:PART_OF*1..5]->(:Skill {id: $skill}) }))
  })
WITH p ORDER BY p.id LIMIT $limit
RETURN p {.id, .name, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' },
  profile: CASE WHEN ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) THEN p {.headline, .bio, .location, .timezone} END,
  privacy: CASE WHEN $audienceAdmin OR p.id = $audiencePerson THEN p {.visibility, .profileVisibility, .openToIntroductions} END} AS person, null AS score
