MATCH (mentee:Person {id: $mentee})-[q:MENTORSHIP_REQUEST]->(mentor:Person {id: $mentor})
CREATE (mentee)-[m:MENTORED_BY {since: $since, until: null, focus: q.focus, status: 'ACTIVE'}]->(mentor)
DELETE q
SET mentee.updatedAt = datetime(), mentor.updatedAt = datetime()
RETURN {mentee: mentee.id, mentor: mentor.id, since: m.since, until: m.until, focus: m.focus, status: m.status} AS m
