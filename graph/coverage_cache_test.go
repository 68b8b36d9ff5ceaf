package graph_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
)

// allCoverage pages through the whole report args ask for (AllowStale as
// given), and returns its rows and the freshness of its first page.
func allCoverage(t *testing.T, s *graph.Store, args graph.CoverageArgs) ([]graph.SkillGap, graph.CoveragePage) {
	t.Helper()
	var rows []graph.SkillGap
	var first graph.CoveragePage
	args.Page = graph.PageArgs{First: graph.MaxPageSize}
	for i := 0; ; i++ {
		p, err := s.Coverage(context.Background(), args)
		if err != nil {
			t.Fatalf("coverage %+v: %v", args, err)
		}
		if i == 0 {
			first = p
		}
		rows = append(rows, p.Items...)
		if !p.HasNext {
			return rows, first
		}
		c := p.Cursors[len(p.Cursors)-1]
		args.Page.After = &c
	}
}

func scratchCoverage(t *testing.T, s *graph.Store, args graph.CoverageArgs) []graph.SkillGap {
	t.Helper()
	rows, err := graph.CoverageFromScratch(context.Background(), s, args)
	if err != nil {
		t.Fatalf("coverage from scratch %+v: %v", args, err)
	}
	return rows
}

var gapDiffOptions = []gocmp.Option{cmpopts.EquateEmpty()}

// firstPage is the first page of a whole report, as Coverage cuts it.
func firstPage(rows []graph.SkillGap) []graph.SkillGap {
	return rows[:min(len(rows), graph.MaxPageSize)]
}

// TestCoverageMatchesARecomputation makes a random sequence of writes that
// change what coverage depends on (availability, capacity, skills held,
// goals opened and closed, mentorships, connections, affiliations) and
// after each one asks the store's coverage, for the whole network and for
// one organization, at 1, 2 and 3 hops:
//   - allowing a stale answer: it is either the report computed from
//     scratch now (and not marked stale), or marked stale and equal to a
//     report computed from scratch after an earlier step, within
//     CoverageMaxStale;
//   - asking a fresh one: it is the report computed from scratch now.
func TestCoverageMatchesARecomputation(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := newTestNet(t)
	const people, skills, orgs = 10, 4, 2
	name := func(prefix string, i int) string { return prefix + strconv.Itoa(i) }
	for i := range people {
		n.person(name("p", i), i%2 == 0, i%3)
	}
	n.skill("s0", "")
	n.skill("s1", "s0")
	n.skill("s2", "s1")
	n.skill("s3", "")
	for i := range orgs {
		n.org(name("o", i))
	}
	n.has("p0", "s2", 4)
	n.has("p2", "s3", 3)
	n.goal("p1", "s0", "OPEN")
	n.goal("p3", "s3", "OPEN")
	n.knows("p0", "p4")
	n.knows("p4", "p1")
	for i := range people {
		n.member(name("p", i), name("o", i%orgs), true)
	}
	n.load(t, s)

	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 32))
	pick := func() string { return n.id(name("p", rng.IntN(people))) }
	skill := func() string { return n.id(name("s", rng.IntN(skills))) }
	org := func() string { return n.id(name("o", rng.IntN(orgs))) }
	var goals []string
	expected := func(err error) bool {
		return err == nil || errors.Is(err, graph.ErrCapacityFull) || errors.Is(err, graph.ErrConflict) ||
			errors.Is(err, graph.ErrNotFound) || errors.Is(err, graph.ErrInvalid)
	}

	o0 := n.id("o0")
	var scopes []graph.CoverageArgs
	for _, hops := range []int{1, 2, 3} {
		scopes = append(scopes, graph.CoverageArgs{MaxHops: hops, MinLevel: 3}, graph.CoverageArgs{Organization: &o0, MaxHops: hops, MinLevel: 3})
	}
	scopeName := func(a graph.CoverageArgs) string {
		if a.Organization != nil {
			return fmt.Sprintf("o0, %d hops", a.MaxHops)
		}
		return fmt.Sprintf("network, %d hops", a.MaxHops)
	}
	// history[i] holds the reports computed from scratch for scopes[i],
	// one per step: what a stale answer may be.
	history := make([][][]graph.SkillGap, len(scopes))
	for i, a := range scopes {
		fresh, _ := allCoverage(t, s, a)
		history[i] = append(history[i], scratchCoverage(t, s, a))
		if diff := gocmp.Diff(history[i][0], fresh, gapDiffOptions...); diff != "" {
			t.Fatalf("%s before any write (-scratch +store):\n%s", scopeName(a), diff)
		}
	}
	staleSeen := 0
	for step := range 40 {
		var what string
		var err error
		switch k := rng.IntN(12); k {
		case 0:
			a := rng.IntN(3) > 0
			id := pick()
			what = fmt.Sprintf("%s available %v", n.name(id), a)
			_, err = s.UpdatePerson(ctx, id, graph.PersonPatch{AvailableToMentor: graph.Optional[bool]{Set: true, Value: &a}})
		case 1:
			c := rng.IntN(4)
			id := pick()
			what = fmt.Sprintf("%s capacity %d", n.name(id), c)
			_, err = s.UpdatePerson(ctx, id, graph.PersonPatch{MentorCapacity: graph.Optional[int]{Set: true, Value: &c}})
		case 2, 3:
			ps := graph.PersonSkill{PersonID: pick(), SkillID: skill(), Level: 1 + rng.IntN(5)}
			what = fmt.Sprintf("%s has %s at %d", n.name(ps.PersonID), n.name(ps.SkillID), ps.Level)
			_, err = s.SetPersonSkill(ctx, ps)
		case 4:
			p, sk := pick(), skill()
			what = fmt.Sprintf("%s loses %s", n.name(p), n.name(sk))
			_, err = s.RemovePersonSkill(ctx, p, sk)
		case 5:
			g := graph.Goal{PersonID: pick(), SkillID: skill(), Title: "learn", Status: "OPEN"}
			what = fmt.Sprintf("%s wants %s", n.name(g.PersonID), n.name(g.SkillID))
			var added graph.Goal
			if added, err = s.AddGoal(ctx, g); err == nil {
				goals = append(goals, added.ID)
			}
		case 6:
			if len(goals) == 0 {
				continue
			}
			id := goals[rng.IntN(len(goals))]
			st := []string{"ACHIEVED", "ABANDONED", "OPEN"}[rng.IntN(3)]
			what = fmt.Sprintf("goal %s %s", id, st)
			_, err = s.UpdateGoal(ctx, id, graph.GoalPatch{Status: graph.Optional[string]{Set: true, Value: &st}})
		case 7:
			m := graph.Mentorship{MenteeID: pick(), MentorID: pick()}
			what = fmt.Sprintf("%s mentored by %s", n.name(m.MenteeID), n.name(m.MentorID))
			_, err = s.RecordMentorship(ctx, m)
		case 8:
			mentee, mentor := pick(), pick()
			what = fmt.Sprintf("%s no longer mentored by %s", n.name(mentee), n.name(mentor))
			_, err = s.EndMentorship(ctx, mentee, mentor, nil)
		case 9:
			a, b := pick(), pick()
			what = fmt.Sprintf("%s knows %s", n.name(a), n.name(b))
			_, err = s.Connect(ctx, a, b, nil)
		case 10:
			a, b := pick(), pick()
			what = fmt.Sprintf("%s no longer knows %s", n.name(a), n.name(b))
			err = s.Disconnect(ctx, a, b)
		default:
			p, o := pick(), org()
			if rng.IntN(2) == 0 {
				what = fmt.Sprintf("%s joins %s", n.name(p), n.name(o))
				_, err = s.AddAffiliation(ctx, graph.Affiliation{PersonID: p, OrganizationID: o})
			} else {
				what = fmt.Sprintf("%s leaves %s", n.name(p), n.name(o))
				_, err = s.EndAffiliation(ctx, p, o, nil)
			}
		}
		if !expected(err) {
			t.Fatalf("step %d, %s: %v", step, what, err)
		}
		for i, a := range scopes {
			// One page: the pages of a stale report may come from two
			// reports, when its recomputation ends in between.
			a.AllowStale = true
			a.Page = graph.PageArgs{First: graph.MaxPageSize}
			began := time.Now()
			page, err := s.Coverage(ctx, a)
			if err != nil {
				t.Fatalf("step %d, %s, %s: %v", step, what, scopeName(a), err)
			}
			got := page.Items
			want := scratchCoverage(t, s, a)
			history[i] = append(history[i], want)
			if !page.Stale {
				if diff := gocmp.Diff(firstPage(want), got, gapDiffOptions...); diff != "" || page.Total != len(want) {
					t.Fatalf("step %d, %s (seed %d), %s: the answer not marked stale differs from a recomputation (-scratch +store):\n%s",
						step, what, seed, scopeName(a), diff)
				}
			} else {
				staleSeen++
				if began.Sub(page.ComputedAt) > graph.CoverageMaxStale {
					t.Errorf("step %d, %s: a stale answer computed at %v, %v before the request", step, what, page.ComputedAt, began.Sub(page.ComputedAt))
				}
				earlier := false
				for _, h := range history[i][:len(history[i])-1] {
					if page.Total == len(h) && gocmp.Equal(firstPage(h), got, gapDiffOptions...) {
						earlier = true
						break
					}
				}
				if !earlier {
					t.Fatalf("step %d, %s (seed %d), %s: the stale answer is no report computed after an earlier step: %+v",
						step, what, seed, scopeName(a), got)
				}
			}
			a.AllowStale = false
			fresh, page := allCoverage(t, s, a)
			if page.Stale {
				t.Errorf("step %d, %s: an answer asked fresh is marked stale", step, what)
			}
			if diff := gocmp.Diff(want, fresh, gapDiffOptions...); diff != "" {
				t.Fatalf("step %d, %s (seed %d), %s: the fresh answer differs from a recomputation (-scratch +store):\n%s",
					step, what, seed, scopeName(a), diff)
			}
		}
	}
	if staleSeen == 0 {
		t.Error("no answer was stale: the test did not exercise stale answers")
	}
}

// TestCoverageSeenAcrossStores runs two Stores with drivers of their own
// (two server processes) over one database: a write through one, which
// the other does not count, shows in the other's answers within the
// documented bounds. Asked fresh, the other answers the new report at
// once; allowing staleness, it answers its kept report (not marked stale:
// it saw no write) until that is CoverageRefreshAfter old, and the
// recomputation that ask starts makes the new report the answer within
// seconds; with CoverageMaxStale at zero the next answer is the new one.
func TestCoverageSeenAcrossStores(t *testing.T) {
	ctx := context.Background()
	srv := neo4jtest.Get(t)
	var stores [2]*graph.Store
	for i := range stores {
		d, err := srv.Driver(ctx)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = d.Close(ctx) })
		stores[i] = graph.NewStore(d, srv.Database)
		if err := stores[i].ApplySchema(ctx); err != nil {
			t.Fatal(err)
		}
	}
	one, two := stores[0], stores[1]
	n := newTestNet(t)
	n.person("mentor", true, 2)
	n.person("mentee", false, 0)
	n.skill("go", "")
	n.has("mentor", "go", 3)
	n.goal("mentee", "go", "OPEN")
	n.org("o")
	n.member("mentor", "o", true)
	n.member("mentee", "o", true)
	n.load(t, one)
	o := n.id("o")
	args := graph.CoverageArgs{Organization: &o, MaxHops: 2, MinLevel: 3, AllowStale: true}
	uncovered := func(rows []graph.SkillGap) int {
		t.Helper()
		if len(rows) != 1 {
			t.Fatalf("coverage of o: %+v, want one skill", rows)
		}
		return rows[0].Uncovered
	}
	for _, s := range stores {
		if rows, _ := allCoverage(t, s, args); uncovered(rows) != 1 {
			t.Fatalf("before the connection: %+v, want the mentee uncovered", rows)
		}
	}

	// Through one: the mentee and the mentor meet, so the mentee is covered.
	wrote := time.Now()
	if _, err := one.Connect(ctx, n.id("mentor"), n.id("mentee"), nil); err != nil {
		t.Fatal(err)
	}
	if rows, page := allCoverage(t, one, args); page.Stale && uncovered(rows) != 1 || !page.Stale && uncovered(rows) != 0 {
		t.Errorf("the store that wrote: stale %v, %+v", page.Stale, rows)
	}
	// Within CoverageRefreshAfter, two answers its kept report.
	if rows, page := allCoverage(t, two, args); page.Stale || uncovered(rows) != 1 || !page.ComputedAt.Before(wrote) {
		t.Errorf("the other store, right after the write: stale %v, computed at %v (the write at %v), %+v", page.Stale, page.ComputedAt, wrote, rows)
	}
	fresh := args
	fresh.AllowStale = false
	if rows, page := allCoverage(t, two, fresh); page.Stale || uncovered(rows) != 0 {
		t.Errorf("the other store, asked fresh: stale %v, %+v", page.Stale, rows)
	}

	// Past CoverageRefreshAfter: the ask that finds the report too old
	// starts its recomputation, which shows within seconds.
	if err := one.Disconnect(ctx, n.id("mentor"), n.id("mentee")); err != nil {
		t.Fatal(err)
	}
	graph.SetCoverageBounds(two, graph.CoverageMaxStale, 0)
	deadline := time.Now().Add(30 * time.Second)
	for {
		rows, page := allCoverage(t, two, args)
		if page.Stale {
			t.Fatalf("the other store marked a report stale after a write it did not see: %+v", page)
		}
		if uncovered(rows) == 1 {
			t.Logf("the other store answered the write after %v", time.Since(wrote))
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the other store still answers the old report 30 s after the write, past CoverageRefreshAfter")
		}
		time.Sleep(10 * time.Millisecond)
	}

	// With no staleness allowed by the bound, the next write shows at once.
	graph.SetCoverageBounds(two, 0, 0)
	if _, err := one.Connect(ctx, n.id("mentor"), n.id("mentee"), nil); err != nil {
		t.Fatal(err)
	}
	if rows, page := allCoverage(t, two, args); page.Stale || uncovered(rows) != 0 {
		t.Errorf("with CoverageMaxStale 0, after the connection: stale %v, %+v", page.Stale, rows)
	}
}

// TestCoverageKeptReportShowsWhoMaySeeNow: a kept report holds every id,
// and an answer shows only those its audience may see when it is asked.
// A person who turns PRIVATE through another server (a write this store
// does not count, so its kept report is neither stale nor recomputed)
// leaves the id lists of the next answer at once, while the counts,
// which are aggregates, stay; an admin still sees them.
func TestCoverageKeptReportShowsWhoMaySeeNow(t *testing.T) {
	ctx := context.Background()
	other, s := newStore(t), newStore(t)
	n := newTestNet(t)
	n.person("viewer", false, 0)
	n.person("full", true, 0)
	n.person("mentee", false, 0)
	n.skill("go", "")
	n.has("full", "go", 4)
	n.goal("mentee", "go", "OPEN")
	n.org("o")
	for _, p := range []string{"viewer", "full", "mentee"} {
		n.member(p, "o", true)
	}
	n.load(t, s)
	o := n.id("o")
	args := graph.CoverageArgs{Organization: &o, MaxHops: 2, MinLevel: 3, AllowStale: true, Page: graph.PageArgs{First: 5}}
	member := graph.WithAudience(ctx, graph.Audience{Member: true, PersonID: n.id("viewer")})
	ask := func(ctx context.Context) graph.SkillGap {
		t.Helper()
		p, err := s.Coverage(ctx, args)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Items) != 1 {
			t.Fatalf("coverage of o: %+v, want one skill", p.Items)
		}
		return p.Items[0]
	}
	g := ask(member)
	if !slices.Equal(g.UncoveredMentees, []string{n.id("mentee")}) || !slices.Equal(g.Overloaded, []string{n.id("full")}) {
		t.Fatalf("before: uncovered %v, overloaded %v; want the mentee and the full mentor", g.UncoveredMentees, g.Overloaded)
	}
	n.setVisibility(t, other, "visibility", graph.Private, "mentee", "full")
	g = ask(member)
	if len(g.UncoveredMentees) != 0 || len(g.Overloaded) != 0 {
		t.Errorf("a member, after both turned PRIVATE: uncovered %v, overloaded %v; want neither", g.UncoveredMentees, g.Overloaded)
	}
	if g.Uncovered != 1 || g.OverloadedCount != 1 {
		t.Errorf("the counts changed with visibility: uncovered %d, overloaded %d; want 1 and 1 (the same report)", g.Uncovered, g.OverloadedCount)
	}
	if g := ask(graph.WithAudience(ctx, graph.Audience{Member: true, Admin: true})); len(g.UncoveredMentees) != 1 || len(g.Overloaded) != 1 {
		t.Errorf("an admin: uncovered %v, overloaded %v; want both", g.UncoveredMentees, g.Overloaded)
	}
}
