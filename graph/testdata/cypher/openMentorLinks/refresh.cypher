UNWIND $ids AS id
MATCH (x:Person {id: id})
WITH x, CASE WHEN x.availableToMentor = true
  THEN coalesce(x.mentorCapacity, 0) > COUNT { (x)<-[r:MENTORED_BY]-() WHERE r.status = 'ACTIVE' }
  ELSE false END AS open
CALL (x, open) {
  MATCH (x)-[c:CAN_MENTOR|CAN_MENTOR_1|CAN_MENTOR_2|CAN_MENTOR_3|CAN_MENTOR_4|CAN_MENTOR_5]->(s:Skill)
  WHERE NOT open OR NOT EXISTS { (x)-[h:HAS_SKILL]->(s) WHERE type(c) = $prefix + toString(toInteger(h.level)) }
  DELETE c
}
CALL (x, open) {
  WITH x WHERE open
  MATCH (x)-[h:HAS_SKILL]->(s:Skill)
  WITH x, s, $prefix + toString(toInteger(h.level)) AS t
  WHERE toInteger(h.level) IN $levels AND NOT EXISTS { (x)-[c:CAN_MENTOR_1|CAN_MENTOR_2|CAN_MENTOR_3|CAN_MENTOR_4|CAN_MENTOR_5]->(s) WHERE type(c) = t }
  CREATE (x)-[:$(t)]->(s)
}
CALL (x) {
  MATCH (x)-[h:HAS_SKILL]->(s:Skill)
  WITH x, h, s, x.availableToMentor = true AS available
  WHERE CASE WHEN available THEN h.mentorSkill IS NULL OR h.mentorSkill <> s.id OR h.mentorPerson IS NULL OR h.mentorPerson <> x.id
    ELSE h.mentorSkill IS NOT NULL OR h.mentorPerson IS NOT NULL END
  SET h.mentorSkill = CASE WHEN available THEN s.id END, h.mentorPerson = CASE WHEN available THEN x.id END
}
