package resolvers

// Complexity of a query: every field costs 1, and a list field costs its
// children times the number of items it may return: `first` where the
// client sets it (or its default), and an estimate for short unpaged lists.
// The handler refuses queries above Limits.MaxComplexity.

// unpagedListWeight estimates the length of lists that have no `first`
// (a person's skills, goals, mentors, mentees, affiliations; a skill's
// narrower skills; a mentorship's focus).
const unpagedListWeight = 5

func pagedCost(child int, first *int, def int) int { return 1 + child*max(deref(first, def), 1) }

func listCost(child int) int { return 1 + child*unpagedListWeight }

// complexity returns the cost functions of the list fields.
func complexity() ComplexityRoot {
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
	return c
}
