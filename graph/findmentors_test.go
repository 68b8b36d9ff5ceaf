package graph_test

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/mentorgraph/mentorgraph/graph"
)

// mentorWant is a match expected from mentorNet, worked out by hand.
type mentorWant struct {
	name   string
	hops   int
	skill  string
	level  int
	open   int
	shared bool
}

// breakdown is w's score parts under weights, by the documented formula.
func (w mentorWant) breakdown(ws graph.MentorWeights) graph.ScoreBreakdown {
	shared := 0.0
	if w.shared {
		shared = 1
	}
	return graph.ScoreBreakdown{
		Distance:           ws.Distance * (1.0 / float64(w.hops)),
		Level:              ws.Level * (float64(w.level) / 5.0),
		Capacity:           ws.Capacity * (float64(min(w.open, 3)) / 3.0),
		SharedOrganization: ws.SharedOrganization * shared,
	}
}

func breakdownSum(b graph.ScoreBreakdown) float64 {
	return b.Distance + b.Level + b.Capacity + b.SharedOrganization
}

func handNear(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// sortMentorWants orders wants as FindMentors must: score descending, then id.
func sortMentorWants(wants []mentorWant, ws graph.MentorWeights) []mentorWant {
	out := slices.Clone(wants)
	slices.SortStableFunc(out, func(x, y mentorWant) int {
		if sx, sy := breakdownSum(x.breakdown(ws)), breakdownSum(y.breakdown(ws)); !handNear(sx, sy) {
			return -cmp.Compare(sx, sy)
		}
		return strings.Compare(x.name, y.name)
	})
	return out
}

// The matches of mentorNet, worked out by hand from its drawing.
var (
	wantA  = mentorWant{"a", 1, "lead", 4, 2, true}
	wantB  = mentorWant{"b", 1, "lead", 5, 2, false}
	wantC  = mentorWant{"c", 1, "coach", 3, 1, false}
	wantD  = mentorWant{"d", 2, "mgmt", 5, 4, true}
	wantE  = mentorWant{"e", 2, "lead", 5, 0, false}
	wantF  = mentorWant{"f", 3, "lead", 3, 2, false}
	wantG  = mentorWant{"g", 3, "lead", 4, 0, false}
	wantH  = mentorWant{"h", 4, "lead", 4, 1, false}
	wantK1 = mentorWant{"k1", 2, "lead", 4, 2, false}
	wantK2 = mentorWant{"k2", 2, "lead", 4, 2, false}
	// m1 holds mgmt 3 and coach 3: the tie goes to the smaller id, coach.
	wantM1 = mentorWant{"m1", 1, "coach", 3, 1, false}
)

func TestFindMentors(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := mentorNet(t)
	n.load(t, s)
	both := []graph.LinkKind{graph.LinkConnection, graph.LinkMentorship}
	defaults := []mentorWant{wantA, wantC, wantM1, wantD, wantK1, wantK2}
	tests := []struct {
		name string
		// for_ and skill default to me and lead.
		for_, skill string
		args        graph.FindMentorsArgs
		want        []mentorWant
	}{
		{name: "defaults: 2 hops, level 3, narrower, both kinds, open slots, current mentors out", want: defaults},
		{name: "maxHops 1", args: graph.FindMentorsArgs{MaxHops: handPtr(1)}, want: []mentorWant{wantA, wantC, wantM1}},
		{name: "maxHops 2 given", args: graph.FindMentorsArgs{MaxHops: handPtr(2)}, want: defaults},
		{name: "maxHops 3 reaches f", args: graph.FindMentorsArgs{MaxHops: handPtr(3)}, want: append(slices.Clone(defaults), wantF)},
		{name: "maxHops 4 reaches h, never isolated i", args: graph.FindMentorsArgs{MaxHops: handPtr(4)}, want: append(slices.Clone(defaults), wantF, wantH)},
		{name: "availableOnly false keeps full e and unavailable g",
			args: graph.FindMentorsArgs{MaxHops: handPtr(3), AvailableOnly: handPtr(false)},
			want: append(slices.Clone(defaults), wantF, wantE, wantG)},
		{name: "excludeCurrentMentors false keeps b", args: graph.FindMentorsArgs{ExcludeCurrentMentors: handPtr(false)},
			want: append(slices.Clone(defaults), wantB)},
		{name: "via CONNECTION: c only through a, no mentorship links",
			args: graph.FindMentorsArgs{Via: []graph.LinkKind{graph.LinkConnection}},
			want: []mentorWant{wantA, {"c", 2, "coach", 3, 1, false}, wantD, wantK1, wantK2}},
		{name: "via MENTORSHIP: only my mentorship links",
			args: graph.FindMentorsArgs{Via: []graph.LinkKind{graph.LinkMentorship}}, want: []mentorWant{wantC, wantM1}},
		{name: "via both kinds given", args: graph.FindMentorsArgs{Via: both}, want: defaults},
		{name: "minLevel 4", args: graph.FindMentorsArgs{MinLevel: handPtr(4)}, want: []mentorWant{wantA, wantD, wantK1, wantK2}},
		{name: "minLevel 5: d through mgmt, not lead 2", args: graph.FindMentorsArgs{MinLevel: handPtr(5)}, want: []mentorWant{wantD}},
		{name: "includeNarrower false: only lead itself", args: graph.FindMentorsArgs{IncludeNarrower: handPtr(false)},
			want: []mentorWant{wantA, wantK1, wantK2}},
		{name: "a narrower skill: broader lead does not count", skill: "mgmt",
			want: []mentorWant{wantC, wantM1, wantD}},
		{name: "the narrowest skill", skill: "coach", want: []mentorWant{wantC, wantM1}},
		{name: "level weight only: ties by id",
			args: graph.FindMentorsArgs{Weights: &graph.MentorWeights{Level: 1}}, want: defaults},
		{name: "zero weights: all tie, by id",
			args: graph.FindMentorsArgs{Weights: &graph.MentorWeights{}}, want: defaults},
		{name: "another skill", skill: "cook", want: []mentorWant{{"j", 1, "cook", 5, 3, false}, {"k2", 2, "cook", 3, 2, false}}},
		{name: "full e left out, f further", skill: "ops", args: graph.FindMentorsArgs{MaxHops: handPtr(3)},
			want: []mentorWant{{"f", 3, "ops", 3, 2, false}}},
		{name: "rare skill at 4 hops; isolated holder never", skill: "rare", args: graph.FindMentorsArgs{MaxHops: handPtr(4)},
			want: []mentorWant{{"h", 4, "rare", 4, 1, false}}},
		{name: "a person without links", for_: "i", args: graph.FindMentorsArgs{MaxHops: handPtr(4)}},
		{name: "from k1: me is a match for someone else", for_: "k1",
			want: []mentorWant{{"k2", 1, "lead", 4, 2, false}, {"me", 2, "lead", 5, 4, false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := tt.args
			from := cmp.Or(tt.for_, "me")
			args.For, args.Skill = n.id(from), n.id(cmp.Or(tt.skill, "lead"))
			args.Page = graph.PageArgs{First: 100}
			weights := *cmp.Or(args.Weights, &graph.DefaultMentorWeights)
			allowed := args.Via
			if allowed == nil {
				allowed = both
			}

			before := s.Statements()
			page, err := s.FindMentors(ctx, args)
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Statements() - before; got != 1 {
				t.Errorf("FindMentors sent %d statements, want 1", got)
			}
			want := sortMentorWants(tt.want, weights)
			var gotNames, wantNames []string
			for _, m := range page.Items {
				gotNames = append(gotNames, n.name(m.Mentor.ID))
			}
			for _, w := range want {
				wantNames = append(wantNames, w.name)
			}
			if !slices.Equal(gotNames, wantNames) {
				t.Fatalf("mentors %v, want %v", gotNames, wantNames)
			}
			for i, m := range page.Items {
				w := want[i]
				if m.Hops != w.hops || n.name(m.SkillID) != w.skill || m.Level != w.level || m.OpenSlots != w.open || m.Mentor.OpenSlots != w.open {
					t.Errorf("%s: hops %d, skill %s level %d, open %d (person %d); want hops %d, %s level %d, open %d",
						w.name, m.Hops, n.name(m.SkillID), m.Level, m.OpenSlots, m.Mentor.OpenSlots, w.hops, w.skill, w.level, w.open)
				}
				wb := w.breakdown(weights)
				if b := m.Breakdown; !handNear(b.Distance, wb.Distance) || !handNear(b.Level, wb.Level) || !handNear(b.Capacity, wb.Capacity) || !handNear(b.SharedOrganization, wb.SharedOrganization) {
					t.Errorf("%s: breakdown %+v, want %+v", w.name, b, wb)
				}
				if !handNear(m.Score, breakdownSum(wb)) || !handNear(m.Score, breakdownSum(m.Breakdown)) {
					t.Errorf("%s: score %v, want %v (= sum of the breakdown)", w.name, m.Score, breakdownSum(wb))
				}
				if m.Mentor.Name != "Person "+w.name {
					t.Errorf("%s: mentor name %q", w.name, m.Mentor.Name)
				}
				n.checkPath(t, m.Path, from, w.name, w.hops, allowed...)
			}
			if page.HasNext || page.HasPrevious {
				t.Errorf("one page: hasNext %v, hasPrevious %v", page.HasNext, page.HasPrevious)
			}
			count, err := s.CountMentors(ctx, args)
			if err != nil {
				t.Fatal(err)
			}
			if count != len(want) {
				t.Errorf("CountMentors = %d, want %d", count, len(want))
			}
			// The page and the count in one statement: the same page, and
			// CountMentors' count, whatever the page's size.
			args.Page.First = 1
			first, err := s.FindMentors(ctx, args)
			if err != nil {
				t.Fatal(err)
			}
			before = s.Statements()
			counted, total, err := s.FindMentorsWithCount(ctx, args)
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Statements() - before; got != 1 {
				t.Errorf("FindMentorsWithCount sent %d statements, want 1", got)
			}
			if diff := gocmp.Diff(first, counted); diff != "" {
				t.Errorf("FindMentorsWithCount's page differs from FindMentors' (-FindMentors +WithCount):\n%s", diff)
			}
			if total != len(want) {
				t.Errorf("FindMentorsWithCount counted %d, want %d", total, len(want))
			}
		})
	}
}

// TestFindMentorsOrder pins the default ranking of mentorNet, worked out by
// hand: a 0.4+0.24+0.1333+0.1, d 0.2+0.3+0.2+0.1, c and m1 0.4+0.18+0.0667
// (tie: by id), k1 and k2 0.2+0.24+0.1333 (tie: by id).
func TestFindMentorsOrder(t *testing.T) {
	s := newStore(t)
	n := mentorNet(t)
	n.load(t, s)
	page, err := s.FindMentors(context.Background(), graph.FindMentorsArgs{For: n.id("me"), Skill: n.id("lead"), Page: graph.PageArgs{First: 10}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range page.Items {
		got = append(got, n.name(m.Mentor.ID))
	}
	if want := []string{"a", "d", "c", "m1", "k1", "k2"}; !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}

func TestFindMentorsPathSteps(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := mentorNet(t)
	n.load(t, s)
	const (
		knows  = graph.LinkConnection
		mentor = graph.LinkMentorship
	)
	tests := []struct {
		name   string
		args   graph.FindMentorsArgs
		mentor string
		steps  []handStep
		since  []string // "" for none
	}{
		{"KNOWS walked backward", graph.FindMentorsArgs{}, "d",
			[]handStep{{"me>a", knows}, {"a<d", knows}}, []string{"2020-01-01", "2018-03-03"}},
		{"my mentee: MENTORED_BY walked backward", graph.FindMentorsArgs{}, "c",
			[]handStep{{"me<c", mentor}}, []string{"2022-06-01"}},
		{"a link without since", graph.FindMentorsArgs{}, "k1",
			[]handStep{{"me<j", knows}, {"j>k1", knows}}, []string{"2019-05-05", ""}},
		{"my mentor: MENTORED_BY walked forward", graph.FindMentorsArgs{ExcludeCurrentMentors: handPtr(false)}, "b",
			[]handStep{{"me>b", mentor}}, []string{"2023-01-01"}},
		{"KNOWS only: around the mentorship", graph.FindMentorsArgs{Via: []graph.LinkKind{knows}}, "c",
			[]handStep{{"me>a", knows}, {"a>c", knows}}, []string{"2020-01-01", "2021-02-02"}},
		{"four hops", graph.FindMentorsArgs{MaxHops: handPtr(4)}, "h",
			[]handStep{{"me>a", knows}, {"a<d", knows}, {"d>f", knows}, {"f>h", knows}},
			[]string{"2020-01-01", "2018-03-03", "2017-06-06", "2016-07-07"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := tt.args
			args.For, args.Skill, args.Page = n.id("me"), n.id("lead"), graph.PageArgs{First: 100}
			page, err := s.FindMentors(ctx, args)
			if err != nil {
				t.Fatal(err)
			}
			i := slices.IndexFunc(page.Items, func(m graph.MentorMatch) bool { return m.Mentor.ID == n.id(tt.mentor) })
			if i < 0 {
				t.Fatalf("%s is not among the matches", tt.mentor)
			}
			p := page.Items[i].Path
			n.checkSteps(t, p, tt.steps...)
			for j, since := range tt.since {
				if j < len(p.Steps) && !handSameDate(p.Steps[j].Since, testDate(t, since)) {
					t.Errorf("step %d since %v, want %q", j, p.Steps[j].Since, since)
				}
			}
		})
	}
}

// TestFindMentorsPaging walks the matches a page at a time and compares
// with the whole list: no duplicates, no gaps, the same order, across the
// two ties of the default ranking.
func TestFindMentorsPaging(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := mentorNet(t)
	n.load(t, s)
	for _, args := range []graph.FindMentorsArgs{
		{},
		{MaxHops: handPtr(4), AvailableOnly: handPtr(false), ExcludeCurrentMentors: handPtr(false)},
		{Weights: &graph.MentorWeights{}},
	} {
		args.For, args.Skill = n.id("me"), n.id("lead")
		all := args
		all.Page = graph.PageArgs{First: 100}
		whole, err := s.FindMentors(ctx, all)
		if err != nil {
			t.Fatal(err)
		}
		var wholeIDs []string
		for _, m := range whole.Items {
			wholeIDs = append(wholeIDs, m.Mentor.ID)
		}
		for _, first := range []int{1, 2, 4} {
			var got []string
			var after *string
			for pages := 0; ; pages++ {
				if pages > len(wholeIDs) {
					t.Fatalf("first %d: more pages than matches", first)
				}
				args.Page = graph.PageArgs{First: first, After: after}
				page, err := s.FindMentors(ctx, args)
				if err != nil {
					t.Fatal(err)
				}
				if page.HasPrevious != (after != nil) {
					t.Errorf("first %d page %d: hasPrevious %v", first, pages, page.HasPrevious)
				}
				if len(page.Items) > first || len(page.Cursors) != len(page.Items) {
					t.Fatalf("first %d: page of %d items, %d cursors", first, len(page.Items), len(page.Cursors))
				}
				for _, m := range page.Items {
					got = append(got, m.Mentor.ID)
				}
				if !page.HasNext {
					break
				}
				after = &page.Cursors[len(page.Cursors)-1]
			}
			if !slices.Equal(got, wholeIDs) {
				t.Errorf("first %d: pages give %v, want %v", first, n.names(got), n.names(wholeIDs))
			}
		}
	}
}

func TestFindMentorsBadInput(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := mentorNet(t)
	n.load(t, s)
	idCursor := graph.EncodeCursor(graph.Cursor{ID: n.id("a")})
	tests := []struct {
		name  string
		edit  func(*graph.FindMentorsArgs)
		field string
	}{
		{"maxHops 0", func(a *graph.FindMentorsArgs) { a.MaxHops = handPtr(0) }, "maxHops"},
		{"maxHops 5", func(a *graph.FindMentorsArgs) { a.MaxHops = handPtr(5) }, "maxHops"},
		{"minLevel 0", func(a *graph.FindMentorsArgs) { a.MinLevel = handPtr(0) }, "minLevel"},
		{"minLevel 6", func(a *graph.FindMentorsArgs) { a.MinLevel = handPtr(6) }, "minLevel"},
		{"empty via", func(a *graph.FindMentorsArgs) { a.Via = []graph.LinkKind{} }, "via"},
		{"unknown link kind", func(a *graph.FindMentorsArgs) { a.Via = []graph.LinkKind{"FRIENDSHIP"} }, "via"},
		{"negative weight", func(a *graph.FindMentorsArgs) { a.Weights = &graph.MentorWeights{Level: -0.1} }, "weights.level"},
		{"NaN weight", func(a *graph.FindMentorsArgs) { a.Weights = &graph.MentorWeights{Distance: math.NaN()} }, "weights.distance"},
		{"first 0", func(a *graph.FindMentorsArgs) { a.Page.First = 0 }, "first"},
		{"first 101", func(a *graph.FindMentorsArgs) { a.Page.First = 101 }, "first"},
		{"after not a cursor", func(a *graph.FindMentorsArgs) { a.Page.After = handPtr("nonsense") }, "after"},
		{"after a cursor without a score", func(a *graph.FindMentorsArgs) { a.Page.After = &idCursor }, "after"},
		{"empty for", func(a *graph.FindMentorsArgs) { a.For = "" }, "for"},
		{"empty skill", func(a *graph.FindMentorsArgs) { a.Skill = "" }, "skill"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := graph.FindMentorsArgs{For: n.id("me"), Skill: n.id("lead"), Page: graph.PageArgs{First: 10}}
			tt.edit(&args)
			before := s.Statements()
			_, err := s.FindMentors(ctx, args)
			handFieldError(t, err, tt.field)
			if s.Statements() != before {
				t.Errorf("bad input reached the database")
			}
			if tt.field != "first" && tt.field != "after" {
				_, err := s.CountMentors(ctx, args)
				handFieldError(t, err, tt.field)
			}
		})
	}
	t.Run("unknown person", func(t *testing.T) {
		args := graph.FindMentorsArgs{For: n.id("nobody"), Skill: n.id("lead"), Page: graph.PageArgs{First: 10}}
		_, err := s.FindMentors(ctx, args)
		handNotFound(t, err, n.id("nobody"), "(for)")
		_, err = s.CountMentors(ctx, args)
		handNotFound(t, err, n.id("nobody"), "(for)")
	})
	t.Run("unknown skill", func(t *testing.T) {
		args := graph.FindMentorsArgs{For: n.id("me"), Skill: n.id("juggling"), Page: graph.PageArgs{First: 10}}
		_, err := s.FindMentors(ctx, args)
		handNotFound(t, err, n.id("juggling"), "(skill)")
		_, err = s.CountMentors(ctx, args)
		handNotFound(t, err, n.id("juggling"), "(skill)")
	})
}
