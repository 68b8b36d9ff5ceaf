package graph_test

import (
	"cmp"
	"context"
	"errors"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/dataset"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
	"github.com/mentorgraph/mentorgraph/graph/seed"
)

// TestNetworkQuestionsMatchOracle, and what the tests of FindMentors,
// MentorBoard and Neighborhood share: their network (mentorNet, built
// with testNet, testnet_test.go), checks of the paths the store returns
// against it, and checks of errors.

// skillNames gives the hand-built names of skills, after checking each
// comes with the name it was stored with.
func (n *testNet) skillNames(t *testing.T, skills []graph.Skill) []string {
	t.Helper()
	names := n.names(skillIDs(skills))
	for i, s := range skills {
		if want := "Skill " + names[i]; s.Name != want {
			t.Errorf("skill %s has name %q, want %q", names[i], s.Name, want)
		}
	}
	return names
}

// skillIDs are the ids of skills.
func skillIDs(skills []graph.Skill) []string {
	out := make([]string, len(skills))
	for i, s := range skills {
		out[i] = s.ID
	}
	return out
}

// handStep is a step written by hand: "me>a" walks a stored link me → a
// (FORWARD), "me<c" walks a stored link c → me (BACKWARD).
type handStep struct {
	walk string
	kind graph.LinkKind
}

// checkPath checks that p walks from `from` to `to` in hops steps, each
// over a stored link of an allowed kind with that link's since date.
func (n *testNet) checkPath(t *testing.T, p graph.Path, from, to string, hops int, allowed ...graph.LinkKind) {
	t.Helper()
	if p.Length() != hops {
		t.Errorf("path to %s has %d steps, want %d (%+v)", to, p.Length(), hops, p.Steps)
		return
	}
	if len(p.People) != len(p.Steps)+1 {
		t.Errorf("path to %s: %d people for %d steps", to, len(p.People), len(p.Steps))
		return
	}
	at := from
	for i, st := range p.Steps {
		f, tt := n.name(st.FromID), n.name(st.ToID)
		if p.People[i].ID != st.FromID || p.People[i+1].ID != st.ToID || p.People[i].Name == "" {
			t.Errorf("path to %s: step %d goes %s→%s but its people are %q→%q", to, i, st.FromID, st.ToID, p.People[i].ID, p.People[i+1].ID)
		}
		if f != at {
			t.Errorf("path to %s: step %d starts at %s, want %s", to, i, f, at)
			return
		}
		if len(allowed) > 0 && !handHasKind(allowed, st.Kind) {
			t.Errorf("path to %s: step %d is a %s, outside %v", to, i, st.Kind, allowed)
		}
		key := testLink{f, tt, st.Kind}
		if st.Direction == graph.Backward {
			key = testLink{tt, f, st.Kind}
		} else if st.Direction != graph.Forward {
			t.Errorf("path to %s: step %d has direction %q", to, i, st.Direction)
		}
		since, ok := n.links[key]
		if !ok {
			t.Errorf("path to %s: step %d (%s %s→%s %s) is no stored link", to, i, st.Kind, f, tt, st.Direction)
			return
		}
		if !handSameDate(st.Since, since) {
			t.Errorf("path to %s: step %d since %v, want %v", to, i, st.Since, since)
		}
		at = tt
	}
	if at != to {
		t.Errorf("path ends at %s, want %s", at, to)
	}
}

// checkSteps checks p step by step against steps written by hand.
func (n *testNet) checkSteps(t *testing.T, p graph.Path, steps ...handStep) {
	t.Helper()
	if len(p.Steps) != len(steps) {
		t.Errorf("path %+v: %d steps, want %d", p.Steps, len(p.Steps), len(steps))
		return
	}
	for i, want := range steps {
		got := p.Steps[i]
		dir, sep := graph.Forward, ">"
		if strings.Contains(want.walk, "<") {
			dir, sep = graph.Backward, "<"
		}
		ends := strings.SplitN(want.walk, sep, 2)
		if n.name(got.FromID) != ends[0] || n.name(got.ToID) != ends[1] || got.Kind != want.kind || got.Direction != dir {
			t.Errorf("step %d: got %s→%s %s %s, want %s %s", i, n.name(got.FromID), n.name(got.ToID), got.Kind, got.Direction, want.walk, want.kind)
		}
	}
}

func handHasKind(kinds []graph.LinkKind, k graph.LinkKind) bool {
	for _, c := range kinds {
		if c == k {
			return true
		}
	}
	return false
}

func handSameDate(got *graph.Date, want *dataset.Date) bool {
	if got == nil || want == nil {
		return got == nil && want == nil
	}
	return got.Year == want.Year && got.Month == want.Month && got.Day == want.Day
}

// handFieldError checks that err is an InputError on field.
func handFieldError(t *testing.T, err error, field string) {
	t.Helper()
	var ie *graph.InputError
	switch {
	case err == nil:
		t.Errorf("no error; want an InputError on %s", field)
	case !errors.As(err, &ie) || !errors.Is(err, graph.ErrInvalid):
		t.Errorf("error %v (%T); want an InputError on %s", err, err, field)
	case ie.Field != field:
		t.Errorf("InputError on %q (%s); want it on %q", ie.Field, ie.Msg, field)
	}
}

// handNotFound checks that err is ErrNotFound and its message names what
// (an id, an argument).
func handNotFound(t *testing.T, err error, what ...string) {
	t.Helper()
	if !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("error %v; want ErrNotFound", err)
		return
	}
	for _, w := range what {
		if !strings.Contains(graph.Message(err), w) {
			t.Errorf("message %q does not name %q", graph.Message(err), w)
		}
	}
}

func handPtr[T any](v T) *T { return &v }

// mentorNet builds the network the FindMentors, MentorBoard and
// Neighborhood tests share. Hop counts are from me, over both link kinds.
//
//	KNOWS (stored a → b):   me→a  j→me  a→c  d→a  c→e  d→f  f→h  j→k1  j→k2  k1→k2
//	MENTORED_BY (mentee → mentor): me→b ACTIVE, c→me ACTIVE, me→m1 ENDED,
//	                               e→d ACTIVE, g→e ACTIVE, n1→h ENDED
//
//	hop 1: a, j (KNOWS), b, c, m1 (MENTORED_BY)   hop 2: d (via a), e (via c),
//	k1, k2 (via j)   hop 3: f (via d), g (via e)   hop 4: h (via f)
//	hop 5: n1   never: i (no links at all)
//
//	Via KNOWS only: a, j (1); c, d, k1, k2 (2); e, f (3); h (4).
//	Via MENTORED_BY only: b, c, m1 (1), nobody further.
//
// Skills: lead ⊃ mgmt ⊃ coach (coach is two levels below lead); cook, sql,
// ops and rare stand alone. Who holds what, availability and open slots
// (capacity − ACTIVE mentees):
//
//	me  lead 5                       available, capacity 5, open 4 (c)
//	a   lead 4, sql 2                available, 2, open 2; org1 now (shared with me)
//	b   lead 5                       available, 3, open 2 (me) — my ACTIVE mentor
//	c   coach 3                      available, 1, open 1
//	d   mgmt 5, lead 2               available, 5, open 4 (e); org1 now (shared)
//	e   lead 5, ops 5                available, 1, open 0 (g) — full
//	f   lead 3, ops 3                available, 2, open 2; org1 in the past only
//	g   lead 4                       not available
//	h   lead 4, rare 4               available, 1, open 1 (n1's mentorship ENDED)
//	i   lead 5, rare 5               available, 3 — isolated
//	j   cook 5                       available, 3, open 3
//	k1  lead 4, sql 4                available, 2, open 2; org2 now (me: org2 in the past)
//	k2  lead 4, sql 4, cook 3        available, 2, open 2
//	m1  mgmt 3, coach 3              available, 1, open 1 (my mentorship ENDED)
//	n1  —                            not available
func mentorNet(t *testing.T) *testNet {
	n := newTestNet(t)
	for _, p := range []struct {
		name      string
		available bool
		capacity  int
	}{
		{"me", true, 5}, {"a", true, 2}, {"b", true, 3}, {"c", true, 1}, {"d", true, 5}, {"e", true, 1},
		{"f", true, 2}, {"g", false, -1}, {"h", true, 1}, {"i", true, 3}, {"j", true, 3},
		{"k1", true, 2}, {"k2", true, 2}, {"m1", true, 1}, {"n1", false, 0},
	} {
		n.person(p.name, p.available, p.capacity)
	}
	n.skill("lead", "")
	n.skill("mgmt", "lead")
	n.skill("coach", "mgmt")
	for _, s := range []string{"cook", "sql", "ops", "rare"} {
		n.skill(s, "")
	}
	for _, h := range []struct {
		person, skill string
		level         int
	}{
		{"me", "lead", 5}, {"a", "lead", 4}, {"a", "sql", 2}, {"b", "lead", 5}, {"c", "coach", 3},
		{"d", "mgmt", 5}, {"d", "lead", 2}, {"e", "lead", 5}, {"e", "ops", 5}, {"f", "lead", 3}, {"f", "ops", 3},
		{"g", "lead", 4}, {"h", "lead", 4}, {"h", "rare", 4}, {"i", "lead", 5}, {"i", "rare", 5},
		{"j", "cook", 5}, {"k1", "lead", 4}, {"k1", "sql", 4}, {"k2", "lead", 4}, {"k2", "sql", 4}, {"k2", "cook", 3},
		{"m1", "mgmt", 3}, {"m1", "coach", 3},
	} {
		n.has(h.person, h.skill, h.level)
	}
	for _, k := range [][3]string{
		{"me", "a", "2020-01-01"}, {"j", "me", "2019-05-05"}, {"a", "c", "2021-02-02"}, {"d", "a", "2018-03-03"},
		{"c", "e", "2022-04-04"}, {"d", "f", "2017-06-06"}, {"f", "h", "2016-07-07"}, {"j", "k1", ""},
		{"j", "k2", "2015-08-08"}, {"k1", "k2", "2014-09-09"},
	} {
		n.knowsSince(t, k[0], k[1], k[2])
	}
	n.mentoredBySince(t, "me", "b", "ACTIVE", "2023-01-01")
	n.mentoredBySince(t, "c", "me", "ACTIVE", "2022-06-01")
	n.mentoredBySince(t, "me", "m1", "ENDED", "2015-01-01")
	n.mentoredBySince(t, "e", "d", "ACTIVE", "2021-03-01")
	n.mentoredBySince(t, "g", "e", "ACTIVE", "2020-10-10")
	n.mentoredBySince(t, "n1", "h", "ENDED", "2012-12-12")
	n.org("org1")
	n.org("org2")
	n.worksAt(t, "me", "org1", "")
	n.worksAt(t, "me", "org2", "2019-01-01")
	n.worksAt(t, "a", "org1", "")
	n.worksAt(t, "d", "org1", "")
	n.worksAt(t, "f", "org1", "2015-01-01")
	n.worksAt(t, "k1", "org2", "")
	return n
}

// generated is a generated network loaded once per test binary for the
// tests that compare answers with the breadth-first oracle (oracle_test.go):
// as a testNet whose names are the ids themselves, and its oracle.
var generated struct {
	once sync.Once
	net  *testNet
	o    *oracle
	err  error
}

// generatedNet loads seed network 1,000 people (seed 5), prefixed, into s.
func generatedNet(t *testing.T, s *graph.Store) (*testNet, *oracle) {
	t.Helper()
	generated.once.Do(func() {
		ds := prefixed(seed.Generate(seed.Config{People: 1000, Seed: 5}), neo4jtest.Prefix(t))
		if _, err := s.Import(context.Background(), ds, graph.ImportOptions{}); err != nil {
			generated.err = err
			return
		}
		generated.net, generated.o = randomNet(ds), newOracle(ds)
	})
	if generated.err != nil {
		t.Fatalf("load the generated network: %v", generated.err)
	}
	return generated.net, generated.o
}

// probePeople picks people of the generated network to ask about: the
// best connected, one of median degree, one with a single link and one
// without links (ties by id).
func probePeople(o *oracle) []string {
	ids := sortedKeys(o.people)
	degree := func(id string) int { return len(o.reach[id]) }
	slices.SortStableFunc(ids, func(a, b string) int { return cmp.Compare(degree(b), degree(a)) })
	out := []string{ids[0], ids[len(ids)/4], ids[len(ids)/2]}
	if i := slices.IndexFunc(ids, func(id string) bool { return degree(id) == 1 }); i >= 0 {
		out = append(out, ids[i])
	}
	if i := slices.IndexFunc(ids, func(id string) bool { return degree(id) == 0 }); i >= 0 {
		out = append(out, ids[i])
	}
	return out
}

// probeSkills picks skills of the generated network: the broad skill with
// the most narrower ones, a skill with a broader one, and the skill held
// by the most people.
func probeSkills(n *testNet, o *oracle) []string {
	var broad, narrow string
	for _, sk := range n.ds.Skills {
		if broad == "" || len(o.within[sk.ID]) > len(o.within[broad]) {
			broad = sk.ID
		}
		if narrow == "" && sk.ParentID != "" {
			narrow = sk.ID
		}
	}
	holders := map[string]int{}
	for _, ps := range n.ds.PersonSkills {
		holders[ps.SkillID]++
	}
	common := ""
	for _, id := range sortedKeys(holders) {
		if common == "" || holders[id] > holders[common] {
			common = id
		}
	}
	return []string{broad, narrow, common}
}

// TestNetworkQuestionsMatchOracle asks FindMentors, MentorBoard and
// Neighborhood about a generated network with hubs and compares every
// answer with a breadth-first search over the same data in memory.
func TestNetworkQuestionsMatchOracle(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n, o := generatedNet(t, s)
	people, skills := probePeople(o), probeSkills(n, o)

	t.Run("FindMentors", func(t *testing.T) {
		found, farthest := 0, 0
		defer func() {
			t.Logf("%d matches, the farthest %d hops away", found, farthest)
			// A comparison of empty answers would prove nothing.
			if found < 100 || farthest < 3 {
				t.Errorf("the probes found %d matches, the farthest %d hops away: pick better probes", found, farthest)
			}
		}()
		for _, person := range people {
			for _, skill := range skills {
				for hops := 1; hops <= 3; hops++ {
					want := o.mentorsWithin(person, skill, hops, 3)
					args := graph.FindMentorsArgs{For: person, Skill: skill, MaxHops: &hops}
					got := map[string]int{}
					var last *graph.MentorMatch
					for page := 0; ; page++ {
						// Small pages: paging over real data, with its ties.
						args.Page = graph.PageArgs{First: 7}
						if page > 0 {
							c := graph.EncodeCursor(graph.Cursor{ID: last.Mentor.ID, Score: &last.Score})
							args.Page.After = &c
						}
						res, err := s.FindMentors(ctx, args)
						if err != nil {
							t.Fatal(err)
						}
						for i := range res.Items {
							m := res.Items[i]
							if _, dup := got[m.Mentor.ID]; dup {
								t.Errorf("%s %s %d: %s twice", person, skill, hops, m.Mentor.ID)
							}
							if last != nil && (m.Score > last.Score || m.Score == last.Score && m.Mentor.ID <= last.Mentor.ID) {
								t.Errorf("%s %s %d: %s (%v) after %s (%v)", person, skill, hops, m.Mentor.ID, m.Score, last.Mentor.ID, last.Score)
							}
							got[m.Mentor.ID] = m.Hops
							found, farthest = found+1, max(farthest, m.Hops)
							if m.Level != o.bestLevel(m.Mentor.ID, skill) || m.OpenSlots != o.openSlots(m.Mentor.ID) {
								t.Errorf("%s: level %d open %d, want %d, %d", m.Mentor.ID, m.Level, m.OpenSlots, o.bestLevel(m.Mentor.ID, skill), o.openSlots(m.Mentor.ID))
							}
							n.checkPath(t, m.Path, person, m.Mentor.ID, m.Hops)
							last = &m
						}
						if !res.HasNext {
							break
						}
					}
					if !maps.Equal(got, want) {
						t.Errorf("mentors of %s in %s within %d: %d found, oracle %d (%v vs %v)", person, skill, hops, len(got), len(want), got, want)
					}
					if c, err := s.CountMentors(ctx, args); err != nil || c != len(want) {
						t.Errorf("CountMentors(%s, %s, %d) = %d, %v; want %d", person, skill, hops, c, err, len(want))
					}
				}
			}
		}
	})

	t.Run("MentorBoard", func(t *testing.T) {
		seats := 0
		defer func() {
			t.Logf("%d seats", seats)
			if seats < 5 {
				t.Errorf("the probes gave %d seats in all: pick better probes", seats)
			}
		}()
		for _, person := range people {
			for hops := 1; hops <= 3; hops++ {
				board, err := s.MentorBoard(ctx, person, skills, hops)
				if err != nil {
					t.Fatal(err)
				}
				dist := distances(o.reach, person, hops)
				// coverers[skill]: who in reach could cover it.
				coverers := map[string][]string{}
				for _, id := range sortedKeys(dist) {
					if id == person || o.openSlots(id) == 0 {
						continue
					}
					for _, sk := range skills {
						if o.bestLevel(id, sk) >= 3 {
							coverers[sk] = append(coverers[sk], id)
						}
					}
				}
				assigned := map[string]bool{}
				seats += len(board.Seats)
				for i, seat := range board.Seats {
					id := seat.Mentor.ID
					if id == person || dist[id] != seat.Hops || o.openSlots(id) == 0 || len(seat.Skills) == 0 {
						t.Errorf("%s within %d: seat %d %s (hops %d, oracle %d, open %d)", person, hops, i, id, seat.Hops, dist[id], o.openSlots(id))
					}
					for _, sk := range skillIDs(seat.Skills) {
						if assigned[sk] || o.bestLevel(id, sk) < 3 {
							t.Errorf("%s within %d: seat %s given %s (again: %v, level %d)", person, hops, id, sk, assigned[sk], o.bestLevel(id, sk))
						}
						assigned[sk] = true
					}
					n.checkPath(t, seat.Path, person, id, seat.Hops)
				}
				// Greedy: the first seat covers as many skills as anyone can.
				if len(board.Seats) > 0 {
					most := 0
					for id := range dist {
						if id == person || o.openSlots(id) == 0 {
							continue
						}
						c := 0
						for _, sk := range skills {
							if o.bestLevel(id, sk) >= 3 {
								c++
							}
						}
						most = max(most, c)
					}
					if len(board.Seats[0].Skills) != most {
						t.Errorf("%s within %d: first seat covers %d skills; someone in reach covers %d", person, hops, len(board.Seats[0].Skills), most)
					}
				}
				for _, sk := range skills {
					uncovered := slices.Contains(skillIDs(board.Uncovered), sk)
					if uncovered == assigned[sk] || uncovered != (len(coverers[sk]) == 0) {
						t.Errorf("%s within %d: skill %s uncovered %v, assigned %v, coverers %v", person, hops, sk, uncovered, assigned[sk], coverers[sk])
					}
				}
			}
		}
	})

	t.Run("Neighborhood", func(t *testing.T) {
		truncated, links := 0, 0
		defer func() {
			t.Logf("%d truncated neighbourhoods, %d links", truncated, links)
			if truncated == 0 || links < 100 {
				t.Errorf("the probes gave %d truncated neighbourhoods and %d links: pick better probes", truncated, links)
			}
		}()
		for _, person := range people {
			for depth := 1; depth <= 2; depth++ {
				dist := distances(o.reach, person, depth)
				var all []nodeWant
				for id, d := range dist {
					all = append(all, nodeWant{id, d})
				}
				slices.SortFunc(all, func(a, b nodeWant) int { return cmp.Or(cmp.Compare(a.hops, b.hops), strings.Compare(a.name, b.name)) })
				for _, limit := range []int{1, 10, 2000} {
					g, err := s.Neighborhood(ctx, person, depth, limit)
					if err != nil {
						t.Fatal(err)
					}
					want := all[:min(limit, len(all))]
					var got []nodeWant
					for _, nd := range g.Nodes {
						got = append(got, nodeWant{nd.Person.ID, nd.Hops})
					}
					if !slices.Equal(got, want) || g.Truncated != (len(all) > limit) {
						t.Errorf("%s depth %d limit %d: %d nodes (truncated %v), want %d of %d", person, depth, limit, len(got), g.Truncated, len(want), len(all))
					}
					wantLinks := n.linksAmong(want)
					links += len(g.Links)
					if g.Truncated {
						truncated++
					}
					if len(g.Links) != len(wantLinks) {
						t.Errorf("%s depth %d limit %d: %d links, want %d", person, depth, limit, len(g.Links), len(wantLinks))
						continue
					}
					for i := range wantLinks {
						if linkString(n, g.Links[i]) != linkString(n, wantLinks[i]) {
							t.Errorf("%s depth %d limit %d: link %d %s, want %s", person, depth, limit, i, linkString(n, g.Links[i]), linkString(n, wantLinks[i]))
						}
					}
				}
			}
		}
	})
}
