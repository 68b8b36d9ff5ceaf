MATCH (o:Organization {id: $org})
CALL (o) {
  MATCH (p:Person)-[a:AFFILIATED_WITH]->(o) WHERE a.until IS NULL
  WITH DISTINCT p
  CALL (p) {
    OPTIONAL MATCH (p)-[:HAS_GOAL]->(:Goal {status: 'OPEN'})-[:ABOUT]->(g:Skill)
    RETURN collect(DISTINCT g) AS wants
  }
  CALL (p) {
    OPTIONAL MATCH (p)-[h:HAS_SKILL]->(n:Skill)
    WHERE p.availableToMentor AND h.level >= $minLevel AND ($without IS NULL OR p.id <> $without)
    RETURN collect(DISTINCT n) AS offers
  }
  WITH p, wants, offers WHERE size(wants) > 0 OR size(offers) > 0
  RETURN collect({p: p, wants: wants, offers: offers, capacity: coalesce(p.mentorCapacity, 0),
    active: CASE WHEN size(offers) > 0 THEN COUNT { (p)<-[m:MENTORED_BY]-() WHERE m.status = 'ACTIVE' } ELSE 0 END}) AS members
}
MATCH (s:Skill)
CALL (s) {
  MATCH (n:Skill)-[:PART_OF*0..5]->(s)
  RETURN collect(DISTINCT n) AS within
}
CALL (s, members) {
  UNWIND members AS m
  WITH m WHERE s IN m.wants
  WITH m.p AS p ORDER BY p.id
  RETURN collect(p) AS demand, count(CASE WHEN p.seekingMentorship THEN 1 END) AS seekers
}
CALL (within, members) {
  UNWIND members AS m
  WITH m WHERE any(n IN m.offers WHERE n IN within)
  WITH m.p AS p, m.capacity AS capacity, m.active AS active
  ORDER BY p.id
  RETURN count(p) AS supply,
    sum(CASE WHEN capacity > active THEN capacity - active ELSE 0 END) AS openSlots,
    collect(CASE WHEN capacity > active THEN p END) AS suitable,
    count(CASE WHEN active >= capacity THEN 1 END) AS overloadedCount,
    collect(CASE WHEN active >= capacity THEN p.id END) AS overloaded
}
WITH s, demand, seekers, supply, openSlots, suitable, overloadedCount, overloaded
WHERE size(demand) > 0 OR supply > 0
WITH s, demand, seekers, supply, openSlots, suitable, overloadedCount, overloaded,
  suitable AS visited, CASE WHEN size(demand) > 0 THEN suitable ELSE [] END AS frontier

CALL (frontier, visited) {
  UNWIND frontier AS x
  MATCH (x)-[:KNOWS|MENTORED_BY]-(y:Person)
  WHERE NOT y IN visited
  RETURN collect(DISTINCT y) AS reached
}
WITH s, demand, seekers, supply, openSlots, suitable, overloadedCount, overloaded, visited + reached AS visited,
  CASE WHEN all(d IN demand WHERE d IN visited OR d IN reached) THEN [] ELSE reached END AS frontier
CALL (frontier, visited) {
  UNWIND frontier AS x
  MATCH (x)-[:KNOWS|MENTORED_BY]-(y:Person)
  WHERE NOT y IN visited
  RETURN collect(DISTINCT y) AS reached
}
WITH s, demand, seekers, supply, openSlots, suitable, overloadedCount, overloaded, visited + reached AS visited,
  CASE WHEN all(d IN demand WHERE d IN visited OR d IN reached) THEN [] ELSE reached END AS frontier
CALL (demand, suitable, visited) {
  UNWIND demand AS d
  WITH d WHERE CASE WHEN d IN suitable
    THEN NOT EXISTS { MATCH ANY SHORTEST (d)-[:KNOWS|MENTORED_BY]-{1,3}(m:Person) WHERE m <> d AND m IN suitable }
    ELSE NOT d IN visited
      AND NOT EXISTS { MATCH (d)-[:KNOWS|MENTORED_BY]-{1,1}(x:Person) WHERE x IN visited }
  END
  RETURN count(d) AS uncovered, collect(d.id) AS uncoveredIDs
}
RETURN {skill: s {.id, .name, .category, .description, broader: [(s)-[:PART_OF]->(b:Skill) | b.id][0]}, demand: size(demand), seekers: seekers, supply: supply,
  openSlots: openSlots, uncovered: uncovered, uncoveredIDs: uncoveredIDs,
  overloadedCount: overloadedCount, overloaded: overloaded} AS row
