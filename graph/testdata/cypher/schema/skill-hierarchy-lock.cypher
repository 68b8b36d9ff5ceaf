MERGE (:MentorGraphMeta {key: 'skillHierarchy'})
