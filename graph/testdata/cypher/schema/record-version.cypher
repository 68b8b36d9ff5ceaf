MATCH (v:SchemaVersion {key: $key})
SET v.version = $version, v.applied = coalesce(v.applied, []) + $version, v.appliedAt = coalesce(v.appliedAt, []) + datetime()
