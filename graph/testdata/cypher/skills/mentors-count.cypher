MATCH (target:Skill {id: $skill})
MATCH (s:Skill)-[:PART_OF*0..5]->(target)
WHERE $narrower OR s = target
WITH DISTINCT s
MATCH (p:Person)-[h:HAS_SKILL]->(s)
WHERE p.availableToMentor AND h.level >= $minLevel AND ($admin OR p.id = $viewer OR CASE coalesce(p.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $member WHEN 'CONNECTIONS' THEN $member AND EXISTS { (p)-[:KNOWS]-(:Person {id: $viewer}) } ELSE false END)
RETURN count(DISTINCT p) AS n
