OPTIONAL MATCH (me:Person {id: $id}) WHERE ($audienceAdmin OR me.id = $audiencePerson OR CASE coalesce(me.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (me)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
CALL (me) {
  WITH me WHERE me IS NOT NULL
  UNWIND CASE WHEN $skills IS NULL
    THEN COLLECT { MATCH (me)-[h:HAS_SKILL]->(k:Skill) WHERE h.level >= $keyLevel RETURN k.id }
    ELSE $skills END AS keyID
  OPTIONAL MATCH (k:Skill {id: keyID})
  WITH me, keyID, k, COLLECT { MATCH (n:Skill)-[:PART_OF*0..5]->(k) RETURN DISTINCT n } AS within
  WITH keyID, k, within,
    COLLECT { MATCH (me)-[h:HAS_SKILL]->(n:Skill) WHERE n IN within RETURN h.level ORDER BY h.level DESC LIMIT 1 } AS best
  WITH keyID, k, within, coalesce(best[0], 0) AS target ORDER BY keyID
  RETURN collect({id: keyID, found: k IS NOT NULL, within: within, target: target,
    skills: [s IN within | s {.id, .name, .category, .description, broader: [(s)-[:PART_OF]->(b:Skill) | b.id][0]}]}) AS keys
}
CALL (me, keys) {
  WITH me, [k IN keys WHERE k.target > 0] AS measured
  WHERE me IS NOT NULL AND size(measured) > 0
  MATCH path = ANY SHORTEST (me)<-[:MENTORED_BY]-{1,2}(p:Person)
  WHERE p <> me AND ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) AND all(x IN nodes(path)[1..-1] WHERE (coalesce(x.openToIntroductions, true) AND ($audienceAdmin OR x.id = $audiencePerson OR CASE coalesce(x.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (x)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)))
  WITH p, length(path) AS generation, measured
  CALL (p, measured) {
    UNWIND measured AS key
    MATCH (p)-[h:HAS_SKILL]->(n:Skill)
    WHERE n IN key.within
    WITH key, h.level AS level, n.id AS held ORDER BY level DESC, held
    WITH key, collect({level: level, held: held})[0] AS best
    WITH key, best ORDER BY key.id
    RETURN collect({skill: key.id, held: best.held, level: best.level, target: key.target}) AS covered
  }
  WITH p, generation, covered WHERE size(covered) > 0
  RETURN collect({person: p {.id, .name, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' },
  profile: CASE WHEN ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) THEN p {.headline, .bio, .location, .timezone} END,
  privacy: CASE WHEN $audienceAdmin OR p.id = $audiencePerson THEN p {.visibility, .profileVisibility, .openToIntroductions} END}, generation: generation, covered: covered}) AS candidates
}
RETURN {found: me IS NOT NULL, keys: [k IN keys | k {.id, .found, .target, .skills}], candidates: candidates} AS result
