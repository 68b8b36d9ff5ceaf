package resolvers

import "github.com/mentorgraph/mentorgraph/graph"

// Complexity of a query, what Limits.MaxComplexity bounds (gqlgen adds up
// the costs of the fields of a selection; a field's cost function gets
// the cost of its own selection as child):
//
//   - every field costs 1 plus its children;
//   - a paged list costs 1 + first × child, with `first` as the client
//     sets it (or its default); an unpaged list costs 1 + 5 × child (a
//     person's skills, goals, mentors, mentees, affiliations; a skill's
//     narrower skills; a mentorship's focus; a path's steps); a skill
//     gap's id lists 1 + 50 × child (graph.MaxCoverageIDs);
//   - a network question costs 1 + search + items × child, where search
//     estimates the people its Cypher may visit and items the rows it may
//     return, each from the question's arguments:
//
//     findMentors   search reach(maxHops)              items first
//     mentorBoard   search reach(maxHops)              items skills (seats)
//     neighborhood  search reach(depth)                items limit (people)
//     referralPaths search 2 × reach(⌈maxHops/2⌉)      items k (paths)
//     lineage       search 0                           items 3^depth (people)
//     successors    search 12 × skills                 items 12 (people)
//     coverageGaps  search 5,000 × maxHops             items first
//
//     reach(h) = 10^h, the people h hops out in a network whose people
//     have 10 links on average (the seeded networks' mean degree);
//     referral paths are searched from both ends at once (a bidirectional
//     shortest-path search), so each end goes half way; a board looks for
//     the mentors of all its skills in one search. A mentor has about
//     3 mentees, so a lineage of depth d has about 3^d people and
//     successors (two generations) about 3 + 9. coverageGaps reports on
//     every skill in scope, each with a search from its mentors: seconds
//     on 100k people, weighted so that a request holds at most four
//     2-hop reports under the default limit. successors without skills
//     counts the person's key skills as 5.
//
// exportRecords costs 1 + MaxExportRecords, the records it may read and
// hold: a request holds at most four exports under the default limit
// (each answer is up to MaxExportBytes; aliases would multiply them).
//
// A bounded argument is taken within its bounds (graph.MaxReachHops,
// graph.MaxPageSize, …): a value outside them is refused by the resolver,
// with a message naming the argument, before any Cypher runs, so it costs
// nothing to the database; the bound is what a valid request may ask.
//
// All arithmetic saturates at CostCap, so no query overflows into a small
// or negative cost (gqlgen then falls back to 1 + child for a cost below
// 1). gqlgen's own sums saturate too; with at most Limits.MaxSelections
// fields per document (documentCheck, run before this is computed), a sum
// of capped costs stays far below the largest int.

// exportCost is exportRecords' cost (see above).
const exportCost = 1 + MaxExportRecords

// unpagedListWeight estimates the length of lists that have no `first`.
const unpagedListWeight = 5

// Estimates behind the network questions' costs (see above).
const (
	peoplePerHop     = 10
	menteesPerMentor = 3
	coveragePerHop   = 5000
	// successorPeople is a person's mentees and their mentees.
	successorPeople = menteesPerMentor + menteesPerMentor*menteesPerMentor
)

// CostCap is the most any cost function returns: far above any sensible
// complexity limit, and low enough (2^40) that thousands of capped
// siblings add up without overflow.
const CostCap = 1 << 40

// clampCost brings n within 0..CostCap.
func clampCost(n int) int { return min(max(n, 0), CostCap) }

// satAdd is a + b, saturating at CostCap.
func satAdd(a, b int) int { return min(clampCost(a)+clampCost(b), CostCap) }

// satMul is a × b, saturating at CostCap.
func satMul(a, b int) int {
	a, b = clampCost(a), clampCost(b)
	if a != 0 && b > CostCap/a {
		return CostCap
	}
	return a * b
}

// satPow is base^exp, saturating at CostCap.
func satPow(base, exp int) int {
	n := 1
	for range exp {
		n = satMul(n, base)
	}
	return n
}

// within is *p (or def when p is nil) brought within lo..hi.
func within(p *int, def, lo, hi int) int { return min(max(deref(p, def), lo), hi) }

// reach estimates the people hops away from one person.
func reach(hops int) int { return satPow(peoplePerHop, hops) }

// listOf is the cost of a list of items, each costing child.
func listOf(items, child int) int { return satAdd(1, satMul(max(items, 1), child)) }

// question is the cost of a network question: 1 + search + items × child.
func question(search, items, child int) int {
	return satAdd(satAdd(1, search), satMul(max(items, 1), child))
}

func pagedCost(child int, first *int, def int) int { return listOf(deref(first, def), child) }

func listCost(child int) int { return listOf(unpagedListWeight, child) }

func coverageIDsCost(child int) int { return listOf(graph.MaxCoverageIDs, child) }

// Complexity returns the cost functions of the list fields and the
// network questions.
func Complexity() ComplexityRoot {
	var c ComplexityRoot
	c.Query.People = func(child int, first *int, _ *string, _ *PeopleFilter) int { return pagedCost(child, first, 20) }
	c.Query.Skills = func(child int, first *int, _ *string, _ *SkillFilter) int { return pagedCost(child, first, 20) }
	c.Query.Organizations = func(child int, first *int, _ *string, _ *OrganizationFilter) int {
		return pagedCost(child, first, 20)
	}
	c.Organization.Members = func(child int, first *int, _ *string) int { return pagedCost(child, first, 20) }
	c.Skill.Mentors = func(child int, _ *int, _ *bool, first *int, _ *string) int { return pagedCost(child, first, 20) }
	c.Skill.Learners = func(child int, first *int, _ *string) int { return pagedCost(child, first, 20) }
	c.Person.Connections = func(child int, first *int) int { return pagedCost(child, first, 100) }
	c.Person.Skills = listCost
	c.Person.Goals = listCost
	c.Person.Mentors = listCost
	c.Person.Mentees = listCost
	c.Person.Affiliations = listCost
	c.Skill.Narrower = listCost
	c.Mentorship.Focus = listCost
	c.Path.Steps = listCost
	c.SkillGap.UncoveredMentees = coverageIDsCost
	c.SkillGap.Overloaded = coverageIDsCost

	c.Query.FindMentors = func(child int, _, _ string, maxHops, _ *int, _ *bool, _ []graph.LinkKind, _, _ *bool, _ *MentorWeights, first *int, _ *string) int {
		hops := within(maxHops, defaultFindMentorsHops, 1, graph.MaxReachHops)
		return question(reach(hops), within(first, defaultFindMentorsFirst, 1, graph.MaxPageSize), child)
	}
	c.Query.MentorBoard = func(child int, _ string, skills []string, maxHops *int) int {
		hops := within(maxHops, defaultBoardHops, 1, graph.MaxReachHops)
		n := min(max(len(skills), 1), graph.MaxBoardSkills)
		return question(reach(hops), n, child)
	}
	c.Query.Neighborhood = func(child int, _ string, depth, limit *int) int {
		d := within(depth, defaultNeighborhoodDepth, 1, graph.MaxNeighborhoodDepth)
		return question(reach(d), within(limit, defaultNeighborhoodLimit, 1, graph.MaxNeighborhoodLimit), child)
	}
	c.Query.ReferralPaths = func(child int, _, _ string, maxHops, k *int, _ *bool) int {
		hops := within(maxHops, defaultReferralHops, 1, graph.MaxReferralHops)
		return question(satMul(2, reach((hops+1)/2)), within(k, defaultReferralPaths, 1, graph.MaxReferralPaths), child)
	}
	c.Query.Lineage = func(child int, _ string, _ graph.LineageDirection, depth *int) int {
		d := within(depth, defaultLineageDepth, 1, graph.MaxLineageDepth)
		return question(0, satPow(menteesPerMentor, d), child)
	}
	c.Query.Successors = func(child int, _ string, skills []string) int {
		n := unpagedListWeight
		if skills != nil {
			n = min(max(len(skills), 1), graph.MaxSuccessionSkills)
		}
		return question(satMul(successorPeople, n), successorPeople, child)
	}
	c.Query.ExportRecords = func(child int, _ *string) int { return exportCost }
	c.Query.CoverageGaps = func(child int, _ *string, maxHops, _ *int, _ *string, first *int, _ *string, _ *bool) int {
		hops := within(maxHops, defaultCoverageHops, 1, graph.MaxCoverageHops)
		return question(satMul(coveragePerHop, hops), within(first, defaultCoverageFirst, 1, graph.MaxPageSize), child)
	}
	return c
}
