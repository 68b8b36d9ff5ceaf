MERGE (v:SchemaVersion {key: $key})
ON CREATE SET v:MentorGraphMeta, v.createdAt = datetime()
SET v._lock = true REMOVE v._lock
RETURN {version: v.version} AS r
