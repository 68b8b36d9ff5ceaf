UNWIND $ids AS id
MATCH (target:Skill {id: id})
CALL (target) {
  MATCH (s:Skill)-[:PART_OF*0..5]->(target)
  WHERE $narrower OR s = target
  WITH DISTINCT s
  MATCH (p:Person)-[h:HAS_SKILL]->(s)
  WHERE p.availableToMentor AND h.level >= $minLevel AND ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
  WITH p, h.level AS level, s.id AS skill ORDER BY level DESC, skill
  WITH p, collect({level: level, skill: skill})[0] AS best
  WHERE $afterLevel IS NULL OR best.level < $afterLevel OR (best.level = $afterLevel AND p.id > $after)
  WITH p, best ORDER BY best.level DESC, p.id LIMIT $limit
  RETURN collect({person: p {.id, .name, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' },
  profile: CASE WHEN ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) THEN p {.headline, .bio, .location, .timezone} END,
  privacy: CASE WHEN $audienceAdmin OR p.id = $audiencePerson THEN p {.visibility, .profileVisibility, .openToIntroductions} END}, level: best.level, skill: best.skill}) AS rows
}
UNWIND rows AS row
RETURN row {.*, key: target.id} AS row
