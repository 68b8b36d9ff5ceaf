OPTIONAL MATCH (me:Person {id: $for}) WHERE ($audienceAdmin OR me.id = $audiencePerson OR CASE coalesce(me.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (me)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
WITH me, [id IN $skills WHERE NOT EXISTS { MATCH (:Skill {id: id}) }] AS missing
CALL (me, missing) {
  WITH me WHERE me IS NOT NULL AND size(missing) = 0
  CALL () {
    UNWIND $skills AS id
    MATCH (t:Skill {id: id})
    RETURN collect({id: id, within: COLLECT { MATCH (s:Skill)-[:PART_OF*0..5]->(t) RETURN DISTINCT s }}) AS asked
  }
  WITH me, asked, reduce(all = [], a IN asked | all + a.within) AS skills
  CALL (me, skills) {
    UNWIND skills AS s
    MATCH (s)<-[:CAN_MENTOR_3|CAN_MENTOR_4|CAN_MENTOR_5]-(x)
    WHERE x <> me AND ($audienceAdmin OR x.id = $audiencePerson OR CASE coalesce(x.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (x)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
    WITH collect(DISTINCT x) AS candidates
    WITH candidates, COLLECT { MATCH (me)-[:KNOWS|MENTORED_BY]-(y) RETURN DISTINCT y } AS mine
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
      MATCH (x)-[:KNOWS|MENTORED_BY]-(y)
      WHERE y = me
      RETURN x, y AS through
    }
    WITH DISTINCT x, through ORDER BY through.id
    WITH x, collect(through) AS ys
    WITH x, ys, CASE WHEN me IN ys THEN 1 ELSE 2 END AS hops
    RETURN x, hops, CASE WHEN hops = 2 THEN ys[0] END AS via
  }
  WITH * WHERE x.availableToMentor = true AND coalesce(x.mentorCapacity, 0) > COUNT { (x)<-[r:MENTORED_BY]-() WHERE r.status = 'ACTIVE' }
  CALL (x, asked) {
    MATCH (x)-[h:HAS_SKILL]->(s:Skill) WHERE h.level >= $minLevel
    UNWIND asked AS a
    WITH a, s, h WHERE s IN a.within
    RETURN a.id AS skill, max(h.level) AS level
  }
  WITH x, hops, collect({skill: skill, level: level}) AS cover
  RETURN collect({id: x.id, hops: hops, cover: cover}) AS candidates
}
RETURN {person: me IS NOT NULL, missing: missing, candidates: candidates,
  skills: [id IN $skills WHERE NOT id IN missing | head(COLLECT { MATCH (s:Skill {id: id}) RETURN s {.id, .name, .category, .description, broader: [(s)-[:PART_OF]->(b:Skill) | b.id][0]} })]} AS result
