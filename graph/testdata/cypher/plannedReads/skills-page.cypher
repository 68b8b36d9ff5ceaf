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
  active: COUNT { (p)<-[act0:MENTORED_BY]-() WHERE act0.status = 'ACTIVE' },
  profile: CASE WHEN ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) THEN p {.headline, .bio, .location, .timezone} END,
  privacy: CASE WHEN $audienceAdmin OR p.id = $audiencePerson THEN p {.visibility, .profileVisibility, .openToIntroductions} END,
  skills: COLLECT { MATCH (p)-[h0:HAS_SKILL]->(s0:Skill) WITH h0, s0 ORDER BY h0.level DESC, s0.id
    RETURN {skill: s0 {.id, .name, .category, .description, broader: [(s0)-[:PART_OF]->(s0b:Skill) | s0b.id][0]}, level: h0.level, years: h0.years} }} AS person, null AS score
