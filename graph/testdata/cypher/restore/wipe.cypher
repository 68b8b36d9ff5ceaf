MATCH (n) WHERE NOT n:MentorGraphMeta
WITH n LIMIT $limit
DETACH DELETE n
RETURN {deleted: count(*)} AS r
