MATCH (v:SchemaVersion {key: $key})
SET v.version = $version, v.createdAtVersion = $version
WITH v
OPTIONAL MATCH (m:MentorGraphMeta) WHERE m.key IN $legacy
DELETE m
