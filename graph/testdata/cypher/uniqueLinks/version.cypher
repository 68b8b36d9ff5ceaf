OPTIONAL MATCH (m:MentorGraphMeta {key: 'uniqueLinks'}) RETURN {version: m.version} AS r
