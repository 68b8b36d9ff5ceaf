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
var referralStep = `((x:Person)-[r:KNOWS|MENTORED_BY]-(y:Person)
      WHERE (y.id = $to OR (` + passableBy("y") + `
              AND (NOT $excludeUnavailable OR coalesce(y.availableToMentor, false))))
        AND (r:KNOWS OR (NOT EXISTS { (x)-[:KNOWS]-(y) }
              AND (startNode(r) = x OR NOT EXISTS { (x)-[:MENTORED_BY]->(y) }))))`

// referralTemplate finds the referral paths between a and b, both ends
// bound, so no search enumerates all paths out of a hub; {n} (the hop
// bound) and {k} (the number of paths) are literals filled in by
// referralVariants, because Neo4j 5 takes neither as a parameter.
//
//  1. allShortestPaths: every path of the shortest length. This is the
//     bidirectional search of the ShortestPath operator, which evaluates
//     the condition on intermediaries as it expands (the plan has no
//     exhaustive fallback); on a generated 100k-person network it answered
//     in 4 ms (p50) and 41 ms (p99, mostly pairs with no path), where the
//     newer ALL SHORTEST took 230 ms at p99. Each shortest path is simple
//     (a repeated person would make a shorter one); paths that differ
//     only in links between the same people are merged into the one with
//     the preferred link at each step (referralPick), then sorted by the
//     people's ids and cut to $k in the database, so a hub pair with many
//     shortest paths sends k.
//  2. Only when those are fewer than $k: the paths one step longer, then
//     two, … up to {n}, until there are $k ({longer}). Up to 4 steps, the
//     paths of each length are found by meeting in the middle
//     (referralMeet): the people half a walk away from the cheaper end
//     are collected, the walks from the other end are streamed against
//     them (their people distinct and allowed, distinct as sequences of
//     people), LIMIT $k, so the search stops as soon as it has enough.
//     Measured on a generated 1M-person network for pairs 3 hops apart
//     through hubs of 8,852–29,801 links: 11–16 ms (then with a hash
//     join, whose build side Neo4j picks itself: a million rows when it
//     built from a hub's end), where SHORTEST {k} (the k shortest paths of
//     any length, StatefulShortestPath) took 110–670 ms; netbench at 1M,
//     random pairs: p99 43 ms for the whole query. Beyond 4 steps (maxHops 5
//     and 6, where half a walk is three steps out of a hub), SHORTEST {k}
//     restricted to simple paths with the preferred links (referralStep).
//
// Unknown ids come back as flags in the same row, so one round trip also
// answers "not found".
var referralTemplate = `
OPTIONAL MATCH (a:Person {id: $from}) WHERE ` + seenBy("a") + `
OPTIONAL MATCH (b:Person {id: $to}) WHERE ` + seenBy("b") + `
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH path = allShortestPaths((a)-[:KNOWS|MENTORED_BY*..{n}]-(b))
  WHERE all(p IN nodes(path) WHERE p = a OR p = b OR (` + passableBy("p") + `
    AND (NOT $excludeUnavailable OR coalesce(p.availableToMentor, false))))
` + referralPick + `
  ORDER BY ids LIMIT $k
  RETURN collect(path) AS paths
}
{longer}WITH a, b, paths[0..$k] AS paths
RETURN {from: a IS NOT NULL, to: b IS NOT NULL,
  paths: [path IN paths | ` + pathProjection + `]} AS result`

// referralPick keeps, of the rows `path` that walk the same people, the
// one with the preferred link at each step (the smallest rank vector: the
// connection, else the mentorship in which the walker is the mentee, else
// the other one; every mix of links is among the rows), as rows ids, path.
const referralPick = `  WITH path, [p IN nodes(path) | p.id] AS ids,
    [i IN range(0, length(path) - 1) | CASE WHEN type(relationships(path)[i]) = 'KNOWS' THEN 0
      WHEN startNode(relationships(path)[i]) = nodes(path)[i] THEN 1 ELSE 2 END] AS rank
  ORDER BY ids, rank
  WITH ids, collect(path)[0] AS path`

// referralMeetHops is the longest path referralMeet finds.
const referralMeetHops = 4

// referralMeet is the step of referralTemplate that adds the paths of l
// steps (2 ≤ l ≤ referralMeetHops) to paths when they are fewer than $k and
// shorter than l, by meeting in the middle: v1 … v(l-1) are the people
// between a and b. fromA (referralSideCost, worked out once per query by
// referralLonger) says which end's neighbours have fewer links between
// them. For l = 2 the expansion starts from that end. For l = 3 and 4 the
// people two steps from that end are collected, the walks from the other
// end are streamed and kept when they reach one of those (so LIMIT $k stops
// the search as soon as it has enough), and the two steps from the first
// end are found again for the kept walks only. Measured at 1M people:
// walking two steps out of an end next to a hub of 8,634 links gave 700k
// rows, against a few thousand from the other end.
func referralMeet(l int) string {
	const link = "-[:KNOWS|MENTORED_BY]-"
	v := func(i int) string {
		switch i {
		case 0:
			return "a"
		case l:
			return "b"
		}
		return "v" + strconv.Itoa(i)
	}
	// walk is the pattern v(from) … v(to).
	walk := func(from, to int) string {
		var w []string
		for i := from; i <= to; i++ {
			w = append(w, "("+v(i)+")")
		}
		return strings.Join(w, link)
	}
	// allowed is the condition on the people between a and b among
	// v(from) … v(to): open to introductions (and available, if asked).
	allowed := func(from, to int) string {
		var c []string
		for i := max(from, 1); i <= min(to, l-1); i++ {
			c = append(c, passableBy(v(i))+" AND (NOT $excludeUnavailable OR coalesce("+v(i)+".availableToMentor, false))")
		}
		if len(c) == 0 {
			return "true"
		}
		return strings.Join(c, " AND ")
	}
	var between, cond []string
	for i := 0; i <= l; i++ {
		if i > 0 && i < l {
			between = append(between, v(i))
			cond = append(cond, allowed(i, i))
		}
		for j := i + 2; j <= l; j++ {
			cond = append(cond, v(i)+" <> "+v(j))
		}
	}
	where := "WHERE " + strings.Join(cond, "\n      AND ")
	// side finds the walks whose two steps next to a (fromA) or to b are
	// collected, as the comment above says.
	side := func(fromA bool) string {
		// The collected half (build, its people inside, ending at join),
		// the streamed half (stream, its people streamed), and rebuild,
		// which finds the collected half again from its end.
		guard, join, build, inside := "fromA", v(2), walk(0, 2), allowed(1, 2)
		stream, streamed := walk(2, l), allowed(3, l)
		rebuild := "CALL (a) { MATCH (a)" + link + "(v1) RETURN v1 }\n    MATCH " + walk(1, 2)
		if !fromA {
			guard, join, build, inside = "NOT fromA", v(l-2), walk(l-2, l), allowed(l-2, l-1)
			stream, streamed = walk(0, l-2), allowed(0, l-3)
			last := v(l - 1)
			rebuild = "CALL (b) { MATCH (b)" + link + "(" + last + ") RETURN " + last + " }\n    MATCH " + walk(l-2, l-1)
		}
		return `WITH a, b WHERE ` + guard + `
    WITH a, b, COLLECT { MATCH ` + build + ` WHERE ` + inside + ` RETURN DISTINCT ` + join + ` } AS mids
    MATCH ` + stream + `
    WHERE ` + join + ` IN mids AND ` + streamed + `
    ` + rebuild + `
    ` + where + `
    RETURN ` + strings.Join(between, ", ")
	}
	find := `CALL (a, b, fromA) {
    ` + side(true) + `
    UNION
    ` + side(false) + `
  }`
	if l == 2 {
		// Expand from one end, into the other.
		find = `CALL (a, b, fromA) {
    WITH a, b WHERE fromA
    MATCH (a)` + link + `(v1) RETURN v1
    UNION
    WITH a, b WHERE NOT fromA
    MATCH (b)` + link + `(v1) RETURN v1
  }
  MATCH ` + walk(0, 2) + `
  ` + where
	}
	return `CALL (a, b, paths, fromA) {
  WITH a, b, fromA WHERE size(paths) > 0 AND size(paths) < $k AND length(paths[0]) < ` + strconv.Itoa(l) + `
  ` + find + `
  WITH DISTINCT a, b, ` + strings.Join(between, ", ") + ` LIMIT $k
  MATCH path = ` + walk(0, l) + `
` + referralPick + `
  ORDER BY ids
  RETURN collect(path) AS longer
}
WITH a, b, fromA, paths + longer AS paths
`
}

// referralSideCost is true when the neighbours of a have no more links
// between them than those of b: then the longer half of a walk starts from
// a. It costs a degree lookup per neighbour, for at most 500 neighbours per
// end; the sum over more is extrapolated from those (an end that is a hub
// must not look cheap: at 1M people, walking two steps out of a hub of
// 15,932 links gave a million rows).
var referralSideCost = referralEndCost("a") + "\n    <= " + referralEndCost("b")

// referralEndCost estimates the links of the neighbours of end.
func referralEndCost(end string) string {
	degree := "COUNT { (" + end + ")-[:KNOWS|MENTORED_BY]-() }"
	return "reduce(t = 0, d IN COLLECT { MATCH (" + end + ")-[:KNOWS|MENTORED_BY]-(u) WITH u LIMIT 500 " +
		"RETURN COUNT { (u)-[:KNOWS|MENTORED_BY]-() } AS d } | t + d) * " + degree +
		" / CASE WHEN " + degree + " > 500 THEN 500 WHEN " + degree + " = 0 THEN 1 ELSE " + degree + " END"
}

// referralLonger is step 2 of referralTemplate for at most n hops.
func referralLonger(n int) string {
	var b strings.Builder
	if n >= 2 {
		// Which end the meeting starts from, worked out once, and only
		// when some longer path is wanted.
		b.WriteString(`CALL (a, b, paths) {
  WITH a, b WHERE size(paths) > 0 AND size(paths) < $k AND length(paths[0]) < {n}
  WITH ` + referralSideCost + ` AS fromA
  RETURN collect(fromA)[0] AS fromA
}
`)
	}
	for l := 2; l <= min(n, referralMeetHops); l++ {
		b.WriteString(referralMeet(l))
	}
	if n > referralMeetHops {
		b.WriteString(`CALL (a, b, paths) {
  WITH a, b, length(paths[size(paths) - 1]) AS longest WHERE size(paths) > 0 AND size(paths) < $k AND longest < {n}
  MATCH path = SHORTEST {k} ((a) ` + referralStep + `{1,{n}} (b)
    WHERE all(i IN range(0, size(y) - 2) WHERE y[i] <> a AND NOT y[i] IN y[i + 1..])
      AND size(y) > longest)
  RETURN collect(path) AS longer
}
WITH a, b, paths + longer AS paths
`)
	}
	return b.String()
}

// referralVariants[n][k] is referralTemplate for at most n hops and k paths.
var referralVariants = func() (v [MaxReferralHops + 1][MaxReferralPaths + 1]string) {
	for n := 1; n <= MaxReferralHops; n++ {
		for k := 1; k <= MaxReferralPaths; k++ {
			q := strings.Replace(referralTemplate, "{longer}", referralLonger(n), 1)
			v[n][k] = strings.NewReplacer("{n}", strconv.Itoa(n), "{k}", strconv.Itoa(k)).Replace(q)
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
