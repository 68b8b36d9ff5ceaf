package seed

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// Organization kinds, the values of dataset.Organization.Kind.
const (
	KindCompany     = "COMPANY"
	KindCommunity   = "COMMUNITY"
	KindUniversity  = "UNIVERSITY"
	KindAssociation = "ASSOCIATION"
)

const (
	kCompany = iota
	kCommunity
	kUniversity
	kAssociation
	kindCount
)

var (
	kindNames = [kindCount]string{KindCompany, KindCommunity, KindUniversity, KindAssociation}
	// kindShares are the shares of organizations of each kind; the rest
	// are companies.
	kindShares = [kindCount]float64{0, 0.22, 0.08, 0.08}
	// sizeExponents shape the heavy tail of each kind's sizes: the r-th
	// organization of a kind draws members in proportion to (r+3)^-s.
	sizeExponents = [kindCount]float64{1.1, 0.9, 0.8, 0.8}
)

// organizations generates the organizations and everyone's affiliations:
// a current employer for most linked people, for some a previous one, and
// community, university and association memberships.
func (g *generator) organizations() {
	r := g.rand(streamOrganizations)
	n := g.n
	count := 0
	if n > 0 {
		count = max(1, int(math.Round(float64(n)*g.cfg.OrganizationsPerThousand/1000)))
	}
	kinds := make([]uint8, 0, count)
	for k := kindCount - 1; k > kCompany; k-- {
		for range int(math.Round(float64(count) * kindShares[k])) {
			if len(kinds) < count-1 {
				kinds = append(kinds, uint8(k))
			}
		}
	}
	for len(kinds) < count {
		kinds = append(kinds, kCompany)
	}
	r.Shuffle(len(kinds), func(i, j int) { kinds[i], kinds[j] = kinds[j], kinds[i] })

	ids := idBlock('o', orgIDWidth, count)
	namer := newOrgNamer(r)
	orgs := make([]dataset.Organization, count)
	var byKind [kindCount][]int32
	for i, k := range kinds {
		orgs[i] = dataset.Organization{ID: ids[i], Name: namer.name(int(k), len(byKind[k])), Kind: kindNames[k]}
		byKind[k] = append(byKind[k], int32(i))
	}
	var samplers [kindCount]cumulative
	for k := range kindCount {
		ws := make([]float64, len(byKind[k]))
		for rank := range ws {
			ws[rank] = math.Pow(float64(rank+3), -sizeExponents[k])
		}
		samplers[k] = newCumulative(ws)
	}
	pickOrg := func(k int) int32 {
		if len(byKind[k]) == 0 {
			return -1
		}
		return byKind[k][samplers[k].sample(r)]
	}

	g.employer = make([]int32, n)
	affs := make([]dataset.Affiliation, 0, n*2)
	add := func(p, o int32, role string, since, until int32) {
		a := dataset.Affiliation{PersonID: g.ids[p], OrganizationID: ids[o], Role: role}
		if since >= 0 {
			a.Since = g.date(since)
		}
		if until >= 0 {
			a.Until = g.date(until)
		}
		affs = append(affs, a)
	}
	for i := range n {
		p := int32(i)
		g.employer[i] = -1
		if g.isolated[i] {
			continue
		}
		tier := int(g.tier[i])
		career := int32(g.careerDay[i])
		years := int(today-career) / daysPerYear
		if o := pickOrg(kCompany); o >= 0 && r.Float64() < 0.85 {
			g.employer[i] = o
			since := max(today-30-int32(r.IntN(min(years, 10)*daysPerYear+180)), career)
			add(p, o, g.titles[i], since, -1)
			if prev := pickOrg(kCompany); years >= 3 && prev != o && r.Float64() < 0.5 {
				until := since - int32(r.IntN(60))
				start := max(until-int32((1+r.IntN(4))*daysPerYear+r.IntN(daysPerYear)), career)
				if until > start {
					add(p, prev, archetypes[g.arch[i]].titles[max(tier-1, 0)], start, until)
				}
			}
		}
		if o := pickOrg(kCommunity); o >= 0 && r.Float64() < 0.3 {
			role := "Member"
			switch u := r.Float64(); {
			case g.hub[i] || (tier >= 3 && u < 0.25):
				role = "Organizer"
			case u < 0.35:
				role = "Speaker"
			case u < 0.45:
				role = "Volunteer"
			}
			since := max(today-1-int32(r.IntN(6*daysPerYear)), career)
			until := int32(-1)
			if r.Float64() < 0.15 && since < today {
				until = since + int32(r.IntN(int(today-since)))
			}
			add(p, o, role, since, until)
		}
		if o := pickOrg(kUniversity); o >= 0 {
			switch u := r.Float64(); {
			case tier == 0 && u < 0.3:
				add(p, o, "Student", today-30-int32(r.IntN(3*daysPerYear)), -1)
			case years <= 12 && u < 0.3:
				until := career - int32(r.IntN(90))
				since := until - 4*daysPerYear
				if until > 0 {
					add(p, o, "Graduate", max(since, -1), until)
				}
			case tier >= 3 && u < 0.05:
				add(p, o, "Guest Lecturer", today-1-int32(r.IntN(4*daysPerYear)), -1)
			}
		}
		if o := pickOrg(kAssociation); o >= 0 && r.Float64() < 0.1 {
			role := "Member"
			switch u := r.Float64(); {
			case tier == 4 && u < 0.3:
				role = "Fellow"
			case u < 0.05:
				role = "Board Member"
			}
			add(p, o, role, max(today-1-int32(r.IntN(8*daysPerYear)), career), -1)
		}
	}
	g.ds.Organizations = orgs
	g.ds.Affiliations = affs

	// Employees of each organization and linked people of each city, for
	// local KNOWS links and nearby mentors.
	g.orgStart, g.orgMembers = groupBy(count, n, func(i int) int32 { return g.employer[i] })
	g.cityStart, g.cityMembers = groupBy(len(cities), n, func(i int) int32 {
		if g.isolated[i] {
			return -1
		}
		return int32(g.city[i])
	})
}

// groupBy buckets people 0 … n-1 by key (negative keys are left out) into
// compressed lists: bucket k is members[start[k]:start[k+1]], in order.
func groupBy(buckets, n int, key func(int) int32) (start, members []int32) {
	start = make([]int32, buckets+1)
	for i := range n {
		if k := key(i); k >= 0 {
			start[k+1]++
		}
	}
	for k := range buckets {
		start[k+1] += start[k]
	}
	members = make([]int32, start[buckets])
	next := append([]int32(nil), start[:buckets]...)
	for i := range n {
		if k := key(i); k >= 0 {
			members[next[k]] = int32(i)
			next[k]++
		}
	}
	return start, members
}

// orgNamer hands out readable, distinct organization names: the k-th
// organization of a kind gets the k-th name of a shuffled enumeration of
// that kind's name space, numbered only once the space runs out.
type orgNamer struct {
	perm      [kindCount][]int
	countries []string
}

func newOrgNamer(r *rand.Rand) *orgNamer {
	var nm orgNamer
	for _, c := range cities {
		if !containsString(nm.countries, c.country) {
			nm.countries = append(nm.countries, c.country)
		}
	}
	spaces := [kindCount]int{
		kCompany:     len(companyPrefixes) * len(companySuffixes),
		kCommunity:   len(communityTemplates) * len(orgTopics) * len(cities),
		kUniversity:  len(universityTemplates) * len(cities),
		kAssociation: len(associationTemplates) * len(orgTopics) * len(nm.countries),
	}
	for k, size := range spaces {
		nm.perm[k] = r.Perm(size)
	}
	return &nm
}

func (nm *orgNamer) name(kind, k int) string {
	space := len(nm.perm[kind])
	x, round := nm.perm[kind][k%space], k/space
	var name string
	switch kind {
	case kCompany:
		name = companyPrefixes[x%len(companyPrefixes)] + " " + companySuffixes[x/len(companyPrefixes)]
		if round > 0 {
			name += " " + cities[(round-1)%len(cities)].name
			round = (round - 1) / len(cities)
		}
	case kCommunity:
		t, x := communityTemplates[x%len(communityTemplates)], x/len(communityTemplates)
		name = expand(t, orgTopics[x%len(orgTopics)], cities[x/len(orgTopics)].name)
	case kUniversity:
		name = expand(universityTemplates[x%len(universityTemplates)], "", cities[x/len(universityTemplates)].name)
	case kAssociation:
		t, x := associationTemplates[x%len(associationTemplates)], x/len(associationTemplates)
		name = expand(t, orgTopics[x%len(orgTopics)], nm.countries[x/len(orgTopics)])
	}
	if round > 0 {
		name += " " + strconv.Itoa(round+1)
	}
	return name
}

// expand fills a name template: %t is the topic, %c the city and %n the
// country.
func expand(template, topic, place string) string {
	r := strings.NewReplacer("%t", topic, "%c", place, "%n", place)
	return r.Replace(template)
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
