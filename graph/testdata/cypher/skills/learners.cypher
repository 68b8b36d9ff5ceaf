UNWIND $ids AS id
MATCH (target:Skill {id: id})
CALL (target) {
  MATCH (p:Person)-[:HAS_GOAL]->(:Goal {status: 'OPEN'})-[:ABOUT]->(target)
  WHERE p.id > $after AND ($admin OR p.id = $viewer OR CASE coalesce(p.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $member WHEN 'CONNECTIONS' THEN $member AND EXISTS { (p)-[:KNOWS]-(:Person {id: $viewer}) } ELSE false END)
  WITH DISTINCT p ORDER BY p.id LIMIT $limit
  RETURN collect(p {.id, .name, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt,
  active: COUNT { (p)<-[activeLink:MENTORED_BY]-() WHERE activeLink.status = 'ACTIVE' },
  profile: CASE WHEN ($admin OR p.id = $viewer OR CASE coalesce(p.profileVisibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $member WHEN 'CONNECTIONS' THEN $member AND EXISTS { (p)-[:KNOWS]-(:Person {id: $viewer}) } ELSE false END) THEN p {.headline, .bio, .location, .timezone} END,
  privacy: CASE WHEN $admin OR p.id = $viewer THEN p {.visibility, .profileVisibility, .openToIntroductions} END}) AS rows
}
UNWIND rows AS row
RETURN row {.*, key: target.id} AS row
