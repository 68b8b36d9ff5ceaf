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
  CALL (me) {
    CALL (me) {
      MATCH (me)-[:KNOWS|MENTORED_BY]-(x:Person) WHERE x <> me AND ($audienceAdmin OR x.id = $audiencePerson OR CASE coalesce(x.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (x)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) AND x.availableToMentor RETURN DISTINCT x, 1 AS hops
      UNION ALL
      MATCH inner = (me)-[:KNOWS|MENTORED_BY*1..1]-(y:Person) WHERE all(n IN nodes(inner) WHERE n = me OR (coalesce(n.openToIntroductions, true) AND ($audienceAdmin OR n.id = $audiencePerson OR CASE coalesce(n.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (n)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)))
      WITH DISTINCT me, y MATCH (y)-[:KNOWS|MENTORED_BY]-(x:Person) WHERE x <> me AND ($audienceAdmin OR x.id = $audiencePerson OR CASE coalesce(x.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (x)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) AND x.availableToMentor RETURN DISTINCT x, 2 AS hops
      UNION ALL
      MATCH inner = (me)-[:KNOWS|MENTORED_BY*1..2]-(y:Person) WHERE all(n IN nodes(inner) WHERE n = me OR (coalesce(n.openToIntroductions, true) AND ($audienceAdmin OR n.id = $audiencePerson OR CASE coalesce(n.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (n)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)))
      WITH DISTINCT me, y MATCH (y)-[:KNOWS|MENTORED_BY]-(x:Person) WHERE x <> me AND ($audienceAdmin OR x.id = $audiencePerson OR CASE coalesce(x.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (x)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) AND x.availableToMentor RETURN DISTINCT x, 3 AS hops
    }
    RETURN x, min(hops) AS hops, null AS via
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
