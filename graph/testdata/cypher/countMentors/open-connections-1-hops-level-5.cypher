OPTIONAL MATCH (me:Person {id: $for}) WHERE ($audienceAdmin OR me.id = $audiencePerson OR CASE coalesce(me.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (me)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
OPTIONAL MATCH (target:Skill {id: $skill})
CALL (me, target) {
  WITH me, target WHERE me IS NOT NULL AND target IS NOT NULL
  WITH me,
    COLLECT { MATCH (s:Skill)-[:PART_OF*0..5]->(target) WHERE $narrower OR s = target RETURN DISTINCT s } AS skills,
    COLLECT { MATCH (me)-[r:MENTORED_BY]->(c:Person) WHERE $excludeCurrent AND r.status = 'ACTIVE' RETURN DISTINCT c } AS current
  CALL (me, skills) {
    UNWIND skills AS s
    MATCH (s)<-[:CAN_MENTOR_5]-(x)
    WHERE x <> me AND ($audienceAdmin OR x.id = $audiencePerson OR CASE coalesce(x.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (x)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
    WITH collect(DISTINCT x) AS candidates
    WITH candidates, COLLECT { MATCH (me)-[:KNOWS]-(y) RETURN DISTINCT y } AS mine
    WITH candidates, mine, size(mine) <= 8 * size(candidates) AS forward
    CALL (me, candidates, mine, forward) {
      WITH * WHERE forward
      UNWIND mine AS y
      CALL (me, y, candidates) {
        WITH me, y AS x WHERE x IN candidates
        RETURN x, me AS through
      }
      RETURN x, through
      UNION ALL
      WITH * WHERE NOT forward
      UNWIND candidates AS x
      MATCH (x)-[:KNOWS]-(y)
      WHERE y = me
      RETURN x, y AS through
    }
    WITH DISTINCT x, through ORDER BY through.id
    WITH x, collect(through) AS ys
    WITH x, ys, CASE WHEN me IN ys THEN 1 ELSE 2 END AS hops
    RETURN x, hops, CASE WHEN hops = 2 THEN ys[0] END AS via
  }
  WITH * WHERE NOT x IN current
    AND EXISTS { (x)-[h:HAS_SKILL]->(s:Skill) WHERE s IN skills AND h.level >= $minLevel }
    AND (NOT $availableOnly
      OR coalesce(x.mentorCapacity, 0) > COUNT { (x)<-[r:MENTORED_BY]-() WHERE r.status = 'ACTIVE' })
  RETURN count(x) AS n
}
RETURN {person: me IS NOT NULL, skill: target IS NOT NULL, n: n} AS result
