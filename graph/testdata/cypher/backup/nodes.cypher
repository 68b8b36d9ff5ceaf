MATCH (n) WHERE NOT n:Session AND NOT n:MentorGraphMeta
RETURN labels(n) AS labels, properties(n) AS props
