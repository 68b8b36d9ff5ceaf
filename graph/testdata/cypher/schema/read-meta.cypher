MATCH (m:MentorGraphMeta) RETURN {meta: collect([m.key, m.version])} AS r
