MATCH (s:Skill)
CALL (s) {
  MATCH (n:Skill)-[:PART_OF*0..5]->(s)
  RETURN collect(DISTINCT n) AS within
}
CALL (s) {
  MATCH (p:Person)-[:HAS_GOAL]->(:Goal {status: 'OPEN'})-[:ABOUT]->(s)
  WITH DISTINCT p ORDER BY p.id
  RETURN collect(p) AS demand, count(CASE WHEN p.seekingMentorship THEN 1 END) AS seekers
}
CALL (within) {
  UNWIND within AS n
  MATCH (p:Person)-[h:HAS_SKILL]->(n)
  WHERE p.availableToMentor AND h.level >= $minLevel AND ($without IS NULL OR p.id <> $without)
  WITH DISTINCT p
  WITH p, coalesce(p.mentorCapacity, 0) AS capacity,
    COUNT { (p)<-[m:MENTORED_BY]-() WHERE m.status = 'ACTIVE' } AS active
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
CALL (demand, suitable, visited) {
  UNWIND demand AS d
  WITH d WHERE CASE WHEN d IN suitable
    THEN NOT EXISTS { MATCH ANY SHORTEST (d)-[:KNOWS|MENTORED_BY]-{1,1}(m:Person) WHERE m <> d AND m IN suitable }
    ELSE NOT d IN visited
  END
  RETURN count(d) AS uncovered, collect(d.id) AS uncoveredIDs
}
RETURN {skill: s {.id, .name, .category, .description, broader: [(s)-[:PART_OF]->(b:Skill) | b.id][0]}, demand: size(demand), seekers: seekers, supply: supply,
  openSlots: openSlots, uncovered: uncovered, uncoveredIDs: uncoveredIDs,
  overloadedCount: overloadedCount, overloaded: overloaded} AS row
