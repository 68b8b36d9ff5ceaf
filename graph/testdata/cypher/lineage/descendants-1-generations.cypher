OPTIONAL MATCH (me:Person {id: $id})
CALL (me) {
  WITH me WHERE me IS NOT NULL
  MATCH path = ANY SHORTEST (me)<-[:MENTORED_BY]-{1,1}(p:Person)
  WHERE p <> me
  RETURN collect({p: p, generation: length(path)}) AS found
}
WITH me, found, [g IN range(1, 1) | [f IN found WHERE f.generation = g | f.p]] AS byGeneration
CALL (me, found, byGeneration) {
  UNWIND found AS f
  WITH me, byGeneration, f.p AS p, f.generation AS generation
  CALL (me, byGeneration, p, generation) {
    MATCH (p)-[m:MENTORED_BY]->(q:Person)
    WHERE CASE WHEN generation = 1 THEN q = me ELSE q IN byGeneration[generation - 2] END
    WITH q, m ORDER BY q.id, m.since
    LIMIT 1
    RETURN {from: q.id, since: m.since, status: m.status} AS via
  }
  RETURN collect({person: p {.id, .name, .headline, .bio, .location, .timezone, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' }}, generation: generation, via: via}) AS entries
}
RETURN {found: me IS NOT NULL, entries: entries,
  start: [p IN [me] WHERE p IS NOT NULL | p {.id, .name, .headline, .bio, .location, .timezone, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' }}][0]} AS result
