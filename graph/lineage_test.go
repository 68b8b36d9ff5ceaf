package graph_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/mentorgraph/mentorgraph/graph"
)

// lineageNet is the network of the Lineage tests (mentee → mentor):
//
//	a→m1 ACTIVE  a→m2 ENDED  m1→m2 ACTIVE  m1→g1  m2→g1  m2→g2  g1→gg
//	gg→a (a mentors gg: the mentorships go round a→m1→g1→gg→a)
//	d1→a  d2→a  d11→d1  d12→d1  d11→d2  d21→d2
//	a knows k (a connection, no mentorship); loner has no links.
//
// Ancestors of a: m1 m2 (1), g1 (2, via m1: m1 and m2 both lead there,
// m1 has the smaller id) g2 (2, via m2), gg (3, via g1); a itself never.
// Descendants of a: d1 d2 gg (1); d11 d12 (2, via d1: d11 is mentored by
// d1 and d2) d21 (2, via d2) g1 (2, via gg); m1 m2 (3, via g1).
func lineageNet(t *testing.T) *testNet {
	n := newTestNet(t)
	n.people("a", "m1", "m2", "g1", "g2", "gg", "d1", "d2", "d11", "d12", "d21", "k", "loner")
	for _, m := range [][3]string{
		{"a", "m1", "ACTIVE"}, {"a", "m2", "ENDED"}, {"m1", "m2", "ACTIVE"}, {"m1", "g1", "ACTIVE"}, {"m2", "g1", "ENDED"},
		{"m2", "g2", "ACTIVE"}, {"g1", "gg", "ACTIVE"}, {"gg", "a", "ACTIVE"},
		{"d1", "a", "ACTIVE"}, {"d2", "a", "ENDED"}, {"d11", "d1", "ACTIVE"}, {"d12", "d1", "ACTIVE"}, {"d11", "d2", "ACTIVE"}, {"d21", "d2", "ACTIVE"},
	} {
		n.mentoredBy(m[0], m[1], m[2])
	}
	n.knows("a", "k")
	return n
}

func TestLineage(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := lineageNet(t)
	n.load(t, s)
	m := newNBModel(&n.ds)

	// Entries written "name/generation/via".
	up := []string{"m1/1/a", "m2/1/a", "g1/2/m1", "g2/2/m2", "gg/3/g1"}
	down := []string{"d1/1/a", "d2/1/a", "gg/1/a", "d11/2/d1", "d12/2/d1", "d21/2/d2", "g1/2/gg", "m1/3/g1", "m2/3/g1"}
	for _, tc := range []struct {
		name      string
		person    string
		direction graph.LineageDirection
		depth     int
		want      []string
	}{
		{"ancestors, one generation", "a", graph.Ancestors, 1, up[:2]},
		{"ancestors, two", "a", graph.Ancestors, 2, up[:4]},
		{"ancestors, three (the default)", "a", graph.Ancestors, graph.DefaultLineageDepth, up},
		{"ancestors, six: the cycle adds nobody", "a", graph.Ancestors, graph.MaxLineageDepth, up},
		{"descendants, one generation", "a", graph.Descendants, 1, down[:3]},
		{"descendants, two", "a", graph.Descendants, 2, down[:7]},
		{"descendants, six", "a", graph.Descendants, graph.MaxLineageDepth, down},
		{"a connection is no lineage", "k", graph.Ancestors, 6, nil},
		{"nobody links to loner", "loner", graph.Descendants, 6, nil},
		{"a leaf has no descendants", "d12", graph.Descendants, 3, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Lineage(ctx, graph.LineageArgs{Person: n.id(tc.person), Direction: tc.direction, Depth: tc.depth})
			if err != nil {
				t.Fatal(err)
			}
			if got == nil {
				t.Error("nil entries; want an empty slice")
			}
			var names []string
			for _, e := range got {
				names = append(names, fmt.Sprintf("%s/%d/%s", n.name(e.Person.ID), e.Generation, n.name(e.Via.FromID)))
			}
			if !slices.Equal(names, tc.want) {
				t.Errorf("lineage %v, want %v", names, tc.want)
			}
			checkLineage(t, m, n.id(tc.person), tc.direction, tc.depth, got)
		})
	}

	t.Run("status and person fields", func(t *testing.T) {
		got, err := s.Lineage(ctx, graph.LineageArgs{Person: n.id("a"), Direction: graph.Ancestors, Depth: 1})
		if err != nil {
			t.Fatal(err)
		}
		status := map[string]string{}
		for _, e := range got {
			status[n.name(e.Person.ID)] = e.Status
			if e.Person.Name != "Person "+n.name(e.Person.ID) {
				t.Errorf("entry %s has name %q", e.Person.ID, e.Person.Name)
			}
		}
		if want := map[string]string{"m1": "ACTIVE", "m2": "ENDED"}; !maps.Equal(status, want) {
			t.Errorf("statuses %v, want %v", status, want)
		}
	})
}

// checkLineage checks entries against a breadth-first search of the
// model: the same people at the same generations, ordered, each Via a
// stored mentorship from the start or the previous generation.
func checkLineage(t *testing.T, m *nbModel, start string, dir graph.LineageDirection, depth int, got []graph.LineageEntry) {
	t.Helper()
	next, wantDir := m.mentors, graph.Forward
	if dir == graph.Descendants {
		next, wantDir = m.mentees, graph.Backward
	}
	want := nbGenerations(next, start, depth)
	gen := map[string]int{start: 0}
	for i, e := range got {
		id := e.Person.ID
		if _, twice := gen[id]; twice {
			t.Errorf("%s appears twice (or is the start)", id)
		}
		gen[id] = e.Generation
		if w, ok := want[id]; !ok || w != e.Generation {
			t.Errorf("%s at generation %d; the search says %d (present: %v)", id, e.Generation, w, ok)
		}
		if i > 0 {
			prev := got[i-1]
			if prev.Generation > e.Generation || (prev.Generation == e.Generation && prev.Person.ID >= id) {
				t.Errorf("%s (generation %d) after %s (generation %d): not by generation then id", id, e.Generation, prev.Person.ID, prev.Generation)
			}
		}
		v := e.Via
		if v.ToID != id || v.Kind != graph.LinkMentorship || v.Direction != wantDir || v.Since == nil {
			t.Errorf("%s: via %+v, want a dated mentorship %s to it", id, v, wantDir)
		}
		if v.From.ID != v.FromID || v.From.Name == "" || v.To.ID != id {
			t.Errorf("%s: via runs from %s to %s, but carries %+v and %+v", id, v.FromID, v.ToID, v.From, v.To)
		}
		if g, ok := gen[v.FromID]; !ok || g != e.Generation-1 {
			t.Errorf("%s: via starts at %s, not the start or an entry of generation %d", id, v.FromID, e.Generation-1)
		}
		if !slices.Contains(next[v.FromID], id) {
			t.Errorf("%s: via %s→%s is no stored mentorship", id, v.FromID, id)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d entries, the search finds %d", len(got), len(want))
	}
}

func TestLineageBadInput(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := newTestNet(t)
	n.people("a", "b")
	n.mentoredBy("a", "b", "ACTIVE")
	n.load(t, s)
	ok := graph.LineageArgs{Person: n.id("a"), Direction: graph.Ancestors, Depth: 3}
	for _, tc := range []struct {
		name  string
		edit  func(*graph.LineageArgs)
		field string
	}{
		{"depth 0", func(a *graph.LineageArgs) { a.Depth = 0 }, "depth"},
		{"depth 7", func(a *graph.LineageArgs) { a.Depth = 7 }, "depth"},
		{"no direction", func(a *graph.LineageArgs) { a.Direction = "" }, "direction"},
		{"a direction of another list", func(a *graph.LineageArgs) { a.Direction = graph.LineageDirection(graph.Forward) }, "direction"},
		{"empty person", func(a *graph.LineageArgs) { a.Person = "" }, "person"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := ok
			tc.edit(&args)
			_, err := s.Lineage(ctx, args)
			handFieldError(t, err, tc.field)
		})
	}
	t.Run("unknown person", func(t *testing.T) {
		_, err := s.Lineage(ctx, graph.LineageArgs{Person: n.id("nobody"), Direction: graph.Descendants, Depth: 2})
		handNotFound(t, err, n.id("nobody"), "person")
	})
	t.Run("the arguments that work", func(t *testing.T) {
		got, err := s.Lineage(ctx, ok)
		if err != nil || len(got) != 1 || got[0].Person.ID != n.id("b") {
			t.Errorf("got %+v, %v; want b", got, err)
		}
	})
}

// TestLineageGenerated checks Lineage against a breadth-first search of a
// generated network (which closes some mentorship cycles), from the
// people with the most mentors and mentees.
func TestLineageGenerated(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	_, m := nbGeneratedModel(t, s)
	for _, dir := range []graph.LineageDirection{graph.Ancestors, graph.Descendants} {
		next := m.mentors
		if dir == graph.Descendants {
			next = m.mentees
		}
		// The people with the largest lineage at depth 6, then by id.
		var starts []string
		for p := range m.people {
			starts = append(starts, p)
		}
		size := map[string]int{}
		for _, p := range starts {
			size[p] = len(nbGenerations(next, p, graph.MaxLineageDepth))
		}
		slices.SortFunc(starts, func(a, b string) int {
			if size[a] != size[b] {
				return size[b] - size[a]
			}
			return strings.Compare(a, b)
		})
		if size[starts[0]] < 3 {
			t.Fatalf("the generated network has no %s lineage of 3 people or more", dir)
		}
		for _, start := range starts[:3] {
			for _, depth := range []int{1, 2, graph.MaxLineageDepth} {
				t.Run(fmt.Sprintf("%s-%s-%d", dir, start[len(start)-5:], depth), func(t *testing.T) {
					got, err := s.Lineage(ctx, graph.LineageArgs{Person: start, Direction: dir, Depth: depth})
					if err != nil {
						t.Fatal(err)
					}
					checkLineage(t, m, start, dir, depth, got)
				})
			}
		}
	}
}
