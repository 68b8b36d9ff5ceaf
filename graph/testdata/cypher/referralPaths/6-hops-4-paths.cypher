OPTIONAL MATCH (a:Person {id: $from}) WHERE ($audienceAdmin OR a.id = $audiencePerson OR CASE coalesce(a.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (a)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
OPTIONAL MATCH (b:Person {id: $to}) WHERE ($audienceAdmin OR b.id = $audiencePerson OR CASE coalesce(b.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (b)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH path = allShortestPaths((a)-[:KNOWS|MENTORED_BY*..6]-(b))
  WHERE all(p IN nodes(path) WHERE p = a OR p = b OR ((coalesce(p.openToIntroductions, true) AND ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END))
    AND (NOT $excludeUnavailable OR coalesce(p.availableToMentor, false))))
  WITH path, [p IN nodes(path) | p.id] AS ids,
    [i IN range(0, length(path) - 1) | CASE WHEN type(relationships(path)[i]) = 'KNOWS' THEN 0
      WHEN startNode(relationships(path)[i]) = nodes(path)[i] THEN 1 ELSE 2 END] AS rank
  ORDER BY ids, rank
  WITH ids, collect(path)[0] AS path
  ORDER BY ids LIMIT $k
  RETURN collect(path) AS paths
}
CALL (a, b, paths) {
  WITH a, b WHERE size(paths) > 0 AND size(paths) < $k AND length(paths[0]) < 6
  WITH reduce(t = 0, d IN COLLECT { MATCH (a)-[:KNOWS|MENTORED_BY]-(u) WITH u LIMIT 500 RETURN COUNT { (u)-[:KNOWS|MENTORED_BY]-() } AS d } | t + d) * COUNT { (a)-[:KNOWS|MENTORED_BY]-() } / CASE WHEN COUNT { (a)-[:KNOWS|MENTORED_BY]-() } > 500 THEN 500 WHEN COUNT { (a)-[:KNOWS|MENTORED_BY]-() } = 0 THEN 1 ELSE COUNT { (a)-[:KNOWS|MENTORED_BY]-() } END
    <= reduce(t = 0, d IN COLLECT { MATCH (b)-[:KNOWS|MENTORED_BY]-(u) WITH u LIMIT 500 RETURN COUNT { (u)-[:KNOWS|MENTORED_BY]-() } AS d } | t + d) * COUNT { (b)-[:KNOWS|MENTORED_BY]-() } / CASE WHEN COUNT { (b)-[:KNOWS|MENTORED_BY]-() } > 500 THEN 500 WHEN COUNT { (b)-[:KNOWS|MENTORED_BY]-() } = 0 THEN 1 ELSE COUNT { (b)-[:KNOWS|MENTORED_BY]-() } END AS fromA
  RETURN collect(fromA)[0] AS fromA
}
CALL (a, b, paths, fromA) {
  WITH a, b, fromA WHERE size(paths) > 0 AND size(paths) < $k AND length(paths[0]) < 2
  CALL (a, b, fromA) {
    WITH a, b WHERE fromA
    MATCH (a)-[:KNOWS|MENTORED_BY]-(v1) RETURN v1
    UNION
    WITH a, b WHERE NOT fromA
    MATCH (b)-[:KNOWS|MENTORED_BY]-(v1) RETURN v1
  }
  MATCH (a)-[:KNOWS|MENTORED_BY]-(v1)-[:KNOWS|MENTORED_BY]-(b)
  WHERE a <> b
      AND (coalesce(v1.openToIntroductions, true) AND ($audienceAdmin OR v1.id = $audiencePerson OR CASE coalesce(v1.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (v1)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)) AND (NOT $excludeUnavailable OR coalesce(v1.availableToMentor, false))
  WITH DISTINCT a, b, v1 LIMIT $k
  MATCH path = (a)-[:KNOWS|MENTORED_BY]-(v1)-[:KNOWS|MENTORED_BY]-(b)
  WITH path, [p IN nodes(path) | p.id] AS ids,
    [i IN range(0, length(path) - 1) | CASE WHEN type(relationships(path)[i]) = 'KNOWS' THEN 0
      WHEN startNode(relationships(path)[i]) = nodes(path)[i] THEN 1 ELSE 2 END] AS rank
  ORDER BY ids, rank
  WITH ids, collect(path)[0] AS path
  ORDER BY ids
  RETURN collect(path) AS longer
}
WITH a, b, fromA, paths + longer AS paths
CALL (a, b, paths, fromA) {
  WITH a, b, fromA WHERE size(paths) > 0 AND size(paths) < $k AND length(paths[0]) < 3
  CALL (a, b, fromA) {
    WITH a, b WHERE fromA
    WITH a, b, COLLECT { MATCH (a)-[:KNOWS|MENTORED_BY]-(v1)-[:KNOWS|MENTORED_BY]-(v2) WHERE (coalesce(v1.openToIntroductions, true) AND ($audienceAdmin OR v1.id = $audiencePerson OR CASE coalesce(v1.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (v1)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)) AND (NOT $excludeUnavailable OR coalesce(v1.availableToMentor, false)) AND (coalesce(v2.openToIntroductions, true) AND ($audienceAdmin OR v2.id = $audiencePerson OR CASE coalesce(v2.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (v2)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)) AND (NOT $excludeUnavailable OR coalesce(v2.availableToMentor, false)) RETURN DISTINCT v2 } AS mids
    MATCH (v2)-[:KNOWS|MENTORED_BY]-(b)
    WHERE v2 IN mids AND true
    CALL (a) { MATCH (a)-[:KNOWS|MENTORED_BY]-(v1) RETURN v1 }
    MATCH (v1)-[:KNOWS|MENTORED_BY]-(v2)
    WHERE a <> v2
      AND a <> b
      AND (coalesce(v1.openToIntroductions, true) AND ($audienceAdmin OR v1.id = $audiencePerson OR CASE coalesce(v1.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (v1)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)) AND (NOT $excludeUnavailable OR coalesce(v1.availableToMentor, false))
      AND v1 <> b
      AND (coalesce(v2.openToIntroductions, true) AND ($audienceAdmin OR v2.id = $audiencePerson OR CASE coalesce(v2.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (v2)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)) AND (NOT $excludeUnavailable OR coalesce(v2.availableToMentor, false))
    RETURN v1, v2
    UNION
    WITH a, b WHERE NOT fromA
    WITH a, b, COLLECT { MATCH (v1)-[:KNOWS|MENTORED_BY]-(v2)-[:KNOWS|MENTORED_BY]-(b) WHERE (coalesce(v1.openToIntroductions, true) AND ($audienceAdmin OR v1.id = $audiencePerson OR CASE coalesce(v1.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (v1)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)) AND (NOT $excludeUnavailable OR coalesce(v1.availableToMentor, false)) AND (coalesce(v2.openToIntroductions, true) AND ($audienceAdmin OR v2.id = $audiencePerson OR CASE coalesce(v2.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (v2)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)) AND (NOT $excludeUnavailable OR coalesce(v2.availableToMentor, false)) RETURN DISTINCT v1 } AS mids
    MATCH (a)-[:KNOWS|MENTORED_BY]-(v1)
    WHERE v1 IN mids AND true
    CALL (b) { MATCH (b)-[:KNOWS|MENTORED_BY]-(v2) RETURN v2 }
    MATCH (v1)-[:KNOWS|MENTORED_BY]-(v2)
    WHERE a <> v2
      AND a <> b
      AND (coalesce(v1.openToIntroductions, true) AND ($audienceAdmin OR v1.id = $audiencePerson OR CASE coalesce(v1.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (v1)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)) AND (NOT $excludeUnavailable OR coalesce(v1.availableToMentor, false))
      AND v1 <> b
      AND (coalesce(v2.openToIntroductions, true) AND ($audienceAdmin OR v2.id = $audiencePerson OR CASE coalesce(v2.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (v2)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)) AND (NOT $excludeUnavailable OR coalesce(v2.availableToMentor, false))
    RETURN v1, v2
  }
  WITH DISTINCT a, b, v1, v2 LIMIT $k
  MATCH path = (a)-[:KNOWS|MENTORED_BY]-(v1)-[:KNOWS|MENTORED_BY]-(v2)-[:KNOWS|MENTORED_BY]-(b)
  WITH path, [p IN nodes(path) | p.id] AS ids,
    [i IN range(0, length(path) - 1) | CASE WHEN type(relationships(path)[i]) = 'KNOWS' THEN 0
      WHEN startNode(relationships(path)[i]) = nodes(path)[i] THEN 1 ELSE 2 END] AS rank
  ORDER BY ids, rank
  WITH ids, collect(path)[0] AS path
  ORDER BY ids
  RETURN collect(path) AS longer
}
WITH a, b, fromA, paths + longer AS paths
CALL (a, b, paths, fromA) {
  WITH a, b, fromA WHERE size(paths) > 0 AND size(paths) < $k AND length(paths[0]) < 4
  CALL (a, b, fromA) {
    WITH a, b WHERE fromA
    WITH a, b, COLLECT { MATCH (a)-[:KNOWS|MENTORED_BY]-(v1)-[:KNOWS|MENTORED_BY]-(v2) WHERE (coalesce(v1.openToIntroductions, true) AND ($audienceAdmin OR v1.id = $audiencePerson OR CASE coalesce(v1.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (v1)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)) AND (NOT $excludeUnavailable OR coalesce(v1.availableToMentor, false)) AND (coalesce(v2.openToIntroductions, true) AND ($audienceAdmin OR v2.id = $audiencePerson OR CASE coalesce(v2.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (v2)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)) AND (NOT $excludeUnavailable OR coalesce(v2.availableToMentor, false)) RETURN DISTINCT v2 } AS mids
    MATCH (v2)-[:KNOWS|MENTORED_BY]-(v3)-[:KNOWS|MENTORED_BY]-(b)
    WHERE v2 IN mids AND (coalesce(v3.openToIntroductions, true) AND ($audienceAdmin OR v3.id = $audiencePerson OR CASE coalesce(v3.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (v3)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)) AND (NOT $excludeUnavailable OR coalesce(v3.availableToMentor, false))
    CALL (a) { MATCH (a)-[:KNOWS|MENTORED_BY]-(v1) RETURN v1 }
    MATCH (v1)-[:KNOWS|MENTORED_BY]-(v2)
    WHERE a <> v2
      AND a <> v3
      AND a <> b
      AND (coalesce(v1.openToIntroductions, true) AND ($audienceAdmin OR v1.id = $audiencePerson OR CASE coalesce(v1.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (v1)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)) AND (NOT $excludeUnavailable OR coalesce(v1.availableToMentor, false))
      AND v1 <> v3
      AND v1 <> b
      AND (coalesce(v2.openToIntroductions, true) AND ($audienceAdmin OR v2.id = $audiencePerson OR CASE coalesce(v2.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (v2)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)) AND (NOT $excludeUnavailable OR coalesce(v2.availableToMentor, false))
      AND v2 <> b
      AND (coalesce(v3.openToIntroductions, true) AND ($audienceAdmin OR v3.id = $audiencePerson OR CASE coalesce(v3.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (v3)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)) AND (NOT $excludeUnavailable OR coalesce(v3.availableToMentor, false))
    RETURN v1, v2, v3
    UNION
    WITH a, b WHERE NOT fromA
    WITH a, b, COLLECT { MATCH (v2)-[:KNOWS|MENTORED_BY]-(v3)-[:KNOWS|MENTORED_BY]-(b) WHERE (coalesce(v2.openToIntroductions, true) AND ($audienceAdmin OR v2.id = $audiencePerson OR CASE coalesce(v2.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (v2)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)) AND (NOT $excludeUnavailable OR coalesce(v2.availableToMentor, false)) AND (coalesce(v3.openToIntroductions, true) AND ($audienceAdmin OR v3.id = $audiencePerson OR CASE coalesce(v3.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (v3)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)) AND (NOT $excludeUnavailable OR coalesce(v3.availableToMentor, false)) RETURN DISTINCT v2 } AS mids
    MATCH (a)-[:KNOWS|MENTORED_BY]-(v1)-[:KNOWS|MENTORED_BY]-(v2)
    WHERE v2 IN mids AND (coalesce(v1.openToIntroductions, true) AND ($audienceAdmin OR v1.id = $audiencePerson OR CASE coalesce(v1.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (v1)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)) AND (NOT $excludeUnavailable OR coalesce(v1.availableToMentor, false))
    CALL (b) { MATCH (b)-[:KNOWS|MENTORED_BY]-(v3) RETURN v3 }
    MATCH (v2)-[:KNOWS|MENTORED_BY]-(v3)
    WHERE a <> v2
      AND a <> v3
      AND a <> b
      AND (coalesce(v1.openToIntroductions, true) AND ($audienceAdmin OR v1.id = $audiencePerson OR CASE coalesce(v1.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (v1)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)) AND (NOT $excludeUnavailable OR coalesce(v1.availableToMentor, false))
      AND v1 <> v3
      AND v1 <> b
      AND (coalesce(v2.openToIntroductions, true) AND ($audienceAdmin OR v2.id = $audiencePerson OR CASE coalesce(v2.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (v2)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)) AND (NOT $excludeUnavailable OR coalesce(v2.availableToMentor, false))
      AND v2 <> b
      AND (coalesce(v3.openToIntroductions, true) AND ($audienceAdmin OR v3.id = $audiencePerson OR CASE coalesce(v3.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (v3)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)) AND (NOT $excludeUnavailable OR coalesce(v3.availableToMentor, false))
    RETURN v1, v2, v3
  }
  WITH DISTINCT a, b, v1, v2, v3 LIMIT $k
  MATCH path = (a)-[:KNOWS|MENTORED_BY]-(v1)-[:KNOWS|MENTORED_BY]-(v2)-[:KNOWS|MENTORED_BY]-(v3)-[:KNOWS|MENTORED_BY]-(b)
  WITH path, [p IN nodes(path) | p.id] AS ids,
    [i IN range(0, length(path) - 1) | CASE WHEN type(relationships(path)[i]) = 'KNOWS' THEN 0
      WHEN startNode(relationships(path)[i]) = nodes(path)[i] THEN 1 ELSE 2 END] AS rank
  ORDER BY ids, rank
  WITH ids, collect(path)[0] AS path
  ORDER BY ids
  RETURN collect(path) AS longer
}
WITH a, b, fromA, paths + longer AS paths
CALL (a, b, paths) {
  WITH a, b, length(paths[size(paths) - 1]) AS longest WHERE size(paths) > 0 AND size(paths) < $k AND longest < 6
  MATCH path = SHORTEST 4 ((a) ((x:Person)-[r:KNOWS|MENTORED_BY]-(y:Person)
      WHERE (y.id = $to OR ((coalesce(y.openToIntroductions, true) AND ($audienceAdmin OR y.id = $audiencePerson OR CASE coalesce(y.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (y)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END))
              AND (NOT $excludeUnavailable OR coalesce(y.availableToMentor, false))))
        AND (r:KNOWS OR (NOT EXISTS { (x)-[:KNOWS]-(y) }
              AND (startNode(r) = x OR NOT EXISTS { (x)-[:MENTORED_BY]->(y) })))){1,6} (b)
    WHERE all(i IN range(0, size(y) - 2) WHERE y[i] <> a AND NOT y[i] IN y[i + 1..])
      AND size(y) > longest)
  RETURN collect(path) AS longer
}
WITH a, b, paths + longer AS paths
WITH a, b, paths[0..$k] AS paths
RETURN {from: a IS NOT NULL, to: b IS NOT NULL,
  paths: [path IN paths | {steps: [i IN range(0, length(path) - 1) | {
    from: (nodes(path)[i]).id, to: (nodes(path)[i + 1]).id, type: type(relationships(path)[i]),
    forward: startNode(relationships(path)[i]) = nodes(path)[i], since: (relationships(path)[i]).since}],
  people: [pathNode IN nodes(path) | pathNode {.id, .name, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (pathNode)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' },
  profile: CASE WHEN ($audienceAdmin OR pathNode.id = $audiencePerson OR CASE coalesce(pathNode.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (pathNode)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) THEN pathNode {.headline, .bio, .location, .timezone} END,
  privacy: CASE WHEN $audienceAdmin OR pathNode.id = $audiencePerson THEN pathNode {.visibility, .profileVisibility, .openToIntroductions} END}]}]} AS result
