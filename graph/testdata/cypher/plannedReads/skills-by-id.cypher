UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN p {.id, .name, .headline, .bio, .location, .timezone, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[act0:MENTORED_BY]-() WHERE act0.status = 'ACTIVE' },
  skills: COLLECT { MATCH (p)-[h0:HAS_SKILL]->(s0:Skill) WITH h0, s0 ORDER BY h0.level DESC, s0.id
    RETURN {skill: s0 {.id, .name, .category, .description, broader: [(s0)-[:PART_OF]->(s0b:Skill) | s0b.id][0]}, level: h0.level, years: h0.years} }} AS person
