OPTIONAL MATCH (me:Person {id: $for}) WHERE ($audienceAdmin OR me.id = $audiencePerson OR CASE coalesce(me.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (me)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
OPTIONAL MATCH (target:Skill {id: $skill})
OPTIONAL CALL (me, target) {
  WITH me, target WHERE me IS NOT NULL AND target IS NOT NULL
  WITH me,
    COLLECT { MATCH (s:Skill)-[:PART_OF*0..5]->(target) WHERE $narrower OR s = target RETURN DISTINCT s } AS skills,
    COLLECT { MATCH (me)-[a:AFFILIATED_WITH]->(o:Organization) WHERE a.until IS NULL RETURN DISTINCT o } AS orgs,
    COLLECT { MATCH (me)-[r:MENTORED_BY]->(c:Person) WHERE $excludeCurrent AND r.status = 'ACTIVE' RETURN DISTINCT c } AS current
  CALL (me, skills, orgs, current) {
    CALL (me) {
      CALL (me) {
        MATCH (me)-[:KNOWS]-(x:Person) WHERE x <> me AND ($audienceAdmin OR x.id = $audiencePerson OR CASE coalesce(x.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (x)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) AND (NOT $availableOnly OR x.availableToMentor) RETURN DISTINCT x, 1 AS hops
        UNION ALL
        MATCH inner = (me)-[:KNOWS*1..1]-(y:Person) WHERE all(n IN nodes(inner) WHERE n = me OR (coalesce(n.openToIntroductions, true) AND ($audienceAdmin OR n.id = $audiencePerson OR CASE coalesce(n.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (n)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)))
        WITH DISTINCT me, y MATCH (y)-[:KNOWS]-(x:Person) WHERE x <> me AND ($audienceAdmin OR x.id = $audiencePerson OR CASE coalesce(x.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (x)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) AND (NOT $availableOnly OR x.availableToMentor) RETURN DISTINCT x, 2 AS hops
        UNION ALL
        MATCH inner = (me)-[:KNOWS*1..2]-(y:Person) WHERE all(n IN nodes(inner) WHERE n = me OR (coalesce(n.openToIntroductions, true) AND ($audienceAdmin OR n.id = $audiencePerson OR CASE coalesce(n.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (n)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)))
        WITH DISTINCT me, y MATCH (y)-[:KNOWS]-(x:Person) WHERE x <> me AND ($audienceAdmin OR x.id = $audiencePerson OR CASE coalesce(x.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (x)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) AND (NOT $availableOnly OR x.availableToMentor) RETURN DISTINCT x, 3 AS hops
        UNION ALL
        MATCH inner = (me)-[:KNOWS*1..3]-(y:Person) WHERE all(n IN nodes(inner) WHERE n = me OR (coalesce(n.openToIntroductions, true) AND ($audienceAdmin OR n.id = $audiencePerson OR CASE coalesce(n.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (n)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)))
        WITH DISTINCT me, y MATCH (y)-[:KNOWS]-(x:Person) WHERE x <> me AND ($audienceAdmin OR x.id = $audiencePerson OR CASE coalesce(x.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (x)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) AND (NOT $availableOnly OR x.availableToMentor) RETURN DISTINCT x, 4 AS hops
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
    WITH x, level, matched, hops, via, open,
      $wDistance * (1.0 / hops) AS distance, $wLevel * (level / 5.0) AS lvl,
      $wCapacity * ((CASE WHEN open < 3 THEN open ELSE 3 END) / 3.0) AS capacity, $wShared * shared AS sharedOrg
    WITH x, level, matched, hops, via, open, distance, lvl, capacity, sharedOrg, distance + lvl + capacity + sharedOrg AS score
    ORDER BY score DESC, x.id
    RETURN count(*) AS total,
      collect(CASE WHEN $afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND x.id > $after)
        THEN {x: x, level: level, matched: matched, hops: hops, via: via, open: open,
      distance: distance, lvl: lvl, capacity: capacity, sharedOrg: sharedOrg, score: score} END)[0..$limit] AS page
  }
  CALL (me, page) {
    UNWIND page AS m
    WITH me, m, m.x AS x
    MATCH path = shortestPath((me)-[:KNOWS*1..4]-(x))
    WHERE all(n IN nodes(path) WHERE n = me OR n = x OR (coalesce(n.openToIntroductions, true) AND ($audienceAdmin OR n.id = $audiencePerson OR CASE coalesce(n.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (n)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)))
    WITH m, nodes(path) AS walk, relationships(path) AS links
    WITH m, walk, links, m.matched AS s
    RETURN collect({mentor: m.x.id, hops: m.hops, skill: s {.id, .name, .category, .description, broader: [(s)-[:PART_OF]->(b:Skill) | b.id][0]}, level: m.level, open: m.open,
      score: m.score, distance: m.distance, lvl: m.lvl, capacity: m.capacity, shared: m.sharedOrg,
      path: {steps: [i IN range(0, size(links) - 1) | {
      from: (walk[i]).id, to: (walk[i + 1]).id, type: type(links[i]),
      forward: startNode(links[i]) = walk[i], since: (links[i]).since}], people: [n IN walk | n.id]}}) AS rows, collect(walk) AS walks
  }
  RETURN rows, total, [p IN COLLECT { UNWIND walks AS walk UNWIND walk AS n RETURN DISTINCT n } | p {.id, .name, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' },
  profile: CASE WHEN ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) THEN p {.headline, .bio, .location, .timezone} END,
  privacy: CASE WHEN $audienceAdmin OR p.id = $audiencePerson THEN p {.visibility, .profileVisibility, .openToIntroductions} END}] AS people
}
RETURN {person: me IS NOT NULL, skill: target IS NOT NULL, rows: rows, people: people, total: total} AS result
