MATCH (b:Skill {id: $broader})
OPTIONAL MATCH (s:Skill {id: $skill})
WITH b, s, [p = (b)-[:PART_OF*0..6]->(r:Skill) WHERE NOT EXISTS { (r)-[:PART_OF]->(:Skill) } | length(p)][0] AS above
RETURN {
  cycle: s IS NOT NULL AND EXISTS { MATCH (b)-[:PART_OF*0..6]->(s) },
  above: coalesce(above, 6),
  below: CASE WHEN s IS NULL THEN 0
         ELSE reduce(m = 0, l IN [p = (:Skill)-[:PART_OF*0..6]->(s) | length(p)] | CASE WHEN l > m THEN l ELSE m END) END
} AS h
