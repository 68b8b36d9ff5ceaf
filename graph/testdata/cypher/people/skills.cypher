UNWIND $ids AS id
MATCH (:Person {id: id})-[h:HAS_SKILL]->(s:Skill)
WITH id, s, h ORDER BY h.level DESC, s.id
RETURN {key: id, skill: s {.id, .name, .category, .description, broader: [(s)-[:PART_OF]->(b:Skill) | b.id][0]}, level: h.level, years: h.years} AS row
