package seed

import (
	"math"
	"math/rand/v2"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// Mentorship statuses, the values of dataset.Mentorship.Status.
const (
	MentorshipActive = "ACTIVE"
	MentorshipEnded  = "ENDED"
)

// minMentorLevel is the lowest level at which anyone mentors a skill.
const minMentorLevel = 3

var boardShares = []float64{60, 28, 12} // seekers want 1 … 3 mentors

// mentoring is the state of the mentorship phase.
type mentoring struct {
	*generator
	r     *rand.Rand
	pairs *pairSet // mentee → mentor pairs so far
	// Mentors of skill s at level ≥ L: pool[poolStart[s]:poolEnd[s][L]],
	// highest levels first.
	pool      []int32
	poolStart []int32
	poolEnd   [][6]int32
	// mentors[s] has bit p set if person p can mentor skill s at level
	// minMentorLevel or above: a cache-friendly first filter.
	mentors [][]uint64
	mentee  []int32 // per generated mentorship
	mentor  []int32
	out     []dataset.Mentorship
}

// mentorships generates MENTORED_BY links: active ones for seekers (one to
// three each, focused on their open goals first, mentors sought among
// their connections, their connections' connections and colleagues before
// the whole network, within capacity), ended ones in many careers, then the
// deliberately overloaded mentors and the rare lineage cycles.
func (g *generator) mentorships() {
	m := &mentoring{
		generator: g,
		r:         g.rand(streamMentorships),
		pairs:     newPairSet(g.n / 2),
	}
	m.buildPools()
	m.out = make([]dataset.Mentorship, 0, g.n/2+16)
	m.seekers()
	m.history()
	m.overload()
	m.cycles()
	g.ds.Mentorships = m.out
}

func (m *mentoring) buildPools() {
	skills := len(catalogue)
	words := (m.n + 63) / 64
	m.mentors = make([][]uint64, skills)
	for s := range m.mentors {
		m.mentors[s] = make([]uint64, words)
	}
	counts := make([][6]int32, skills)
	for p := range m.prof {
		pr := &m.prof[p]
		if !pr.canMentor() {
			continue
		}
		for i, s := range pr.skills() {
			if l := pr.level[i]; l >= minMentorLevel {
				counts[s][l]++
				m.mentors[s][p/64] |= 1 << (p % 64)
			}
		}
	}
	m.poolStart = make([]int32, skills+1)
	m.poolEnd = make([][6]int32, skills)
	next := make([][6]int32, skills) // where the next mentor of (skill, level) goes
	at := int32(0)
	for s := range skills {
		m.poolStart[s] = at
		for l := 5; l >= minMentorLevel; l-- {
			next[s][l] = at
			at += counts[s][l]
			m.poolEnd[s][l] = at
		}
		for l := minMentorLevel - 1; l >= 0; l-- {
			m.poolEnd[s][l] = at
		}
	}
	m.poolStart[skills] = at
	m.pool = make([]int32, at)
	for p := range m.prof {
		pr := &m.prof[p]
		if !pr.canMentor() {
			continue
		}
		for i, s := range pr.skills() {
			if l := pr.level[i]; l >= minMentorLevel {
				m.pool[next[s][l]] = int32(p)
				next[s][l]++
			}
		}
	}
}

// seekers gives linked people seeking mentorship their active mentors.
func (m *mentoring) seekers() {
	r := m.r
	var order []int32
	for p := range m.n {
		if m.seeking[p] && !m.isolated[p] {
			order = append(order, int32(p))
		}
	}
	r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	board := newCumulative(boardShares)
	var used []uint8
	for _, p := range order {
		want := board.sample(r) + 1
		used = used[:0]
		goals := m.goalStart[p]
		for slot := 0; slot < want; slot++ {
			// Focus: the person's open goals first, then a skill to deepen.
			var focus uint8
			ok := false
			for ; goals < m.goalStart[p+1] && !ok; goals++ {
				if m.goalStatus[goals] == goalOpen && !containsSkill(used, m.goalSkill[goals]) {
					focus, ok = m.goalSkill[goals], true
				}
			}
			for try := 0; try < 6 && !ok; try++ {
				if r.IntN(2) == 0 {
					held := m.prof[p].skills()
					focus = held[r.IntN(len(held))]
				} else {
					pool := archetypes[m.arch[p]].skills
					focus = m.skillIdx[pool[r.IntN(len(pool))]]
				}
				ok = !containsSkill(used, focus) && m.levelOf(p, focus) < 4
			}
			if !ok {
				continue
			}
			used = append(used, focus)
			mentor := m.findMentor(p, focus, true)
			if mentor < 0 {
				continue // a coverage gap: no mentor for this need
			}
			since := max(today-14-int32(r.IntN(720)), int32(m.careerDay[p]))
			m.add(p, mentor, focus, since, -1)
		}
	}
}

// history gives many careers a past, ended mentorship or two.
func (m *mentoring) history() {
	r := m.r
	for i := range m.n {
		p := int32(i)
		if m.isolated[i] || m.tier[i] == 0 && r.IntN(2) == 0 {
			continue
		}
		chance := 0.12
		if m.seeking[i] {
			chance += 0.08
		}
		if r.Float64() >= chance {
			continue
		}
		times := 1 + b2i(r.Float64() < 0.2)
		for range times {
			held := m.prof[p].skills()
			focus := held[r.IntN(len(held))]
			if m.levelOf(p, focus) >= 5 {
				continue
			}
			mentor := m.findMentor(p, focus, false)
			if mentor < 0 {
				continue
			}
			since, until := m.pastSpan(p)
			m.add(p, mentor, focus, since, until)
		}
	}
}

// pastSpan returns the days an ended mentorship of mentee p began and ended.
func (m *mentoring) pastSpan(p int32) (since, until int32) {
	r := m.r
	lo := int32(m.careerDay[p]) + 60
	hi := today - 30
	if lo >= hi {
		lo = hi - 60
	}
	until = lo + int32(r.IntN(int(hi-lo)))
	since = max(until-60-int32(r.IntN(660)), 0)
	return since, until
}

// overload gives OverloadShare of the available mentors one to three
// active mentees beyond their capacity.
func (m *mentoring) overload() {
	if m.cfg.OverloadShare <= 0 {
		return
	}
	r := m.r
	var mentors []int32
	available := 0
	for p := range m.prof {
		if pr := &m.prof[p]; pr.flags&flagAvailable != 0 {
			available++
			if pr.canMentor() && pr.level[0] >= minMentorLevel {
				mentors = append(mentors, int32(p))
			}
		}
	}
	k := min(int(math.Round(m.cfg.OverloadShare*float64(available))), len(mentors))
	if k == 0 && len(mentors) > 0 {
		k = 1
	}
	for i := range k { // a partial shuffle picks k at random
		j := i + r.IntN(len(mentors)-i)
		mentors[i], mentors[j] = mentors[j], mentors[i]
	}
	for _, mentor := range mentors[:k] {
		pr := &m.prof[mentor]
		focus, level := pr.skill[0], pr.level[0]
		goal := pr.capacity + 1 + uint8(r.IntN(3))
		near := m.neighbours(mentor)
		for try := 0; pr.active < goal && try < 400; try++ {
			var e int32
			if len(near) > 0 && r.IntN(2) == 0 {
				e = near[r.IntN(len(near))]
			} else {
				e = int32(r.IntN(m.n))
			}
			if e == mentor || m.isolated[e] || m.levelOf(e, focus) >= level || m.pairs.has(orderedPair(e, mentor)) {
				continue
			}
			m.add(e, mentor, focus, max(today-14-int32(r.IntN(365)), int32(m.careerDay[e])), -1)
		}
	}
}

// cycles closes a few lineage cycles: a mentee who is available to mentor
// and holds some skill above their own mentor mentors them back.
func (m *mentoring) cycles() {
	r := m.r
	made := 0
	for try := 0; made < m.cfg.Cycles && try < 200*m.cfg.Cycles && len(m.mentee) > 0; try++ {
		k := r.IntN(len(m.mentee))
		a, b := m.mentee[k], m.mentor[k]
		pa := &m.prof[a]
		if !pa.canMentor() || m.pairs.has(orderedPair(b, a)) {
			continue
		}
		focus, ok := uint8(0), false
		for i, s := range pa.skills() {
			if l := pa.level[i]; l >= minMentorLevel && l > m.levelOf(b, s) {
				focus, ok = s, true
				break
			}
		}
		if !ok {
			continue
		}
		if pa.active < pa.capacity {
			m.add(b, a, focus, max(today-14-int32(r.IntN(365)), int32(m.careerDay[b])), -1)
		} else {
			since, until := m.pastSpan(b)
			m.add(b, a, focus, since, until)
		}
		made++
	}
}

// findMentor returns someone who can mentor p in skill s (available,
// linked, holding s at a level above p's and at least minMentorLevel, not
// already p's mentor, and with a free slot if active), searching p's
// connections, their connections and p's colleagues before the whole
// network; -1 if the searches find no one.
func (m *mentoring) findMentor(p int32, s uint8, active bool) int32 {
	r := m.r
	need := max(m.levelOf(p, s)+1, minMentorLevel)
	if need > 5 {
		return -1
	}
	bits := m.mentors[s]
	fits := func(c int32) bool {
		if bits[c/64]&(1<<(c%64)) == 0 || c == p {
			return false
		}
		pc := &m.prof[c]
		return (!active || pc.active < pc.capacity) && pc.levelOf(s) >= need && !m.pairs.has(orderedPair(p, c))
	}
	if r.Float64() < 0.85 {
		// Connections, then their connections (a bounded scan from random
		// starting points), then colleagues.
		near := m.neighbours(p)
		d := len(near)
		if d > 0 {
			start := r.IntN(d)
			for i := range min(d, 64) {
				if c := near[(start+i)%d]; fits(c) {
					return c
				}
			}
			budget := 256
			for i := 0; i < min(d, 64) && budget > 0; i++ {
				via := m.neighbours(near[(start+i)%d])
				if len(via) == 0 {
					continue
				}
				from := r.IntN(len(via))
				for j := range min(len(via), 32, budget) {
					if c := via[(from+j)%len(via)]; fits(c) {
						return c
					}
				}
				budget -= min(len(via), 32)
			}
		}
		if o := m.employer[p]; o >= 0 {
			staff := m.orgMembers[m.orgStart[o]:m.orgStart[o+1]]
			for range min(len(staff), 32) {
				if c := staff[r.IntN(len(staff))]; fits(c) {
					return c
				}
			}
		}
	}
	candidates := m.pool[m.poolStart[s]:m.poolEnd[s][need]]
	for range min(len(candidates), 24) {
		if c := candidates[r.IntN(len(candidates))]; fits(c) {
			return c
		}
	}
	return -1
}

// add records mentee MENTORED_BY mentor, focused on focus and perhaps a
// second skill the mentor holds above the mentee; until < 0 means active.
func (m *mentoring) add(mentee, mentor int32, focus uint8, since, until int32) {
	r := m.r
	m.pairs.add(orderedPair(mentee, mentor))
	m.mentee = append(m.mentee, mentee)
	m.mentor = append(m.mentor, mentor)
	rec := dataset.Mentorship{MenteeID: m.ids[mentee], MentorID: m.ids[mentor], Since: m.date(since)}
	second, ok := uint8(0), false
	pm := &m.prof[mentor]
	if r.Float64() < 0.35 {
		k := int(pm.n)
		start := r.IntN(k)
		for i := range k {
			j := (start + i) % k
			if s, l := pm.skill[j], pm.level[j]; s != focus && l >= minMentorLevel && l > m.levelOf(mentee, s) {
				second, ok = s, true
				break
			}
		}
	}
	if ok {
		rec.Focus = m.strs.slice(catalogue[focus].ID, catalogue[second].ID)
	} else {
		rec.Focus = m.strs.slice(catalogue[focus].ID)
	}
	if until < 0 {
		rec.Status = MentorshipActive
		pm.active++
	} else {
		rec.Until = m.date(max(until, since))
		rec.Status = MentorshipEnded
	}
	m.out = append(m.out, rec)
}
