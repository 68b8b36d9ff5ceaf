OPTIONAL MATCH (v:SchemaVersion {key: $key})
RETURN {version: v.version, meta: COLLECT { MATCH (m:MentorGraphMeta) RETURN [m.key, m.version] }} AS r
