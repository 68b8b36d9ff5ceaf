MATCH (mentee:Person {id: $mentee}), (mentor:Person {id: $mentor})
RETURN {
  existing: COLLECT { MATCH (mentee)-[m:MENTORED_BY]->(mentor)
    WITH m ORDER BY m.status, m.since
    RETURN {mentee: mentee.id, mentor: mentor.id, since: m.since, until: m.until, focus: m.focus, status: m.status} }[0],
  capacity: coalesce(mentor.mentorCapacity, 0),
  active: COUNT { (mentor)<-[a:MENTORED_BY]-() WHERE a.status = 'ACTIVE' }
} AS r
