package graph_test

import (
	"slices"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// oracle answers the network questions by plain breadth-first search over
// a dataset in memory, to check the Cypher answers against.
type oracle struct {
	ds *dataset.Dataset
	// reach: undirected adjacency over KNOWS and MENTORED_BY.
	reach map[string][]string
	// mentors[p]: p's mentors (any status); mentees[p]: p's mentees.
	mentors, mentees map[string][]string
	// activeMentors[p]: p's ACTIVE mentors; activeMentees[p]: count.
	activeMentors map[string]map[string]bool
	activeMentees map[string]int
	people        map[string]dataset.Person
	// within[s]: s and its narrower skills.
	within map[string][]string
	// levels[p][s]: p's level in s.
	levels map[string]map[string]int
}

func newOracle(ds *dataset.Dataset) *oracle {
	o := &oracle{ds: ds, reach: map[string][]string{}, mentors: map[string][]string{}, mentees: map[string][]string{},
		activeMentors: map[string]map[string]bool{}, activeMentees: map[string]int{}, people: map[string]dataset.Person{},
		within: map[string][]string{}, levels: map[string]map[string]int{}}
	for _, p := range ds.People {
		o.people[p.ID] = p
	}
	link := func(a, b string) {
		o.reach[a] = append(o.reach[a], b)
		o.reach[b] = append(o.reach[b], a)
	}
	for _, c := range ds.Connections {
		link(c.PersonA, c.PersonB)
	}
	for _, m := range ds.Mentorships {
		link(m.MenteeID, m.MentorID)
		o.mentors[m.MenteeID] = append(o.mentors[m.MenteeID], m.MentorID)
		o.mentees[m.MentorID] = append(o.mentees[m.MentorID], m.MenteeID)
		if status(m) == "ACTIVE" {
			if o.activeMentors[m.MenteeID] == nil {
				o.activeMentors[m.MenteeID] = map[string]bool{}
			}
			o.activeMentors[m.MenteeID][m.MentorID] = true
			o.activeMentees[m.MentorID]++
		}
	}
	parent := map[string]string{}
	for _, s := range ds.Skills {
		parent[s.ID] = s.ParentID
	}
	for _, s := range ds.Skills {
		for a := s.ID; a != ""; a = parent[a] {
			o.within[a] = append(o.within[a], s.ID)
		}
	}
	for _, ps := range ds.PersonSkills {
		if o.levels[ps.PersonID] == nil {
			o.levels[ps.PersonID] = map[string]int{}
		}
		o.levels[ps.PersonID][ps.SkillID] = ps.Level
	}
	return o
}

func status(m dataset.Mentorship) string {
	if m.Status != "" {
		return m.Status
	}
	if m.Until != nil {
		return "ENDED"
	}
	return "ACTIVE"
}

// openSlots is capacity minus active mentees, never below 0; 0 when not
// available to mentor.
func (o *oracle) openSlots(id string) int {
	p := o.people[id]
	if p.AvailableToMentor == nil || !*p.AvailableToMentor || p.MentorCapacity == nil {
		return 0
	}
	return max(*p.MentorCapacity-o.activeMentees[id], 0)
}

// distances is a BFS from start over adj, up to maxHops.
func distances(adj map[string][]string, start string, maxHops int) map[string]int {
	dist := map[string]int{start: 0}
	frontier := []string{start}
	for d := 1; d <= maxHops && len(frontier) > 0; d++ {
		var next []string
		for _, n := range frontier {
			for _, m := range adj[n] {
				if _, seen := dist[m]; !seen {
					dist[m] = d
					next = append(next, m)
				}
			}
		}
		frontier = next
	}
	return dist
}

// bestLevel is p's highest level in skill or a narrower one (0 if none).
func (o *oracle) bestLevel(p, skill string) int {
	best := 0
	for _, s := range o.within[skill] {
		best = max(best, o.levels[p][s])
	}
	return best
}

// mentorsWithin is findMentors' candidate set with hop counts (both link
// kinds, narrower skills included, available with open slots, current
// mentors excluded).
func (o *oracle) mentorsWithin(person, skill string, maxHops, minLevel int) map[string]int {
	out := map[string]int{}
	for m, d := range distances(o.reach, person, maxHops) {
		if m == person || o.activeMentors[person][m] || o.openSlots(m) == 0 || o.bestLevel(m, skill) < minLevel {
			continue
		}
		out[m] = d
	}
	return out
}

// lineage maps each ancestor (ancestors=true) or descendant to its
// smallest generation, up to depth.
func (o *oracle) lineage(person string, ancestors bool, depth int) map[string]int {
	adj := o.mentees
	if ancestors {
		adj = o.mentors
	}
	d := distances(adj, person, depth)
	delete(d, person)
	return d
}

// sortedKeys returns m's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
