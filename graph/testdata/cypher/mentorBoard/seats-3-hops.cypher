MATCH (me:Person {id: $for})
UNWIND $ids AS id
MATCH (seat:Person {id: id})
WITH me, collect(seat) AS seats
UNWIND seats AS p
MATCH path = shortestPath((me)-[:KNOWS|MENTORED_BY*1..3]-(p))
WHERE all(n IN nodes(path) WHERE n = me OR n = p OR (coalesce(n.openToIntroductions, true) AND ($audienceAdmin OR n.id = $audiencePerson OR CASE coalesce(n.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (n)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)))
RETURN {person: p {.id, .name, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' },
  profile: CASE WHEN ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) THEN p {.headline, .bio, .location, .timezone} END,
  privacy: CASE WHEN $audienceAdmin OR p.id = $audiencePerson THEN p {.visibility, .profileVisibility, .openToIntroductions} END}, path: {steps: [i IN range(0, length(path) - 1) | {
    from: (nodes(path)[i]).id, to: (nodes(path)[i + 1]).id, type: type(relationships(path)[i]),
    forward: startNode(relationships(path)[i]) = nodes(path)[i], since: (relationships(path)[i]).since}],
  people: [pathNode IN nodes(path) | pathNode {.id, .name, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (pathNode)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' },
  profile: CASE WHEN ($audienceAdmin OR pathNode.id = $audiencePerson OR CASE coalesce(pathNode.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (pathNode)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END) THEN pathNode {.headline, .bio, .location, .timezone} END,
  privacy: CASE WHEN $audienceAdmin OR pathNode.id = $audiencePerson THEN pathNode {.visibility, .profileVisibility, .openToIntroductions} END}]}} AS row
