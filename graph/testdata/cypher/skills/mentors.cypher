UNWIND $ids AS id
MATCH (target:Skill {id: id})
CALL (target) {
  MATCH (s:Skill)-[:PART_OF*0..5]->(target)
  WHERE $narrower OR s = target
  RETURN collect(DISTINCT s.id) AS within
}
WITH target, within, [] AS found
CALL (within, found) {
  WITH within, found WHERE 0 < size($levels) AND size(found) < $limit
  UNWIND within AS skill
  CALL (skill, within) {
    MATCH (p:Person)-[h:HAS_SKILL]->()
    USING INDEX h:HAS_SKILL(mentorSkill, level, mentorPerson)
    WHERE h.mentorSkill = skill AND h.level = $levels[0]
      AND h.mentorPerson > CASE WHEN $levels[0] = $afterLevel THEN $after ELSE '' END
      AND p.availableToMentor AND ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
      AND NOT EXISTS { MATCH (p)-[higher:HAS_SKILL]->() WHERE higher.level > $levels[0] AND higher.mentorSkill IN within }
    WITH p, h ORDER BY h.mentorSkill, h.level, h.mentorPerson LIMIT $limit
    RETURN p, h.mentorPerson AS pid
  }
  WITH p, pid, min(skill) AS skill
  ORDER BY pid LIMIT $limit
  RETURN collect({p: p, level: $levels[0], skill: skill}) AS more
}
WITH target, within, found + more AS found
CALL (within, found) {
  WITH within, found WHERE 1 < size($levels) AND size(found) < $limit
  UNWIND within AS skill
  CALL (skill, within) {
    MATCH (p:Person)-[h:HAS_SKILL]->()
    USING INDEX h:HAS_SKILL(mentorSkill, level, mentorPerson)
    WHERE h.mentorSkill = skill AND h.level = $levels[1]
      AND h.mentorPerson > CASE WHEN $levels[1] = $afterLevel THEN $after ELSE '' END
      AND p.availableToMentor AND ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
      AND NOT EXISTS { MATCH (p)-[higher:HAS_SKILL]->() WHERE higher.level > $levels[1] AND higher.mentorSkill IN within }
    WITH p, h ORDER BY h.mentorSkill, h.level, h.mentorPerson LIMIT $limit
    RETURN p, h.mentorPerson AS pid
  }
  WITH p, pid, min(skill) AS skill
  ORDER BY pid LIMIT $limit
  RETURN collect({p: p, level: $levels[1], skill: skill}) AS more
}
WITH target, within, found + more AS found
CALL (within, found) {
  WITH within, found WHERE 2 < size($levels) AND size(found) < $limit
  UNWIND within AS skill
  CALL (skill, within) {
    MATCH (p:Person)-[h:HAS_SKILL]->()
    USING INDEX h:HAS_SKILL(mentorSkill, level, mentorPerson)
    WHERE h.mentorSkill = skill AND h.level = $levels[2]
      AND h.mentorPerson > CASE WHEN $levels[2] = $afterLevel THEN $after ELSE '' END
      AND p.availableToMentor AND ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
      AND NOT EXISTS { MATCH (p)-[higher:HAS_SKILL]->() WHERE higher.level > $levels[2] AND higher.mentorSkill IN within }
    WITH p, h ORDER BY h.mentorSkill, h.level, h.mentorPerson LIMIT $limit
    RETURN p, h.mentorPerson AS pid
  }
  WITH p, pid, min(skill) AS skill
  ORDER BY pid LIMIT $limit
  RETURN collect({p: p, level: $levels[2], skill: skill}) AS more
}
WITH target, within, found + more AS found
CALL (within, found) {
  WITH within, found WHERE 3 < size($levels) AND size(found) < $limit
  UNWIND within AS skill
  CALL (skill, within) {
    MATCH (p:Person)-[h:HAS_SKILL]->()
    USING INDEX h:HAS_SKILL(mentorSkill, level, mentorPerson)
    WHERE h.mentorSkill = skill AND h.level = $levels[3]
      AND h.mentorPerson > CASE WHEN $levels[3] = $afterLevel THEN $after ELSE '' END
      AND p.availableToMentor AND ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
      AND NOT EXISTS { MATCH (p)-[higher:HAS_SKILL]->() WHERE higher.level > $levels[3] AND higher.mentorSkill IN within }
    WITH p, h ORDER BY h.mentorSkill, h.level, h.mentorPerson LIMIT $limit
    RETURN p, h.mentorPerson AS pid
  }
  WITH p, pid, min(skill) AS skill
  ORDER BY pid LIMIT $limit
  RETURN collect({p: p, level: $levels[3], skill: skill}) AS more
}
WITH target, within, found + more AS found
CALL (within, found) {
  WITH within, found WHERE 4 < size($levels) AND size(found) < $limit
  UNWIND within AS skill
  CALL (skill, within) {
    MATCH (p:Person)-[h:HAS_SKILL]->()
    USING INDEX h:HAS_SKILL(mentorSkill, level, mentorPerson)
    WHERE h.mentorSkill = skill AND h.level = $levels[4]
      AND h.mentorPerson > CASE WHEN $levels[4] = $afterLevel THEN $after ELSE '' END
      AND p.availableToMentor AND ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
      AND NOT EXISTS { MATCH (p)-[higher:HAS_SKILL]->() WHERE higher.level > $levels[4] AND higher.mentorSkill IN within }
    WITH p, h ORDER BY h.mentorSkill, h.level, h.mentorPerson LIMIT $limit
    RETURN p, h.mentorPerson AS pid
  }
  WITH p, pid, min(skill) AS skill
  ORDER BY pid LIMIT $limit
  RETURN collect({p: p, level: $levels[4], skill: skill}) AS more
}
WITH target, within, found + more AS found
UNWIND found[..$limit] AS m
WITH target, m.p AS p, m.level AS level, m.skill AS skill
RETURN {person: p {.id, .name, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' },
  profile: CASE WHEN ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) THEN p {.headline, .bio, .location, .timezone} END,
  privacy: CASE WHEN $audienceAdmin OR p.id = $audiencePerson THEN p {.visibility, .profileVisibility, .openToIntroductions} END}, level: level, skill: skill, key: target.id} AS row
