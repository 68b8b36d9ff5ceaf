package graph_test

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// coverageNet is the network of the CoverageGaps tests.
//
// Skills: lead ⊃ pm ⊃ hire (hire two levels below lead); go; solo; nobody
// (no goal, no holder: never reported).
//
//	mentor  available  capacity  holds    ACTIVE mentees   org O
//	M1      yes        2         hire 4   —                now
//	M2      yes        1         go 5     x1 (full)        now
//	M3      yes        2         go 3     —                in the past
//	M4      no         —         go 5     —                now
//	M5      yes        1         go 2     —                now
//	M6      yes        3         solo 4   d7               now
//	M7      yes        1         solo 3   — (e1 ENDED)     now
//
// OPEN goals: d1 (seeking), d2, d3, d8 (two goals, seeking), d9, x1, M3
// about go; d4 about go but ACHIEVED; d5 about lead; d6 about pm; d7 and
// M6 about solo. All of them are members of O now.
//
// Links: d1–M3, d8–M3, d2–y1–M3, d2–x1, x1→M2 (ACTIVE), d3–M5,
// d5–M1, d6–z1–z2–M1, d7→M6 (ACTIVE), e1→M7 (ENDED), M6–M7; d9 has none.
//
// So, with MinLevel 3 and everyone in scope: go has demand 7, supply M2
// and M3, one open slot pair (M3's 2), one suitable mentor, M3. From M3:
// d1, d8 at 1 hop, d2 at 2, x1 at 3; d3, d9 never, and M3 has nobody but
// themself. lead and pm rest on M1 (through hire): d5 at 1 hop, d6 at 3.
// solo: M6 and M7 cover d7 and each other.
func coverageNet(t *testing.T) *testNet {
	n := newTestNet(t)
	n.skill("lead", "")
	n.skill("pm", "lead")
	n.skill("hire", "pm")
	n.skill("go", "")
	n.skill("solo", "")
	n.skill("nobody", "")
	n.org("O")
	for _, p := range []struct {
		name     string
		p        personSetup
		skill    string
		level    int
		inOrgNow bool
	}{
		{"M1", personSetup{available: true, capacity: 2}, "hire", 4, true},
		{"M2", personSetup{available: true, capacity: 1}, "go", 5, true},
		{"M3", personSetup{available: true, capacity: 2}, "go", 3, false},
		{"M4", personSetup{capacity: 3}, "go", 5, true},
		{"M5", personSetup{available: true, capacity: 1}, "go", 2, true},
		{"M6", personSetup{available: true, capacity: 3}, "solo", 4, true},
		{"M7", personSetup{available: true, capacity: 1}, "solo", 3, true},
	} {
		n.personAs(p.name, p.p)
		n.has(p.name, p.skill, p.level)
		n.member(p.name, "O", p.inOrgNow)
	}
	n.personAs("d1", personSetup{seeking: true})
	n.personAs("d8", personSetup{seeking: true})
	n.people("d2", "d3", "d4", "d5", "d6", "d7", "d9", "x1", "y1", "z1", "z2", "e1")
	for _, d := range []string{"d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9", "x1"} {
		n.member(d, "O", true)
	}
	for _, g := range [][3]string{
		{"d1", "go", "OPEN"}, {"d2", "go", "OPEN"}, {"d3", "go", "OPEN"}, {"d8", "go", "OPEN"}, {"d8", "go", "OPEN"},
		{"d9", "go", "OPEN"}, {"x1", "go", "OPEN"}, {"M3", "go", "OPEN"}, {"d4", "go", "ACHIEVED"},
		{"d5", "lead", "OPEN"}, {"d6", "pm", "OPEN"}, {"d7", "solo", "OPEN"}, {"M6", "solo", "OPEN"},
	} {
		n.goal(g[0], g[1], g[2])
	}
	for _, k := range [][2]string{{"d1", "M3"}, {"M3", "d8"}, {"d2", "y1"}, {"y1", "M3"}, {"x1", "d2"}, {"d3", "M5"},
		{"d5", "M1"}, {"d6", "z1"}, {"z1", "z2"}, {"z2", "M1"}, {"M6", "M7"}} {
		n.knows(k[0], k[1])
	}
	n.mentoredBy("x1", "M2", "ACTIVE")
	n.mentoredBy("d7", "M6", "ACTIVE")
	n.mentoredBy("e1", "M7", "ENDED")
	return n
}

// gapRow is a SkillGap written with names, for comparison.
type gapRow struct {
	Skill                                         string
	Demand, Seekers, Supply, OpenSlots, Uncovered int
	Ratio                                         string
	UncoveredMentees, Overloaded                  []string
	SinglePointOfFailure                          bool
	OverloadedCount                               int
}

func (n *testNet) gapRow(g graph.SkillGap) gapRow {
	r := gapRow{Skill: n.name(g.Skill.ID), Demand: g.Demand, Seekers: g.Seekers, Supply: g.Supply, OpenSlots: g.OpenSlots,
		Uncovered: g.Uncovered, UncoveredMentees: n.names(g.UncoveredMentees), Overloaded: n.names(g.Overloaded),
		SinglePointOfFailure: g.SinglePointOfFailure, OverloadedCount: g.OverloadedCount, Ratio: "none"}
	if g.Ratio != nil {
		r.Ratio = fmt.Sprintf("%.3f", *g.Ratio)
	}
	return r
}

func TestCoverageGaps(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := coverageNet(t)
	n.load(t, s)

	// The rows every case shares, by MaxHops where they differ.
	goRow := func(uncovered ...string) gapRow {
		return gapRow{Skill: "go", Demand: 7, Seekers: 2, Supply: 2, OpenSlots: 2, Ratio: "3.500", Uncovered: len(uncovered),
			UncoveredMentees: uncovered, Overloaded: []string{"M2"}, OverloadedCount: 1}
	}
	pm := func(uncovered ...string) gapRow {
		return gapRow{Skill: "pm", Demand: 1, Supply: 1, OpenSlots: 2, Ratio: "1.000", Uncovered: len(uncovered),
			UncoveredMentees: uncovered, Overloaded: []string{}, SinglePointOfFailure: true}
	}
	lead := gapRow{Skill: "lead", Demand: 1, Supply: 1, OpenSlots: 2, Ratio: "1.000", UncoveredMentees: []string{}, Overloaded: []string{}, SinglePointOfFailure: true}
	solo := gapRow{Skill: "solo", Demand: 2, Supply: 2, OpenSlots: 3, Ratio: "1.000", UncoveredMentees: []string{}, Overloaded: []string{}}
	hire := gapRow{Skill: "hire", Supply: 1, OpenSlots: 2, Ratio: "0.000", UncoveredMentees: []string{}, Overloaded: []string{}, SinglePointOfFailure: true}
	// Scoped to O: M3 is a past member, so go rests on M2, who is full.
	goInO := gapRow{Skill: "go", Demand: 6, Seekers: 2, Supply: 1, OpenSlots: 0, Ratio: "6.000", Uncovered: 6,
		UncoveredMentees: []string{"d1", "d2", "d3", "d8", "d9", "x1"}, Overloaded: []string{"M2"}, OverloadedCount: 1, SinglePointOfFailure: true}

	for _, tc := range []struct {
		name     string
		org      bool
		maxHops  int
		minLevel int
		want     []gapRow
	}{
		{"one hop", false, 1, 3, []gapRow{goRow("M3", "d2", "d3", "d9", "x1"), pm("d6"), lead, solo, hire}},
		{"two hops", false, 2, 3, []gapRow{goRow("M3", "d3", "d9", "x1"), pm("d6"), lead, solo, hire}},
		{"three hops reach x1 and d6", false, 3, 3, []gapRow{goRow("M3", "d3", "d9"), lead, pm(), solo, hire}},
		{"four hops, the most", false, 4, 3, []gapRow{goRow("M3", "d3", "d9"), lead, pm(), solo, hire}},
		{"level 2 lets M5 cover d3", false, 1, 2, []gapRow{
			{Skill: "go", Demand: 7, Seekers: 2, Supply: 3, OpenSlots: 3, Ratio: "2.333", Uncovered: 4,
				UncoveredMentees: []string{"M3", "d2", "d9", "x1"}, Overloaded: []string{"M2"}, OverloadedCount: 1},
			pm("d6"), lead, solo, hire}},
		{"scoped to O", true, 2, 3, []gapRow{goInO, pm("d6"), lead, solo, hire}},
		{"scoped to O, four hops", true, 4, 3, []gapRow{goInO, lead, pm(), solo, hire}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := graph.CoverageArgs{MaxHops: tc.maxHops, MinLevel: tc.minLevel, Page: graph.PageArgs{First: graph.MaxPageSize}}
			if tc.org {
				o := n.id("O")
				args.Organization = &o
			}
			var got []gapRow
			total := 0
			// Unscoped, the report holds every test's skills: page through
			// it all and keep this test's.
			for {
				page, tot, err := s.CoverageGaps(ctx, args)
				if err != nil {
					t.Fatal(err)
				}
				total = tot
				for _, g := range page.Items {
					if strings.HasPrefix(g.Skill.ID, n.prefix) {
						got = append(got, n.gapRow(g))
					}
				}
				if !page.HasNext {
					break
				}
				args.Page.After = &page.Cursors[len(page.Cursors)-1]
			}
			if diff := gocmp.Diff(tc.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("coverage (-want +got):\n%s", diff)
			}
			if tc.org && total != len(tc.want) {
				t.Errorf("total %d, want %d", total, len(tc.want))
			}
		})
	}

	// What if a person stopped mentoring: the report without them in any
	// supply. Without M3, go's only suitable mentor, everyone who wants go
	// is uncovered; without M2 (full, so covering no one) only the supply
	// and the overloaded list change; without a person who mentors nothing
	// (d1) nothing does, and d1 still counts as demand.
	t.Run("without", func(t *testing.T) {
		for _, tc := range []struct {
			name, without string
			want          []gapRow
		}{
			{"go's only suitable mentor", "M3", []gapRow{
				{Skill: "go", Demand: 7, Seekers: 2, Supply: 1, OpenSlots: 0, Ratio: "7.000", Uncovered: 7,
					UncoveredMentees: []string{"M3", "d1", "d2", "d3", "d8", "d9", "x1"}, Overloaded: []string{"M2"}, OverloadedCount: 1,
					SinglePointOfFailure: true},
				pm("d6"), lead, solo, hire}},
			{"a full mentor", "M2", []gapRow{
				{Skill: "go", Demand: 7, Seekers: 2, Supply: 1, OpenSlots: 2, Ratio: "7.000", Uncovered: 4,
					UncoveredMentees: []string{"M3", "d3", "d9", "x1"}, Overloaded: []string{}, SinglePointOfFailure: true},
				pm("d6"), lead, solo, hire}},
			{"the only lead mentor", "M1", []gapRow{goRow("M3", "d3", "d9", "x1"),
				{Skill: "lead", Demand: 1, Uncovered: 1, Ratio: "none", UncoveredMentees: []string{"d5"}, Overloaded: []string{}},
				{Skill: "pm", Demand: 1, Uncovered: 1, Ratio: "none", UncoveredMentees: []string{"d6"}, Overloaded: []string{}},
				solo}},
			{"someone who mentors nothing", "d1", []gapRow{goRow("M3", "d3", "d9", "x1"), pm("d6"), lead, solo, hire}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				without := n.id(tc.without)
				args := graph.CoverageArgs{MaxHops: 2, MinLevel: 3, Without: &without, Page: graph.PageArgs{First: graph.MaxPageSize}}
				var got []gapRow
				for {
					page, _, err := s.CoverageGaps(ctx, args)
					if err != nil {
						t.Fatal(err)
					}
					for _, g := range page.Items {
						if strings.HasPrefix(g.Skill.ID, n.prefix) {
							got = append(got, n.gapRow(g))
						}
					}
					if !page.HasNext {
						break
					}
					args.Page.After = &page.Cursors[len(page.Cursors)-1]
				}
				if diff := gocmp.Diff(tc.want, got, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("coverage without %s (-want +got):\n%s", tc.without, diff)
				}
			})
		}
	})

	t.Run("pages", func(t *testing.T) {
		o := n.id("O")
		want := []string{"go", "pm", "lead", "solo", "hire"}
		for _, first := range []int{1, 2, 3, 5, 6} {
			t.Run(fmt.Sprint(first), func(t *testing.T) {
				args := graph.CoverageArgs{Organization: &o, MaxHops: 2, MinLevel: 3, Page: graph.PageArgs{First: first}}
				var got []string
				for i := 0; ; i++ {
					page, total, err := s.CoverageGaps(ctx, args)
					if err != nil {
						t.Fatal(err)
					}
					if total != len(want) {
						t.Errorf("page %d: total %d, want %d", i, total, len(want))
					}
					if page.HasPrevious != (i > 0) {
						t.Errorf("page %d: HasPrevious %v", i, page.HasPrevious)
					}
					if len(page.Items) > first || len(page.Cursors) != len(page.Items) {
						t.Fatalf("page %d: %d items, %d cursors (first %d)", i, len(page.Items), len(page.Cursors), first)
					}
					for _, g := range page.Items {
						got = append(got, n.name(g.Skill.ID))
					}
					if !page.HasNext {
						break
					}
					if i > len(want) {
						t.Fatal("more pages than rows")
					}
					args.Page.After = &page.Cursors[len(page.Cursors)-1]
				}
				if !slices.Equal(got, want) {
					t.Errorf("pages of %d: %v, want %v", first, got, want)
				}
			})
		}
	})
}

func TestCoverageGapsBadInput(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := newTestNet(t)
	n.org("O")
	n.load(t, s)
	o := n.id("O")
	ok := graph.CoverageArgs{Organization: &o, MaxHops: 2, MinLevel: 3, Page: graph.PageArgs{First: 10}}
	bad := "not-a-cursor"
	foreign := graph.EncodeCursor(graph.Cursor{ID: "x"})
	for _, tc := range []struct {
		name  string
		edit  func(*graph.CoverageArgs)
		field string
	}{
		{"maxHops 0", func(a *graph.CoverageArgs) { a.MaxHops = 0 }, "maxHops"},
		{"maxHops 5", func(a *graph.CoverageArgs) { a.MaxHops = 5 }, "maxHops"},
		{"minLevel 0", func(a *graph.CoverageArgs) { a.MinLevel = 0 }, "minLevel"},
		{"minLevel 6", func(a *graph.CoverageArgs) { a.MinLevel = 6 }, "minLevel"},
		{"first 0", func(a *graph.CoverageArgs) { a.Page.First = 0 }, "first"},
		{"first too large", func(a *graph.CoverageArgs) { a.Page.First = graph.MaxPageSize + 1 }, "first"},
		{"after not a cursor", func(a *graph.CoverageArgs) { a.Page.After = &bad }, "after"},
		{"after a cursor of another list", func(a *graph.CoverageArgs) { a.Page.After = &foreign }, "after"},
		{"empty organization id", func(a *graph.CoverageArgs) { e := ""; a.Organization = &e }, "organization"},
		{"empty without id", func(a *graph.CoverageArgs) { e := ""; a.Without = &e }, "without"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := ok
			tc.edit(&args)
			_, _, err := s.CoverageGaps(ctx, args)
			handFieldError(t, err, tc.field)
		})
	}
	t.Run("unknown organization", func(t *testing.T) {
		args := ok
		nobody := n.id("nobody")
		args.Organization = &nobody
		_, _, err := s.CoverageGaps(ctx, args)
		handNotFound(t, err, nobody, "organization")
	})
	t.Run("unknown without", func(t *testing.T) {
		args := ok
		nobody := n.id("nobody")
		args.Without = &nobody
		_, _, err := s.CoverageGaps(ctx, args)
		handNotFound(t, err, nobody, "without")
	})
	t.Run("an organization without members has no gaps", func(t *testing.T) {
		page, total, err := s.CoverageGaps(ctx, ok)
		if err != nil || total != 0 || len(page.Items) != 0 || page.HasNext {
			t.Errorf("got %+v, total %d, %v; want an empty report", page, total, err)
		}
	})
}

// TestCoverageGapsGenerated checks CoverageGaps against the model on a
// generated network, scoped to its largest organizations.
func TestCoverageGapsGenerated(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ds, m := nbGeneratedModel(t, s)
	members := map[string]map[string]bool{}
	for _, a := range ds.Affiliations {
		if a.Until == nil {
			if members[a.OrganizationID] == nil {
				members[a.OrganizationID] = map[string]bool{}
			}
			members[a.OrganizationID][a.PersonID] = true
		}
	}
	orgs := make([]string, 0, len(members))
	for o := range members {
		orgs = append(orgs, o)
	}
	slices.SortFunc(orgs, func(a, b string) int { return cmp.Or(cmp.Compare(len(members[b]), len(members[a])), cmp.Compare(a, b)) })
	for _, org := range orgs[:2] {
		for _, c := range []struct{ hops, level int }{{1, 3}, {2, 3}, {4, 3}, {2, 1}} {
			t.Run(fmt.Sprintf("%s-%d-hops-level-%d", org[len(org)-4:], c.hops, c.level), func(t *testing.T) {
				want := modelGaps(m, ds, members[org], c.hops, c.level)
				if len(want) == 0 {
					t.Fatal("the model finds no gaps to compare")
				}
				o := org
				page, total, err := s.CoverageGaps(ctx, graph.CoverageArgs{Organization: &o, MaxHops: c.hops, MinLevel: c.level,
					Page: graph.PageArgs{First: graph.MaxPageSize}})
				if err != nil {
					t.Fatal(err)
				}
				if total != len(want) {
					t.Errorf("total %d, want %d", total, len(want))
				}
				if diff := gocmp.Diff(want, page.Items, cmpopts.EquateEmpty(),
					gocmp.Comparer(func(a, b graph.Skill) bool { return a.ID == b.ID })); diff != "" {
					t.Errorf("coverage (-want +got):\n%s", diff)
				}
			})
		}
	}
}

// modelGaps is the coverage report by the model, for the people in scope.
func modelGaps(m *nbModel, ds *dataset.Dataset, scope map[string]bool, hops, minLevel int) []graph.SkillGap {
	adj := nbAdjacency(m)
	demand := map[string]map[string]bool{}
	for _, g := range ds.Goals {
		if (g.Status == "" || g.Status == "OPEN") && scope[g.PersonID] {
			if demand[g.SkillID] == nil {
				demand[g.SkillID] = map[string]bool{}
			}
			demand[g.SkillID][g.PersonID] = true
		}
	}
	var out []graph.SkillGap
	for _, sk := range ds.Skills {
		g := graph.SkillGap{Skill: graph.Skill{ID: sk.ID}, Demand: len(demand[sk.ID])}
		var suitable []string
		var overloaded []string
		for p := range scope {
			if !m.available(p) || m.best(p, sk.ID) < minLevel {
				continue
			}
			g.Supply++
			g.OpenSlots += m.openSlots(p)
			if m.openSlots(p) > 0 {
				suitable = append(suitable, p)
			}
			capacity := 0
			if c := m.people[p].MentorCapacity; c != nil {
				capacity = *c
			}
			if m.active[p] >= capacity {
				overloaded = append(overloaded, p)
			}
		}
		if g.Demand == 0 && g.Supply == 0 {
			continue
		}
		var uncovered []string
		for d := range demand[sk.ID] {
			reach := nbGenerations(adj, d, hops)
			if !slices.ContainsFunc(suitable, func(p string) bool { _, ok := reach[p]; return ok && p != d }) {
				uncovered = append(uncovered, d)
			}
		}
		slices.Sort(uncovered)
		slices.Sort(overloaded)
		for d := range demand[sk.ID] {
			if p := m.people[d]; p.SeekingMentorship != nil && *p.SeekingMentorship {
				g.Seekers++
			}
		}
		out = append(out, finishGap(g, uncovered, overloaded))
	}
	sortGaps(out)
	return out
}
