MERGE (m:MentorGraphMeta {key: 'uniqueLinks'}) SET m.version = $version
