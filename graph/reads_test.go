package graph_test

import (
	"context"
	"errors"
	"maps"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/mentorgraph/mentorgraph/graph"
)

// readsNet is the network of the planned-read tests:
//
//	people a b c d e f g h; skills go ⊂ lang, lead
//	a: go 4, lead 2; goals lead (OPEN), go (ACHIEVED); works at acme (now), was at init
//	a → b ACTIVE (focus go, lead), a → c ENDED; d → a ACTIVE, e → a ACTIVE; b → f → g ACTIVE
//	a knows b c d e f g h; b knows c
//	b: go 5, goal go; f: lead 5; g: lead 3; h: nothing
//
// so a has every kind of list, two of them longer than a small limit.
func readsNet(t *testing.T) *testNet {
	n := newTestNet(t)
	n.people("a", "c", "d", "e", "g", "h")
	n.person("b", true, 3)
	n.person("f", true, 1)
	n.skill("lang", "")
	n.skill("go", "lang")
	n.skill("lead", "")
	n.has("a", "go", 4)
	n.has("a", "lead", 2)
	n.has("b", "go", 5)
	n.has("f", "lead", 5)
	n.has("g", "lead", 3)
	n.goal("a", "lead", "OPEN")
	n.goal("a", "go", "ACHIEVED")
	n.goal("b", "go", "OPEN")
	n.org("acme")
	n.org("init")
	n.member("a", "acme", true)
	n.member("a", "init", false)
	n.mentoredBy("a", "b", "ACTIVE")
	n.ds.Mentorships[len(n.ds.Mentorships)-1].Focus = []string{n.id("go"), n.id("lead")}
	n.mentoredBy("a", "c", "ENDED")
	n.mentoredBy("d", "a", "ACTIVE")
	n.mentoredBy("e", "a", "ACTIVE")
	n.mentoredBy("b", "f", "ACTIVE")
	n.mentoredBy("f", "g", "ACTIVE")
	for _, o := range []string{"b", "c", "d", "e", "f", "g", "h"} {
		n.knows("a", o)
	}
	n.knows("b", "c")
	for i := range n.ds.People {
		n.ds.People[i].Headline = "Headline of " + n.ds.People[i].Name
	}
	return n
}

// batched reads what r asks of the people with ids through the batched
// readers the loaders use (one statement per list and level): what a
// planned read must equal.
func batched(ctx context.Context, t *testing.T, s *graph.Store, ids []string, r graph.Reads, depth int) map[string]graph.PersonReads {
	t.Helper()
	people, err := s.PeopleByID(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]graph.PersonReads{}
	for id, p := range people {
		out[id] = graph.PersonReads{Person: unread(p, r.Skip)}
	}
	if depth == 0 || len(out) == 0 {
		return out
	}
	found := slices.Collect(maps.Keys(out))
	set := func(f func(pr *graph.PersonReads)) {
		for id, pr := range out {
			f(&pr)
			out[id] = pr
		}
	}
	if r.Skills {
		m, err := s.SkillsOfPeople(ctx, found)
		must(t, err)
		set(func(pr *graph.PersonReads) { pr.Skills = m[pr.ID] })
	}
	if r.Goals {
		m, err := s.GoalsOfPeople(ctx, found)
		must(t, err)
		set(func(pr *graph.PersonReads) {
			pr.Goals = []graph.GoalReads{}
			for _, g := range m[pr.ID] {
				sk, err := s.SkillsByID(ctx, []string{g.SkillID})
				must(t, err)
				pr.Goals = append(pr.Goals, graph.GoalReads{Goal: g, Skill: sk[g.SkillID]})
			}
		})
	}
	if r.Affiliations {
		m, err := s.AffiliationsOfPeople(ctx, found)
		must(t, err)
		set(func(pr *graph.PersonReads) {
			pr.Affiliations = []graph.AffiliationReads{}
			for _, a := range m[pr.ID] {
				o, err := s.OrganizationsByID(ctx, []string{a.OrganizationID})
				must(t, err)
				pr.Affiliations = append(pr.Affiliations, graph.AffiliationReads{Affiliation: a, Organization: o[a.OrganizationID]})
			}
		})
	}
	for _, side := range []struct {
		reads  *graph.Reads
		read   func(context.Context, []string) (map[string][]graph.Mentorship, error)
		other  func(graph.Mentorship) string
		assign func(*graph.PersonReads, []graph.MentorshipReads)
	}{
		{r.Mentors, s.MentorsOfPeople, func(m graph.Mentorship) string { return m.MentorID },
			func(pr *graph.PersonReads, ms []graph.MentorshipReads) { pr.Mentors = ms }},
		{r.Mentees, s.MenteesOfPeople, func(m graph.Mentorship) string { return m.MenteeID },
			func(pr *graph.PersonReads, ms []graph.MentorshipReads) { pr.Mentees = ms }},
	} {
		if side.reads == nil {
			continue
		}
		m, err := side.read(ctx, found)
		must(t, err)
		var others []string
		for _, ms := range m {
			for _, x := range ms {
				others = append(others, side.other(x))
			}
		}
		nested := batched(ctx, t, s, others, *side.reads, depth-1)
		set(func(pr *graph.PersonReads) {
			list := []graph.MentorshipReads{}
			for _, x := range m[pr.ID] {
				// The people at both ends as this level and the next read them.
				self, other := pr.Person, nested[side.other(x)].Person
				if x.MentorID == pr.ID {
					x.Mentor, x.Mentee = &self, &other
				} else {
					x.Mentee, x.Mentor = &self, &other
				}
				list = append(list, graph.MentorshipReads{Mentorship: x, Other: nested[side.other(x)]})
			}
			side.assign(pr, list)
		})
	}
	for _, c := range r.Connections {
		m, err := s.ConnectionsOfPeople(ctx, found, c.First)
		must(t, err)
		var others []string
		for _, cs := range m {
			for _, x := range cs {
				others = append(others, x.PersonID)
			}
		}
		nested := batched(ctx, t, s, others, c.Person, depth-1)
		set(func(pr *graph.PersonReads) {
			if pr.Connections == nil {
				pr.Connections = map[int][]graph.ConnectionWith{}
			}
			list := []graph.ConnectionWith{}
			for _, x := range m[pr.ID] {
				list = append(list, graph.ConnectionWith{Connection: x, Person: nested[x.PersonID]})
			}
			pr.Connections[c.First] = list
		})
	}
	return out
}

// unread is p as a planned read that skips those groups of fields gives it.
func unread(p graph.Person, skip graph.PersonFields) graph.Person {
	if skip&graph.PersonOpenSlots != 0 {
		p.OpenSlots = 0
	}
	if skip&graph.PersonProfile != 0 {
		p.Headline, p.Bio, p.Location, p.Timezone = nil, nil, nil, nil
	}
	if skip&graph.PersonPrivacy != 0 {
		p.Privacy = nil
	}
	p.Unread = skip
	return p
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestPlannedReadsAnswerAsTheLoaders: for every planned shape, reading
// people in one statement gives what the batched readers give, list by
// list and level by level (same items, same order, same limits), by id
// and as a page of people. An admin asks, so that every field has a value
// and one read when it should not have been shows.
func TestPlannedReadsAnswerAsTheLoaders(t *testing.T) {
	ctx := graph.WithAudience(context.Background(), graph.Audience{Admin: true, Member: true})
	s := newStore(t)
	n := readsNet(t)
	n.load(t, s)
	ids := []string{n.id("a"), n.id("b"), n.id("f"), n.id("h"), n.id("nobody")}
	for _, shape := range graph.PlannedReadShapes {
		t.Run(shape.Name, func(t *testing.T) {
			before := s.Statements()
			got, err := s.ReadPeople(ctx, ids, shape.Reads)
			if err != nil {
				t.Fatal(err)
			}
			if sent := s.Statements() - before; sent != 1 {
				t.Errorf("a planned read sent %d statements, want 1", sent)
			}
			want := batched(ctx, t, s, ids, shape.Reads, graph.MaxReadDepth)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("planned read differs from the batched readers (-batched +planned):\n%s", diff)
			}
			// The fixture gives a every kind of list the shape asks for.
			a := got[n.id("a")]
			if shape.Reads.Skills && len(a.Skills) != 2 || shape.Reads.Mentors != nil && len(a.Mentors) != 2 ||
				len(shape.Reads.Connections) > 0 && len(a.Connections[shape.Reads.Connections[0].First]) == 0 {
				t.Errorf("a's lists are missing: %+v", a)
			}

			org := n.id("acme")
			before = s.Statements()
			page, err := s.PeopleReads(ctx, graph.PeopleFilter{OrganizationID: &org}, graph.PageArgs{First: 5}, shape.Reads)
			if err != nil {
				t.Fatal(err)
			}
			if sent := s.Statements() - before; sent != 1 {
				t.Errorf("a planned page sent %d statements, want 1", sent)
			}
			plain, err := s.People(ctx, graph.PeopleFilter{OrganizationID: &org}, graph.PageArgs{First: 5})
			if err != nil {
				t.Fatal(err)
			}
			var pageIDs []string
			for _, p := range plain.Items {
				pageIDs = append(pageIDs, p.ID)
			}
			if !slices.Equal(pageIDs, []string{n.id("a")}) {
				t.Fatalf("acme's people: %v", pageIDs)
			}
			wantPage := batched(ctx, t, s, pageIDs, shape.Reads, graph.MaxReadDepth)
			if diff := cmp.Diff([]graph.PersonReads{wantPage[n.id("a")]}, page.Items); diff != "" {
				t.Errorf("planned page differs (-batched +planned):\n%s", diff)
			}
			if !slices.Equal(page.Cursors, plain.Cursors) || page.HasNext != plain.HasNext {
				t.Errorf("planned page: cursors %v next %v; People: %v %v", page.Cursors, page.HasNext, plain.Cursors, plain.HasNext)
			}

			search := "Person"
			page, err = s.PeopleReads(ctx, graph.PeopleFilter{Search: &search, OrganizationID: &org}, graph.PageArgs{First: 5}, shape.Reads)
			if err != nil || len(page.Items) != 1 || page.Items[0].ID != n.id("a") {
				t.Fatalf("a planned search: %v %v", page.Items, err)
			}
		})
	}
}

// TestPlannedReadsStopAtTheirDepth: a Reads deeper than MaxReadDepth is
// read to that depth; below, the lists are not read (nil), for the
// loaders to fetch.
func TestPlannedReadsStopAtTheirDepth(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := readsNet(t)
	n.load(t, s)
	i := slices.IndexFunc(graph.PlannedReadShapes, func(s struct {
		Name  string
		Reads graph.Reads
	}) bool {
		return s.Name == "deeper-than-planned"
	})
	deep := graph.PlannedReadShapes[i].Reads
	got, err := s.ReadPeople(ctx, []string{n.id("a")}, deep)
	if err != nil {
		t.Fatal(err)
	}
	// a → b → f → g: a's lists are level 1, b's level 2, f's level 3.
	a := got[n.id("a")]
	b := a.Mentors[0].Other
	if len(a.Skills) != 2 || b.ID != n.id("b") || len(b.Skills) != 1 || len(b.Mentors) != 1 {
		t.Fatalf("a and its first mentor b, with their skills and mentors: %+v", a)
	}
	f := b.Mentors[0].Other
	if f.ID != n.id("f") || len(f.Skills) != 1 || len(f.Mentors) != 1 {
		t.Fatalf("b's mentor f, with f's skills and mentors read (level 3): %+v", f)
	}
	g := f.Mentors[0].Other
	if g.ID != n.id("g") || g.Name != "Person g" {
		t.Fatalf("f's mentor g: %+v", g)
	}
	if g.Skills != nil || g.Mentors != nil {
		t.Errorf("g's lists lie below the planned depth and should be left to the loaders: skills %v, mentors %v", g.Skills, g.Mentors)
	}
}

// TestPlannedReadsRefuseBadLimits: a connections limit out of range is
// refused before anything is read, naming where it is.
func TestPlannedReadsRefuseBadLimits(t *testing.T) {
	s := newStore(t)
	_, err := s.ReadPeople(context.Background(), []string{"x"}, graph.Reads{Mentors: &graph.Reads{Connections: []graph.ConnectionReads{{First: 0}}}})
	if !errors.Is(err, graph.ErrInvalid) || graph.Message(err) == "" {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
}
