MATCH (m:MentorGraphMeta {key: 'skillHierarchy'})
SET m._lock = true REMOVE m._lock
RETURN {locked: count(m)} AS r
