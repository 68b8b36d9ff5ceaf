MATCH (mentee:Person {id: $mentee}), (mentor:Person {id: $mentor})
CREATE (mentee)-[m:MENTORED_BY {since: $since, until: $until, focus: $focus, status: $status}]->(mentor)
SET mentee.updatedAt = datetime(), mentor.updatedAt = datetime()
RETURN {mentee: mentee.id, mentor: mentor.id, since: m.since, until: m.until, focus: m.focus, status: m.status} AS m
