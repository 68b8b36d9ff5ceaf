package seed

import "math/rand/v2"

// ShapeSocial's growth: how many links a newcomer makes and how far the
// hubs reach. Tuned (TestSocialShape) so that, at the default MeanDegree,
// the median degree is about 6 and the biggest hub knows about a quarter
// of everyone, as in a measured 37,700-person professional network (median
// 6, mean 15.3, its best-connected person linked to 25% of the others).
const (
	// socialNewcomerLinks is how many people each newcomer links to, on
	// average (the whole part, and one more with the chance of the rest).
	socialNewcomerLinks = 2.5
	// socialHubReach is the chance that a newcomer links to the first hub;
	// hub j (1-based) draws each newcomer with socialHubReach/j. Their
	// preferential-attachment links add a little on top.
	socialHubReach = 0.245
	// socialTries is how often a link whose pick repeats a link (or is
	// the person themself) is drawn again before it is given up.
	socialTries = 8
)

// socialLinks draws about target KNOWS links by growing the network
// (ShapeSocial). The linked people join in plan's order, the designated
// hubs first, and the first few (one more than a newcomer's links) know each other. Each
// later newcomer
//
//   - links to socialNewcomerLinks people on average: a colleague or someone in their
//     city LocalShare of the time (localPeer), otherwise someone chosen in
//     proportion to the links they already have (preferential attachment:
//     a uniform pick among the ends of the links so far);
//   - links to hub j with chance socialHubReach/j; these links are left out
//     of the attachment's picks, so a hub's reach stays its share of the
//     network at any size instead of compounding;
//   - is followed by as many links between two people each chosen in
//     proportion to their links (people who know many meet more) as it
//     takes for the links to average target over the newcomers.
//
// The attachment gives the heavy tail (people with hundreds and a few
// thousand links at 100k people), the hub links the few people who know
// a quarter, an eighth, a twelfth … of everyone.
func (g *generator) socialLinks(r *rand.Rand, target int) (ea, eb []int32) {
	order := g.order
	seen := newPairSet(target)
	ea = make([]int32, 0, target+target/8)
	eb = make([]int32, 0, target+target/8)
	ends := make([]int32, 0, 2*target)
	link := func(a, b int32, attach bool) bool {
		if a == b || !seen.add(unorderedPair(a, b)) {
			return false
		}
		ea, eb = append(ea, a), append(eb, b)
		if attach {
			ends = append(ends, a, b)
		}
		return true
	}
	hubs := min(max(g.cfg.Hubs, 0), len(order))
	hubShare := 0.0
	for j := range hubs {
		hubShare += socialHubReach / float64(j+1)
	}
	perNewcomer := float64(socialNewcomerLinks)
	core := min(int(perNewcomer)+2, len(order))
	for i := range core {
		for j := i + 1; j < core; j++ {
			link(order[i], order[j], true)
		}
	}
	// extra is how many links between people already in the network each
	// newcomer brings on average; owed accumulates its fractions.
	newcomers := max(len(order)-core, 1)
	extra := max(float64(target-len(ea))/float64(newcomers)-socialNewcomerLinks-hubShare, 0)
	owed := 0.0
	local := g.cfg.LocalShare
	for t := core; t < len(order); t++ {
		p := order[t]
		links := int(perNewcomer)
		if r.Float64() < perNewcomer-float64(links) {
			links++
		}
		for range links {
			for range socialTries {
				var q int32
				if r.Float64() < local {
					q = g.localPeer(r, p)
				} else {
					q = ends[r.IntN(len(ends))]
				}
				if link(p, q, true) {
					break
				}
			}
		}
		for j := range min(hubs, t) {
			if r.Float64() < socialHubReach/float64(j+1) {
				link(p, order[j], false)
			}
		}
		for owed += extra; owed >= 1; owed-- {
			for range socialTries {
				if link(ends[r.IntN(len(ends))], ends[r.IntN(len(ends))], true) {
					break
				}
			}
		}
	}
	return ea, eb
}
