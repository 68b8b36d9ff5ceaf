OPTIONAL MATCH (me:Person {id: $person}) WHERE ($audienceAdmin OR me.id = $audiencePerson OR CASE coalesce(me.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (me)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
CALL (me) {
  WITH me WHERE me IS NOT NULL
  CALL (me) {
    CALL (me) {
      MATCH (me)-[:KNOWS|MENTORED_BY]-(x:Person) WHERE x <> me AND ($audienceAdmin OR x.id = $audiencePerson OR CASE coalesce(x.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (x)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) AND true RETURN DISTINCT x, 1 AS hops
      UNION ALL
      MATCH inner = (me)-[:KNOWS|MENTORED_BY*1..1]-(y:Person) WHERE all(n IN nodes(inner) WHERE n = me OR (coalesce(n.openToIntroductions, true) AND ($audienceAdmin OR n.id = $audiencePerson OR CASE coalesce(n.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (n)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)))
      WITH DISTINCT me, y MATCH (y)-[:KNOWS|MENTORED_BY]-(x:Person) WHERE x <> me AND ($audienceAdmin OR x.id = $audiencePerson OR CASE coalesce(x.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (x)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) AND true RETURN DISTINCT x, 2 AS hops
      UNION ALL
      MATCH inner = (me)-[:KNOWS|MENTORED_BY*1..2]-(y:Person) WHERE all(n IN nodes(inner) WHERE n = me OR (coalesce(n.openToIntroductions, true) AND ($audienceAdmin OR n.id = $audiencePerson OR CASE coalesce(n.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (n)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)))
      WITH DISTINCT me, y MATCH (y)-[:KNOWS|MENTORED_BY]-(x:Person) WHERE x <> me AND ($audienceAdmin OR x.id = $audiencePerson OR CASE coalesce(x.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (x)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) AND true RETURN DISTINCT x, 3 AS hops
    }
    RETURN x, min(hops) AS hops, null AS via
  }
  WITH x, hops ORDER BY hops, x.id LIMIT $take
  RETURN collect({node: x, hops: hops}) AS found
}
WITH me, size(found) >= $take AS truncated,
  CASE WHEN me IS NULL THEN [] ELSE [{node: me, hops: 0}] + found[0..($take - 1)] END AS kept
CALL (kept) {
  WITH [k IN kept | k.node] AS nodes
  UNWIND nodes AS a
  MATCH (a)-[r:KNOWS|MENTORED_BY]->(b:Person) WHERE b IN nodes
  RETURN collect({from: a.id, to: b.id, type: type(r), since: r.since, status: r.status}) AS links
}
CALL (kept) {
  UNWIND kept AS k
  WITH k.node AS p, k.hops AS hops
  RETURN collect({hops: hops, person: p {.id, .name, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' },
  profile: CASE WHEN ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) THEN p {.headline, .bio, .location, .timezone} END,
  privacy: CASE WHEN $audienceAdmin OR p.id = $audiencePerson THEN p {.visibility, .profileVisibility, .openToIntroductions} END}}) AS people
}
RETURN {found: me IS NOT NULL, people: people, links: links, truncated: truncated} AS result
