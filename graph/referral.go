package graph

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Bounds and defaults of ReferralPaths.
const (
	MaxReferralHops      = 6
	DefaultReferralHops  = 4
	MaxReferralPaths     = 10
	DefaultReferralPaths = 3
)

// ReferralArgs ask for referral paths between two people.
type ReferralArgs struct {
	From, To string
	// MaxHops bounds the length of a path, 1..MaxReferralHops.
	MaxHops int
	// K is how many paths to return at most, 1..MaxReferralPaths.
	K int
	// ExcludeUnavailable also leaves out paths through anyone who is not
	// available to mentor (see ReferralPaths).
	ExcludeUnavailable bool
}

// referralStep is one step of a referral walk from x to y. It holds the
// conditions on an intermediary y (the end, $to, is exempt) and picks one
// link per pair of people, so two walks are different exactly when their
// sequences of people differ: the connection when the two know each other
// (there is at most one KNOWS per pair: Connect and Import refuse a
// second one in either direction), else the mentorship, the one in which x
// is the mentee first. The conditions on y are inlined into the search; the
// choice of link is checked on candidate paths (it needs a subquery), which
// costs one small expand per MENTORED_BY step of a candidate.
const referralStep = `((x:Person)-[r:KNOWS|MENTORED_BY]-(y:Person)
      WHERE (y.id = $to OR (coalesce(y.openToIntroductions, true)
              AND (NOT $excludeUnavailable OR coalesce(y.availableToMentor, false))))
        AND (r:KNOWS OR (NOT EXISTS { (x)-[:KNOWS]-(y) }
              AND (startNode(r) = x OR NOT EXISTS { (x)-[:MENTORED_BY]->(y) }))))`

// referralTemplate finds the referral paths in at most two breadth-first
// searches between a and b, both ends bound, so no search enumerates all
// paths through a hub; {n} (the hop bound) and {k} (the number of paths)
// are literals filled in by referralVariants, because Neo4j 5 takes
// neither as a parameter.
//
//  1. allShortestPaths: every path of the shortest length. This is the
//     bidirectional search of the ShortestPath operator, which evaluates
//     the condition on intermediaries as it expands (the plan has no
//     exhaustive fallback); on a generated 100k-person network it answered
//     in 4 ms (p50) and 41 ms (p99, mostly pairs with no path), where the
//     newer ALL SHORTEST took 230 ms at p99. Each shortest path is simple
//     (a repeated person would make a shorter one); paths that differ
//     only in links between the same people are merged into the one with
//     the preferred link at each step (the smallest rank vector: every mix
//     of links is among them), then sorted by the people's ids and cut to
//     $k in the database, so a hub pair with many shortest paths sends k.
//  2. Only when those are fewer than $k, at least one exists and it is
//     shorter than {n}: SHORTEST {k}, the k shortest paths of any length up
//     to {n} (StatefulShortestPath(Into)), restricted before selection to
//     simple paths (no person twice) with the preferred link per pair
//     (referralStep). This search has to go past the shortest length, so
//     it is the expensive one near hubs (p99 about 250 ms on that network
//     for k = 3); it never runs when the shortest paths suffice or when
//     nothing longer can exist.
//
// Unknown ids come back as flags in the same row, so one round trip also
// answers "not found".
var referralTemplate = `
OPTIONAL MATCH (a:Person {id: $from})
OPTIONAL MATCH (b:Person {id: $to})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH path = allShortestPaths((a)-[:KNOWS|MENTORED_BY*..{n}]-(b))
  WHERE all(p IN nodes(path) WHERE p = a OR p = b OR (coalesce(p.openToIntroductions, true)
    AND (NOT $excludeUnavailable OR coalesce(p.availableToMentor, false))))
  WITH path, [p IN nodes(path) | p.id] AS ids,
    [i IN range(0, length(path) - 1) | CASE WHEN type(relationships(path)[i]) = 'KNOWS' THEN 0
      WHEN startNode(relationships(path)[i]) = nodes(path)[i] THEN 1 ELSE 2 END] AS rank
  ORDER BY ids, rank
  WITH ids, collect(path)[0] AS path
  ORDER BY ids LIMIT $k
  RETURN collect(path) AS shortest
}
CALL (a, b, shortest) {
  WITH a, b WHERE size(shortest) > 0 AND size(shortest) < $k AND length(shortest[0]) < {n}
  MATCH path = SHORTEST {k} ((a) ` + referralStep + `{1,{n}} (b)
    WHERE all(i IN range(0, size(y) - 2) WHERE y[i] <> a AND NOT y[i] IN y[i + 1..]))
  RETURN collect(path) AS longer
}
WITH a, b, CASE WHEN size(shortest) < $k AND size(longer) > 0 THEN longer ELSE shortest END AS paths
RETURN {from: a IS NOT NULL, to: b IS NOT NULL,
  paths: [path IN paths | ` + pathProjection + `]} AS result`

// referralVariants[n][k] is referralTemplate for at most n hops and k paths.
var referralVariants = func() (v [MaxReferralHops + 1][MaxReferralPaths + 1]string) {
	for n := 1; n <= MaxReferralHops; n++ {
		for k := 1; k <= MaxReferralPaths; k++ {
			v[n][k] = strings.NewReplacer("{n}", strconv.Itoa(n), "{k}", strconv.Itoa(k)).Replace(referralTemplate)
		}
	}
	return v
}()

// stepFrom reads a step's from, to and since.
func stepFrom(m map[string]any, knows, forward bool) Step {
	st := Step{FromID: str(m, "from"), ToID: str(m, "to"), Kind: LinkMentorship, Direction: Backward, Since: datePtr(m, "since")}
	if knows {
		st.Kind = LinkConnection
	}
	if forward {
		st.Direction = Forward
	}
	return st
}

// pathIDs is the sequence of people a path walks through.
func pathIDs(p Path) []string {
	if len(p.Steps) == 0 {
		return nil
	}
	ids := []string{p.Steps[0].FromID}
	for _, st := range p.Steps {
		ids = append(ids, st.ToID)
	}
	return ids
}

// ReferralPaths returns up to args.K shortest paths from args.From to
// args.To over KNOWS and MENTORED_BY links followed either way, at most
// args.MaxHops steps long: shortest first, then by the sequence of the
// people's ids. Paths are distinct as sequences of people, and never visit
// a person twice. Where two people are linked more than once, the step
// names one link: their connection, else the mentorship in which the
// walker is the mentee, else the other one.
//
// Intermediaries (everyone but From and To) who set openToIntroductions
// to false are never on a path (a missing property means open); with
// ExcludeUnavailable, intermediaries must also be available to mentor.
//
// Which paths come back is fully determined when the shortest paths alone
// number at least K. When longer ones are needed, all paths shorter than
// the longest returned are included, and among the paths of that longest
// length the search decides which fill the remaining places.
//
// No path is an empty slice. From == To, and bounds out of range, are
// InputErrors; unknown ids are ErrNotFound naming "from" or "to".
func (s *Store) ReferralPaths(ctx context.Context, args ReferralArgs) ([]Path, error) {
	var c checker
	c.id("from", args.From)
	c.id("to", args.To)
	if c.err == nil && args.From == args.To {
		c.fail("to", "to must name someone other than from (%q): a referral path joins two different people", args.From)
	}
	if args.MaxHops < 1 || args.MaxHops > MaxReferralHops {
		c.fail("maxHops", "maxHops must be between 1 and %d, got %d", MaxReferralHops, args.MaxHops)
	}
	if args.K < 1 || args.K > MaxReferralPaths {
		c.fail("k", "k must be between 1 and %d, got %d", MaxReferralPaths, args.K)
	}
	if c.err != nil {
		return nil, c.err
	}
	params := map[string]any{"from": args.From, "to": args.To, "k": args.K, "excludeUnavailable": args.ExcludeUnavailable}
	return read(ctx, s, "referral paths", func(tx neo4j.ManagedTransaction) ([]Path, error) {
		m, err := single(ctx, tx, referralVariants[args.MaxHops][args.K], params, func(m map[string]any) map[string]any { return m })
		if err != nil {
			return nil, err
		}
		if !boolVal(m, "from") {
			return nil, notFound("no person with id %q (from)", args.From)
		}
		if !boolVal(m, "to") {
			return nil, notFound("no person with id %q (to)", args.To)
		}
		raw, _ := m["paths"].([]any)
		paths := make([]Path, 0, len(raw))
		seen := map[string]bool{}
		for _, v := range raw {
			p := pathFrom(v)
			// The links chosen per pair make every path a distinct sequence
			// of people; the check guards against data the model forbids
			// (two KNOWS links between one pair).
			key := strings.Join(pathIDs(p), "\x00")
			if !seen[key] {
				seen[key] = true
				paths = append(paths, p)
			}
		}
		slices.SortFunc(paths, func(a, b Path) int {
			return cmp.Or(cmp.Compare(a.Length(), b.Length()), slices.Compare(pathIDs(a), pathIDs(b)))
		})
		if len(paths) > args.K {
			paths = paths[:args.K]
		}
		return paths, nil
	})
}
