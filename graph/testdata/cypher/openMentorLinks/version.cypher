OPTIONAL MATCH (m:MentorGraphMeta {key: 'mentorIndex'}) RETURN {version: m.version} AS r
