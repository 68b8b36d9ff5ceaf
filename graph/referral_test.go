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

// referralNet is the network of the ReferralPaths tests.
//
//	KNOWS (stored a → b): a→b a→c b→d e→f f→d b→c a→o o→d
//	MENTORED_BY (mentee → mentor): c→d ACTIVE, d→c ENDED (a cycle),
//	  d→b ACTIVE (b and d also know each other), a→e ACTIVE
//	a chain q0…q6 of six links: q0→q1 KNOWS, q1→q2 MENTORED_BY,
//	  q3→q2 KNOWS, q3→q4 KNOWS, q4→q5 KNOWS, q6→q5 MENTORED_BY
//	h has no links; o is closed to introductions; only c and f are
//	available to mentor.
//
// The simple paths from a to d, o left out: a-b-d and a-c-d (2 steps),
// a-b-c-d, a-c-b-d and a-e-f-d (3 steps); there are no longer ones.
func referralNet(t *testing.T) *testNet {
	n := newTestNet(t)
	n.people("a", "b", "d", "e", "o", "h", "q0", "q1", "q2", "q3", "q4", "q5", "q6")
	n.personAs("c", personSetup{available: true, capacity: 1})
	n.personAs("f", personSetup{available: true, capacity: 1})
	for _, k := range [][2]string{{"a", "b"}, {"a", "c"}, {"b", "d"}, {"e", "f"}, {"f", "d"}, {"b", "c"}, {"a", "o"}, {"o", "d"},
		{"q0", "q1"}, {"q3", "q2"}, {"q3", "q4"}, {"q4", "q5"}} {
		n.knows(k[0], k[1])
	}
	n.mentoredBy("c", "d", "ACTIVE")
	n.mentoredBy("d", "c", "ENDED")
	n.mentoredBy("d", "b", "ACTIVE")
	n.mentoredBy("a", "e", "ACTIVE")
	n.mentoredBy("q1", "q2", "ACTIVE")
	n.mentoredBy("q6", "q5", "ENDED")
	return n
}

func TestReferralPaths(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := referralNet(t)
	n.load(t, s)
	n.closedToIntroductions(t, "o")
	m := newNBModel(&n.ds)
	open := func(p string) bool { return n.name(p) != "o" }
	openAndAvailable := func(p string) bool { return open(p) && m.available(p) }

	for _, tc := range []struct {
		name               string
		from, to           string
		maxHops, k         int
		excludeUnavailable bool
		// want, when set, is the exact answer as sequences of names.
		want []string
	}{
		{name: "a tie of two shortest, the first by id", from: "a", to: "d", maxHops: 4, k: 1, want: []string{"a b d"}},
		{name: "both shortest", from: "a", to: "d", maxHops: 4, k: 2, want: []string{"a b d", "a c d"}},
		{name: "shortest and some longer", from: "a", to: "d", maxHops: 4, k: 3},
		{name: "all five", from: "a", to: "d", maxHops: 4, k: 5, want: []string{"a b d", "a c d", "a b c d", "a c b d", "a e f d"}},
		{name: "k larger than the paths there are", from: "a", to: "d", maxHops: 6, k: 10, want: []string{"a b d", "a c d", "a b c d", "a c b d", "a e f d"}},
		{name: "two hops", from: "a", to: "d", maxHops: 2, k: 10, want: []string{"a b d", "a c d"}},
		{name: "one hop is too few", from: "a", to: "d", maxHops: 1, k: 3, want: []string{}},
		{name: "the other way round", from: "d", to: "a", maxHops: 3, k: 5, want: []string{"d b a", "d c a", "d b c a", "d c b a", "d f e a"}},
		{name: "only intermediaries available to mentor", from: "a", to: "d", maxHops: 4, k: 10, excludeUnavailable: true, want: []string{"a c d"}},
		{name: "an end closed to introductions is still an end", from: "o", to: "a", maxHops: 2, k: 3, want: []string{"o a"}},
		{name: "nobody links to h", from: "a", to: "h", maxHops: 6, k: 3, want: []string{}},
		{name: "six hops, the most", from: "q0", to: "q6", maxHops: 6, k: 1, want: []string{"q0 q1 q2 q3 q4 q5 q6"}},
		{name: "five hops do not reach", from: "q0", to: "q6", maxHops: 5, k: 1, want: []string{}},
		{name: "adjacent", from: "c", to: "d", maxHops: 4, k: 1, want: []string{"c d"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.ReferralPaths(ctx, graph.ReferralArgs{From: n.id(tc.from), To: n.id(tc.to), MaxHops: tc.maxHops,
				K: tc.k, ExcludeUnavailable: tc.excludeUnavailable})
			if err != nil {
				t.Fatal(err)
			}
			if got == nil {
				t.Error("nil paths; want an empty slice when there are none")
			}
			ok := open
			if tc.excludeUnavailable {
				ok = openAndAvailable
			}
			all := m.simplePaths(n.id(tc.from), n.id(tc.to), tc.maxHops, ok)
			checkReferral(t, m, got, all, n.id(tc.from), n.id(tc.to), tc.k)
			if tc.want != nil {
				var names []string
				for _, p := range got {
					names = append(names, strings.Join(n.names(nbPathPeople(p)), " "))
				}
				if !slices.Equal(names, tc.want) && !(len(names) == 0 && len(tc.want) == 0) {
					t.Errorf("paths %q, want %q", names, tc.want)
				}
			}
		})
	}

	t.Run("steps name the preferred link", func(t *testing.T) {
		got, err := s.ReferralPaths(ctx, graph.ReferralArgs{From: n.id("a"), To: n.id("d"), MaxHops: 3, K: 5})
		if err != nil {
			t.Fatal(err)
		}
		// a-b-d: b knows d and d is mentored by b: the connection is named.
		// a-c-d: c and d mentor each other: the mentorship c→d, walked
		// forward. a-e-f-d: a is mentored by e, walked forward.
		want := map[string][]string{
			"a b d":   {"CONNECTION FORWARD", "CONNECTION FORWARD"},
			"a c d":   {"CONNECTION FORWARD", "MENTORSHIP FORWARD"},
			"a e f d": {"MENTORSHIP FORWARD", "CONNECTION FORWARD", "CONNECTION FORWARD"},
			"a c b d": {"CONNECTION FORWARD", "CONNECTION BACKWARD", "CONNECTION FORWARD"},
		}
		for _, p := range got {
			key := strings.Join(n.names(nbPathPeople(p)), " ")
			w, ok := want[key]
			if !ok {
				continue
			}
			var steps []string
			for _, st := range p.Steps {
				steps = append(steps, fmt.Sprintf("%s %s", st.Kind, st.Direction))
				if st.Since == nil {
					t.Errorf("%s: step %s→%s has no since date", key, n.name(st.FromID), n.name(st.ToID))
				}
			}
			if !slices.Equal(steps, w) {
				t.Errorf("%s: steps %v, want %v", key, steps, w)
			}
			delete(want, key)
		}
		if len(want) > 0 {
			t.Errorf("paths missing: %v", want)
		}
	})
}

// checkReferral checks got against every simple path (all, by length and
// ids): up to k distinct valid walks, by length then ids; all paths shorter
// than the longest returned are there; when the shortest paths alone are
// at least k, exactly the first k of them.
func checkReferral(t *testing.T, m *nbModel, got []graph.Path, all [][]string, from, to string, k int) {
	t.Helper()
	if want := min(k, len(all)); len(got) != want {
		t.Errorf("%d paths, want %d (of %d in all)", len(got), want, len(all))
	}
	inAll := map[string]bool{}
	for _, p := range all {
		inAll[strings.Join(p, " ")] = true
	}
	var seqs [][]string
	for _, p := range got {
		m.checkWalk(t, p, from, to)
		seq := nbPathPeople(p)
		if !inAll[strings.Join(seq, " ")] {
			t.Errorf("path %v is not an allowed simple path", seq)
		}
		seqs = append(seqs, seq)
	}
	if !slices.IsSortedFunc(seqs, func(a, b []string) int {
		if len(a) != len(b) {
			return len(a) - len(b)
		}
		return slices.Compare(a, b)
	}) {
		t.Errorf("paths not by length then ids: %v", seqs)
	}
	for i := 1; i < len(seqs); i++ {
		if slices.Equal(seqs[i], seqs[i-1]) {
			t.Errorf("path %v twice", seqs[i])
		}
	}
	if len(seqs) == 0 || len(all) == 0 {
		return
	}
	longest := len(seqs[len(seqs)-1])
	var shorterWant, shorterGot [][]string
	for _, p := range all {
		if len(p) < longest {
			shorterWant = append(shorterWant, p)
		}
	}
	for _, p := range seqs {
		if len(p) < longest {
			shorterGot = append(shorterGot, p)
		}
	}
	if !slices.EqualFunc(shorterGot, shorterWant, slices.Equal) {
		t.Errorf("paths shorter than %d steps: got %v, want %v", longest-1, shorterGot, shorterWant)
	}
	shortest := 0
	for _, p := range all {
		if len(p) == len(all[0]) {
			shortest++
		}
	}
	if shortest >= k && !slices.EqualFunc(seqs, all[:k], slices.Equal) {
		t.Errorf("paths %v, want the first %d shortest by id %v", seqs, k, all[:k])
	}
}

func TestReferralPathsBadInput(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := newTestNet(t)
	n.people("a", "b")
	n.knows("a", "b")
	n.load(t, s)
	ok := graph.ReferralArgs{From: n.id("a"), To: n.id("b"), MaxHops: 4, K: 3}
	for _, tc := range []struct {
		name  string
		edit  func(*graph.ReferralArgs)
		field string
	}{
		{"from is to", func(a *graph.ReferralArgs) { a.To = a.From }, "to"},
		{"empty from", func(a *graph.ReferralArgs) { a.From = "" }, "from"},
		{"to with a space", func(a *graph.ReferralArgs) { a.To = "x y" }, "to"},
		{"maxHops 0", func(a *graph.ReferralArgs) { a.MaxHops = 0 }, "maxHops"},
		{"maxHops 7", func(a *graph.ReferralArgs) { a.MaxHops = 7 }, "maxHops"},
		{"k 0", func(a *graph.ReferralArgs) { a.K = 0 }, "k"},
		{"k 11", func(a *graph.ReferralArgs) { a.K = 11 }, "k"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := ok
			tc.edit(&args)
			_, err := s.ReferralPaths(ctx, args)
			handFieldError(t, err, tc.field)
		})
	}
	t.Run("unknown from", func(t *testing.T) {
		args := ok
		args.From = n.id("nobody")
		_, err := s.ReferralPaths(ctx, args)
		handNotFound(t, err, args.From, "(from)")
	})
	t.Run("unknown to", func(t *testing.T) {
		args := ok
		args.To = n.id("nobody")
		_, err := s.ReferralPaths(ctx, args)
		handNotFound(t, err, args.To, "(to)")
	})
	t.Run("the arguments that work", func(t *testing.T) {
		got, err := s.ReferralPaths(ctx, ok)
		if err != nil || len(got) != 1 || got[0].Length() != 1 {
			t.Errorf("got %+v, %v; want the one link a→b", got, err)
		}
	})
}

// TestReferralPathsGenerated checks ReferralPaths against every simple
// path of a generated network, from well and poorly connected people.
func TestReferralPathsGenerated(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ds, m := nbGeneratedModel(t, s)
	// Pairs at distance 2 and 3 from the best connected people and from
	// people with few links.
	ids := make([]string, 0, len(ds.People))
	for _, p := range ds.People {
		ids = append(ids, p.ID)
	}
	slices.SortStableFunc(ids, func(a, b string) int { return len(m.links[b]) - len(m.links[a]) })
	var starts []string
	starts = append(starts, ids[:2]...)
	for _, id := range ids {
		if len(m.links[id]) == 2 {
			starts = append(starts, id)
			break
		}
	}
	starts = append(starts, ids[len(ids)/3])
	open := func(string) bool { return true }
	checked := 0
	for _, from := range starts {
		dist := nbGenerations(nbAdjacency(m), from, 3)
		for _, hops := range []int{2, 3} {
			to := ""
			for _, id := range slices.Sorted(maps.Keys(dist)) {
				if dist[id] == hops {
					to = id
					break
				}
			}
			if to == "" {
				continue
			}
			for _, k := range []int{1, 3, 10} {
				t.Run(fmt.Sprintf("%s-%s-k%d", from[len(from)-4:], to[len(to)-4:], k), func(t *testing.T) {
					got, err := s.ReferralPaths(ctx, graph.ReferralArgs{From: from, To: to, MaxHops: 4, K: k})
					if err != nil {
						t.Fatal(err)
					}
					checkReferral(t, m, got, m.simplePaths(from, to, 4, open), from, to, k)
				})
				checked++
			}
		}
	}
	if checked < 12 {
		t.Errorf("only %d cases checked; the generated network lacks the pairs the test looks for", checked)
	}
}

// nbAdjacency is the model's links as neighbour lists.
func nbAdjacency(m *nbModel) map[string][]string {
	adj := map[string][]string{}
	for p := range m.links {
		adj[p] = m.neighbours(p)
	}
	return adj
}
