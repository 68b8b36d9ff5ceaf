package seed

import (
	"math"
	"math/rand/v2"
	"strconv"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// plan decides, before anything else, who is isolated, who the designated
// hubs are and each person's KNOWS weight: a power-law sequence
// w_r = (L/r)^(1/(γ-1)) over a random ranking of the L linked people (a
// Chung–Lu weight sequence), the top Hubs ranks boosted further. The
// ranking is also the order in which ShapeSocial's people join.
func (g *generator) plan() {
	r := g.rand(streamPlan)
	n := g.n
	g.isolated = make([]bool, n)
	g.hub = make([]bool, n)
	g.weight = make([]float64, n)
	linked := make([]int32, 0, n)
	for i := range n {
		if r.Float64() < g.cfg.IsolatedShare {
			g.isolated[i] = true
		} else {
			linked = append(linked, int32(i))
		}
	}
	r.Shuffle(len(linked), func(i, j int) { linked[i], linked[j] = linked[j], linked[i] })
	beta := 1 / (g.cfg.DegreeExponent - 1)
	hubs := min(max(g.cfg.Hubs, 0), len(linked))
	for rank, p := range linked {
		w := math.Pow(float64(len(linked))/float64(rank+1), beta)
		if rank < hubs {
			g.hub[p] = true
			w *= hubBoost
		}
		g.weight[p] = w
	}
	g.order = linked
}

const hubBoost = 1.2

// Shares (relative weights) behind people's attributes.
var (
	skillCountShares = []float64{12, 22, 26, 20, 12, 8} // 1 … 6 skills
	capacityShares   = []float64{25, 30, 22, 13, 10}    // capacity 1 … 5
	// availFactor and seekFactor scale MentorShare and SeekingShare by a
	// person's highest level (index 1 … 5).
	availFactor = [6]float64{0, 0.05, 0.25, 0.8, 2.4, 3.6}
	seekFactor  = [6]float64{0, 1.8, 1.5, 0.9, 0.4, 0.2}
)

// tierOf maps years of experience to a seniority tier 0 … 4.
func tierOf(years int) int {
	switch {
	case years < 2:
		return 0
	case years < 5:
		return 1
	case years < 10:
		return 2
	case years < 16:
		return 3
	}
	return 4
}

// people generates every person and their skills.
func (g *generator) people() {
	r := g.rand(streamPeople)
	n := g.n
	g.prof = make([]profile, n)
	g.city = make([]uint8, n)
	g.arch = make([]uint8, n)
	g.tier = make([]uint8, n)
	g.careerDay = make([]int16, n)
	g.seeking = make([]bool, n)
	g.titles = make([]string, n)
	est := n*33/10 + 16

	cityShares := make([]float64, len(cities))
	locations := make([]string, len(cities))
	for i, c := range cities {
		cityShares[i] = float64(c.share)
		locations[i] = c.name + ", " + c.country
	}
	citySampler := newCumulative(cityShares)
	archShares := make([]float64, len(archetypes))
	for i, a := range archetypes {
		archShares[i] = float64(a.share)
	}
	archSampler := newCumulative(archShares)
	global, popWeight := g.globalSkillSampler()
	pools := make([]cumulative, len(archetypes))
	poolSkills := make([][]uint8, len(archetypes))
	for i, a := range archetypes {
		ws := make([]float64, len(a.skills))
		for j, id := range a.skills {
			s := g.skillIdx[id]
			poolSkills[i] = append(poolSkills[i], s)
			ws[j] = popWeight[s]
		}
		pools[i] = newCumulative(ws)
	}
	counts := newCumulative(skillCountShares)
	capacities := newCumulative(capacityShares)

	people := make([]dataset.Person, n)
	skills := make([]dataset.PersonSkill, 0, est)
	var buf []byte
	for i := range n {
		p := int32(i)
		c := citySampler.sample(r)
		set := cities[c].names
		if r.Float64() < 0.3 {
			set = r.IntN(nameSetCount)
		}
		first := firstNames[set][r.IntN(len(firstNames[set]))]
		last := lastNames[set][r.IntN(len(lastNames[set]))]
		a := archSampler.sample(r)
		years := min(int(r.ExpFloat64()*7), 40)
		if g.hub[i] {
			years = max(years, 10+r.IntN(12))
		}
		tier := tierOf(years)
		g.city[i], g.arch[i], g.tier[i] = uint8(c), uint8(a), uint8(tier)
		g.careerDay[i] = int16(max(today-int32(years*daysPerYear)-int32(r.IntN(daysPerYear)), 0))

		// Skills: mostly from the archetype's pool, some from anywhere;
		// the first is the primary skill and holds the highest level.
		primary := min(max(tier+pick3(r, 0.15, 0.5), 1), 5)
		if g.hub[i] {
			primary = max(primary, 4)
		}
		k := counts.sample(r) + 1
		pr := &g.prof[i]
		for j := 0; j < k; j++ {
			var s uint8
			fresh := false
			for try := 0; try < 8 && !fresh; try++ {
				if j == 0 || r.Float64() < 0.75 {
					s = poolSkills[a][pools[a].sample(r)]
				} else {
					s = uint8(global.sample(r))
				}
				fresh = !containsSkill(pr.skills(), s)
			}
			if !fresh {
				continue
			}
			level, skillYears := primary, max(years-r.IntN(3), 0)
			if j > 0 {
				level = max(primary-pick3(r, 0.4, 0.4), 1)
				skillYears = r.IntN(years + 1)
			}
			pr.skill[pr.n], pr.level[pr.n] = s, uint8(level)
			pr.n++
			var y *int
			if r.Float64() >= 0.05 {
				y = g.ints.ptr(skillYears)
			}
			skills = append(skills, dataset.PersonSkill{PersonID: g.ids[i], SkillID: catalogue[s].ID, Level: level, Years: y})
		}
		top := pr.skill[0]

		avail := g.hub[i] || r.Float64() < g.cfg.MentorShare*availFactor[primary]
		capacity := 0
		if avail {
			capacity = capacities.sample(r) + 1
			if g.hub[i] {
				capacity = 5
			}
			pr.flags |= flagAvailable
		}
		if !g.isolated[i] {
			pr.flags |= flagLinked
		}
		seeking := !g.hub[i] && r.Float64() < g.cfg.SeekingShare*seekFactor[primary]
		pr.capacity, g.seeking[i] = uint8(capacity), seeking

		title := archetypes[a].titles[tier]
		if g.hub[i] {
			title = hubTitles[r.IntN(len(hubTitles))]
		}
		g.titles[i] = title
		person := dataset.Person{
			ID:                g.ids[i],
			Name:              first + " " + last,
			Headline:          title + " | " + catalogue[top].Name,
			Location:          locations[c],
			Timezone:          cities[c].timezone,
			AvailableToMentor: g.bools.ptr(avail),
			SeekingMentorship: g.bools.ptr(seeking),
		}
		if avail {
			person.MentorCapacity = g.ints.ptr(capacity)
		}
		if r.Float64() < 0.65 {
			buf = g.appendBio(buf[:0], p, years)
			person.Bio = string(buf)
		}
		people[i] = person
	}
	g.ds.People = people
	g.ds.PersonSkills = skills
}

// globalSkillSampler samples catalogue indexes by Zipf popularity; roots
// are never held. It also returns each skill's popularity weight.
func (g *generator) globalSkillSampler() (cumulative, []float64) {
	ws := make([]float64, len(catalogue))
	for rank, id := range popularity {
		ws[g.skillIdx[id]] = 1 / math.Pow(float64(rank+1), zipfExponent)
	}
	return newCumulative(ws), ws
}

// appendBio appends a short biography of person p.
func (g *generator) appendBio(b []byte, p int32, years int) []byte {
	c := cities[g.city[p]]
	b = append(b, g.titles[p]...)
	b = append(b, " in "...)
	b = append(b, c.name...)
	switch years {
	case 0:
		b = append(b, ", new to the field."...)
	case 1:
		b = append(b, " with a year of experience."...)
	default:
		b = append(b, " with "...)
		b = appendInt(b, years)
		b = append(b, " years of experience."...)
	}
	skills := g.prof[p].skills()
	avail := g.prof[p].flags&flagAvailable != 0
	switch {
	case g.hub[p]:
		b = append(b, " Organizes meetups in "...)
		b = append(b, c.name...)
		b = append(b, " and loves introducing people."...)
	case avail && len(skills) > 1:
		b = append(b, " Happy to mentor on "...)
		b = append(b, catalogue[skills[0]].Name...)
		b = append(b, " and "...)
		b = append(b, catalogue[skills[1]].Name...)
		b = append(b, '.')
	case avail:
		b = append(b, " Happy to mentor on "...)
		b = append(b, catalogue[skills[0]].Name...)
		b = append(b, '.')
	case g.seeking[p] && g.tier[p] < 4:
		b = append(b, " Looking for mentors on the way to "...)
		b = append(b, archetypes[g.arch[p]].titles[g.tier[p]+1]...)
		b = append(b, '.')
	}
	return b
}

// pick3 returns 0, 1 or 2 with probabilities p0, p1 and 1-p0-p1.
func pick3(r *rand.Rand, p0, p1 float64) int {
	u := r.Float64()
	switch {
	case u < p0:
		return 0
	case u < p0+p1:
		return 1
	}
	return 2
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func appendInt(b []byte, v int) []byte { return strconv.AppendInt(b, int64(v), 10) }
