CALL () { UNWIND $people AS id MATCH (n:Person {id: id}) RETURN collect(id) AS people }
CALL () { UNWIND $skills AS id MATCH (n:Skill {id: id}) RETURN collect(id) AS skills }
CALL () { UNWIND $orgs AS id MATCH (n:Organization {id: id}) RETURN collect(id) AS orgs }
CALL () { MATCH (s:Skill)-[:PART_OF]->(b:Skill) RETURN collect([s.id, b.id]) AS parents }
CALL () {
  WITH $currentPairs AS pairs WHERE EXISTS { MATCH (:Person)-[:AFFILIATED_WITH]->(:Organization) }
  UNWIND pairs AS pair
  MATCH (:Person {id: pair[0]})-[a:AFFILIATED_WITH]->(:Organization {id: pair[1]})
  RETURN collect([pair[0], pair[1], a.role, a.since, a.until]) AS memberships
}
RETURN {people: people, skills: skills, orgs: orgs, parents: parents, memberships: memberships,
  stored: {Person: EXISTS { MATCH (:Person) }, Skill: EXISTS { MATCH (:Skill) },
    Organization: EXISTS { MATCH (:Organization) }, Goal: EXISTS { MATCH (:Goal) }}} AS known
