MATCH (m:MentorGraphMeta {key: 'restore'}) DELETE m
