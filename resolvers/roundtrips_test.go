package resolvers_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mentorgraph/mentorgraph/internal/apitest"
)

// TestNestedListsCostFixedRoundTrips asks for N people with their skills,
// mentors and the mentors' skills, and counts the Cypher statements sent:
// the loaders must make the count independent of N.
func TestNestedListsCostFixedRoundTrips(t *testing.T) {
	a := apitest.New(t)
	org := a.Organization("org")
	s1, s2 := a.Skill("Go", ""), a.Skill("Cypher", "")
	addPeople := func(from, to int) {
		for i := from; i < to; i++ {
			mentee := a.Person(fmt.Sprintf("n%02d", i), nil)
			mentor := a.Person(fmt.Sprintf("t%02d", i), map[string]any{"availableToMentor": true, "mentorCapacity": 2})
			a.Join(mentee, org)
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

// TestPlannedReadsCostOneStatement: a person with their skills, mentors
// and connections, and a page of 50 people with their skills and mentors,
// are each read in one Cypher statement (the selection planned into it),
// with the lists in the order the schema documents.
func TestPlannedReadsCostOneStatement(t *testing.T) {
	a := apitest.New(t)
	org := a.Organization("org")
	goSkill, lead := a.Skill("Go", ""), a.Skill("Leadership", "")
	var people []string
	for i := range 50 {
		p := a.Person(fmt.Sprintf("p%02d", i), map[string]any{"availableToMentor": true, "mentorCapacity": 3})
		a.Join(p, org)
		a.SetSkill(p, goSkill, 1+i%5)
		if i%2 == 0 {
			a.SetSkill(p, lead, 5-i%5)
		}
		if i > 0 {
			a.Mentorship(p, people[i-1], goSkill)
		}
		people = append(people, p)
	}
	// p00 knows p01…p24 (more than the 20 asked).
	for _, o := range people[1:25] {
		a.OK(`mutation($in: ConnectInput!) { connect(input: $in) { since } }`, map[string]any{"in": map[string]any{"a": people[0], "b": o}})
	}
	a.Mentorship(people[0], people[3], lead)

	statements := func(q string, vars map[string]any) (map[string]any, int64) {
		before := a.Store.Statements()
		d := a.OK(q, vars)
		return d, a.Store.Statements() - before
	}
	d, n := statements(`query($id: ID!) { person(id: $id) { name skills { skill { name } } mentors { mentor { name } }
		connections(first: 20) { person { name } } } }`, map[string]any{"id": people[0]})
	if n != 1 {
		t.Errorf("person with skills, mentors and connections: %d statements, want 1", n)
	}
	p := apitest.At(d, "person").(map[string]any)
	names := func(list any, path ...any) []string {
		var out []string
		for _, e := range list.([]any) {
			out = append(out, apitest.At(e, path...).(string))
		}
		return out
	}
	if got := names(p["skills"], "skill", "name"); fmt.Sprint(got) != "[Leadership Go]" {
		t.Errorf("p00's skills %v, want Leadership (5) before Go (1)", got)
	}
	if got := names(p["mentors"], "mentor", "name"); fmt.Sprint(got) != "[P03]" {
		t.Errorf("p00's mentors %v, want [p03]", got)
	}
	conns := names(p["connections"], "person", "name")
	if len(conns) != 20 || conns[0] != "P01" || conns[19] != "P20" {
		t.Errorf("p00's connections: %v; want p01…p20 (by id, 20 of 24)", conns)
	}

	d, n = statements(`query($org: ID!) { people(first: 50, filter: {organization: $org}) { edges { node {
		name skills { skill { name } } mentors { mentor { name } } } } } }`, map[string]any{"org": org})
	if n != 1 {
		t.Errorf("50 people with skills and mentors: %d statements, want 1", n)
	}
	edges := apitest.At(d, "people", "edges").([]any)
	if len(edges) != 50 {
		t.Fatalf("%d people, want 50", len(edges))
	}
	for i, e := range edges {
		node := apitest.At(e, "node")
		want := "[]"
		if i > 0 {
			want = fmt.Sprintf("[P%02d]", i-1)
		}
		if i == 0 {
			want = "[P03]"
		}
		if got := names(apitest.At(node, "mentors"), "mentor", "name"); fmt.Sprint(got) != want {
			t.Errorf("p%02d's mentors %v, want %s", i, got, want)
		}
		if got := len(apitest.At(node, "skills").([]any)); got != 1+(1-i%2) {
			t.Errorf("p%02d has %d skills", i, got)
		}
	}

	// Deeper than the plan: the fourth level comes through the loaders,
	// a statement per level, whatever the lists' lengths.
	_, n = statements(`query($id: ID!) { person(id: $id) { mentees { mentee { mentees { mentee { mentees { mentee {
		mentees { mentee { name skills { level } } } } } } } } } } }`, map[string]any{"id": people[10]})
	if n < 2 || n > 4 {
		t.Errorf("four levels of mentees: %d statements, want the plan's one and one or two for the levels below", n)
	}
}

// TestPlannedReadKeepsFieldErrors: a connections limit out of range is
// reported at its field, naming the limit, as when each list was read on
// its own (not as a failure of the whole planned read at person).
func TestPlannedReadKeepsFieldErrors(t *testing.T) {
	a := apitest.New(t)
	skill := a.Skill("Go", "")
	p := a.Person("p", nil)
	a.SetSkill(p, skill, 3)
	r := a.Do(`query($id: ID!) { person(id: $id) { name skills { level } connections(first: 0) { since } } }`, map[string]any{"id": p})
	if len(r.Errors) != 1 || fmt.Sprint(r.Errors[0].Path) != "[person connections]" || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" ||
		!strings.Contains(r.Errors[0].Message, "between 1 and 500") {
		t.Fatalf("errors %+v; want one BAD_USER_INPUT at person.connections naming the range", r.Errors)
	}
}

// TestPlannedReadsReadWhatIsSelected: a planned read reads of each person
// only the costlier fields the query selects (open slots, profile,
// privacy), and every answer is what asking for each person on their own
// gives: at every level, when the same list is asked twice under aliases
// with different fields, and when a person read without some fields is
// met again where the query asks for them.
func TestPlannedReadsReadWhatIsSelected(t *testing.T) {
	a := apitest.New(t)
	goSkill := a.Skill("Go", "")
	var people []string
	for i := range 6 {
		people = append(people, a.Person(fmt.Sprintf("q%d", i), map[string]any{
			"availableToMentor": true, "mentorCapacity": 2 + i, "headline": fmt.Sprintf("Headline %d", i),
			"bio": fmt.Sprintf("Bio %d", i), "location": fmt.Sprintf("City %d", i)}))
	}
	// q0 is mentored by q1 and mentors q2 and q3; q0 knows q1…q5; q1 mentors q4.
	a.Mentorship(people[0], people[1], goSkill)
	a.Mentorship(people[2], people[0], goSkill)
	a.Mentorship(people[3], people[0], goSkill)
	a.Mentorship(people[4], people[1], goSkill)
	for _, o := range people[1:] {
		a.OK(`mutation($in: ConnectInput!) { connect(input: $in) { since } }`, map[string]any{"in": map[string]any{"a": people[0], "b": o}})
	}
	// alone is each person as a query asking for nothing else gives them.
	alone := map[string]map[string]any{}
	for _, id := range people {
		alone[id] = apitest.At(a.OK(`query($id: ID!) { person(id: $id) { id name headline bio location openSlots privacy { visibility } } }`,
			map[string]any{"id": id}), "person").(map[string]any)
		if alone[id]["openSlots"] == nil || alone[id]["headline"] == nil || alone[id]["privacy"] == nil {
			t.Fatalf("%s on their own: %v", id, alone[id])
		}
	}
	// check compares each field (not list) a person's answer has with
	// alone's.
	check := func(what string, p any) {
		t.Helper()
		m := p.(map[string]any)
		want := alone[m["id"].(string)]
		for k, v := range m {
			if _, field := want[k]; field && fmt.Sprint(v) != fmt.Sprint(want[k]) {
				t.Errorf("%s: %s's %s = %v, want %v", what, m["id"], k, v, want[k])
			}
		}
	}
	each := func(list any, path ...any) []any {
		var out []any
		for _, e := range list.([]any) {
			out = append(out, apitest.At(e, path...))
		}
		return out
	}
	statements := func(q string) (map[string]any, int64) {
		before := a.Store.Statements()
		d := a.OK(q, map[string]any{"id": people[0]})
		return apitest.At(d, "person").(map[string]any), a.Store.Statements() - before
	}

	// Different fields at each level, in one statement.
	p, n := statements(`query($id: ID!) { person(id: $id) { id name headline
		mentors { mentor { id name openSlots location } }
		mentees { mentee { id privacy { visibility } mentors { mentor { id bio } } } }
		connections(first: 5) { person { id name bio privacy { visibility } } } } }`)
	if n != 1 {
		t.Errorf("fields at each level: %d statements, want 1", n)
	}
	check("the person", p)
	for _, m := range each(p["mentors"], "mentor") {
		check("a mentor", m)
	}
	for _, m := range each(p["mentees"], "mentee") {
		check("a mentee", m)
		for _, mm := range each(m.(map[string]any)["mentors"], "mentor") {
			check("a mentee's mentor", mm)
		}
	}
	if conns := each(p["connections"], "person"); len(conns) != 5 {
		t.Errorf("connections: %v", conns)
	} else {
		for _, c := range conns {
			check("a connection", c)
		}
	}

	// The same list under two aliases, with different fields: both read.
	p, n = statements(`query($id: ID!) { person(id: $id) { id
		x: connections(first: 5) { person { id name } }
		y: connections(first: 5) { person { id headline openSlots } } } }`)
	if n != 1 {
		t.Errorf("a list under two aliases: %d statements, want 1", n)
	}
	for _, alias := range []string{"x", "y"} {
		for _, c := range each(p[alias], "person") {
			check("connections under "+alias, c)
		}
	}

	// q0 is read without open slots and profile (only its name is asked
	// of it); met again as its mentees' mentor, where they are asked, it
	// is read with them.
	p, _ = statements(`query($id: ID!) { person(id: $id) { id name
		mentees { mentor { id openSlots headline } mentee { id name } } } }`)
	check("the person", p)
	mentors := each(p["mentees"], "mentor")
	if len(mentors) != 2 {
		t.Fatalf("q0's mentees: %v", p["mentees"])
	}
	for _, m := range mentors {
		check("the person as their mentees' mentor", m)
	}
}
