UNWIND $people AS id
MATCH (p:Person {id: id})-[h:HAS_SKILL]->(s:Skill)
WITH p, h, s ORDER BY p.id, s.id LIMIT $limit
RETURN {person: p.id, skill: s.id, level: h.level, years: h.years} AS row
