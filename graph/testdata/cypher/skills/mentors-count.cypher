MATCH (target:Skill {id: $skill})
MATCH (s:Skill)-[:PART_OF*0..5]->(target)
WHERE $narrower OR s = target
WITH DISTINCT s
MATCH (p:Person)-[h:HAS_SKILL]->(s)
WHERE p.availableToMentor AND h.level >= $minLevel
RETURN count(DISTINCT p) AS n
