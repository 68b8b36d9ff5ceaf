UNWIND $ids AS id
MATCH (p:Person {id: id})
WHERE ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
RETURN p {.id, .name, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  mentors: COLLECT { MATCH (p)-[m0:MENTORED_BY]->(p1:Person) WHERE ($audienceAdmin OR p1.id = $audiencePerson OR CASE coalesce(p1.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p1)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
    WITH m0, p1 ORDER BY m0.status, m0.since DESC, p1.id
    RETURN {since: m0.since, until: m0.until, focus: m0.focus, status: m0.status,
      focusSkills: COLLECT { UNWIND coalesce(m0.focus, []) AS f0 MATCH (fs0:Skill {id: f0}) RETURN fs0 {.id, .name, .category, .description, broader: [(fs0)-[:PART_OF]->(fs0b:Skill) | fs0b.id][0]} },
      other: p1 {.id, .name, .availableToMentor,
    .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
    active: COUNT { (p1)<-[act1:MENTORED_BY]-() WHERE act1.status = 'ACTIVE' },
    privacy: CASE WHEN $audienceAdmin OR p1.id = $audiencePerson THEN p1 {.visibility, .profileVisibility, .openToIntroductions} END,
    mentees: COLLECT { MATCH (p1)<-[m1:MENTORED_BY]-(p2:Person) WHERE ($audienceAdmin OR p2.id = $audiencePerson OR CASE coalesce(p2.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p2)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
      WITH m1, p2 ORDER BY m1.status, m1.since DESC, p2.id
      RETURN {since: m1.since, until: m1.until, focus: m1.focus, status: m1.status,
        focusSkills: COLLECT { UNWIND coalesce(m1.focus, []) AS f1 MATCH (fs1:Skill {id: f1}) RETURN fs1 {.id, .name, .category, .description, broader: [(fs1)-[:PART_OF]->(fs1b:Skill) | fs1b.id][0]} },
        other: p2 {.id, .name, .availableToMentor,
      .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
      active: COUNT { (p2)<-[act2:MENTORED_BY]-() WHERE act2.status = 'ACTIVE' },
      profile: CASE WHEN ($audienceAdmin OR p2.id = $audiencePerson OR CASE coalesce(p2.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p2)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) THEN p2 {.headline, .bio, .location, .timezone} END}} }}} },
  connections3: COLLECT { MATCH (p)-[k0:KNOWS]-(p1:Person) WHERE ($audienceAdmin OR p1.id = $audiencePerson OR CASE coalesce(p1.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p1)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
    WITH k0, p1 ORDER BY p1.id LIMIT $first0_3
    RETURN {since: k0.since, person: p1 {.id, .name, .availableToMentor,
    .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
    profile: CASE WHEN ($audienceAdmin OR p1.id = $audiencePerson OR CASE coalesce(p1.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p1)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) THEN p1 {.headline, .bio, .location, .timezone} END}} }} AS person
