MATCH (mentee:Person {id: $mentee})-[m:MENTORED_BY]->(mentor:Person {id: $mentor})
WHERE m.status = 'ACTIVE'
RETURN {mentee: mentee.id, mentor: mentor.id, since: m.since, until: m.until, focus: m.focus, status: m.status} AS m
