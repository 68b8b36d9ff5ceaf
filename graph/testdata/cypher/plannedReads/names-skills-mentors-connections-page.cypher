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
  skills: COLLECT { MATCH (p)-[h0:HAS_SKILL]->(s0:Skill) WITH h0, s0 ORDER BY h0.level DESC, s0.id
    RETURN {skill: s0 {.id, .name, .category, .description, broader: [(s0)-[:PART_OF]->(s0b:Skill) | s0b.id][0]}, level: h0.level, years: h0.years} },
  mentors: COLLECT { MATCH (p)-[m0:MENTORED_BY]->(p1:Person) WHERE ($audienceAdmin OR p1.id = $audiencePerson OR CASE coalesce(p1.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p1)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
    WITH m0, p1 ORDER BY m0.status, m0.since DESC, p1.id
    RETURN {since: m0.since, until: m0.until, focus: m0.focus, status: m0.status,
      focusSkills: COLLECT { UNWIND coalesce(m0.focus, []) AS f0 MATCH (fs0:Skill {id: f0}) RETURN fs0 {.id, .name, .category, .description, broader: [(fs0)-[:PART_OF]->(fs0b:Skill) | fs0b.id][0]} },
      other: p1 {.id, .name, .availableToMentor,
    .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt}} },
  connections20: COLLECT { MATCH (p)-[k0:KNOWS]-(p1:Person) WHERE ($audienceAdmin OR p1.id = $audiencePerson OR CASE coalesce(p1.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p1)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
    WITH k0, p1 ORDER BY p1.id LIMIT $first0_20
    RETURN {since: k0.since, person: p1 {.id, .name, .availableToMentor,
    .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt}} }} AS person, null AS score
