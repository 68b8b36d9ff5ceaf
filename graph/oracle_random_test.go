package graph_test

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/dataset"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
	"github.com/mentorgraph/mentorgraph/graph/seed"
)

// The generated network of TestNetworkQuestionsRandomSources and how many
// random sources it asks each question about.
const (
	randomPeople  = 3000
	randomSeed    = 20240607
	randomSources = 100
	// randomFailures is how many more sources a subtest tries after its
	// first failure, so a systematic mismatch does not flood the log.
	randomFailures = 10
)

// TestNetworkQuestionsRandomSources loads a generated network of a few
// thousand people and asks every network question about randomly chosen
// sources (fixed seeds, so a failure can be replayed), comparing each
// answer exactly with a plain breadth-first oracle over the same data in
// memory (oracle_test.go, the nbModel of plainsearch_test.go).
func TestNetworkQuestionsRandomSources(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	began := time.Now()
	prefix := neo4jtest.Prefix(t)
	ds := prefixed(seed.Generate(seed.Config{People: randomPeople, Seed: randomSeed}), prefix)
	if _, err := s.Import(ctx, ds, graph.ImportOptions{}); err != nil {
		t.Fatalf("import the generated network: %v", err)
	}
	t.Logf("imported %d people, %d connections, %d mentorships, %d goals in %v",
		len(ds.People), len(ds.Connections), len(ds.Mentorships), len(ds.Goals), time.Since(began).Round(time.Millisecond))
	n, o, m := randomNet(ds), newOracle(ds), newNBModel(ds)
	people := o.ids
	// rng gives each subtest its own stream, so one can be run alone.
	rng := func(stream uint64) *rand.Rand { return rand.New(rand.NewPCG(randomSeed, stream)) }
	pick := func(r *rand.Rand, from []string) string { return from[r.IntN(len(from))] }
	// heldSkill draws a skill as often as people hold it, and half the
	// time one of its broader skills instead (narrower ones count).
	heldSkill := func(r *rand.Rand) string {
		sk := o.broader[ds.PersonSkills[r.IntN(len(ds.PersonSkills))].SkillID]
		if r.IntN(2) == 0 {
			return sk[0]
		}
		return pick(r, sk)
	}
	// The subtests run in parallel (-parallel: GOMAXPROCS at a time), so
	// Neo4j answers more than one query at once; the cleanup runs after
	// them all.
	t.Cleanup(func() { t.Logf("the whole comparison took %v", time.Since(began).Round(time.Millisecond)) })

	t.Run("FindMentors", func(t *testing.T) {
		t.Parallel()
		took := storeClock(t)
		r, stop := rng(1), stopper(t)
		matches, nonEmpty, paged, farthest := 0, 0, 0, 0
		for range randomSources {
			person, skill := pick(r, people), heldSkill(r)
			hops, minLevel, first := 1+r.IntN(graph.MaxReachHops), 1+r.IntN(4), []int{15, 50, graph.MaxPageSize}[r.IntN(3)]
			what := fmt.Sprintf("findMentors(for %s, skill %s, maxHops %d, minLevel %d, first %d)", person, skill, hops, minLevel, first)
			want := o.mentorsWithin(person, skill, hops, minLevel)
			args := graph.FindMentorsArgs{For: person, Skill: skill, MaxHops: &hops, MinLevel: &minLevel, Page: graph.PageArgs{First: first}}
			got := map[string]int{}
			var last *graph.MentorMatch
			for page := 0; ; page++ {
				t0 := time.Now()
				res, err := s.FindMentors(ctx, args)
				took(t0)
				if err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				// The page with the count: the same page, the oracle's count.
				t0 = time.Now()
				counted, total, err := s.FindMentorsWithCount(ctx, args)
				took(t0)
				if err != nil {
					t.Fatalf("%s with the count: %v", what, err)
				}
				if diff := gocmp.Diff(res, counted); diff != "" {
					t.Errorf("%s: the page with the count differs (-FindMentors +FindMentorsWithCount):\n%s", what, diff)
				}
				if total != len(want) {
					t.Errorf("%s: FindMentorsWithCount counted %d; oracle %d", what, total, len(want))
				}
				if len(res.Items) > first {
					t.Errorf("%s: a page of %d matches", what, len(res.Items))
				}
				for i := range res.Items {
					mm := res.Items[i]
					id := mm.Mentor.ID
					if _, dup := got[id]; dup {
						t.Errorf("%s: %s twice", what, id)
					}
					if last != nil && (mm.Score > last.Score || mm.Score == last.Score && id <= last.Mentor.ID) {
						t.Errorf("%s: %s (%v) after %s (%v)", what, id, mm.Score, last.Mentor.ID, last.Score)
					}
					got[id] = mm.Hops
					farthest = max(farthest, mm.Hops)
					wantSkill, wantLevel := o.bestSkill(id, skill, minLevel)
					if mm.SkillID != wantSkill || mm.Level != wantLevel || mm.OpenSlots != o.openSlots(id) {
						t.Errorf("%s: %s skill %s level %d open %d; oracle %s, %d, %d", what, id, mm.SkillID, mm.Level, mm.OpenSlots,
							wantSkill, wantLevel, o.openSlots(id))
					}
					w := mentorWant{name: id, hops: mm.Hops, level: wantLevel, open: o.openSlots(id), shared: o.sharesOrganization(person, id)}
					if b := w.breakdown(graph.DefaultMentorWeights); !handNear(mm.Breakdown.Distance, b.Distance) || !handNear(mm.Breakdown.Level, b.Level) ||
						!handNear(mm.Breakdown.Capacity, b.Capacity) || !handNear(mm.Breakdown.SharedOrganization, b.SharedOrganization) ||
						!handNear(mm.Score, breakdownSum(b)) {
						t.Errorf("%s: %s score %v %+v; oracle %v %+v", what, id, mm.Score, mm.Breakdown, breakdownSum(b), b)
					}
					n.checkPath(t, mm.Path, person, id, mm.Hops)
					last = &mm
				}
				if !res.HasNext {
					break
				}
				if len(res.Items) == 0 {
					t.Errorf("%s: an empty page that has a next one", what)
					break
				}
				paged = max(paged, page+1)
				after := res.Cursors[len(res.Cursors)-1]
				args.Page.After = &after
			}
			if !maps.Equal(got, want) {
				t.Errorf("%s: %d matches, oracle %d\n got %v\nwant %v", what, len(got), len(want), got, want)
			}
			t0 := time.Now()
			c, err := s.CountMentors(ctx, args)
			took(t0)
			if err != nil || c != len(want) {
				t.Errorf("%s: CountMentors = %d, %v; oracle %d", what, c, err, len(want))
			}
			matches += len(got)
			if len(got) > 0 {
				nonEmpty++
			}
			stop()
		}
		t.Logf("%d sources, %d matches compared (%d non-empty answers, the farthest %d hops away, up to %d pages)",
			randomSources, matches, nonEmpty, farthest, paged+1)
		if matches < 300 || nonEmpty < 30 || farthest < 3 || paged == 0 {
			t.Errorf("vacuous: %d matches in %d non-empty answers, the farthest %d hops away, %d extra pages: the generated network or the draws are too thin",
				matches, nonEmpty, farthest, paged)
		}
	})

	// FindMentors' open-mentor search (available mentors within 1 or 2
	// hops) goes forward from the asker or backward from the candidates,
	// whichever follows fewer links. Both ways, forced, must give the
	// oracle's matches and the store's own pages, for random askers and for
	// the askers with the largest fans (sum of their neighbours' degrees),
	// for whom the store goes backward.
	t.Run("FindMentorsBothWays", func(t *testing.T) {
		t.Parallel()
		took := storeClock(t)
		r, stop := rng(8), stopper(t)
		fan := make(map[string]int, len(people))
		for _, p := range people {
			for _, y := range o.reach[p] {
				fan[p] += len(o.reach[y])
			}
		}
		byFan := slices.Clone(people)
		slices.SortFunc(byFan, func(a, b string) int { return cmp.Or(cmp.Compare(fan[b], fan[a]), strings.Compare(a, b)) })
		sources := byFan[:randomSources/5]
		for len(sources) < randomSources {
			sources = append(sources, pick(r, people))
		}
		compared, nonEmpty, twoHops := 0, 0, 0
		for _, person := range sources {
			skill, hops, minLevel := heldSkill(r), 1+r.IntN(graph.MaxOpenMentorHops), 1+r.IntN(4)
			what := fmt.Sprintf("findMentors(for %s, skill %s, maxHops %d, minLevel %d)", person, skill, hops, minLevel)
			want := o.mentorsWithin(person, skill, hops, minLevel)
			args := graph.FindMentorsArgs{For: person, Skill: skill, MaxHops: &hops, MinLevel: &minLevel, Page: graph.PageArgs{First: graph.MaxPageSize}}
			t0 := time.Now()
			store, err := allMentorPages(ctx, args, s.FindMentors)
			took(t0)
			if err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			for _, forward := range []bool{true, false} {
				way := map[bool]string{true: "forward", false: "backward"}[forward]
				t0 := time.Now()
				got, err := allMentorPages(ctx, args, func(ctx context.Context, a graph.FindMentorsArgs) (graph.Page[graph.MentorMatch], error) {
					return s.FindMentorsOneWay(ctx, a, forward)
				})
				took(t0)
				if err != nil {
					t.Fatalf("%s %s: %v", what, way, err)
				}
				hopsOf := map[string]int{}
				for _, mm := range got {
					hopsOf[mm.Mentor.ID] = mm.Hops
				}
				if !maps.Equal(hopsOf, want) {
					t.Errorf("%s %s: %d matches, oracle %d\n got %v\nwant %v", what, way, len(hopsOf), len(want), hopsOf, want)
				}
				if diff := gocmp.Diff(store, got); diff != "" {
					t.Errorf("%s %s: not the store's answer (-store +%s):\n%s", what, way, way, diff)
				}
				t0 = time.Now()
				c, err := s.CountMentorsOneWay(ctx, args, forward)
				took(t0)
				if err != nil || c != len(want) {
					t.Errorf("%s %s: CountMentors = %d, %v; oracle %d", what, way, c, err, len(want))
				}
			}
			compared += len(store)
			if len(store) > 0 {
				nonEmpty++
			}
			for _, mm := range store {
				if mm.Hops == 2 {
					twoHops++
					break
				}
			}
			stop()
		}
		t.Logf("%d sources (%d of the largest fans, up to %d), %d matches compared each way (%d non-empty answers, %d with 2-hop matches)",
			len(sources), randomSources/5, fan[byFan[0]], compared, nonEmpty, twoHops)
		if compared < 200 || nonEmpty < 30 || twoHops < 10 {
			t.Errorf("vacuous: %d matches in %d non-empty answers, %d with 2-hop matches: the generated network or the draws are too thin",
				compared, nonEmpty, twoHops)
		}
	})

	t.Run("ReferralPaths", func(t *testing.T) {
		t.Parallel()
		took := storeClock(t)
		r, stop := rng(2), stopper(t)
		connected, unconnected, paths, longer, fewer := 0, 0, 0, 0, 0
		lengths := map[int]int{}
		for i := range randomSources {
			from := pick(r, people)
			// A few values of k: each (maxHops, k) is a query of its own for
			// Neo4j to plan.
			maxHops, k := 2+r.IntN(3), []int{1, 3, graph.MaxReferralPaths}[r.IntN(3)]
			to := ""
			// Half the pairs end within reach of from, the other half anywhere.
			if ball := o.ball(from, maxHops); i%2 == 0 && len(ball) > 0 {
				to = pick(r, ball)
			}
			for to == "" || to == from {
				to = pick(r, people)
			}
			what := fmt.Sprintf("referralPaths(from %s, to %s, maxHops %d, k %d)", from, to, maxHops, k)
			t0 := time.Now()
			got, err := s.ReferralPaths(ctx, graph.ReferralArgs{From: from, To: to, MaxHops: maxHops, K: k})
			took(t0)
			if err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			d, joined := o.distance(from, to)
			if !joined || d > maxHops {
				unconnected++
				if len(got) != 0 {
					t.Errorf("%s: %d paths (the first %v); the oracle has no path within %d hops (distance %d, joined %v)",
						what, len(got), nbPathPeople(got[0]), maxHops, d, joined)
				}
				stop()
				continue
			}
			connected++
			lengths[d]++
			paths += len(got)
			if len(got) == 0 || len(got) > k {
				t.Errorf("%s: %d paths; the oracle's distance is %d", what, len(got), d)
				stop()
				continue
			}
			if got[0].Length() != d {
				t.Errorf("%s: the shortest path has %d steps; the oracle's distance is %d", what, got[0].Length(), d)
			}
			byLength := map[int][][]string{}
			var seqs [][]string
			for _, p := range got {
				m.checkWalk(t, p, from, to)
				n.checkPath(t, p, from, to, p.Length())
				if p.Length() > maxHops {
					t.Errorf("%s: a path of %d steps", what, p.Length())
				}
				seq := nbPathPeople(p)
				seqs = append(seqs, seq)
				byLength[p.Length()] = append(byLength[p.Length()], seq)
			}
			for i := 1; i < len(seqs); i++ {
				if c := cmp.Or(cmp.Compare(len(seqs[i-1]), len(seqs[i])), slices.Compare(seqs[i-1], seqs[i])); c >= 0 {
					t.Errorf("%s: path %v after %v: not distinct, by length then ids", what, seqs[i], seqs[i-1])
				}
			}
			// The shortest paths: the first k by ids. Paths shorter than the
			// longest returned: all of them. Fewer than k paths: all there are.
			longest := got[len(got)-1].Length()
			if longest > d {
				longer++
			}
			upTo := longest - 1
			if len(got) < k {
				fewer++
				upTo = maxHops
			}
			for l := d; l <= max(upTo, d); l++ {
				limit := k + 1
				if l == d {
					limit = k
				}
				if want := o.simplePathsOfLength(from, to, l, limit); !slices.EqualFunc(byLength[l], want, slices.Equal) {
					t.Errorf("%s: paths of %d steps %v; the oracle's (up to %d) %v", what, l, byLength[l], limit, want)
				}
			}
			stop()
		}
		t.Logf("%d pairs: %d connected (by distance %v), %d not; %d paths compared, %d answers with longer paths, %d with fewer than k",
			randomSources, connected, lengths, unconnected, paths, longer, fewer)
		if connected < 30 || unconnected < 10 || len(lengths) < 3 || longer < 5 {
			t.Errorf("vacuous: %d connected pairs (distances %v), %d not, %d with longer paths: the generated network or the draws are too thin",
				connected, lengths, unconnected, longer)
		}
	})

	t.Run("Lineage", func(t *testing.T) {
		t.Parallel()
		took := storeClock(t)
		r, stop := rng(3), stopper(t)
		// Sources uniform among everyone, then more among the people with a
		// mentor or a mentee (more than half have neither).
		linked := map[graph.LineageDirection][]string{graph.Ancestors: sortedKeys(m.mentors), graph.Descendants: sortedKeys(m.mentees)}
		entries, nonEmpty, deepest := 0, 0, 0
		sources := randomSources + randomSources/2
		for i := range sources {
			dir := []graph.LineageDirection{graph.Ancestors, graph.Descendants}[r.IntN(2)]
			person, depth := pick(r, people), 1+r.IntN(graph.MaxLineageDepth)
			if i >= randomSources {
				person = pick(r, linked[dir])
			}
			what := fmt.Sprintf("lineage(person %s, direction %s, depth %d)", person, dir, depth)
			t0 := time.Now()
			got, err := s.Lineage(ctx, graph.LineageArgs{Person: person, Direction: dir, Depth: depth})
			took(t0)
			if err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			want := o.lineage(person, dir == graph.Ancestors, depth)
			gen := map[string]int{}
			for _, e := range got {
				gen[e.Person.ID] = e.Generation
				deepest = max(deepest, e.Generation)
			}
			if !maps.Equal(gen, want) {
				t.Errorf("%s: %d people, oracle %d\n got %v\nwant %v", what, len(gen), len(want), gen, want)
			}
			checkLineage(t, m, person, dir, depth, got)
			// Each entry is reached from the start person or from the entry of
			// the previous generation with the smallest id linked to it.
			gen[person] = 0
			for _, e := range got {
				id, wantFrom := e.Person.ID, ""
				for _, q := range sortedKeys(gen) {
					if gen[q] == e.Generation-1 && lineageLinked(m, dir, q, id) {
						wantFrom = q
						break
					}
				}
				link := testLink{e.Via.FromID, id, graph.LinkMentorship}
				if dir == graph.Descendants {
					link = testLink{id, e.Via.FromID, graph.LinkMentorship}
				}
				since, stored := n.links[link]
				if e.Via.FromID != wantFrom || !stored || e.Status != n.statuses[link] || !handSameDate(e.Via.Since, since) {
					t.Errorf("%s: %s via %s (%s, since %v); oracle via %s (%s, since %v)", what, id, e.Via.FromID, e.Status, e.Via.Since,
						wantFrom, n.statuses[link], since)
				}
			}
			entries += len(got)
			if len(got) > 0 {
				nonEmpty++
			}
			stop()
		}
		t.Logf("%d sources (%d uniform, %d among people with a mentor or mentee), %d entries compared (%d non-empty lineages, the deepest generation %d)",
			sources, randomSources, sources-randomSources, entries, nonEmpty, deepest)
		if entries < 100 || nonEmpty < 40 || deepest < 3 {
			t.Errorf("vacuous: %d entries in %d non-empty lineages, the deepest generation %d: the generated network or the draws are too thin",
				entries, nonEmpty, deepest)
		}
	})

	t.Run("CoverageGaps", func(t *testing.T) {
		t.Parallel()
		took := storeClock(t)
		r, stop := rng(4), stopper(t)
		members := map[string]map[string]bool{}
		for p, orgs := range o.orgs {
			for org := range orgs {
				addTo(members, org, p)
			}
		}
		var orgs []string
		for _, org := range ds.Organizations {
			orgs = append(orgs, org.ID)
		}
		rows, scoped, demand, uncovered, spof, overloaded := 0, 0, 0, 0, 0, 0
		for range randomSources {
			var org *string
			if r.IntN(4) > 0 {
				org = &orgs[r.IntN(len(orgs))]
				scoped++
			}
			hops, minLevel := 1+r.IntN(graph.MaxCoverageHops), 1+r.IntN(5)
			what := fmt.Sprintf("coverageGaps(organization %s, maxHops %d, minLevel %d)", ptrString(org), hops, minLevel)
			var scope map[string]bool
			if org != nil {
				scope = members[*org]
				if scope == nil {
					scope = map[string]bool{}
				}
			}
			want := o.coverage(scope, hops, minLevel)
			// Unscoped, the report also holds other tests' skills: keep ours.
			var got []graph.SkillGap
			args := graph.CoverageArgs{Organization: org, MaxHops: hops, MinLevel: minLevel, Page: graph.PageArgs{First: graph.MaxPageSize}}
			total := 0
			for {
				t0 := time.Now()
				page, all, err := s.CoverageGaps(ctx, args)
				took(t0)
				if err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				total = all
				for _, g := range page.Items {
					if strings.HasPrefix(g.Skill.ID, prefix) {
						got = append(got, g)
					}
				}
				if !page.HasNext {
					break
				}
				after := page.Cursors[len(page.Cursors)-1]
				args.Page.After = &after
			}
			if org != nil && total != len(want) {
				t.Errorf("%s: total %d, oracle %d", what, total, len(want))
			}
			if diff := gocmp.Diff(want, got, cmpopts.EquateEmpty(),
				gocmp.Comparer(func(a, b graph.Skill) bool { return a.ID == b.ID })); diff != "" {
				t.Errorf("%s (-oracle +got):\n%s", what, diff)
			}
			rows += len(got)
			for _, g := range want {
				demand += g.Demand
				uncovered += g.Uncovered
				overloaded += g.OverloadedCount
				if g.SinglePointOfFailure {
					spof++
				}
			}
			stop()
		}
		t.Logf("%d reports (%d scoped to one of %d organizations), %d skill rows compared: demand %d, uncovered %d, single points of failure %d, overloaded %d",
			randomSources, scoped, len(orgs), rows, demand, uncovered, spof, overloaded)
		if rows < 1000 || uncovered == 0 || uncovered == demand || spof == 0 || overloaded == 0 {
			t.Errorf("vacuous: %d rows, demand %d, uncovered %d, single points of failure %d, overloaded %d: the generated network or the draws are too thin",
				rows, demand, uncovered, spof, overloaded)
		}
	})

	t.Run("Neighborhood", func(t *testing.T) {
		t.Parallel()
		took := storeClock(t)
		r, stop := rng(5), stopper(t)
		nodes, links, truncated := 0, 0, 0
		for range randomSources {
			person, depth, limit := pick(r, people), 1+r.IntN(graph.MaxNeighborhoodDepth), graph.MaxNeighborhoodLimit
			what := fmt.Sprintf("neighborhood(person %s, depth %d, limit %d)", person, depth, limit)
			var all []nodeWant
			for id, d := range distances(o.reach, person, depth) {
				all = append(all, nodeWant{id, d})
			}
			slices.SortFunc(all, func(a, b nodeWant) int { return cmp.Or(cmp.Compare(a.hops, b.hops), strings.Compare(a.name, b.name)) })
			want := all[:min(limit, len(all))]
			t0 := time.Now()
			g, err := s.Neighborhood(ctx, person, depth, limit)
			took(t0)
			if err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			got := make([]nodeWant, 0, len(g.Nodes))
			for _, nd := range g.Nodes {
				got = append(got, nodeWant{nd.Person.ID, nd.Hops})
			}
			if !slices.Equal(got, want) || g.Truncated != (len(all) > limit) {
				t.Errorf("%s: %d nodes (truncated %v); oracle %d of %d", what, len(got), g.Truncated, len(want), len(all))
				if d := gocmp.Diff(want, got, gocmp.AllowUnexported(nodeWant{})); len(d) < 4000 {
					t.Logf("nodes (-oracle +got):\n%s", d)
				}
			}
			wantLinks := n.linksAmong(want)
			gotLinks := make([]string, len(g.Links))
			for i, l := range g.Links {
				gotLinks[i] = linkString(n, l)
			}
			wantStrings := make([]string, len(wantLinks))
			for i, l := range wantLinks {
				wantStrings[i] = linkString(n, l)
			}
			if !slices.Equal(gotLinks, wantStrings) {
				t.Errorf("%s: %d links; oracle %d (-oracle +got):\n%s", what, len(gotLinks), len(wantStrings), gocmp.Diff(wantStrings, gotLinks))
			}
			nodes += len(got)
			links += len(g.Links)
			if g.Truncated {
				truncated++
			}
			stop()
		}
		t.Logf("%d sources, %d nodes and %d links compared, %d neighbourhoods truncated at %d", randomSources, nodes, links, truncated, graph.MaxNeighborhoodLimit)
		if nodes < 10_000 || links < 10_000 || truncated == randomSources {
			t.Errorf("vacuous: %d nodes, %d links, %d of %d truncated: the generated network or the draws are too thin", nodes, links, truncated, randomSources)
		}
	})

	t.Run("Successors", func(t *testing.T) {
		t.Parallel()
		took := storeClock(t)
		r, stop := rng(6), stopper(t)
		// Sources uniform among everyone, then more among the people who
		// have mentees (most people have none, and so no successors).
		mentors := sortedKeys(m.mentees)
		successors, nonEmpty, named, second := 0, 0, 0, 0
		sources := randomSources + randomSources/2
		for i := range sources {
			person := pick(r, people)
			if i >= randomSources {
				person = pick(r, mentors)
			}
			// Half the time name key skills: some the person holds, or a
			// broader skill of one (a level to succeed them at).
			var skills []string
			if mine := sortedKeys(o.levels[person]); len(mine) > 0 && r.IntN(2) == 0 {
				for range 1 + r.IntN(3) {
					sk := o.broader[pick(r, mine)]
					skills = append(skills, sk[r.IntN(len(sk))])
				}
				named++
			}
			what := fmt.Sprintf("successors(person %s, skills %v)", person, skills)
			t0 := time.Now()
			got, err := s.Successors(ctx, graph.SuccessionArgs{Person: person, Skills: skills})
			took(t0)
			if err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			checkSuccessors(t, m, person, skills, got)
			successors += len(got)
			if len(got) > 0 {
				nonEmpty++
			}
			for _, sc := range got {
				if sc.Generation == 2 {
					second++
				}
			}
			stop()
		}
		t.Logf("%d sources (%d uniform, %d among %d people with mentees; %d naming skills): %d successors compared (%d of generation 2) in %d non-empty answers",
			sources, randomSources, sources-randomSources, len(mentors), named, successors, second, nonEmpty)
		if successors < 50 || nonEmpty < 20 || second == 0 || named < 20 {
			t.Errorf("vacuous: %d successors (%d of generation 2) in %d non-empty answers, %d naming skills: the generated network or the draws are too thin",
				successors, second, nonEmpty, named)
		}
	})

	t.Run("MentorBoard", func(t *testing.T) {
		t.Parallel()
		took := storeClock(t)
		r, stop := rng(7), stopper(t)
		seats, boards, uncoveredSkills, asked := 0, 0, 0, 0
		for range randomSources {
			person, maxHops := pick(r, people), 1+r.IntN(graph.MaxReachHops)
			var skills []string
			for want := 1 + r.IntN(5); len(skills) < want; {
				if sk := heldSkill(r); !slices.Contains(skills, sk) {
					skills = append(skills, sk)
				}
			}
			what := fmt.Sprintf("mentorBoard(for %s, skills %v, maxHops %d)", person, skills, maxHops)
			t0 := time.Now()
			board, err := s.MentorBoard(ctx, person, skills, maxHops)
			took(t0)
			if err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			row := o.hopsFrom(person)
			// coverable: the asked skills someone in reach covers.
			coverable := map[string]bool{}
			for i, d := range row {
				if id := o.ids[i]; d > 0 && int(d) <= maxHops && o.openSlots(id) > 0 {
					for _, sk := range skills {
						if o.bestLevel(id, sk) >= graph.BoardMinLevel {
							coverable[sk] = true
						}
					}
				}
			}
			assigned := map[string]bool{}
			var gotSeats []seatWant
			for i, seat := range board.Seats {
				id, seatSkills := seat.Mentor.ID, skillIDs(seat.Skills)
				gotSeats = append(gotSeats, seatWant{name: id, skills: seatSkills, hops: seat.Hops})
				if d, ok := o.distance(person, id); id == person || !ok || d != seat.Hops || d > maxHops || o.openSlots(id) == 0 || len(seat.Skills) == 0 {
					t.Errorf("%s: seat %d %s (hops %d; oracle distance %d, open slots %d, %d skills)", what, i, id, seat.Hops, d, o.openSlots(id), len(seat.Skills))
				}
				at := -1
				for _, sk := range seatSkills {
					if assigned[sk] || o.bestLevel(id, sk) < graph.BoardMinLevel {
						t.Errorf("%s: seat %s covers %s (again: %v; level %d)", what, id, sk, assigned[sk], o.bestLevel(id, sk))
					}
					if j := slices.Index(skills, sk); j <= at {
						t.Errorf("%s: seat %s's skills %v are not in the order asked %v", what, id, seatSkills, skills)
					} else {
						at = j
					}
					assigned[sk] = true
				}
				n.checkPath(t, seat.Path, person, id, seat.Hops)
			}
			if !maps.Equal(assigned, coverable) {
				t.Errorf("%s: the seats cover %v; the oracle says %v are coverable", what, sortedKeys(assigned), sortedKeys(coverable))
			}
			var wantUncovered []string
			for _, sk := range skills {
				if !coverable[sk] {
					wantUncovered = append(wantUncovered, sk)
				}
			}
			if got := skillIDs(board.Uncovered); !slices.Equal(got, wantUncovered) {
				t.Errorf("%s: uncovered %v; oracle %v", what, got, wantUncovered)
			}
			wantSeats, greedyUncovered := o.mentorBoard(person, skills, maxHops)
			if diff := gocmp.Diff(wantSeats, gotSeats, gocmp.AllowUnexported(seatWant{}), cmpopts.EquateEmpty()); diff != "" ||
				!slices.Equal(greedyUncovered, wantUncovered) {
				t.Errorf("%s: seats differ from the oracle's greedy cover (-oracle +got):\n%s", what, diff)
			}
			seats += len(board.Seats)
			if len(board.Seats) > 0 {
				boards++
			}
			uncoveredSkills += len(board.Uncovered)
			asked += len(skills)
			stop()
		}
		t.Logf("%d sources, %d skills asked: %d seats compared in %d non-empty boards, %d skills uncovered",
			randomSources, asked, seats, boards, uncoveredSkills)
		if seats < 60 || boards < 30 || uncoveredSkills == 0 || uncoveredSkills == asked {
			t.Errorf("vacuous: %d seats in %d boards, %d of %d skills uncovered: the generated network or the draws are too thin",
				seats, boards, uncoveredSkills, asked)
		}
	})
}

// randomNet is ds (ids already unique to the test) as a testNet whose
// names are the ids themselves, for checkPath and linksAmong.
func randomNet(ds *dataset.Dataset) *testNet {
	n := &testNet{ds: *ds, links: map[testLink]*dataset.Date{}, statuses: map[testLink]string{}}
	for _, c := range ds.Connections {
		n.links[testLink{c.PersonA, c.PersonB, graph.LinkConnection}] = c.Since
	}
	for _, ms := range ds.Mentorships {
		l := testLink{ms.MenteeID, ms.MentorID, graph.LinkMentorship}
		n.links[l], n.statuses[l] = ms.Since, status(ms)
	}
	return n
}

// lineageLinked says whether a mentorship joins q to p in the lineage's
// direction: q is mentored by p (ancestors) or mentors p (descendants).
func lineageLinked(m *nbModel, dir graph.LineageDirection, q, p string) bool {
	if dir == graph.Ancestors {
		return slices.Contains(m.mentors[q], p)
	}
	return slices.Contains(m.mentees[q], p)
}

// allMentorPages asks find for every page of args' matches, in order; an
// empty page that says it has a next one is an error.
func allMentorPages(ctx context.Context, args graph.FindMentorsArgs,
	find func(context.Context, graph.FindMentorsArgs) (graph.Page[graph.MentorMatch], error)) ([]graph.MentorMatch, error) {
	var all []graph.MentorMatch
	for page := 1; ; page++ {
		res, err := find(ctx, args)
		if err != nil {
			return nil, err
		}
		all = append(all, res.Items...)
		if !res.HasNext {
			return all, nil
		}
		if len(res.Items) == 0 {
			return nil, fmt.Errorf("page %d (after %d matches) is empty but has a next one", page, len(all))
		}
		after := res.Cursors[len(res.Cursors)-1]
		args.Page.After = &after
	}
}

// stopper returns a function to call after each source: once t has
// failed, it stops the test randomFailures sources later.
func stopper(t *testing.T) func() {
	left := randomFailures
	return func() {
		t.Helper()
		if t.Failed() {
			if left--; left <= 0 {
				t.Fatalf("stopping after %d sources with failures above", randomFailures)
			}
		}
	}
}

// storeClock adds up the time a subtest waits for the store, and logs it
// when the subtest ends: call it with the time each call began.
func storeClock(t *testing.T) func(began time.Time) {
	var wait time.Duration
	t.Cleanup(func() { t.Logf("the store answered in %v", wait.Round(time.Millisecond)) })
	return func(began time.Time) { wait += time.Since(began) }
}

func ptrString(p *string) string {
	if p == nil {
		return "nil"
	}
	return *p
}
