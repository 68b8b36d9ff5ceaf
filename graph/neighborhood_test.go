package graph_test

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/mentorgraph/mentorgraph/graph"
)

// nodeWant is a node of a neighbourhood: a name and its hops.
type nodeWant struct {
	name string
	hops int
}

func (w nodeWant) String() string { return fmt.Sprintf("%s@%d", w.name, w.hops) }

// linksAmong lists the stored links of n between the named people, as
// Neighborhood must return them: ordered by from, to, kind.
func (n *testNet) linksAmong(nodes []nodeWant) []graph.Link {
	in := map[string]bool{}
	for _, w := range nodes {
		in[w.name] = true
	}
	var out []graph.Link
	for l, since := range n.links {
		if !in[l.from] || !in[l.to] {
			continue
		}
		link := graph.Link{FromID: n.id(l.from), ToID: n.id(l.to), Kind: l.kind, Status: n.statuses[l]}
		if since != nil {
			link.Since = &graph.Date{Year: since.Year, Month: since.Month, Day: since.Day}
		}
		out = append(out, link)
	}
	slices.SortFunc(out, func(a, b graph.Link) int {
		return cmp.Or(strings.Compare(a.FromID, b.FromID), strings.Compare(a.ToID, b.ToID), strings.Compare(string(a.Kind), string(b.Kind)))
	})
	return out
}

func linkString(n *testNet, l graph.Link) string {
	since := "-"
	if l.Since != nil {
		since = l.Since.String()
	}
	return fmt.Sprintf("%s→%s %s %s %s", n.name(l.FromID), n.name(l.ToID), l.Kind, since, l.Status)
}

func TestNeighborhood(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := mentorNet(t)
	n.load(t, s)
	// Hops from me, by hand from mentorNet's drawing, each layer by id.
	depth1 := []nodeWant{{"me", 0}, {"a", 1}, {"b", 1}, {"c", 1}, {"j", 1}, {"m1", 1}}
	depth2 := append(slices.Clone(depth1), nodeWant{"d", 2}, nodeWant{"e", 2}, nodeWant{"k1", 2}, nodeWant{"k2", 2})
	depth3 := append(slices.Clone(depth2), nodeWant{"f", 3}, nodeWant{"g", 3})
	tests := []struct {
		name         string
		person       string
		depth, limit int
		want         []nodeWant
		truncated    bool
	}{
		{"depth 1", "me", 1, 200, depth1, false},
		{"depth 2: the me-a-c and j-k1-k2 cycles", "me", 2, 200, depth2, false},
		{"depth 3", "me", 3, 200, depth3, false},
		{"limit equal to the reach", "me", 1, 6, depth1, false},
		{"limit one short: the last by id is cut", "me", 1, 5, depth1[:5], true},
		{"limit cuts within the first layer, nearest first", "me", 2, 4, depth1[:4], true},
		{"limit 1: the centre alone", "me", 3, 1, depth1[:1], true},
		{"ended mentorships are links too", "h", 2, 200, []nodeWant{{"h", 0}, {"f", 1}, {"n1", 1}, {"d", 2}}, false},
		{"a person without links", "i", 3, 200, []nodeWant{{"i", 0}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := s.Statements()
			g, err := s.Neighborhood(ctx, n.id(tt.person), tt.depth, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Statements() - before; got != 1 {
				t.Errorf("Neighborhood sent %d statements, want 1", got)
			}
			var got []nodeWant
			for _, node := range g.Nodes {
				got = append(got, nodeWant{n.name(node.Person.ID), node.Hops})
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("nodes %v, want %v", got, tt.want)
			}
			if g.Links == nil {
				t.Errorf("nil links; the API shows empty lists as []")
			}
			if g.Truncated != tt.truncated {
				t.Errorf("truncated %v, want %v", g.Truncated, tt.truncated)
			}
			var gotLinks, wantLinks []string
			for _, l := range g.Links {
				gotLinks = append(gotLinks, linkString(n, l))
			}
			for _, l := range n.linksAmong(tt.want) {
				wantLinks = append(wantLinks, linkString(n, l))
			}
			if !slices.Equal(gotLinks, wantLinks) {
				t.Errorf("links\n got %q\nwant %q", gotLinks, wantLinks)
			}
		})
	}
	t.Run("people carry open slots", func(t *testing.T) {
		g, err := s.Neighborhood(ctx, n.id("me"), 2, 200)
		if err != nil {
			t.Fatal(err)
		}
		// capacity − ACTIVE mentees: d 5−1 (e), e 1−1 (g), me 5−1 (c), m1 1−0.
		for name, open := range map[string]int{"d": 4, "e": 0, "me": 4, "m1": 1} {
			i := slices.IndexFunc(g.Nodes, func(nd graph.NeighborNode) bool { return nd.Person.ID == n.id(name) })
			if i < 0 || g.Nodes[i].Person.OpenSlots != open || g.Nodes[i].Person.Name != "Person "+name {
				t.Errorf("%s: %+v, want open slots %d", name, g.Nodes, open)
			}
		}
	})
}

func TestNeighborhoodBadInput(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := mentorNet(t)
	n.load(t, s)
	tests := []struct {
		name         string
		person       string
		depth, limit int
		field        string
	}{
		{"depth 0", n.id("me"), 0, 200, "depth"},
		{"depth 4", n.id("me"), 4, 200, "depth"},
		{"limit 0", n.id("me"), 2, 0, "limit"},
		{"limit 2001", n.id("me"), 2, 2001, "limit"},
		{"empty person", "", 2, 200, "person"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Neighborhood(ctx, tt.person, tt.depth, tt.limit)
			handFieldError(t, err, tt.field)
		})
	}
	t.Run("unknown person", func(t *testing.T) {
		_, err := s.Neighborhood(ctx, n.id("nobody"), 2, 200)
		handNotFound(t, err, n.id("nobody"))
	})
}
