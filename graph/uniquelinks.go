package graph

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The rules of one link per pair: at most one MENTORED_BY per (mentee,
// mentor), whatever its status; at most one KNOWS per two people, whatever
// its direction; at most one current AFFILIATED_WITH (no until) per
// (person, organization). The writes that create these links lock both
// ends first (lockNodes) and check the rule under the lock. Versions before
// those locks checked without them, and concurrent requests could store
// several links for one pair; mergeDuplicateLinks, a schema migration
// (migrations.go), merges what they left.

// mergeLinksBatch is how many people one transaction of the migration
// covers (their outgoing mentorships and memberships, and their
// connections to people of larger id).
const mergeLinksBatch = 10000

// DuplicateLinks counts the links a merge removed, by kind: each pair
// keeps one link, so a pair stored three times counts 2.
type DuplicateLinks struct {
	MentoredBy   int
	Knows        int
	Affiliations int
}

// Total is the number of links removed.
func (d DuplicateLinks) Total() int { return d.MentoredBy + d.Knows + d.Affiliations }

// SchemaReport says what ApplySchema changed beyond the schema itself.
type SchemaReport struct {
	// MergedLinks is set when the duplicate-link migration ran in this
	// call (it runs once per database, see migrations.go); Merged says
	// what it removed.
	MergedLinks bool
	Merged      DuplicateLinks
}

// peopleAfterCypher lists the ids of the next $batch people after $after,
// by id (read from the id constraint's index, in its order).
const peopleAfterCypher = `
MATCH (p:Person) WHERE p.id > $after
WITH p.id AS id ORDER BY id LIMIT $batch
RETURN {ids: collect(id)} AS r`

// mergeMentoredByCypher merges the mentorships of each mentee of $ids by
// mentor: the one with the earliest since stays (no since counts as
// latest); it becomes ACTIVE with no until when any of them was active
// with no until, else keeps its status with the latest until; its focus
// is the union of theirs. The others are deleted. It returns how many
// were, and the mentors concerned (whose open slots may have changed).
const mergeMentoredByCypher = `
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
RETURN {removed: sum(size(extra)), mentors: collect(DISTINCT b.id)} AS r`

// mergeKnowsCypher keeps, of the connections between each person of $ids
// and each person of larger id, the one with the earliest since.
const mergeKnowsCypher = `
UNWIND $ids AS id
MATCH (a:Person {id: id})-[r:KNOWS]-(b:Person)
WHERE a.id < b.id
WITH a, b, r ORDER BY r.since IS NULL, r.since, elementId(r)
WITH a, b, collect(r) AS rs WHERE size(rs) > 1
FOREACH (r IN tail(rs) | DELETE r)
RETURN {removed: sum(size(rs) - 1)} AS r`

// mergeAffiliationsCypher keeps, of the current memberships of each
// person of $ids in an organization, the one with the earliest since (and
// its role).
const mergeAffiliationsCypher = `
UNWIND $ids AS id
MATCH (a:Person {id: id})-[r:AFFILIATED_WITH]->(o:Organization)
WHERE r.until IS NULL
WITH a, o, r ORDER BY r.since IS NULL, r.since, elementId(r)
WITH a, o, collect(r) AS rs WHERE size(rs) > 1
FOREACH (r IN tail(rs) | DELETE r)
RETURN {removed: sum(size(rs) - 1)} AS r`

// mergeDuplicateLinks merges the duplicate links of the whole database,
// mergeLinksBatch people a transaction, refreshing the open-mentor links of
// the mentors concerned in the same transaction. Run again, it merges
// nothing more.
func (s *Store) mergeDuplicateLinks(ctx context.Context) (merged DuplicateLinks, err error) {
	type chunk struct {
		last    string
		people  int
		removed DuplicateLinks
	}
	removed := func(m map[string]any) int { return intVal(m, "removed") }
	type mentorships struct {
		removed int
		mentors []string
	}
	for after := ""; ; {
		c, err := write(ctx, s, "merge duplicate links", func(tx neo4j.ManagedTransaction) (chunk, error) {
			ids, err := single(ctx, tx, peopleAfterCypher, map[string]any{"after": after, "batch": mergeLinksBatch},
				func(m map[string]any) []string { return strList(m, "ids") })
			if err != nil || len(ids) == 0 {
				return chunk{}, err
			}
			c := chunk{last: ids[len(ids)-1], people: len(ids)}
			params := map[string]any{"ids": ids}
			ms, err := single(ctx, tx, mergeMentoredByCypher, params, func(m map[string]any) mentorships {
				return mentorships{removed(m), strList(m, "mentors")}
			})
			if err != nil {
				return chunk{}, err
			}
			c.removed.MentoredBy = ms.removed
			if c.removed.Knows, err = single(ctx, tx, mergeKnowsCypher, params, removed); err != nil {
				return chunk{}, err
			}
			if c.removed.Affiliations, err = single(ctx, tx, mergeAffiliationsCypher, params, removed); err != nil {
				return chunk{}, err
			}
			return c, refreshOpenMentorLinks(ctx, tx, ms.mentors...)
		})
		if err != nil {
			return merged, fmt.Errorf("merge duplicate links: %w", err)
		}
		merged.MentoredBy += c.removed.MentoredBy
		merged.Knows += c.removed.Knows
		merged.Affiliations += c.removed.Affiliations
		if c.people < mergeLinksBatch {
			break
		}
		after = c.last
	}
	return merged, nil
}
