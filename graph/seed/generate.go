package seed

import (
	"math/rand/v2"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// Random streams: each phase draws from its own PCG stream, so changing one
// phase leaves the others' draws as they were.
const (
	streamPlan uint64 = iota + 1
	streamPeople
	streamOrganizations
	streamConnections
	streamGoals
	streamMentorships
)

// Generate builds the network cfg describes (zero knobs take their
// defaults). The same Config always yields an identical dataset; People ≤ 0
// yields the skill catalogue and nothing else.
func Generate(cfg Config) *dataset.Dataset {
	g := newGenerator(cfg.WithDefaults())
	g.plan()
	g.people()
	g.organizations()
	g.connections()
	g.goals()
	g.mentorships()
	return g.ds
}

// generator holds the dataset under construction and compact per-person
// state (indexed by person number 0 … n-1) that later phases consult.
type generator struct {
	cfg Config
	n   int
	ds  *dataset.Dataset
	ids []string // person ids

	skillIdx map[string]uint8 // catalogue id → index (lookups only, never ranged)

	// plan
	isolated []bool
	hub      []bool
	weight   []float64 // KNOWS weight (expected degree, before scaling)
	order    []int32   // linked people by rank (hubs first): ShapeSocial's joining order

	// people
	prof      []profile
	city      []uint8
	arch      []uint8
	tier      []uint8
	careerDay []int16 // day the career started (clamped to the first day)
	seeking   []bool
	titles    []string // headline title

	// organizations
	employer    []int32 // current employer (organization index) or -1
	orgStart    []int32 // employees of organization o: orgMembers[orgStart[o]:orgStart[o+1]]
	orgMembers  []int32
	cityStart   []int32 // linked people of city c: cityMembers[cityStart[c]:cityStart[c+1]]
	cityMembers []int32

	// connections
	adjStart []int32
	adj      []int32

	// goals: person p's are goalSkill[goalStart[p]:goalStart[p+1]], …
	goalStart  []int32
	goalSkill  []uint8
	goalStatus []uint8

	bools slab[bool]
	ints  slab[int]
	dates slab[dataset.Date]
	strs  slab[string]
}

func newGenerator(cfg Config) *generator {
	g := &generator{cfg: cfg, n: cfg.People, skillIdx: make(map[string]uint8, len(catalogue))}
	for i, s := range catalogue {
		g.skillIdx[s.ID] = uint8(i)
	}
	g.ds = &dataset.Dataset{Skills: Skills()}
	g.ids = idBlock('p', personIDWidth, g.n)
	return g
}

func (g *generator) rand(stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(g.cfg.Seed, stream*0x9E3779B97F4A7C15))
}

// maxSkills is the most skills a person holds.
const maxSkills = 6

// profile is what later phases ask about a person most often, packed into
// 16 bytes so that checking a candidate mentor touches one cache line.
type profile struct {
	skill    [maxSkills]uint8 // catalogue indexes; skill[0] is the primary skill
	level    [maxSkills]uint8
	n        uint8 // skills held
	capacity uint8 // mentor capacity, 0 unless available to mentor
	active   uint8 // active mentees so far (mentorship phase)
	flags    uint8
}

const (
	flagAvailable uint8 = 1 << iota // available to mentor
	flagLinked                      // not isolated
)

// skills returns the person's skills, primary first.
func (p *profile) skills() []uint8 { return p.skill[:p.n] }

// levelOf returns the person's level in skill s, 0 if they lack it.
func (p *profile) levelOf(s uint8) uint8 {
	for i := range p.n {
		if p.skill[i] == s {
			return p.level[i]
		}
	}
	return 0
}

// canMentor reports whether the person is available to mentor and linked.
func (p *profile) canMentor() bool {
	return p.flags&(flagAvailable|flagLinked) == flagAvailable|flagLinked
}

// levelOf returns person p's level in skill s, 0 if p lacks it.
func (g *generator) levelOf(p int32, s uint8) uint8 { return g.prof[p].levelOf(s) }

// slab hands out pointers to values stored in large shared chunks, so a
// million optional fields cost a few hundred allocations, not a million.
// Each pointer still has its own element: records never alias.
type slab[T any] struct{ buf []T }

const slabChunk = 4096

func (s *slab[T]) ptr(v T) *T {
	if len(s.buf) == cap(s.buf) {
		s.buf = make([]T, 0, slabChunk)
	}
	s.buf = append(s.buf, v)
	return &s.buf[len(s.buf)-1]
}

// slice returns a new slice holding vs, carved from the slab with its
// capacity clipped so appending to it never touches a neighbour.
func (s *slab[T]) slice(vs ...T) []T {
	if cap(s.buf)-len(s.buf) < len(vs) {
		s.buf = make([]T, 0, max(slabChunk, len(vs)))
	}
	start := len(s.buf)
	s.buf = append(s.buf, vs...)
	return s.buf[start:len(s.buf):len(s.buf)]
}

// cumulative samples index i with probability weight[i]/sum(weight), by
// binary search over running totals; for short lists.
type cumulative []float64

func newCumulative(weights []float64) cumulative {
	c := make(cumulative, len(weights))
	total := 0.0
	for i, w := range weights {
		total += w
		c[i] = total
	}
	return c
}

func (c cumulative) sample(r *rand.Rand) int {
	u := r.Float64() * c[len(c)-1]
	lo, hi := 0, len(c)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if c[mid] > u {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// alias samples index i with probability weight[i]/sum(weight) in constant
// time (Vose's alias method); for long lists. Each entry packs its
// probability and alias into 8 bytes, so a draw touches one cache line.
type alias []aliasEntry

type aliasEntry struct {
	prob  float32
	alias int32
}

func newAlias(weights []float64) alias {
	n := len(weights)
	a := make(alias, n)
	total := 0.0
	for _, w := range weights {
		total += w
	}
	if n == 0 || total <= 0 {
		return a
	}
	prob := make([]float64, n)
	small := make([]int32, 0, n)
	large := make([]int32, 0, n)
	scale := float64(n) / total
	for i, w := range weights {
		prob[i] = w * scale
		if prob[i] < 1 {
			small = append(small, int32(i))
		} else {
			large = append(large, int32(i))
		}
	}
	for len(small) > 0 && len(large) > 0 {
		s, l := small[len(small)-1], large[len(large)-1]
		small = small[:len(small)-1]
		a[s].alias = l
		prob[l] -= 1 - prob[s]
		if prob[l] < 1 {
			large = large[:len(large)-1]
			small = append(small, l)
		}
	}
	// Rounding leftovers: their probability is 1 up to rounding, except
	// weightless entries, which must stay unreachable.
	someone := int32(-1)
	for i, w := range weights {
		if w > 0 {
			someone = int32(i)
			break
		}
	}
	for _, l := range large {
		prob[l] = 1
	}
	for _, s := range small {
		if weights[s] > 0 {
			prob[s] = 1
		} else {
			prob[s], a[s].alias = 0, someone
		}
	}
	for i := range a {
		a[i].prob = float32(prob[i])
		if weights[i] <= 0 {
			a[i].prob = 0 // never drawn itself, whatever the rounding
		}
	}
	return a
}

func (a alias) sample(r *rand.Rand) int32 {
	i := int32(r.IntN(len(a)))
	if r.Float32() < a[i].prob {
		return i
	}
	return a[i].alias
}

// pairSet is a set of non-zero uint64 keys (open addressing, linear
// probing). Only membership is ever asked, so its layout never leaks into
// the output order.
type pairSet struct {
	slots []uint64
	shift uint
	n     int
}

func newPairSet(expected int) *pairSet {
	size, shift := 16, uint(60)
	for size*7/10 < expected {
		size *= 2
		shift--
	}
	return &pairSet{slots: make([]uint64, size), shift: shift}
}

// add inserts k and reports whether it was absent.
func (s *pairSet) add(k uint64) bool {
	if (s.n+1)*10 > len(s.slots)*7 {
		s.grow()
	}
	mask := uint64(len(s.slots) - 1)
	for i := (k * 0x9E3779B97F4A7C15) >> s.shift; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case 0:
			s.slots[i] = k
			s.n++
			return true
		case k:
			return false
		}
	}
}

func (s *pairSet) has(k uint64) bool {
	mask := uint64(len(s.slots) - 1)
	for i := (k * 0x9E3779B97F4A7C15) >> s.shift; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case 0:
			return false
		case k:
			return true
		}
	}
}

func (s *pairSet) grow() {
	old := s.slots
	s.slots = make([]uint64, 2*len(old))
	s.shift--
	s.n = 0
	for _, k := range old {
		if k != 0 {
			s.add(k)
		}
	}
}

// orderedPair is the key of an ordered pair of people (a then b).
func orderedPair(a, b int32) uint64 { return uint64(a+1)<<32 | uint64(b+1) }

// unorderedPair is the key of an unordered pair of people.
func unorderedPair(a, b int32) uint64 {
	if a > b {
		a, b = b, a
	}
	return orderedPair(a, b)
}
