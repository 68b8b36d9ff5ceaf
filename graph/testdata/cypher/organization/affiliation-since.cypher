MATCH (:Person {id: $person})-[a:AFFILIATED_WITH]->(:Organization {id: $org})
WHERE a.until IS NULL
RETURN {since: a.since} AS a ORDER BY a.since DESC LIMIT 1
