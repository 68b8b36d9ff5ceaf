UNWIND $ids AS id
MATCH (s:Skill {id: id})
RETURN {key: id,
  holders: COUNT { (:Person)-[:HAS_SKILL]->(s) },
  mentors: COUNT { (p:Person)-[h:HAS_SKILL]->(s) WHERE p.availableToMentor AND h.level >= 3 },
  learners: COUNT { (:Person)-[:HAS_GOAL]->(:Goal {status: 'OPEN'})-[:ABOUT]->(s) }} AS row
