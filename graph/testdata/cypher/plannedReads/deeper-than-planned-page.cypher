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
    RETURN {skill: s0 {.id, .name, .category, .description, broader: [(s0)-[:PART_OF]->(s0b:Skill) | s0b.id][0]}, level: h0.level, years: h0.years} },
  mentors: COLLECT { MATCH (p)-[m0:MENTORED_BY]->(p1:Person) WHERE ($audienceAdmin OR p1.id = $audiencePerson OR CASE coalesce(p1.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p1)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
    WITH m0, p1 ORDER BY m0.status, m0.since DESC, p1.id
    RETURN {since: m0.since, until: m0.until, focus: m0.focus, status: m0.status,
      focusSkills: COLLECT { UNWIND coalesce(m0.focus, []) AS f0 MATCH (fs0:Skill {id: f0}) RETURN fs0 {.id, .name, .category, .description, broader: [(fs0)-[:PART_OF]->(fs0b:Skill) | fs0b.id][0]} },
      other: p1 {.id, .name, .availableToMentor,
    .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
    active: COUNT { (p1)<-[act1:MENTORED_BY]-() WHERE act1.status = 'ACTIVE' },
    profile: CASE WHEN ($audienceAdmin OR p1.id = $audiencePerson OR CASE coalesce(p1.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p1)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) THEN p1 {.headline, .bio, .location, .timezone} END,
    privacy: CASE WHEN $audienceAdmin OR p1.id = $audiencePerson THEN p1 {.visibility, .profileVisibility, .openToIntroductions} END,
    skills: COLLECT { MATCH (p1)-[h1:HAS_SKILL]->(s1:Skill) WITH h1, s1 ORDER BY h1.level DESC, s1.id
      RETURN {skill: s1 {.id, .name, .category, .description, broader: [(s1)-[:PART_OF]->(s1b:Skill) | s1b.id][0]}, level: h1.level, years: h1.years} },
    mentors: COLLECT { MATCH (p1)-[m1:MENTORED_BY]->(p2:Person) WHERE ($audienceAdmin OR p2.id = $audiencePerson OR CASE coalesce(p2.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p2)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
      WITH m1, p2 ORDER BY m1.status, m1.since DESC, p2.id
      RETURN {since: m1.since, until: m1.until, focus: m1.focus, status: m1.status,
        focusSkills: COLLECT { UNWIND coalesce(m1.focus, []) AS f1 MATCH (fs1:Skill {id: f1}) RETURN fs1 {.id, .name, .category, .description, broader: [(fs1)-[:PART_OF]->(fs1b:Skill) | fs1b.id][0]} },
        other: p2 {.id, .name, .availableToMentor,
      .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
      active: COUNT { (p2)<-[act2:MENTORED_BY]-() WHERE act2.status = 'ACTIVE' },
      profile: CASE WHEN ($audienceAdmin OR p2.id = $audiencePerson OR CASE coalesce(p2.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p2)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) THEN p2 {.headline, .bio, .location, .timezone} END,
      privacy: CASE WHEN $audienceAdmin OR p2.id = $audiencePerson THEN p2 {.visibility, .profileVisibility, .openToIntroductions} END,
      skills: COLLECT { MATCH (p2)-[h2:HAS_SKILL]->(s2:Skill) WITH h2, s2 ORDER BY h2.level DESC, s2.id
        RETURN {skill: s2 {.id, .name, .category, .description, broader: [(s2)-[:PART_OF]->(s2b:Skill) | s2b.id][0]}, level: h2.level, years: h2.years} },
      mentors: COLLECT { MATCH (p2)-[m2:MENTORED_BY]->(p3:Person) WHERE ($audienceAdmin OR p3.id = $audiencePerson OR CASE coalesce(p3.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p3)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
        WITH m2, p3 ORDER BY m2.status, m2.since DESC, p3.id
        RETURN {since: m2.since, until: m2.until, focus: m2.focus, status: m2.status,
          focusSkills: COLLECT { UNWIND coalesce(m2.focus, []) AS f2 MATCH (fs2:Skill {id: f2}) RETURN fs2 {.id, .name, .category, .description, broader: [(fs2)-[:PART_OF]->(fs2b:Skill) | fs2b.id][0]} },
          other: p3 {.id, .name, .availableToMentor,
        .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
        active: COUNT { (p3)<-[act3:MENTORED_BY]-() WHERE act3.status = 'ACTIVE' },
        profile: CASE WHEN ($audienceAdmin OR p3.id = $audiencePerson OR CASE coalesce(p3.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p3)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) THEN p3 {.headline, .bio, .location, .timezone} END,
        privacy: CASE WHEN $audienceAdmin OR p3.id = $audiencePerson THEN p3 {.visibility, .profileVisibility, .openToIntroductions} END}} }}} }}} }} AS person, null AS score
