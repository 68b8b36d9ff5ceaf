RETURN {taken: EXISTS { MATCH (n) WHERE NOT n:MentorGraphMeta },
  interrupted: EXISTS { MATCH (:MentorGraphMeta {key: 'restore'}) }} AS r
