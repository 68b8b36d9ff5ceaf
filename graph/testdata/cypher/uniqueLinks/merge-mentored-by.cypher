UNWIND $ids AS id
MATCH (a:Person {id: id})-[r:MENTORED_BY]->(b:Person)
WITH a, b, r ORDER BY r.since IS NULL, r.since, elementId(r)
WITH a, b, collect(r) AS rs WHERE size(rs) > 1
WITH b, head(rs) AS keep, tail(rs) AS extra,
  any(r IN rs WHERE r.status = 'ACTIVE' AND r.until IS NULL) AS open,
  reduce(f = [], r IN rs | f + [x IN coalesce(r.focus, []) WHERE NOT x IN f]) AS focus,
  reduce(u = null, r IN rs | CASE WHEN u IS NULL OR r.until > u THEN r.until ELSE u END) AS lastUntil
SET keep.focus = focus,
  keep.status = CASE WHEN open THEN 'ACTIVE' ELSE keep.status END,
  keep.until = CASE WHEN open THEN null ELSE coalesce(lastUntil, keep.until) END
FOREACH (r IN extra | DELETE r)
RETURN {removed: sum(size(extra)), mentors: collect(DISTINCT b.id)} AS r
