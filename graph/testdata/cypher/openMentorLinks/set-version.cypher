MERGE (m:MentorGraphMeta {key: 'mentorIndex'}) SET m.version = $version
