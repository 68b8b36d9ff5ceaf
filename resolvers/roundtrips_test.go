package resolvers_test

import (
	"fmt"
	"testing"

	"github.com/mentorgraph/mentorgraph/internal/apitest"
)

// TestNestedListsCostFixedRoundTrips asks for N people with their skills,
// mentors and the mentors' skills, and counts the Cypher statements sent:
// the loaders must make the count independent of N.
func TestNestedListsCostFixedRoundTrips(t *testing.T) {
	a := apitest.New(t)
	org := a.ID("org")
	a.OK(`mutation($in: CreateOrganizationInput!) { createOrganization(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"id": org, "name": "Org", "kind": "COMMUNITY"}})
	s1, s2 := a.Skill("Go", ""), a.Skill("Cypher", "")
	addPeople := func(from, to int) {
		for i := from; i < to; i++ {
			mentee := a.Person(fmt.Sprintf("n%02d", i), nil)
			mentor := a.Person(fmt.Sprintf("t%02d", i), map[string]any{"availableToMentor": true, "mentorCapacity": 2})
			a.OK(`mutation($in: AddAffiliationInput!) { addAffiliation(input: $in) { role } }`,
				map[string]any{"in": map[string]any{"personId": mentee, "organizationId": org}})
			a.SetSkill(mentee, s1, 1)
			a.SetSkill(mentee, s2, 2)
			a.SetSkill(mentor, s1, 4)
			a.Mentorship(mentee, mentor, s1)
		}
	}
	const q = `query($org: ID!, $first: Int) { people(first: $first, filter: {organization: $org}) { edges { node {
		id skills { level skill { name } }
		mentors { status focus { id } mentor { id skills { level skill { name } } } } } } } }`
	statements := func(n int) int64 {
		before := a.Store.Statements()
		d := a.OK(q, map[string]any{"org": org, "first": n})
		if got := len(apitest.At(d, "people", "edges").([]any)); got != n {
			t.Fatalf("asked for %d people, got %d", n, got)
		}
		if apitest.At(d, "people", "edges", n-1, "node", "mentors", 0, "mentor", "skills", 0, "skill", "name") != "Go" {
			t.Fatalf("nested data missing: %v", apitest.At(d, "people", "edges", n-1))
		}
		return a.Store.Statements() - before
	}
	addPeople(0, 5)
	five := statements(5)
	addPeople(5, 50)
	fifty := statements(50)
	t.Logf("Cypher statements: %d for 5 people, %d for 50", five, fifty)
	if five != fifty {
		t.Errorf("statements for 5 people: %d, for 50: %d; want the same (batched)", five, fifty)
	}
	if fifty > 8 {
		t.Errorf("%d statements for one query; want a small fixed number", fifty)
	}
}
