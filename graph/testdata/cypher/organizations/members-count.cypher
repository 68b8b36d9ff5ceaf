MATCH (p:Person)-[a:AFFILIATED_WITH]->(:Organization {id: $org})
WHERE a.until IS NULL AND ($admin OR p.id = $viewer OR CASE coalesce(p.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $member WHEN 'CONNECTIONS' THEN $member AND EXISTS { (p)-[:KNOWS]-(:Person {id: $viewer}) } ELSE false END)
RETURN count(a) AS n
