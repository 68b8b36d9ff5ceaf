MATCH (me:Person {id: $for})
UNWIND $ids AS id
MATCH (p:Person {id: id})
MATCH path = shortestPath((me)-[:KNOWS|MENTORED_BY*1..2]-(p))
RETURN {person: p {.id, .name, .headline, .bio, .location, .timezone, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' }}, path: {steps: [i IN range(0, length(path) - 1) | {
    from: (nodes(path)[i]).id, to: (nodes(path)[i + 1]).id, type: type(relationships(path)[i]),
    forward: startNode(relationships(path)[i]) = nodes(path)[i], since: (relationships(path)[i]).since}],
  people: [pathNode IN nodes(path) | pathNode {.id, .name, .headline, .bio, .location, .timezone, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (pathNode)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' }}]}} AS row
