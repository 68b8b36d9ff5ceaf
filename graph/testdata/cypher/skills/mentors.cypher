UNWIND $ids AS id
MATCH (target:Skill {id: id})
CALL (target) {
  MATCH (s:Skill)-[:PART_OF*0..5]->(target)
  WHERE $narrower OR s = target
  RETURN collect(DISTINCT s.id) AS within
}
CALL (within) {
  UNWIND $levels AS level
  UNWIND within AS skill
  CALL (level, skill, within) {
    MATCH (p:Person)-[h:HAS_SKILL]->()
    USING INDEX h:HAS_SKILL(mentorSkill, level, mentorPerson)
    WHERE h.mentorSkill = skill AND h.level = level
      AND h.mentorPerson > CASE WHEN level = $afterLevel THEN $after ELSE '' END
      AND p.availableToMentor AND ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
      AND NOT EXISTS { MATCH (p)-[higher:HAS_SKILL]->() WHERE higher.level > level AND higher.mentorSkill IN within }
    WITH p, h ORDER BY h.mentorSkill, h.level, h.mentorPerson LIMIT $limit
    RETURN p, h.mentorPerson AS pid
  }
  WITH level, p, pid, min(skill) AS skill
  ORDER BY level DESC, pid LIMIT $limit
  RETURN collect({person: p {.id, .name, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' },
  profile: CASE WHEN ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) THEN p {.headline, .bio, .location, .timezone} END,
  privacy: CASE WHEN $audienceAdmin OR p.id = $audiencePerson THEN p {.visibility, .profileVisibility, .openToIntroductions} END}, level: level, skill: skill}) AS rows
}
UNWIND rows AS row
RETURN row {.*, key: target.id} AS row
