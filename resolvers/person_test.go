package resolvers_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/mentorgraph/mentorgraph/internal/apitest"
)

func TestCreateAndReadPerson(t *testing.T) {
	a := apitest.New(t)
	d := a.OK(`mutation($in: CreatePersonInput!) { createPerson(input: $in) {
		id name headline location timezone availableToMentor mentorCapacity openSlots seekingMentorship createdAt updatedAt } }`,
		map[string]any{"in": map[string]any{"id": a.ID("ada"), "name": "Ada Lovelace", "headline": "Analyst",
			"location": "London", "timezone": "Europe/London", "availableToMentor": true, "mentorCapacity": 2}})
	p := apitest.At(d, "createPerson").(map[string]any)
	if p["name"] != "Ada Lovelace" || p["headline"] != "Analyst" || p["openSlots"] != 2.0 || p["seekingMentorship"] != false {
		t.Errorf("created person: %v", p)
	}
	if p["createdAt"] == nil || p["createdAt"] != p["updatedAt"] {
		t.Errorf("createdAt %v / updatedAt %v: want both set and equal on creation", p["createdAt"], p["updatedAt"])
	}
	got := a.OK(`query($id: ID!) { person(id: $id) { name location } }`, map[string]any{"id": a.ID("ada")})
	if apitest.At(got, "person", "name") != "Ada Lovelace" || apitest.At(got, "person", "location") != "London" {
		t.Errorf("person(id): %v", got)
	}
	missing := a.OK(`query($id: ID!) { person(id: $id) { name } }`, map[string]any{"id": a.ID("nobody")})
	if missing["person"] != nil {
		t.Errorf("person(id) of an unknown id: got %v, want null", missing["person"])
	}
	// A generated id when none is given.
	gen := a.OK(apitest.CreatePersonMutation, map[string]any{"in": map[string]any{"name": "No Id"}})
	if id, _ := apitest.At(gen, "createPerson", "id").(string); !strings.HasPrefix(id, "p-") {
		t.Errorf("generated id: %q", id)
	}
}

func TestPersonInputErrors(t *testing.T) {
	a := apitest.New(t)
	a.Person("taken", nil)
	long := strings.Repeat("x", 201)
	cases := []struct {
		name, code, field, msg string
		in                     map[string]any
	}{
		{"empty name", "BAD_USER_INPUT", "input.name", "must not be empty", map[string]any{"id": a.ID("e1"), "name": "  "}},
		{"over-long name", "BAD_USER_INPUT", "input.name", "limit is 200", map[string]any{"id": a.ID("e2"), "name": long}},
		{"over-long bio", "BAD_USER_INPUT", "input.bio", "limit is 5000", map[string]any{"id": a.ID("e3"), "name": "B", "bio": strings.Repeat("b", 5001)}},
		{"negative capacity", "BAD_USER_INPUT", "input.mentorCapacity", "0 or more", map[string]any{"id": a.ID("e4"), "name": "C", "mentorCapacity": -1}},
		{"id with space", "BAD_USER_INPUT", "input.id", "spaces", map[string]any{"id": "a b", "name": "D"}},
		{"duplicate id", "CONFLICT", "", "already exists", map[string]any{"id": a.ID("taken"), "name": "Again"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := a.Fails(c.code, apitest.CreatePersonMutation, map[string]any{"in": c.in})
			if c.field != "" && e.Extensions["field"] != c.field {
				t.Errorf("field: got %v, want %s", e.Extensions["field"], c.field)
			}
			if !strings.Contains(e.Message, c.msg) {
				t.Errorf("message %q does not say %q", e.Message, c.msg)
			}
		})
	}
	// Nothing half-written: the refused duplicate left the original alone.
	d := a.OK(`query($id: ID!) { person(id: $id) { name } }`, map[string]any{"id": a.ID("taken")})
	if apitest.At(d, "person", "name") != "Taken" {
		t.Errorf("after a refused duplicate: %v", d)
	}
	for _, id := range []string{"e1", "e2", "e3", "e4"} {
		if d := a.OK(`query($id: ID!) { person(id: $id) { id } }`, map[string]any{"id": a.ID(id)}); d["person"] != nil {
			t.Errorf("refused person %s was stored", id)
		}
	}
}

func TestUpdatePersonSetsAndClears(t *testing.T) {
	a := apitest.New(t)
	id := a.Person("grace", map[string]any{"headline": "Admiral", "location": "Arlington", "mentorCapacity": 1})
	const upd = `mutation($in: UpdatePersonInput!) { updatePerson(input: $in) { name headline location mentorCapacity updatedAt createdAt } }`
	d := a.OK(upd, map[string]any{"in": map[string]any{"id": id, "headline": nil, "mentorCapacity": 3}})
	p := apitest.At(d, "updatePerson").(map[string]any)
	if p["headline"] != nil {
		t.Errorf("headline after clearing: %v, want null", p["headline"])
	}
	if p["location"] != "Arlington" || p["name"] != "Grace" {
		t.Errorf("fields left out changed: %v", p)
	}
	if p["mentorCapacity"] != 3.0 {
		t.Errorf("mentorCapacity: %v", p["mentorCapacity"])
	}
	if p["updatedAt"] == p["createdAt"] {
		t.Errorf("updatedAt did not move: %v", p)
	}
	e := a.Fails("BAD_USER_INPUT", upd, map[string]any{"in": map[string]any{"id": id, "name": nil}})
	if e.Extensions["field"] != "input.name" {
		t.Errorf("clearing name: %+v", e)
	}
	a.Fails("BAD_USER_INPUT", upd, map[string]any{"in": map[string]any{"id": id, "mentorCapacity": -2}})
	a.Fails("NOT_FOUND", upd, map[string]any{"in": map[string]any{"id": a.ID("ghost"), "name": "X"}})
}

func TestPersonSkillsAndLevels(t *testing.T) {
	a := apitest.New(t)
	p := a.Person("lin", nil)
	lead := a.Skill("Leadership", "")
	a.SetSkill(p, lead, 4)
	a.SetSkill(p, lead, 5) // set again: changes the level, no duplicate
	d := a.OK(`query($id: ID!) { person(id: $id) { skills { level skill { id name } } } }`, map[string]any{"id": p})
	skills := apitest.At(d, "person", "skills").([]any)
	if len(skills) != 1 || apitest.At(skills, 0, "level") != 5.0 || apitest.At(skills, 0, "skill", "name") != "Leadership" {
		t.Errorf("skills: %v", skills)
	}
	const set = `mutation($in: SetPersonSkillInput!) { setPersonSkill(input: $in) { id } }`
	for _, level := range []int{0, 6, -1} {
		e := a.Fails("BAD_USER_INPUT", set, map[string]any{"in": map[string]any{"personId": p, "skillId": lead, "level": level}})
		if e.Extensions["field"] != "input.level" || !strings.Contains(e.Message, fmt.Sprint(level)) {
			t.Errorf("level %d: %+v", level, e)
		}
	}
	e := a.Fails("NOT_FOUND", set, map[string]any{"in": map[string]any{"personId": p, "skillId": a.ID("nope"), "level": 3}})
	if !strings.Contains(e.Message, "input.skillId") {
		t.Errorf("unknown skill message: %s", e.Message)
	}
	a.Fails("NOT_FOUND", set, map[string]any{"in": map[string]any{"personId": a.ID("nope"), "skillId": lead, "level": 3}})
	a.OK(`mutation($p: ID!, $s: ID!) { removePersonSkill(personId: $p, skillId: $s) { id } }`, map[string]any{"p": p, "s": lead})
	a.Fails("NOT_FOUND", `mutation($p: ID!, $s: ID!) { removePersonSkill(personId: $p, skillId: $s) { id } }`, map[string]any{"p": p, "s": lead})
}

func TestConnectAndDisconnect(t *testing.T) {
	a := apitest.New(t)
	x, y := a.Person("xena", nil), a.Person("yuri", nil)
	const connect = `mutation($in: ConnectInput!) { connect(input: $in) { a { id } b { id } since } }`
	d := a.OK(connect, map[string]any{"in": map[string]any{"a": x, "b": y, "since": "2020-05-01"}})
	if apitest.At(d, "connect", "since") != "2020-05-01" || apitest.At(d, "connect", "b", "id") != y {
		t.Errorf("connect: %v", d)
	}
	// The same connection again, either way round, is done already and
	// answers the stored connection (a since left out is the stored date,
	// not null); with another date it is a conflict.
	d = a.OK(connect, map[string]any{"in": map[string]any{"a": y, "b": x}})
	if apitest.At(d, "connect", "a", "id") != y || apitest.At(d, "connect", "since") != "2020-05-01" {
		t.Errorf("a repeated connect: %v", d)
	}
	a.OK(connect, map[string]any{"in": map[string]any{"a": x, "b": y, "since": "2020-05-01"}})
	e := a.Fails("CONFLICT", connect, map[string]any{"in": map[string]any{"a": y, "b": x, "since": "2021-01-01"}})
	if !strings.Contains(e.Message, "already connected (since 2020-05-01)") {
		t.Errorf("conflict message: %s", e.Message)
	}
	a.Fails("BAD_USER_INPUT", connect, map[string]any{"in": map[string]any{"a": x, "b": x}})
	a.Fails("NOT_FOUND", connect, map[string]any{"in": map[string]any{"a": x, "b": a.ID("ghost")}})
	a.Fails("BAD_USER_INPUT", connect, map[string]any{"in": map[string]any{"a": x, "b": y, "since": "2020-13-40"}})
	// Connections read from either side.
	d = a.OK(`query($id: ID!) { person(id: $id) { connections { person { id } since } } }`, map[string]any{"id": y})
	if apitest.At(d, "person", "connections", 0, "person", "id") != x {
		t.Errorf("connections of y: %v", d)
	}
	a.OK(`mutation($a: ID!, $b: ID!) { disconnect(a: $a, b: $b) }`, map[string]any{"a": y, "b": x})
	a.Fails("NOT_FOUND", `mutation($a: ID!, $b: ID!) { disconnect(a: $a, b: $b) }`, map[string]any{"a": y, "b": x})
}

func TestDeletePersonCascades(t *testing.T) {
	a := apitest.New(t)
	p, m, f := a.Person("pat", nil), a.Person("max", map[string]any{"availableToMentor": true, "mentorCapacity": 2}), a.Person("fred", nil)
	s := a.Skill("Negotiation", "")
	a.SetSkill(p, s, 2)
	a.Mentorship(p, m, s)
	a.OK(`mutation($in: ConnectInput!) { connect(input: $in) { since } }`, map[string]any{"in": map[string]any{"a": p, "b": f}})
	goal := a.OK(`mutation($in: AddGoalInput!) { addGoal(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"personId": p, "skillId": s, "title": "Negotiate well", "targetLevel": 4}})
	goalID := apitest.At(goal, "addGoal", "id").(string)
	if d := a.OK(`query($id: ID!) { person(id: $id) { openSlots } }`, map[string]any{"id": m}); apitest.At(d, "person", "openSlots") != 1.0 {
		t.Errorf("mentor's open slots with one mentee: %v", d)
	}

	d := a.OK(`mutation($id: ID!) { deletePerson(id: $id) }`, map[string]any{"id": p})
	if d["deletePerson"] != p {
		t.Errorf("deletePerson returned %v", d)
	}
	after := a.OK(`query($p: ID!, $m: ID!, $f: ID!, $s: ID!) {
		p: person(id: $p) { id }
		m: person(id: $m) { id openSlots mentees { status } }
		f: person(id: $f) { id connections { person { id } } }
		s: skill(id: $s) { id holderCount }
	}`, map[string]any{"p": p, "m": m, "f": f, "s": s})
	if after["p"] != nil {
		t.Errorf("deleted person still there")
	}
	if apitest.At(after, "m", "id") != m || len(apitest.At(after, "m", "mentees").([]any)) != 0 || apitest.At(after, "m", "openSlots") != 2.0 {
		t.Errorf("mentor after delete: %v", after["m"])
	}
	if apitest.At(after, "f", "id") != f || len(apitest.At(after, "f", "connections").([]any)) != 0 {
		t.Errorf("connection after delete: %v", after["f"])
	}
	if apitest.At(after, "s", "id") != s || apitest.At(after, "s", "holderCount") != 0.0 {
		t.Errorf("skill after delete: %v", after["s"])
	}
	a.Fails("NOT_FOUND", `mutation($id: ID!) { removeGoal(id: $id) }`, map[string]any{"id": goalID})
	a.Fails("NOT_FOUND", `mutation($id: ID!) { deletePerson(id: $id) }`, map[string]any{"id": p})
}

// TestPeoplePaginationAndFilters pages through an organization's people
// and checks every filter against a hand count.
func TestPeoplePaginationAndFilters(t *testing.T) {
	a := apitest.New(t)
	org := a.ID("acme")
	a.OK(`mutation($in: CreateOrganizationInput!) { createOrganization(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"id": org, "name": "Acme " + a.Prefix, "kind": "COMPANY"}})
	lead := a.Skill("Leadership", "")
	mgmt := a.Skill("People management", lead)
	var want []string
	for i := range 23 {
		id := a.Person(fmt.Sprintf("m%02d", i), map[string]any{"availableToMentor": i%2 == 0, "seekingMentorship": i%3 == 0, "mentorCapacity": 1})
		want = append(want, id)
		a.OK(`mutation($in: AddAffiliationInput!) { addAffiliation(input: $in) { role } }`,
			map[string]any{"in": map[string]any{"personId": id, "organizationId": org, "role": "Engineer"}})
		switch {
		case i%5 == 0:
			a.SetSkill(id, lead, 4)
		case i%5 == 1:
			a.SetSkill(id, mgmt, 3)
		case i%5 == 2:
			a.SetSkill(id, mgmt, 1)
		}
	}
	// A past member does not count.
	gone := a.Person("gone", nil)
	a.OK(`mutation($in: AddAffiliationInput!) { addAffiliation(input: $in) { role } }`,
		map[string]any{"in": map[string]any{"personId": gone, "organizationId": org, "since": "2019", "until": "2021-01-01"}})

	const q = `query($first: Int, $after: String, $f: PeopleFilter) {
		people(first: $first, after: $after, filter: $f) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`
	var got []string
	var after any
	pages := 0
	for {
		d := a.OK(q, map[string]any{"first": 5, "after": after, "f": map[string]any{"organization": org}})
		pages++
		if apitest.At(d, "people", "totalCount") != 23.0 {
			t.Fatalf("totalCount: %v", apitest.At(d, "people", "totalCount"))
		}
		for _, e := range apitest.At(d, "people", "edges").([]any) {
			got = append(got, apitest.At(e, "node", "id").(string))
		}
		if hp := apitest.At(d, "people", "pageInfo", "hasPreviousPage"); hp != (after != nil) {
			t.Errorf("hasPreviousPage %v on page %d", hp, pages)
		}
		if apitest.At(d, "people", "pageInfo", "hasNextPage") != true {
			break
		}
		after = apitest.At(d, "people", "pageInfo", "endCursor")
	}
	if pages != 5 || !slices.Equal(got, want) {
		t.Errorf("paging the whole list in 5s: %d pages, got %v\nwant %v", pages, got, want)
	}

	count := func(f map[string]any) []string {
		f["organization"] = org
		d := a.OK(q, map[string]any{"first": 100, "f": f})
		var ids []string
		for _, e := range apitest.At(d, "people", "edges").([]any) {
			ids = append(ids, strings.TrimPrefix(apitest.At(e, "node", "id").(string), a.Prefix))
		}
		if n := apitest.At(d, "people", "totalCount"); n != float64(len(ids)) {
			t.Errorf("filter %v: totalCount %v but %d edges", f, n, len(ids))
		}
		return ids
	}
	expect := func(pred func(i int) bool) []string {
		var ids []string
		for i := range 23 {
			if pred(i) {
				ids = append(ids, fmt.Sprintf("m%02d", i))
			}
		}
		return ids
	}
	filters := []struct {
		name string
		f    map[string]any
		want []string
	}{
		{"available", map[string]any{"availableToMentor": true}, expect(func(i int) bool { return i%2 == 0 })},
		{"seeking", map[string]any{"seekingMentorship": true}, expect(func(i int) bool { return i%3 == 0 })},
		{"skill with narrower", map[string]any{"skill": lead}, expect(func(i int) bool { return i%5 <= 2 })},
		{"skill without narrower", map[string]any{"skill": lead, "includeNarrower": false}, expect(func(i int) bool { return i%5 == 0 })},
		{"skill min level 3", map[string]any{"skill": lead, "minLevel": 3}, expect(func(i int) bool { return i%5 <= 1 })},
		{"available and skill", map[string]any{"skill": mgmt, "availableToMentor": true}, expect(func(i int) bool { return i%2 == 0 && (i%5 == 1 || i%5 == 2) })},
	}
	for _, c := range filters {
		t.Run(c.name, func(t *testing.T) {
			if got := count(c.f); !slices.Equal(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
	a.Fails("BAD_USER_INPUT", q, map[string]any{"first": 0})
	a.Fails("BAD_USER_INPUT", q, map[string]any{"first": 101})
	e := a.Fails("BAD_USER_INPUT", q, map[string]any{"first": 5, "after": "not-a-cursor"})
	if e.Extensions["field"] != "after" {
		t.Errorf("bad cursor: %+v", e)
	}
}

func TestPeopleNameSearch(t *testing.T) {
	a := apitest.New(t)
	unique := strings.ReplaceAll(a.Prefix, "-", "")
	a.Person("s1", map[string]any{"name": "Zebulon " + unique})
	a.Person("s2", map[string]any{"name": "Zebulon Zebulon " + unique})
	a.Person("s3", map[string]any{"name": "Someone Else"})
	const q = `query($f: PeopleFilter) { people(first: 10, filter: $f) { totalCount edges { node { id } } } }`
	d := a.OK(q, map[string]any{"f": map[string]any{"search": unique}})
	if n := apitest.At(d, "people", "totalCount"); n != 2.0 {
		t.Errorf("search %q: totalCount %v, want 2", unique, n)
	}
	e := a.Fails("BAD_USER_INPUT", q, map[string]any{"f": map[string]any{"search": "AND OR ("}})
	if e.Extensions["field"] != "filter.search" {
		t.Errorf("bad search: %+v", e)
	}
}

// TestSetPrivacy: a person's privacy settings read back as set (defaults
// before any), omitted ones stay, and a bad value or an unknown person is
// refused saying what is wrong.
func TestSetPrivacy(t *testing.T) {
	a := apitest.New(t)
	ada := a.Person("ada", nil)
	const read = `query($id: ID!) { person(id: $id) { privacy { visibility profileVisibility openToIntroductions } } }`
	want := func(what, visibility, profile string, open bool) {
		t.Helper()
		got := apitest.At(a.OK(read, map[string]any{"id": ada}), "person", "privacy")
		w := map[string]any{"visibility": visibility, "profileVisibility": profile, "openToIntroductions": open}
		if fmt.Sprint(got) != fmt.Sprint(w) {
			t.Errorf("%s: privacy %v, want %v", what, got, w)
		}
	}
	want("before any choice", "MEMBERS", "MEMBERS", true)

	const set = `mutation($in: SetPrivacyInput!) { setPrivacy(input: $in) { id privacy { visibility profileVisibility openToIntroductions } } }`
	d := a.OK(set, map[string]any{"in": map[string]any{"personId": ada, "visibility": "CONNECTIONS", "openToIntroductions": false}})
	if apitest.At(d, "setPrivacy", "privacy", "visibility") != "CONNECTIONS" {
		t.Errorf("setPrivacy answered %v", d)
	}
	want("after setting two", "CONNECTIONS", "MEMBERS", false)
	a.OK(set, map[string]any{"in": map[string]any{"personId": ada, "profileVisibility": "PRIVATE"}})
	want("after setting the profile's alone", "CONNECTIONS", "PRIVATE", false)

	e := a.Fails("GRAPHQL_VALIDATION_FAILED", set, map[string]any{"in": map[string]any{"personId": ada, "visibility": "FRIENDS"}})
	if !strings.Contains(e.Message, "FRIENDS") {
		t.Errorf("a bad visibility: %q does not name the value", e.Message)
	}
	a.Fails("NOT_FOUND", set, map[string]any{"in": map[string]any{"personId": a.ID("nobody"), "visibility": "PUBLIC"}})
	want("after the refusals", "CONNECTIONS", "PRIVATE", false)
}
