package graph_test

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/mentorgraph/mentorgraph/graph"
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
	// broader[s]: s and its broader skills, up to the root.
	broader map[string][]string
	// orgs[p]: the organizations p is currently affiliated with (an
	// affiliation without until).
	orgs map[string]map[string]bool
	// demand[s]: the people with an OPEN goal about s itself.
	demand map[string]map[string]bool

	// Whole-network hop counts, for pair questions: people by index (ids
	// in order), each one's distinct neighbours over reach by index (so in
	// order of id), and the breadth-first rows computed so far (under mu:
	// parallel subtests share an oracle).
	index map[string]int32
	ids   []string
	adj   [][]int32
	mu    sync.Mutex
	rows  map[int32][]uint8
}

func newOracle(ds *dataset.Dataset) *oracle {
	o := &oracle{ds: ds, reach: map[string][]string{}, mentors: map[string][]string{}, mentees: map[string][]string{},
		activeMentors: map[string]map[string]bool{}, activeMentees: map[string]int{}, people: map[string]dataset.Person{},
		within: map[string][]string{}, levels: map[string]map[string]int{}, broader: map[string][]string{},
		orgs: map[string]map[string]bool{}, demand: map[string]map[string]bool{}, rows: map[int32][]uint8{}}
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
			o.broader[s.ID] = append(o.broader[s.ID], a)
		}
	}
	for _, ps := range ds.PersonSkills {
		if o.levels[ps.PersonID] == nil {
			o.levels[ps.PersonID] = map[string]int{}
		}
		o.levels[ps.PersonID][ps.SkillID] = ps.Level
	}
	for _, a := range ds.Affiliations {
		if a.Until == nil {
			addTo(o.orgs, a.PersonID, a.OrganizationID)
		}
	}
	for _, g := range ds.Goals {
		if g.Status == "" || g.Status == "OPEN" {
			addTo(o.demand, g.SkillID, g.PersonID)
		}
	}
	o.ids = sortedKeys(o.people)
	o.index = make(map[string]int32, len(o.ids))
	for i, id := range o.ids {
		o.index[id] = int32(i)
	}
	o.adj = make([][]int32, len(o.ids))
	for i, id := range o.ids {
		for _, q := range o.reach[id] {
			o.adj[i] = append(o.adj[i], o.index[q])
		}
		slices.Sort(o.adj[i])
		o.adj[i] = slices.Compact(o.adj[i])
	}
	return o
}

// addTo adds v to the set m[k].
func addTo(m map[string]map[string]bool, k, v string) {
	if m[k] == nil {
		m[k] = map[string]bool{}
	}
	m[k][v] = true
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
	return nbGenerations(adj, person, depth)
}

// noHops marks people a hop row does not reach.
const noHops = math.MaxUint8

// hopsFrom is a breadth-first search from id over reach, through the whole
// network: each person's hop count by index, noHops if unreachable.
// Rows are kept, so asking again costs nothing.
func (o *oracle) hopsFrom(id string) []uint8 {
	start, ok := o.index[id]
	if !ok {
		panic("hopsFrom: unknown person " + id)
	}
	o.mu.Lock()
	row, ok := o.rows[start]
	o.mu.Unlock()
	if ok {
		return row
	}
	row = make([]uint8, len(o.ids))
	for i := range row {
		row[i] = noHops
	}
	row[start] = 0
	frontier := []int32{start}
	for d := uint8(1); len(frontier) > 0 && d < noHops; d++ {
		var next []int32
		for _, p := range frontier {
			for _, q := range o.adj[p] {
				if row[q] == noHops {
					row[q] = d
					next = append(next, q)
				}
			}
		}
		frontier = next
	}
	o.mu.Lock()
	o.rows[start] = row
	o.mu.Unlock()
	return row
}

// distance is the number of hops between a and b over reach; false when
// no path joins them.
func (o *oracle) distance(a, b string) (int, bool) {
	d := o.hopsFrom(a)[o.index[b]]
	return int(d), d != noHops
}

// ball lists the people other than id within maxHops of id, by id.
func (o *oracle) ball(id string, maxHops int) []string {
	var out []string
	for i, d := range o.hopsFrom(id) {
		if d != 0 && int(d) <= maxHops {
			out = append(out, o.ids[i])
		}
	}
	return out
}

// simplePathsOfLength lists the first limit paths from `from` to `to` of
// exactly length steps that visit nobody twice, as sequences of people
// (two people linked more than once make one step), in order of the ids.
// A depth-first search in order of id, pruned by the hop counts to `to`.
func (o *oracle) simplePathsOfLength(from, to string, length, limit int) [][]string {
	toRow := o.hopsFrom(to)
	target := o.index[to]
	var out [][]string
	path := []int32{o.index[from]}
	on := map[int32]bool{path[0]: true}
	var walk func(left int)
	walk = func(left int) {
		for _, q := range o.adj[path[len(path)-1]] {
			if len(out) >= limit {
				return
			}
			switch {
			case on[q]:
			case q == target:
				if left == 1 {
					seq := make([]string, 0, len(path)+1)
					for _, p := range path {
						seq = append(seq, o.ids[p])
					}
					out = append(out, append(seq, to))
				}
			case left > 1 && int(toRow[q]) <= left-1:
				path, on[q] = append(path, q), true
				walk(left - 1)
				path, on[q] = path[:len(path)-1], false
			}
		}
	}
	if length > 0 && from != to {
		walk(length)
	}
	return out
}

// bestSkill is the skill (skill itself or a narrower one) in which p has
// the highest level at minLevel or above, ties by id, and that level;
// "" and 0 when p has none.
func (o *oracle) bestSkill(p, skill string, minLevel int) (string, int) {
	best, level := "", 0
	for _, s := range o.within[skill] {
		l := o.levels[p][s]
		if l >= minLevel && (l > level || l == level && s < best) {
			best, level = s, l
		}
	}
	return best, level
}

// sharesOrganization says whether a and b are both currently affiliated
// with some organization.
func (o *oracle) sharesOrganization(a, b string) bool {
	for org := range o.orgs[a] {
		if o.orgs[b][org] {
			return true
		}
	}
	return false
}

// capacity is p's mentor capacity, 0 when unset.
func (o *oracle) capacity(p string) int {
	if c := o.people[p].MentorCapacity; c != nil {
		return *c
	}
	return 0
}

// available says whether p is available to mentor.
func (o *oracle) available(p string) bool {
	a := o.people[p].AvailableToMentor
	return a != nil && *a
}

// coverage is CoverageGaps' report by the oracle, for the people in scope
// (nil: everyone), worst gap first, as SkillGap documents it: demand is
// the OPEN goals about the skill itself, supply the people available to
// mentor at minLevel in it or a narrower skill, the suitable mentors those
// with an open slot, and a demand person is uncovered when no suitable
// mentor other than themself is within maxHops (through anyone).
func (o *oracle) coverage(scope map[string]bool, maxHops, minLevel int) []graph.SkillGap {
	in := func(p string) bool { return scope == nil || scope[p] }
	supply := map[string]map[string]bool{}
	for _, ps := range o.ds.PersonSkills {
		if ps.Level >= minLevel && o.available(ps.PersonID) && in(ps.PersonID) {
			for _, s := range o.broader[ps.SkillID] {
				addTo(supply, s, ps.PersonID)
			}
		}
	}
	var out []graph.SkillGap
	for _, sk := range o.ds.Skills {
		var demand []string
		for p := range o.demand[sk.ID] {
			if in(p) {
				demand = append(demand, p)
			}
		}
		slices.Sort(demand)
		if len(demand) == 0 && len(supply[sk.ID]) == 0 {
			continue
		}
		g := graph.SkillGap{Skill: graph.Skill{ID: sk.ID}, Demand: len(demand), Supply: len(supply[sk.ID])}
		var suitable []int32
		overloaded := []string{}
		for _, p := range sortedKeys(supply[sk.ID]) {
			g.OpenSlots += o.openSlots(p)
			if o.openSlots(p) > 0 {
				suitable = append(suitable, o.index[p])
			}
			if o.activeMentees[p] >= o.capacity(p) {
				overloaded = append(overloaded, p)
			}
		}
		uncovered := []string{}
		for _, d := range demand {
			if s := o.people[d].SeekingMentorship; s != nil && *s {
				g.Seekers++
			}
			row, self := o.hopsFrom(d), o.index[d]
			if !slices.ContainsFunc(suitable, func(m int32) bool { return m != self && int(row[m]) <= maxHops }) {
				uncovered = append(uncovered, d)
			}
		}
		out = append(out, finishGap(g, uncovered, overloaded))
	}
	sortGaps(out)
	return out
}

// finishGap fills a coverage row from its uncovered mentees and overloaded
// mentors (sorted ids): counts, lists capped at MaxCoverageIDs, ratio and
// single point of failure, as CoverageGaps documents them.
func finishGap(g graph.SkillGap, uncovered, overloaded []string) graph.SkillGap {
	g.Uncovered, g.UncoveredMentees = len(uncovered), uncovered[:min(len(uncovered), graph.MaxCoverageIDs)]
	g.OverloadedCount, g.Overloaded = len(overloaded), overloaded[:min(len(overloaded), graph.MaxCoverageIDs)]
	if g.Supply > 0 {
		r := float64(g.Demand) / float64(g.Supply)
		g.Ratio = &r
	}
	g.SinglePointOfFailure = g.Supply == 1
	return g
}

// sortGaps orders coverage rows as CoverageGaps does: most uncovered
// mentees first, then the biggest gap, then by skill id.
func sortGaps(gaps []graph.SkillGap) {
	slices.SortFunc(gaps, func(a, b graph.SkillGap) int {
		return cmp.Or(cmp.Compare(b.Uncovered, a.Uncovered), cmp.Compare(b.Gap(), a.Gap()), strings.Compare(a.Skill.ID, b.Skill.ID))
	})
}

// mentorBoard is MentorBoard by the oracle: among the people other than
// person within maxHops who are available with an open slot, greedy set
// cover of skills (a level of BoardMinLevel or more in the skill or a
// narrower one covers it): each round the person covering the most
// still-uncovered skills, then the higher total level in them, then fewer
// hops, then the smaller id. It returns the seats and the skills nobody
// in reach covers, both in the order asked.
func (o *oracle) mentorBoard(person string, skills []string, maxHops int) ([]seatWant, []string) {
	type candidate struct {
		id    string
		hops  int
		cover map[string]int
	}
	var candidates []candidate
	row := o.hopsFrom(person)
	for i, d := range row {
		id := o.ids[i]
		if d == 0 || int(d) > maxHops || o.openSlots(id) == 0 {
			continue
		}
		c := candidate{id: id, hops: int(d), cover: map[string]int{}}
		for _, sk := range skills {
			if l := o.bestLevel(id, sk); l >= graph.BoardMinLevel {
				c.cover[sk] = l
			}
		}
		if len(c.cover) > 0 {
			candidates = append(candidates, c)
		}
	}
	uncovered := map[string]bool{}
	for _, sk := range skills {
		uncovered[sk] = true
	}
	var seats []seatWant
	taken := map[string]bool{}
	for {
		best, bestSkills, bestLevel := -1, 0, 0
		for i, c := range candidates {
			if taken[c.id] {
				continue
			}
			n, level := 0, 0
			for sk, l := range c.cover {
				if uncovered[sk] {
					n, level = n+1, level+l
				}
			}
			if n == 0 {
				continue
			}
			if best < 0 || cmp.Or(cmp.Compare(bestSkills, n), cmp.Compare(bestLevel, level),
				cmp.Compare(c.hops, candidates[best].hops), strings.Compare(c.id, candidates[best].id)) < 0 {
				best, bestSkills, bestLevel = i, n, level
			}
		}
		if best < 0 {
			break
		}
		c := candidates[best]
		taken[c.id] = true
		seat := seatWant{name: c.id, hops: c.hops}
		for _, sk := range skills {
			if _, ok := c.cover[sk]; ok && uncovered[sk] {
				seat.skills = append(seat.skills, sk)
				delete(uncovered, sk)
			}
		}
		seats = append(seats, seat)
	}
	var rest []string
	for _, sk := range skills {
		if uncovered[sk] {
			rest = append(rest, sk)
		}
	}
	return seats, rest
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
