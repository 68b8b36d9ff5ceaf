OPTIONAL MATCH (me:Person {id: $for})
OPTIONAL MATCH (target:Skill {id: $skill})
CALL (me, target) {
  WITH me, target WHERE me IS NOT NULL AND target IS NOT NULL
  WITH me,
    COLLECT { MATCH (s:Skill)-[:PART_OF*0..5]->(target) WHERE $narrower OR s = target RETURN DISTINCT s } AS skills,
    COLLECT { MATCH (me)-[a:AFFILIATED_WITH]->(o:Organization) WHERE a.until IS NULL RETURN DISTINCT o } AS orgs,
    COLLECT { MATCH (me)-[r:MENTORED_BY]->(c:Person) WHERE $excludeCurrent AND r.status = 'ACTIVE' RETURN DISTINCT c } AS current
  CALL (me, skills) {
    UNWIND skills AS s
    MATCH (s)<-[:CAN_MENTOR_2|CAN_MENTOR_3|CAN_MENTOR_4|CAN_MENTOR_5]-(x)
    WHERE x <> me
    WITH collect(DISTINCT x) AS candidates
    WITH candidates, COLLECT { MATCH (me)-[:MENTORED_BY]-(y) RETURN DISTINCT y } AS mine
    CALL (mine, candidates) {
      UNWIND CASE WHEN size(mine) <= 8 * size(candidates) THEN mine ELSE [] END AS y
      RETURN sum(COUNT { (y)-[:MENTORED_BY]-() }) AS fan
    }
    WITH candidates, mine, size(mine) <= 8 * size(candidates) AND fan <= 8 * size(candidates) AS forward
    CALL (me, candidates, mine, forward) {
      WITH * WHERE forward
      UNWIND mine AS y
      CALL (me, y, candidates) {
        WITH me, y AS x WHERE x IN candidates
        RETURN x, me AS through
        UNION ALL
        MATCH (y)-[:MENTORED_BY]-(x) WHERE x <> me AND x IN candidates
        RETURN x, y AS through
      }
      RETURN x, through
      UNION ALL
      WITH * WHERE NOT forward
      UNWIND candidates AS x
      MATCH (x)-[:MENTORED_BY]-(y)
      WHERE y = me OR y IN mine
      RETURN x, y AS through
    }
    WITH DISTINCT x, through ORDER BY through.id
    WITH x, collect(through) AS ys
    WITH x, ys, CASE WHEN me IN ys THEN 1 ELSE 2 END AS hops
    RETURN x, hops, CASE WHEN hops = 2 THEN ys[0] END AS via
  }
  WITH * WHERE NOT x IN current
  CALL (x, skills) {
    MATCH (x)-[h:HAS_SKILL]->(s:Skill) WHERE s IN skills AND h.level >= $minLevel
    RETURN h.level AS level, s.id AS skillId, s AS matched ORDER BY level DESC, skillId LIMIT 1
  }
  WITH me, orgs, x, level, matched, hops, via,
    CASE WHEN x.availableToMentor
      THEN coalesce(x.mentorCapacity, 0) - COUNT { (x)<-[r:MENTORED_BY]-() WHERE r.status = 'ACTIVE' }
      ELSE 0 END AS open
  WHERE NOT $availableOnly OR open > 0
  WITH me, x, level, matched, hops, via, CASE WHEN open < 0 THEN 0 ELSE open END AS open,
    CASE WHEN size(orgs) > 0 AND EXISTS { (x)-[b:AFFILIATED_WITH]->(o:Organization) WHERE b.until IS NULL AND o IN orgs }
      THEN 1.0 ELSE 0.0 END AS shared
  WITH me, x, level, matched, hops, via, open,
    $wDistance * (1.0 / hops) AS distance, $wLevel * (level / 5.0) AS lvl,
    $wCapacity * ((CASE WHEN open < 3 THEN open ELSE 3 END) / 3.0) AS capacity, $wShared * shared AS sharedOrg
  WITH me, x, level, matched, hops, via, open, distance, lvl, capacity, sharedOrg, distance + lvl + capacity + sharedOrg AS score
  WHERE $afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND x.id > $after)
  ORDER BY score DESC, x.id LIMIT $limit
  CALL (me, x, hops, via) {
    WITH me, x WHERE hops = 1
    MATCH path = (me)-[r:MENTORED_BY]-(x)
    RETURN path ORDER BY type(r) LIMIT 1
    UNION
    WITH me, x, via WHERE hops = 2
    MATCH path = (me)-[:MENTORED_BY]-(via)-[:MENTORED_BY]-(x)
    RETURN path LIMIT 1
  }
  WITH x, path, matched AS s, level, hops, open, distance, lvl, capacity, sharedOrg, score
  WITH collect({mentor: x.id, hops: hops, skill: s {.id, .name, .category, .description, broader: [(s)-[:PART_OF]->(b:Skill) | b.id][0]}, level: level, open: open,
    score: score, distance: distance, lvl: lvl, capacity: capacity, shared: sharedOrg,
    path: {steps: [i IN range(0, length(path) - 1) | {
    from: (nodes(path)[i]).id, to: (nodes(path)[i + 1]).id, type: type(relationships(path)[i]),
    forward: startNode(relationships(path)[i]) = nodes(path)[i], since: (relationships(path)[i]).since}], people: [pathNode IN nodes(path) | pathNode.id]}}) AS rows, collect(nodes(path)) AS walks
  RETURN rows, [p IN COLLECT { UNWIND walks AS walk UNWIND walk AS n RETURN DISTINCT n } | p {.id, .name, .headline, .bio, .location, .timezone, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' }}] AS people
}
RETURN {person: me IS NOT NULL, skill: target IS NOT NULL, rows: rows, people: people} AS result
