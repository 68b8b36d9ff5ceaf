OPTIONAL MATCH (me:Person {id: $for}) WHERE ($audienceAdmin OR me.id = $audiencePerson OR CASE coalesce(me.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (me)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
OPTIONAL MATCH (target:Skill {id: $skill})
OPTIONAL CALL (me, target) {
  WITH me, target WHERE me IS NOT NULL AND target IS NOT NULL
  WITH me,
    COLLECT { MATCH (s:Skill)-[:PART_OF*0..5]->(target) WHERE $narrower OR s = target RETURN DISTINCT s } AS skills,
    COLLECT { MATCH (me)-[a:AFFILIATED_WITH]->(o:Organization) WHERE a.until IS NULL RETURN DISTINCT o } AS orgs,
    COLLECT { MATCH (me)-[r:MENTORED_BY]->(c:Person) WHERE $excludeCurrent AND r.status = 'ACTIVE' RETURN DISTINCT c } AS current
  CALL (me, skills, orgs, current) {
    CALL (me, skills) {
      UNWIND skills AS s
      MATCH (s)<-[:CAN_MENTOR_5]-(x)
      WHERE x <> me AND ($audienceAdmin OR x.id = $audiencePerson OR CASE coalesce(x.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (x)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
      WITH collect(DISTINCT x) AS candidates
      WITH candidates, COLLECT { MATCH (me)-[:KNOWS|MENTORED_BY]-(y) RETURN DISTINCT y } AS mine
      CALL (mine, candidates) {
        UNWIND CASE WHEN size(mine) <= 8 * size(candidates) THEN mine ELSE [] END AS y
        RETURN sum(COUNT { (y)-[:KNOWS|MENTORED_BY]-() }) AS fan
      }
      WITH candidates, mine, size(mine) <= 8 * size(candidates) AND fan <= 8 * size(candidates) AS forward
      CALL (me, candidates, mine, forward) {
        WITH * WHERE forward
        UNWIND mine AS y
        CALL (me, y, candidates) {
          WITH me, y AS x WHERE x IN candidates
          RETURN x, me AS through
          UNION ALL
          WITH me, y, candidates WHERE (coalesce(y.openToIntroductions, true) AND ($audienceAdmin OR y.id = $audiencePerson OR CASE coalesce(y.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (y)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END))
          MATCH (y)-[:KNOWS|MENTORED_BY]-(x) WHERE x <> me AND x IN candidates
          RETURN x, y AS through
        }
        RETURN x, through
        UNION ALL
        WITH * WHERE NOT forward
        UNWIND candidates AS x
        MATCH (x)-[:KNOWS|MENTORED_BY]-(y)
        WHERE y = me OR (y IN mine AND (coalesce(y.openToIntroductions, true) AND ($audienceAdmin OR y.id = $audiencePerson OR CASE coalesce(y.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (y)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)))
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
    WITH x, level, matched, hops, via, open,
      $wDistance * (1.0 / hops) AS distance, $wLevel * (level / 5.0) AS lvl,
      $wCapacity * ((CASE WHEN open < 3 THEN open ELSE 3 END) / 3.0) AS capacity, $wShared * shared AS sharedOrg
    WITH x, level, matched, hops, via, open, distance, lvl, capacity, sharedOrg, distance + lvl + capacity + sharedOrg AS score
    WHERE $afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND x.id > $after)
    ORDER BY score DESC, x.id LIMIT $limit
    RETURN collect({x: x, level: level, matched: matched, hops: hops, via: via, open: open,
      distance: distance, lvl: lvl, capacity: capacity, sharedOrg: sharedOrg, score: score}) AS page
  }
  CALL (me, page) {
    WITH me, page, reduce(d = [], m IN page | CASE WHEN coalesce(m.via, m.x) IN d THEN d ELSE d + coalesce(m.via, m.x) END) AS next
    CALL (me, next) {
      WITH me, next, COUNT { (me)-[:KNOWS|MENTORED_BY]-() } AS mine
      WITH me, next, mine <= reduce(t = 0, e IN next | t + CASE WHEN COUNT { (e)-[:KNOWS|MENTORED_BY]-() } < mine THEN COUNT { (e)-[:KNOWS|MENTORED_BY]-() } ELSE mine END) AS onePass
      CALL (me, next, onePass) {
        WITH me, next WHERE onePass
        MATCH (me)-[r:KNOWS|MENTORED_BY]-(e) WHERE e IN next
        RETURN r
        UNION ALL
        WITH me, next WHERE NOT onePass
        UNWIND next AS e
        MATCH (me)-[r:KNOWS|MENTORED_BY]-(e)
        RETURN r
      }
      RETURN collect(r) AS mineToNext
    }
    UNWIND page AS m
    WITH me, m, m.x AS x, coalesce(m.via, m.x) AS e, mineToNext
    WITH me, m, x, e, [r IN mineToNext WHERE startNode(r) = e OR endNode(r) = e] AS toE
    WITH me, m, x, e, head([r IN toE WHERE type(r) = 'KNOWS'] + [r IN toE WHERE startNode(r) = me] + toE) AS first,
      COLLECT { MATCH (e)-[r:KNOWS|MENTORED_BY]-(x) WHERE e <> x
        RETURN r ORDER BY type(r), CASE WHEN startNode(r) = e THEN 0 ELSE 1 END LIMIT 1 } AS second
    WITH m, CASE WHEN e = x THEN [me, x] ELSE [me, e, x] END AS walk, [first] + second AS links
    WITH m, walk, links, m.matched AS s
    RETURN collect({mentor: m.x.id, hops: m.hops, skill: s {.id, .name, .category, .description, broader: [(s)-[:PART_OF]->(b:Skill) | b.id][0]}, level: m.level, open: m.open,
      score: m.score, distance: m.distance, lvl: m.lvl, capacity: m.capacity, shared: m.sharedOrg,
      path: {steps: [i IN range(0, size(links) - 1) | {
      from: (walk[i]).id, to: (walk[i + 1]).id, type: type(links[i]),
      forward: startNode(links[i]) = walk[i], since: (links[i]).since}], people: [n IN walk | n.id]}}) AS rows, collect(walk) AS walks
  }
  RETURN rows, null AS total, [p IN COLLECT { UNWIND walks AS walk UNWIND walk AS n RETURN DISTINCT n } | p {.id, .name, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' },
  profile: CASE WHEN ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) THEN p {.headline, .bio, .location, .timezone} END,
  privacy: CASE WHEN $audienceAdmin OR p.id = $audiencePerson THEN p {.visibility, .profileVisibility, .openToIntroductions} END}] AS people
}
RETURN {person: me IS NOT NULL, skill: target IS NOT NULL, rows: rows, people: people, total: total} AS result
