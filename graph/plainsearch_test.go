package graph_test

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/dataset"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
	"github.com/mentorgraph/mentorgraph/graph/seed"
)

// What the tests of ReferralPaths, Lineage, CoverageGaps and Successors
// share (their networks are built with testNet, testnet_test.go): an
// in-memory model of a network that answers the same questions by plain
// search.

// nbModel is what a dataset says, in memory, to answer the network
// questions by plain search.
type nbModel struct {
	people map[string]dataset.Person
	// links[a][b]: the stored links between a and b, seen from a.
	links map[string]map[string][]graph.Step
	// mentors[p], mentees[p]: over mentorships of any status.
	mentors, mentees map[string][]string
	active           map[string]int // ACTIVE mentees per mentor
	// within[s]: s and its narrower skills.
	within map[string][]string
	levels map[string]map[string]int // person → skill → level
	// closed: people closed to introductions.
	closed map[string]bool
}

func newNBModel(ds *dataset.Dataset) *nbModel {
	m := &nbModel{people: map[string]dataset.Person{}, links: map[string]map[string][]graph.Step{},
		mentors: map[string][]string{}, mentees: map[string][]string{}, active: map[string]int{},
		within: map[string][]string{}, levels: map[string]map[string]int{}, closed: map[string]bool{}}
	for _, p := range ds.People {
		m.people[p.ID] = p
	}
	link := func(from, to string, kind graph.LinkKind) {
		for _, dir := range []struct {
			a, b string
			d    graph.Direction
		}{{from, to, graph.Forward}, {to, from, graph.Backward}} {
			if m.links[dir.a] == nil {
				m.links[dir.a] = map[string][]graph.Step{}
			}
			m.links[dir.a][dir.b] = append(m.links[dir.a][dir.b], graph.Step{FromID: dir.a, ToID: dir.b, Kind: kind, Direction: dir.d})
		}
	}
	for _, c := range ds.Connections {
		link(c.PersonA, c.PersonB, graph.LinkConnection)
	}
	for _, ms := range ds.Mentorships {
		link(ms.MenteeID, ms.MentorID, graph.LinkMentorship)
		m.mentors[ms.MenteeID] = append(m.mentors[ms.MenteeID], ms.MentorID)
		m.mentees[ms.MentorID] = append(m.mentees[ms.MentorID], ms.MenteeID)
		if ms.Status == "ACTIVE" || (ms.Status == "" && ms.Until == nil) {
			m.active[ms.MentorID]++
		}
	}
	parent := map[string]string{}
	for _, s := range ds.Skills {
		parent[s.ID] = s.ParentID
	}
	for _, s := range ds.Skills {
		for a := s.ID; a != ""; a = parent[a] {
			m.within[a] = append(m.within[a], s.ID)
		}
	}
	for _, ps := range ds.PersonSkills {
		if m.levels[ps.PersonID] == nil {
			m.levels[ps.PersonID] = map[string]int{}
		}
		m.levels[ps.PersonID][ps.SkillID] = ps.Level
	}
	return m
}

func (m *nbModel) available(id string) bool {
	p := m.people[id]
	return p.AvailableToMentor != nil && *p.AvailableToMentor
}

// openSlots is capacity minus ACTIVE mentees, never below 0, for someone
// available to mentor.
func (m *nbModel) openSlots(id string) int {
	p := m.people[id]
	if !m.available(id) || p.MentorCapacity == nil {
		return 0
	}
	return max(*p.MentorCapacity-m.active[id], 0)
}

// best is p's highest level in skill or a narrower one (0 if none).
func (m *nbModel) best(p, skill string) int {
	b := 0
	for _, s := range m.within[skill] {
		b = max(b, m.levels[p][s])
	}
	return b
}

// nbGenerations is a breadth-first search from start over next, up to
// depth: each person's smallest generation (start excluded).
func nbGenerations(next map[string][]string, start string, depth int) map[string]int {
	gen := distances(next, start, depth)
	delete(gen, start)
	return gen
}

// neighbours are the people linked to p in either direction.
func (m *nbModel) neighbours(p string) []string {
	out := make([]string, 0, len(m.links[p]))
	for q := range m.links[p] {
		out = append(out, q)
	}
	slices.Sort(out)
	return out
}

// simplePaths lists every path from `from` to `to` of at most maxHops
// steps that visits nobody twice and whose intermediaries pass ok, as
// sequences of people, by length and then ids.
func (m *nbModel) simplePaths(from, to string, maxHops int, ok func(string) bool) [][]string {
	adj := map[string][]string{}
	for p := range m.links {
		adj[p] = m.neighbours(p)
	}
	// Prune with the distance to `to` over allowed intermediaries.
	dist := map[string]int{to: 0}
	frontier := []string{to}
	for d := 1; d <= maxHops && len(frontier) > 0; d++ {
		var next []string
		for _, p := range frontier {
			if p != to && !ok(p) {
				continue
			}
			for _, q := range adj[p] {
				if _, seen := dist[q]; !seen {
					dist[q] = d
					next = append(next, q)
				}
			}
		}
		frontier = next
	}
	var out [][]string
	var walk func(path []string, on map[string]bool)
	walk = func(path []string, on map[string]bool) {
		at := path[len(path)-1]
		if at == to {
			out = append(out, slices.Clone(path))
			return
		}
		if len(path)-1 >= maxHops || (at != from && !ok(at)) {
			return
		}
		for _, q := range adj[at] {
			d, reach := dist[q]
			if on[q] || !reach || len(path)+d > maxHops {
				continue
			}
			on[q] = true
			walk(append(path, q), on)
			delete(on, q)
		}
	}
	walk([]string{from}, map[string]bool{from: true})
	slices.SortFunc(out, func(a, b []string) int { return cmp.Or(cmp.Compare(len(a), len(b)), slices.Compare(a, b)) })
	return out
}

// checkWalk checks that p walks from `from` to `to` over stored links,
// each step's kind and direction those of a stored link (and, between
// people linked more than once, the link ReferralPaths prefers), visiting
// nobody twice.
func (m *nbModel) checkWalk(t *testing.T, p graph.Path, from, to string) {
	t.Helper()
	if p.Length() == 0 {
		t.Errorf("empty path from %s to %s", from, to)
		return
	}
	at, seen := from, map[string]bool{from: true}
	for i, st := range p.Steps {
		if st.FromID != at {
			t.Errorf("step %d starts at %s, want %s (%+v)", i, st.FromID, at, p.Steps)
			return
		}
		links := m.links[st.FromID][st.ToID]
		want, ok := nbPreferredLink(links)
		if !ok {
			t.Errorf("step %d %s→%s is no stored link", i, st.FromID, st.ToID)
			return
		}
		if st.Kind != want.Kind || st.Direction != want.Direction {
			t.Errorf("step %d %s→%s is a %s %s; the links there are %+v, the one to name is a %s %s",
				i, st.FromID, st.ToID, st.Kind, st.Direction, links, want.Kind, want.Direction)
		}
		if seen[st.ToID] {
			t.Errorf("step %d visits %s a second time", i, st.ToID)
		}
		seen[st.ToID] = true
		at = st.ToID
	}
	if at != to {
		t.Errorf("path ends at %s, want %s", at, to)
	}
}

// nbPreferredLink is the link ReferralPaths names between two people linked
// more than once: the connection, else the mentorship walked FORWARD
// (from the mentee), else the other.
func nbPreferredLink(links []graph.Step) (graph.Step, bool) {
	rank := func(s graph.Step) int {
		switch {
		case s.Kind == graph.LinkConnection:
			return 0
		case s.Direction == graph.Forward:
			return 1
		}
		return 2
	}
	if len(links) == 0 {
		return graph.Step{}, false
	}
	return slices.MinFunc(links, func(a, b graph.Step) int { return cmp.Compare(rank(a), rank(b)) }), true
}

// nbPathPeople is the sequence of people a path walks through.
func nbPathPeople(p graph.Path) []string {
	if len(p.Steps) == 0 {
		return nil
	}
	out := []string{p.Steps[0].FromID}
	for _, st := range p.Steps {
		out = append(out, st.ToID)
	}
	return out
}

// nbGenerated is a generated network loaded once per test binary for the
// tests that compare answers with the model: 600 people, prefixed.
var nbGenerated struct {
	once   sync.Once
	ds     *dataset.Dataset
	prefix string
	err    error
}

// nbGeneratedModel loads the generated network into s (once) and returns
// it with its model.
func nbGeneratedModel(t *testing.T, s *graph.Store) (*dataset.Dataset, *nbModel) {
	t.Helper()
	nbGenerated.once.Do(func() {
		prefix := neo4jtest.Prefix(t)
		ds := seed.Generate(seed.Config{People: 600, Seed: 11})
		nbPrefixDataset(ds, prefix)
		if _, err := s.Import(context.Background(), ds, graph.ImportOptions{}); err != nil {
			nbGenerated.err = err
			return
		}
		nbGenerated.ds, nbGenerated.prefix = ds, prefix
	})
	if nbGenerated.err != nil {
		t.Fatalf("load the generated network: %v", nbGenerated.err)
	}
	return nbGenerated.ds, newNBModel(nbGenerated.ds)
}

// nbPrefixDataset puts prefix before every id of ds (skills and goals too,
// so the network shares nothing with other tests' data).
func nbPrefixDataset(ds *dataset.Dataset, prefix string) {
	pre := func(s *string) {
		if *s != "" {
			*s = prefix + *s
		}
	}
	for i := range ds.People {
		pre(&ds.People[i].ID)
	}
	for i := range ds.Skills {
		pre(&ds.Skills[i].ID)
		pre(&ds.Skills[i].ParentID)
	}
	for i := range ds.Organizations {
		pre(&ds.Organizations[i].ID)
	}
	for i := range ds.PersonSkills {
		pre(&ds.PersonSkills[i].PersonID)
		pre(&ds.PersonSkills[i].SkillID)
	}
	for i := range ds.Affiliations {
		pre(&ds.Affiliations[i].PersonID)
		pre(&ds.Affiliations[i].OrganizationID)
	}
	for i := range ds.Mentorships {
		pre(&ds.Mentorships[i].MenteeID)
		pre(&ds.Mentorships[i].MentorID)
		for j := range ds.Mentorships[i].Focus {
			pre(&ds.Mentorships[i].Focus[j])
		}
	}
	for i := range ds.Connections {
		pre(&ds.Connections[i].PersonA)
		pre(&ds.Connections[i].PersonB)
	}
	for i := range ds.Goals {
		pre(&ds.Goals[i].ID)
		pre(&ds.Goals[i].PersonID)
		pre(&ds.Goals[i].SkillID)
	}
}
