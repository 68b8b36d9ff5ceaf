package graph

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Bounds and defaults of CoverageGaps.
const (
	MaxCoverageHops         = 4
	DefaultCoverageHops     = 2
	DefaultCoverageMinLevel = 3
	// MaxCoverageIDs caps the id lists of a SkillGap (UncoveredMentees,
	// Overloaded); the counts beside them are exact.
	MaxCoverageIDs = 50
)

// CoverageArgs ask for the coverage gaps of the network, or of one
// organization's current members.
type CoverageArgs struct {
	// Organization, when set, scopes demand and supply to the people
	// currently affiliated with it (an affiliation without until).
	Organization *string
	// MaxHops is the reach within which a mentor covers a mentee, 1..4.
	MaxHops int
	// MinLevel is the level (1..5) a mentor needs in the skill, or in a
	// narrower one.
	MinLevel int
	// Without, when set, asks what if this person stopped mentoring: the
	// report is computed with them left out of every skill's supply (and
	// so out of the mentors that cover anyone). They still count as demand
	// and still link people on the paths between mentees and mentors.
	Without *string
	Page    PageArgs
	// AllowStale lets the answer come from a kept report computed before
	// the last write, at most CoverageMaxStale before the request, while
	// it is recomputed; without it the answer holds every write committed
	// before the request (see coverage_cache.go).
	AllowStale bool
}

// SkillGap is the coverage of one skill.
type SkillGap struct {
	Skill Skill
	// Demand counts the distinct people with an OPEN goal about the skill
	// itself (a goal about a narrower skill is demand for that skill).
	Demand int
	// Seekers counts the demand people who are also seeking mentorship.
	Seekers int
	// Supply counts the distinct people available to mentor who hold the
	// skill, or a narrower one, at MinLevel or above.
	Supply int
	// OpenSlots is the sum of the supply people's open slots (capacity
	// minus ACTIVE mentees, never below 0).
	OpenSlots int
	// Ratio is Demand / Supply; nil when Supply is 0.
	Ratio *float64
	// Uncovered counts the demand people with no suitable mentor in
	// reach: no supply person with an open slot, other than themselves,
	// within MaxHops over KNOWS and MENTORED_BY links followed either way
	// (the people in between may be anyone, in the organization or not).
	Uncovered int
	// UncoveredMentees are the first MaxCoverageIDs of them the audience
	// may see, by id.
	UncoveredMentees []string
	// SinglePointOfFailure: the skill rests on one mentor (Supply == 1).
	SinglePointOfFailure bool
	// OverloadedCount counts the supply people whose ACTIVE mentees reach
	// or pass their capacity; Overloaded are the first MaxCoverageIDs of
	// them the audience may see, by id.
	OverloadedCount int
	Overloaded      []string
}

// Gap is Demand − Supply, the second sort key of coverage gaps.
func (g SkillGap) Gap() int { return g.Demand - g.Supply }

// coverageTemplate computes every skill's row in one statement. Per skill:
//
//   - the skill and its narrower skills (PART_OF*0..5: the hierarchy is at
//     most 6 levels deep);
//   - demand: the skill's OPEN goals and their owners, in scope;
//   - supply: holders of those skills at $minLevel or above who are
//     available to mentor, in scope, with their ACTIVE mentees counted;
//     the ones with an open slot are the skill's suitable mentors;
//   - the reach, met in the middle. From the mentors' side, a
//     breadth-first search from all suitable mentors at once over
//     KNOWS|MENTORED_BY, {layers} (⌈MaxHops/2⌉, a literal) layers deep:
//     each layer expands only the people the previous one reached first
//     and keeps those not yet visited (the visited list is an IN test that
//     Neo4j answers from a hash set built once per list), so it costs one
//     pass over the links of the people it reaches, however many mentors
//     the skill has. It is skipped for a skill without demand and stops
//     once every demand person is reached. From the demand side ({near}),
//     each demand person it did not reach looks for a visited person
//     within the remaining ⌊MaxHops/2⌋ (≤ 2) hops, stopping at the first.
//     Uncovered people, typically the poorly connected, are cheap to
//     search from; covering everyone from the mentors' side alone would
//     mean searching all MaxHops layers, the whole network at 4 hops;
//   - a demand person who is a suitable mentor themself is reached by
//     their own search, so for them alone a per-person ANY SHORTEST search
//     (bounded by {n}, MaxHops) looks for another suitable mentor, and
//     stops at the first.
//
// Skills with neither demand nor supply are dropped before the search.
// The whole report is one round trip; its cost grows with the number of
// skills times the part of the network their mentors reach. Measured on a
// generated 100k-person network (600k links, 79 skills) unscoped: 2 s at
// 1 or 2 hops, 7 s at 3, 15 s at 4; scoped to its largest organization
// (7k members) 2.5 s at 2 hops and 6 s at 4. One search per demand person
// over all MaxHops took minutes.
var coverageTemplate = `
MATCH (s:Skill)
CALL (s) {
  MATCH (n:Skill)-[:PART_OF*0..5]->(s)
  RETURN collect(DISTINCT n) AS within
}
{demandSupply}` + coverageReach

// coverageDemandSupply is the demand and supply of coverageTemplate when
// the whole network is asked: from every OPEN goal and every holder of
// the skills.
const coverageDemandSupply = `
CALL (s) {
  MATCH (p:Person)-[:HAS_GOAL]->(:Goal {status: 'OPEN'})-[:ABOUT]->(s)
  WITH DISTINCT p ORDER BY p.id
  RETURN collect(p) AS demand, count(CASE WHEN p.seekingMentorship THEN 1 END) AS seekers
}
CALL (within) {
  UNWIND within AS n
  MATCH (p:Person)-[h:HAS_SKILL]->(n)
  WHERE p.availableToMentor AND h.level >= $minLevel AND ($without IS NULL OR p.id <> $without)
  WITH DISTINCT p
  WITH p, coalesce(p.mentorCapacity, 0) AS capacity,
    COUNT { (p)<-[m:MENTORED_BY]-() WHERE m.status = 'ACTIVE' } AS active` + coverageSupplyTotals

// coverageSupplyTotals ends both demand-and-supply parts of
// coverageTemplate: from the supply people p (with their capacity and
// ACTIVE mentees), the skill's supply, open slots, suitable mentors (with
// an open slot) and overloaded mentors, by id.
const coverageSupplyTotals = `
  ORDER BY p.id
  RETURN count(p) AS supply,
    sum(CASE WHEN capacity > active THEN capacity - active ELSE 0 END) AS openSlots,
    collect(CASE WHEN capacity > active THEN p END) AS suitable,
    count(CASE WHEN active >= capacity THEN 1 END) AS overloadedCount,
    collect(CASE WHEN active >= capacity THEN p.id END) AS overloaded
}`

// coverageOrganizationMembers reads, for coverageTemplate scoped to an
// organization, its current members once, each with the skills of their
// OPEN goals and (when they may mentor: available, not $without) the
// skills they hold at $minLevel or above, with their capacity and ACTIVE
// mentees. Each skill's demand and supply are then picked from that list
// (coverageOrganizationDemandSupply) instead of from every goal and every
// holder in the network, so a small organization's report costs what its
// members hold, not what everyone holds.
const coverageOrganizationMembers = `
MATCH (o:Organization {id: $org})
CALL (o) {
  MATCH (p:Person)-[a:AFFILIATED_WITH]->(o) WHERE a.until IS NULL
  WITH DISTINCT p
  CALL (p) {
    OPTIONAL MATCH (p)-[:HAS_GOAL]->(:Goal {status: 'OPEN'})-[:ABOUT]->(g:Skill)
    RETURN collect(DISTINCT g) AS wants
  }
  CALL (p) {
    OPTIONAL MATCH (p)-[h:HAS_SKILL]->(n:Skill)
    WHERE p.availableToMentor AND h.level >= $minLevel AND ($without IS NULL OR p.id <> $without)
    RETURN collect(DISTINCT n) AS offers
  }
  WITH p, wants, offers WHERE size(wants) > 0 OR size(offers) > 0
  RETURN collect({p: p, wants: wants, offers: offers, capacity: coalesce(p.mentorCapacity, 0),
    active: CASE WHEN size(offers) > 0 THEN COUNT { (p)<-[m:MENTORED_BY]-() WHERE m.status = 'ACTIVE' } ELSE 0 END}) AS members
}
MATCH (s:Skill)
CALL (s) {
  MATCH (n:Skill)-[:PART_OF*0..5]->(s)
  RETURN collect(DISTINCT n) AS within
}`

// coverageOrganizationDemandSupply is coverageDemandSupply from the
// members coverageOrganizationMembers read.
const coverageOrganizationDemandSupply = `
CALL (s, members) {
  UNWIND members AS m
  WITH m WHERE s IN m.wants
  WITH m.p AS p ORDER BY p.id
  RETURN collect(p) AS demand, count(CASE WHEN p.seekingMentorship THEN 1 END) AS seekers
}
CALL (within, members) {
  UNWIND members AS m
  WITH m WHERE any(n IN m.offers WHERE n IN within)
  WITH m.p AS p, m.capacity AS capacity, m.active AS active` + coverageSupplyTotals

// coverageReach is the rest of coverageTemplate: the skills with demand or
// supply, and their uncovered mentees.
const coverageReach = `
WITH s, demand, seekers, supply, openSlots, suitable, overloadedCount, overloaded
WHERE size(demand) > 0 OR supply > 0
WITH s, demand, seekers, supply, openSlots, suitable, overloadedCount, overloaded,
  suitable AS visited, CASE WHEN size(demand) > 0 THEN suitable ELSE [] END AS frontier
{layers}
CALL (demand, suitable, visited) {
  UNWIND demand AS d
  WITH d WHERE CASE WHEN d IN suitable
    THEN NOT EXISTS { MATCH ANY SHORTEST (d)-[:KNOWS|MENTORED_BY]-{1,{n}}(m:Person) WHERE m <> d AND m IN suitable }
    ELSE NOT d IN visited{near}
  END
  RETURN count(d) AS uncovered, collect(d.id) AS uncoveredIDs
}
RETURN {skill: ` + skillProjection + `, demand: size(demand), seekers: seekers, supply: supply,
  openSlots: openSlots, uncovered: uncovered, uncoveredIDs: uncoveredIDs,
  overloadedCount: overloadedCount, overloaded: overloaded} AS row`

// coverageLayer is one layer of the breadth-first search of coverageTemplate.
const coverageLayer = `
CALL (frontier, visited) {
  UNWIND frontier AS x
  MATCH (x)-[:KNOWS|MENTORED_BY]-(y:Person)
  WHERE NOT y IN visited
  RETURN collect(DISTINCT y) AS reached
}
WITH s, demand, seekers, supply, openSlots, suitable, overloadedCount, overloaded, visited + reached AS visited,
  CASE WHEN all(d IN demand WHERE d IN visited OR d IN reached) THEN [] ELSE reached END AS frontier`

// coverageNear is the demand side of the reach test of coverageTemplate:
// a person the mentors' search did not reach is covered when someone it
// did reach is within {b} hops of them. {b} is at most 2, so walking every
// path (which stops at the first hit) costs what a breadth-first search
// would: the links of the person's neighbours.
const coverageNear = `
      AND NOT EXISTS { MATCH (d)-[:KNOWS|MENTORED_BY]-{1,{b}}(x:Person) WHERE x IN visited }`

// coverageVariants[n] is coverageTemplate for a reach of n hops: ⌈n/2⌉
// layers of the mentors' search, the rest searched from each demand
// person it did not reach.
var coverageVariants = coverageVariantsOf(coverageTemplate, coverageDemandSupply)

// coverageOrganizationVariants[n] is coverageVariants[n] scoped to an
// organization ($org), reading its members first.
var coverageOrganizationVariants = coverageVariantsOf(
	strings.Replace(coverageTemplate, coverageTemplate[:strings.Index(coverageTemplate, "{demandSupply}")], coverageOrganizationMembers+"\n", 1),
	coverageOrganizationDemandSupply)

func coverageVariantsOf(template, demandSupply string) (v [MaxCoverageHops + 1]string) {
	for n := 1; n <= MaxCoverageHops; n++ {
		layers := (n + 1) / 2
		near := ""
		if b := n - layers; b > 0 {
			near = strings.ReplaceAll(coverageNear, "{b}", strconv.Itoa(b))
		}
		v[n] = strings.NewReplacer("{demandSupply}", strings.TrimPrefix(demandSupply, "\n"), "{layers}", strings.Repeat(coverageLayer, layers),
			"{near}", near, "{n}", strconv.Itoa(n)).Replace(template)
	}
	return v
}

// coverageWithoutCypher: `without` must name a person the audience may
// see; one it may not answers as an unknown id would (the report as if
// they stopped mentoring would tell that they exist, and what they give).
var coverageWithoutCypher = `RETURN {found: EXISTS { MATCH (p:Person {id: $id}) WHERE ` + seenBy("p") + ` }} AS row`

// CoverageGaps reports, per skill with any demand or supply, how well
// mentors cover the people who want to learn it (see SkillGap), a page at
// a time, worst gap first: most uncovered mentees first, then the largest
// Demand − Supply, then by skill id. It also returns the number of skills
// in the whole report. It is Coverage without the report's freshness.
func (s *Store) CoverageGaps(ctx context.Context, args CoverageArgs) (Page[SkillGap], int, error) {
	p, err := s.Coverage(ctx, args)
	return p.Page, p.Total, err
}

// CoveragePage is a page of a coverage report, with when the report was
// computed.
type CoveragePage struct {
	Page[SkillGap]
	// Total is the number of skills in the whole report.
	Total int
	// ComputedAt is when the report's computation started: it holds every
	// write committed before then.
	ComputedAt time.Time
	// Stale is true when a write through this store was committed since
	// ComputedAt (only when CoverageArgs.AllowStale); the report is being
	// recomputed.
	Stale bool
}

// Coverage is CoverageGaps with the report's freshness.
//
// The report is computed whole in one statement (see coverageTemplate for
// its plan and cost), kept by the Store (coverage_cache.go) and cut to the
// page here; a cursor holds the sort key of its row, so the next page
// starts right after it even if rows moved. The page's id lists are then
// cut to the people the audience may see now (visibleCoverageIDs). An
// unknown organization or Without person is ErrNotFound (one more round
// trip when either is given); bounds out of range are InputErrors.
func (s *Store) Coverage(ctx context.Context, args CoverageArgs) (CoveragePage, error) {
	after, hasAfter, err := checkPage(args.Page, MaxPageSize)
	if err != nil {
		return CoveragePage{}, err
	}
	if hasAfter && (after.Level == nil || after.Score == nil) {
		return CoveragePage{}, invalid("after", "after is not a cursor of this list: pass the endCursor of a previous page")
	}
	var c checker
	if args.Organization != nil {
		c.id("organization", *args.Organization)
	}
	if args.Without != nil {
		c.id("without", *args.Without)
	}
	if args.MaxHops < 1 || args.MaxHops > MaxCoverageHops {
		c.fail("maxHops", "maxHops must be between 1 and %d, got %d", MaxCoverageHops, args.MaxHops)
	}
	c.level("minLevel", args.MinLevel)
	if c.err != nil {
		return CoveragePage{}, c.err
	}
	if args.Organization != nil || args.Without != nil {
		if err := s.checkCoverageRefs(ctx, args); err != nil {
			return CoveragePage{}, err
		}
	}
	report, stale, err := s.coverageReportFor(ctx, args)
	if err != nil {
		return CoveragePage{}, err
	}
	rows := report.rows
	start := 0
	if hasAfter {
		key := gapKey{uncovered: *after.Level, gap: int(*after.Score), skill: after.ID}
		// The first row after the cursor's key (the cursor's own row, if it
		// is still there, compares equal and is skipped).
		start, _ = slices.BinarySearchFunc(rows, key, func(row SkillGap, key gapKey) int {
			if c := compareGapKeys(gapKeyOf(row), key); c != 0 {
				return c
			}
			return -1
		})
	}
	end := min(start+args.Page.First+1, len(rows))
	page := pageOf(slices.Clone(rows[start:end]), args.Page.First, hasAfter, func(g SkillGap) Cursor {
		gap := float64(g.Gap())
		return Cursor{ID: g.Skill.ID, Level: &g.Uncovered, Score: &gap}
	})
	if err := s.visibleCoverageIDs(ctx, page.Items); err != nil {
		return CoveragePage{}, err
	}
	return CoveragePage{Page: page, Total: len(rows), ComputedAt: report.computedAt, Stale: stale}, nil
}

// checkCoverageRefs checks that args' organization exists and that its
// Without person is one the audience may see.
func (s *Store) checkCoverageRefs(ctx context.Context, args CoverageArgs) error {
	_, err := read(ctx, s, "coverage gaps", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		if args.Organization != nil {
			if err := requireAll(ctx, tx, ref{organizationLabel, *args.Organization, "organization"}); err != nil {
				return struct{}{}, err
			}
		}
		if args.Without != nil {
			seen, err := single(ctx, tx, coverageWithoutCypher, map[string]any{"id": *args.Without}, func(m map[string]any) bool { return boolVal(m, "found") })
			if err != nil {
				return struct{}{}, err
			}
			if !seen {
				return struct{}{}, notFound("no person with id %q (without)", *args.Without)
			}
		}
		return struct{}{}, nil
	})
	return err
}

// computeCoverage computes the whole report args ask for, sorted worst gap
// first, its id lists whole (every uncovered mentee and overloaded mentor,
// whoever may see them).
func (s *Store) computeCoverage(ctx context.Context, args CoverageArgs) ([]SkillGap, error) {
	params := map[string]any{"org": ptrParam(args.Organization), "without": ptrParam(args.Without), "minLevel": args.MinLevel}
	rows, err := read(ctx, s, "coverage gaps", func(tx neo4j.ManagedTransaction) ([]SkillGap, error) {
		cypher := coverageVariants[args.MaxHops]
		if args.Organization != nil {
			cypher = coverageOrganizationVariants[args.MaxHops]
		}
		return collect(ctx, tx, cypher, params, skillGapFrom)
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(rows, func(a, b SkillGap) int { return compareGapKeys(gapKeyOf(a), gapKeyOf(b)) })
	return rows, nil
}

// coverageSeenCypher keeps, of the people with the ids in $ids, those the
// audience may see (ids of no person are dropped too).
var coverageSeenCypher = `UNWIND $ids AS id
MATCH (p:Person {id: id}) WHERE ` + seenBy("p") + `
RETURN {seen: collect(p.id)} AS row`

// visibleCoverageIDs cuts the id lists of rows (a page cut from a kept
// report, which holds every id) to the first MaxCoverageIDs people the
// audience may see now. The kept report may be older than a change of
// someone's visibility, so it is read at every answer, for the ids the
// page can show: the first 2 × MaxCoverageIDs of each list, then more of a
// list only when too few of them may be seen. An admin sees everyone.
func (s *Store) visibleCoverageIDs(ctx context.Context, rows []SkillGap) error {
	lists := make([]*[]string, 0, 2*len(rows))
	for i := range rows {
		lists = append(lists, &rows[i].UncoveredMentees, &rows[i].Overloaded)
	}
	if AudienceOf(ctx).Admin {
		for _, l := range lists {
			*l = (*l)[:min(len(*l), MaxCoverageIDs)]
		}
		return nil
	}
	const chunk = 2 * MaxCoverageIDs
	kept := make([][]string, len(lists))
	offset := make([]int, len(lists))
	for {
		var ids []string
		for i, l := range lists {
			if len(kept[i]) < MaxCoverageIDs && offset[i] < len(*l) {
				ids = append(ids, (*l)[offset[i]:min(offset[i]+chunk, len(*l))]...)
			}
		}
		if len(ids) == 0 {
			break
		}
		seen, err := read(ctx, s, "coverage gaps", func(tx neo4j.ManagedTransaction) (map[string]bool, error) {
			return single(ctx, tx, coverageSeenCypher, map[string]any{"ids": ids}, func(m map[string]any) map[string]bool {
				set := map[string]bool{}
				for _, id := range strList(m, "seen") {
					set[id] = true
				}
				return set
			})
		})
		if err != nil {
			return err
		}
		for i, l := range lists {
			if len(kept[i]) >= MaxCoverageIDs || offset[i] >= len(*l) {
				continue
			}
			next := min(offset[i]+chunk, len(*l))
			for _, id := range (*l)[offset[i]:next] {
				if seen[id] && len(kept[i]) < MaxCoverageIDs {
					kept[i] = append(kept[i], id)
				}
			}
			offset[i] = next
		}
	}
	for i, l := range lists {
		*l = kept[i]
	}
	return nil
}

// gapKey is the sort key of a SkillGap, held by its cursor: Uncovered as
// the cursor's Level, Gap as its Score, the skill id as its ID.
type gapKey struct {
	uncovered, gap int
	skill          string
}

func gapKeyOf(g SkillGap) gapKey { return gapKey{g.Uncovered, g.Gap(), g.Skill.ID} }

// compareGapKeys orders gaps worst first: Uncovered desc, Gap desc, skill id.
func compareGapKeys(a, b gapKey) int {
	return cmp.Or(cmp.Compare(b.uncovered, a.uncovered), cmp.Compare(b.gap, a.gap), cmp.Compare(a.skill, b.skill))
}

func skillGapFrom(m map[string]any) SkillGap {
	sm, _ := m["skill"].(map[string]any)
	g := SkillGap{
		Skill: skillFrom(sm), Demand: intVal(m, "demand"), Seekers: intVal(m, "seekers"), Supply: intVal(m, "supply"),
		OpenSlots: intVal(m, "openSlots"), Uncovered: intVal(m, "uncovered"), UncoveredMentees: strList(m, "uncoveredIDs"),
		OverloadedCount: intVal(m, "overloadedCount"), Overloaded: strList(m, "overloaded"),
	}
	if g.Supply > 0 {
		r := float64(g.Demand) / float64(g.Supply)
		g.Ratio = &r
	}
	g.SinglePointOfFailure = g.Supply == 1
	return g
}
