MATCH (a)-[r]->(b)
WHERE NOT type(r) STARTS WITH 'CAN_MENTOR_' AND NOT a:Session AND NOT b:Session AND NOT a:MentorGraphMeta AND NOT b:MentorGraphMeta
RETURN type(r) AS type, labels(a) AS fromLabels, a.id AS fromId, labels(b) AS toLabels, b.id AS toId, properties(r) AS props
