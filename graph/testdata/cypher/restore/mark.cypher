MERGE (m:MentorGraphMeta {key: 'restore'}) SET m.startedAt = datetime()
