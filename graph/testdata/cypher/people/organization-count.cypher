MATCH (:Organization {id: $org})<-[membership:AFFILIATED_WITH]-(p:Person)
WHERE membership.until IS NULL AND
  ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
  AND ($available IS NULL OR p.availableToMentor = $available)
  AND ($seeking IS NULL OR p.seekingMentorship = $seeking)
  AND ($org IS NULL OR EXISTS { MATCH (p)-[a:AFFILIATED_WITH]->(:Organization {id: $org}) WHERE a.until IS NULL })
  AND ($skill IS NULL OR EXISTS {
    MATCH (p)-[h:HAS_SKILL]->(s:Skill)
    WHERE h.level >= $minLevel
      AND (s.id = $skill OR ($narrower AND EXISTS { MATCH (s)-[:PART_OF*1..5]->(:Skill {id: $skill}) }))
  })
RETURN count(DISTINCT p) AS n
