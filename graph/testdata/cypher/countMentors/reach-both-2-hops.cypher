OPTIONAL MATCH (me:Person {id: $for}) WHERE ($audienceAdmin OR me.id = $audiencePerson OR CASE coalesce(me.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (me)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
OPTIONAL MATCH (target:Skill {id: $skill})
CALL (me, target) {
  WITH me, target WHERE me IS NOT NULL AND target IS NOT NULL
  WITH me,
    COLLECT { MATCH (s:Skill)-[:PART_OF*0..5]->(target) WHERE $narrower OR s = target RETURN DISTINCT s } AS skills,
    COLLECT { MATCH (me)-[r:MENTORED_BY]->(c:Person) WHERE $excludeCurrent AND r.status = 'ACTIVE' RETURN DISTINCT c } AS current
  CALL (me) {
    MATCH (me)-[:KNOWS|MENTORED_BY*1..2]-(x:Person)
    WHERE x <> me AND (NOT $availableOnly OR x.availableToMentor)
    RETURN DISTINCT x
  }
  WITH * WHERE NOT x IN current
    AND EXISTS { (x)-[h:HAS_SKILL]->(s:Skill) WHERE s IN skills AND h.level >= $minLevel }
    AND (NOT $availableOnly
      OR coalesce(x.mentorCapacity, 0) > COUNT { (x)<-[r:MENTORED_BY]-() WHERE r.status = 'ACTIVE' })
  RETURN count(x) AS n
}
RETURN {person: me IS NOT NULL, skill: target IS NOT NULL, n: n} AS result
