package seed

import (
	"math"
	"math/rand/v2"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// connections generates the KNOWS links as the Shape says (chungLuLinks
// or socialLinks), dates them and builds the adjacency lists later phases
// walk.
func (g *generator) connections() {
	r := g.rand(streamConnections)
	n := g.n
	linked := 0
	for _, iso := range g.isolated {
		if !iso {
			linked++
		}
	}
	target := int(math.Round(float64(n) * g.cfg.MeanDegree / 2))
	target = min(target, linked*(linked-1)/2)
	if target <= 0 {
		g.adjStart = make([]int32, n+1)
		return
	}
	var ea, eb []int32
	if g.cfg.Shape == ShapeSocial {
		ea, eb = g.socialLinks(r, target)
	} else {
		ea, eb = g.chungLuLinks(r, target, linked)
	}

	conns := make([]dataset.Connection, len(ea))
	degree := make([]int32, n+1)
	for i := range ea {
		a, b := ea[i], eb[i]
		degree[a+1]++
		degree[b+1]++
		// Known since some day after both careers began, recent years likelier.
		lo := int32(max(g.careerDay[a], g.careerDay[b]))
		since := lo + int32(float64(today-1-lo)*max(r.Float64(), r.Float64()))
		conns[i] = dataset.Connection{PersonA: g.ids[a], PersonB: g.ids[b], Since: g.date(since)}
	}
	g.ds.Connections = conns

	for i := range n {
		degree[i+1] += degree[i]
	}
	g.adjStart = degree
	g.adj = make([]int32, degree[n])
	next := append([]int32(nil), degree[:n]...)
	for i := range ea {
		a, b := ea[i], eb[i]
		g.adj[next[a]] = b
		next[a]++
		g.adj[next[b]] = a
		next[b]++
	}
}

// chungLuLinks draws target KNOWS links, Chung–Lu style: each link picks
// one end in proportion to the planned weights and the other either the
// same way or (LocalShare of the time) among the first end's colleagues or
// city. Self links and repeated pairs (either direction) are redrawn, so
// degrees follow the weights' power law and the hubs stand out.
func (g *generator) chungLuLinks(r *rand.Rand, target, linked int) (ea, eb []int32) {
	// Keep any one person's expected share of link ends below what the
	// network can give them.
	total := 0.0
	for _, w := range g.weight {
		total += w
	}
	limit := total * float64(linked-1) / float64(4*target)
	for i, w := range g.weight {
		g.weight[i] = min(w, limit)
	}
	ends := newAlias(g.weight)

	seen := newPairSet(target)
	ea = make([]int32, 0, target)
	eb = make([]int32, 0, target)
	local := g.cfg.LocalShare
	for attempts := 0; len(ea) < target && attempts < 20*target+1000; attempts++ {
		a := ends.sample(r)
		var b int32
		if r.Float64() < local {
			b = g.localPeer(r, a)
		} else {
			b = ends.sample(r)
		}
		if a == b || !seen.add(unorderedPair(a, b)) {
			continue
		}
		if r.Uint32()&1 == 1 {
			a, b = b, a
		}
		ea = append(ea, a)
		eb = append(eb, b)
	}
	return ea, eb
}

// localPeer picks someone near linked person a: a colleague at a's
// employer or, failing that, someone in a's city.
func (g *generator) localPeer(r *rand.Rand, a int32) int32 {
	if o := g.employer[a]; o >= 0 && r.IntN(2) == 0 {
		m := g.orgMembers[g.orgStart[o]:g.orgStart[o+1]]
		return m[r.IntN(len(m))]
	}
	c := g.city[a]
	m := g.cityMembers[g.cityStart[c]:g.cityStart[c+1]]
	return m[r.IntN(len(m))]
}

// neighbours returns p's KNOWS neighbours.
func (g *generator) neighbours(p int32) []int32 {
	return g.adj[g.adjStart[p]:g.adjStart[p+1]]
}
