MATCH (target:Skill {id: $skill})
MATCH (s:Skill)-[:PART_OF*0..5]->(target)
WHERE $narrower OR s = target
WITH DISTINCT s
MATCH (p:Person)-[h:HAS_SKILL]->(s)
WHERE p.availableToMentor AND h.level >= $minLevel AND ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
RETURN count(DISTINCT p) AS n
