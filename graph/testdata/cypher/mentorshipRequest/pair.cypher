MATCH (mentee:Person {id: $mentee}), (mentor:Person {id: $mentor})
RETURN {
  menteeSeen: ($audienceAdmin OR mentee.id = $audiencePerson OR CASE coalesce(mentee.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (mentee)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END),
  mentorSeen: ($audienceAdmin OR mentor.id = $audiencePerson OR CASE coalesce(mentor.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (mentor)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END),
  request: COLLECT { MATCH (mentee)-[q:MENTORSHIP_REQUEST]->(mentor) RETURN {mentee: mentee.id, mentor: mentor.id, requestedBy: q.requestedBy, focus: q.focus, message: q.message, requestedAt: q.requestedAt} }[0],
  existing: COLLECT { MATCH (mentee)-[m:MENTORED_BY]->(mentor)
    WITH m ORDER BY m.status, m.since
    RETURN {mentee: mentee.id, mentor: mentor.id, since: m.since, until: m.until, focus: m.focus, status: m.status} }[0],
  capacity: coalesce(mentor.mentorCapacity, 0),
  active: COUNT { (mentor)<-[a:MENTORED_BY]-() WHERE a.status = 'ACTIVE' }
} AS r
