MATCH (mentee:Person {id: $mentee})-[m:MENTORED_BY]->(mentor:Person {id: $mentor})
WHERE m.status = 'ACTIVE'
SET m.until = $until, m.status = 'ENDED', mentee.updatedAt = datetime(), mentor.updatedAt = datetime()
RETURN {mentee: mentee.id, mentor: mentor.id, since: m.since, until: m.until, focus: m.focus, status: m.status} AS m
