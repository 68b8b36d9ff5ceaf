OPTIONAL MATCH (me:Person {id: $id}) WHERE ($audienceAdmin OR me.id = $audiencePerson OR CASE coalesce(me.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (me)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
CALL (me) {
  WITH me WHERE me IS NOT NULL
  MATCH path = ANY SHORTEST (me)-[:MENTORED_BY]->{1,3}(p:Person)
  WHERE p <> me AND ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) AND all(x IN nodes(path)[1..-1] WHERE (coalesce(x.openToIntroductions, true) AND ($audienceAdmin OR x.id = $audiencePerson OR CASE coalesce(x.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (x)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)))
  RETURN collect({p: p, generation: length(path)}) AS found
}
WITH me, found, [g IN range(1, 3) | [f IN found WHERE f.generation = g | f.p]] AS byGeneration
CALL (me, found, byGeneration) {
  UNWIND found AS f
  WITH me, byGeneration, f.p AS p, f.generation AS generation
  CALL (me, byGeneration, p, generation) {
    MATCH (q:Person)-[m:MENTORED_BY]->(p)
    WHERE CASE WHEN generation = 1 THEN q = me ELSE q IN byGeneration[generation - 2] END
    WITH q, m ORDER BY q.id, m.since
    LIMIT 1
    RETURN {from: q.id, since: m.since, status: m.status} AS via
  }
  RETURN collect({person: p {.id, .name, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' },
  profile: CASE WHEN ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) THEN p {.headline, .bio, .location, .timezone} END,
  privacy: CASE WHEN $audienceAdmin OR p.id = $audiencePerson THEN p {.visibility, .profileVisibility, .openToIntroductions} END}, generation: generation, via: via}) AS entries
}
RETURN {found: me IS NOT NULL, entries: entries,
  start: [p IN [me] WHERE p IS NOT NULL | p {.id, .name, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' },
  profile: CASE WHEN ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) THEN p {.headline, .bio, .location, .timezone} END,
  privacy: CASE WHEN $audienceAdmin OR p.id = $audiencePerson THEN p {.visibility, .profileVisibility, .openToIntroductions} END}][0]} AS result
