OPTIONAL MATCH (me:Person {id: $for})
OPTIONAL MATCH (target:Skill {id: $skill})
CALL (me, target) {
  WITH me, target WHERE me IS NOT NULL AND target IS NOT NULL
  WITH me,
    COLLECT { MATCH (s:Skill)-[:PART_OF*0..5]->(target) WHERE $narrower OR s = target RETURN DISTINCT s } AS skills,
    COLLECT { MATCH (me)-[a:AFFILIATED_WITH]->(o:Organization) WHERE a.until IS NULL RETURN DISTINCT o } AS orgs,
    COLLECT { MATCH (me)-[r:MENTORED_BY]->(c:Person) WHERE $excludeCurrent AND r.status = 'ACTIVE' RETURN DISTINCT c } AS current
  CALL (me) {
    CALL (me) {
      MATCH (me)-[:MENTORED_BY]-(x:Person) WHERE x <> me AND (NOT $availableOnly OR x.availableToMentor) RETURN DISTINCT x, 1 AS hops
      UNION ALL
      MATCH (me)-[:MENTORED_BY*1..2]-(x:Person) WHERE x <> me AND (NOT $availableOnly OR x.availableToMentor) RETURN DISTINCT x, 2 AS hops
      UNION ALL
      MATCH (me)-[:MENTORED_BY*1..3]-(x:Person) WHERE x <> me AND (NOT $availableOnly OR x.availableToMentor) RETURN DISTINCT x, 3 AS hops
    }
    RETURN x, min(hops) AS hops, null AS via
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
  MATCH path = shortestPath((me)-[:MENTORED_BY*1..3]-(x))
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
