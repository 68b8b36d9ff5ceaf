MATCH (:Person)-[a:AFFILIATED_WITH]->(:Organization {id: $org})
WHERE a.until IS NULL
RETURN count(a) AS n
