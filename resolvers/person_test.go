package resolvers_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestCreateAndReadPerson(t *testing.T) {
	a := newAPI(t)
	d := a.ok(`mutation($in: CreatePersonInput!) { createPerson(input: $in) {
		id name headline location timezone availableToMentor mentorCapacity openSlots seekingMentorship createdAt updatedAt } }`,
		map[string]any{"in": map[string]any{"id": a.id("ada"), "name": "Ada Lovelace", "headline": "Analyst",
			"location": "London", "timezone": "Europe/London", "availableToMentor": true, "mentorCapacity": 2}})
	p := at(d, "createPerson").(map[string]any)
	if p["name"] != "Ada Lovelace" || p["headline"] != "Analyst" || p["openSlots"] != 2.0 || p["seekingMentorship"] != false {
		t.Errorf("created person: %v", p)
	}
	if p["createdAt"] == nil || p["createdAt"] != p["updatedAt"] {
		t.Errorf("createdAt %v / updatedAt %v: want both set and equal on creation", p["createdAt"], p["updatedAt"])
	}
	got := a.ok(`query($id: ID!) { person(id: $id) { name location } }`, map[string]any{"id": a.id("ada")})
	if at(got, "person", "name") != "Ada Lovelace" || at(got, "person", "location") != "London" {
		t.Errorf("person(id): %v", got)
	}
	missing := a.ok(`query($id: ID!) { person(id: $id) { name } }`, map[string]any{"id": a.id("nobody")})
	if missing["person"] != nil {
		t.Errorf("person(id) of an unknown id: got %v, want null", missing["person"])
	}
	// A generated id when none is given.
	gen := a.ok(createPersonMutation, map[string]any{"in": map[string]any{"name": "No Id"}})
	if id, _ := at(gen, "createPerson", "id").(string); !strings.HasPrefix(id, "p-") {
		t.Errorf("generated id: %q", id)
	}
}

func TestPersonInputErrors(t *testing.T) {
	a := newAPI(t)
	a.person("taken", nil)
	long := strings.Repeat("x", 201)
	cases := []struct {
		name, code, field, msg string
		in                     map[string]any
	}{
		{"empty name", "BAD_USER_INPUT", "input.name", "must not be empty", map[string]any{"id": a.id("e1"), "name": "  "}},
		{"over-long name", "BAD_USER_INPUT", "input.name", "limit is 200", map[string]any{"id": a.id("e2"), "name": long}},
		{"over-long bio", "BAD_USER_INPUT", "input.bio", "limit is 5000", map[string]any{"id": a.id("e3"), "name": "B", "bio": strings.Repeat("b", 5001)}},
		{"negative capacity", "BAD_USER_INPUT", "input.mentorCapacity", "0 or more", map[string]any{"id": a.id("e4"), "name": "C", "mentorCapacity": -1}},
		{"id with space", "BAD_USER_INPUT", "input.id", "spaces", map[string]any{"id": "a b", "name": "D"}},
		{"duplicate id", "CONFLICT", "", "already exists", map[string]any{"id": a.id("taken"), "name": "Again"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := a.fails(c.code, createPersonMutation, map[string]any{"in": c.in})
			if c.field != "" && e.Extensions["field"] != c.field {
				t.Errorf("field: got %v, want %s", e.Extensions["field"], c.field)
			}
			if !strings.Contains(e.Message, c.msg) {
				t.Errorf("message %q does not say %q", e.Message, c.msg)
			}
		})
	}
	// Nothing half-written: the refused duplicate left the original alone.
	d := a.ok(`query($id: ID!) { person(id: $id) { name } }`, map[string]any{"id": a.id("taken")})
	if at(d, "person", "name") != "Taken" {
		t.Errorf("after a refused duplicate: %v", d)
	}
	for _, id := range []string{"e1", "e2", "e3", "e4"} {
		if d := a.ok(`query($id: ID!) { person(id: $id) { id } }`, map[string]any{"id": a.id(id)}); d["person"] != nil {
			t.Errorf("refused person %s was stored", id)
		}
	}
}

func TestUpdatePersonSetsAndClears(t *testing.T) {
	a := newAPI(t)
	id := a.person("grace", map[string]any{"headline": "Admiral", "location": "Arlington", "mentorCapacity": 1})
	const upd = `mutation($in: UpdatePersonInput!) { updatePerson(input: $in) { name headline location mentorCapacity updatedAt createdAt } }`
	d := a.ok(upd, map[string]any{"in": map[string]any{"id": id, "headline": nil, "mentorCapacity": 3}})
	p := at(d, "updatePerson").(map[string]any)
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
	e := a.fails("BAD_USER_INPUT", upd, map[string]any{"in": map[string]any{"id": id, "name": nil}})
	if e.Extensions["field"] != "input.name" {
		t.Errorf("clearing name: %+v", e)
	}
	a.fails("BAD_USER_INPUT", upd, map[string]any{"in": map[string]any{"id": id, "mentorCapacity": -2}})
	a.fails("NOT_FOUND", upd, map[string]any{"in": map[string]any{"id": a.id("ghost"), "name": "X"}})
}

func TestPersonSkillsAndLevels(t *testing.T) {
	a := newAPI(t)
	p := a.person("lin", nil)
	lead := a.skill("Leadership", "")
	a.setSkill(p, lead, 4)
	a.setSkill(p, lead, 5) // set again: changes the level, no duplicate
	d := a.ok(`query($id: ID!) { person(id: $id) { skills { level skill { id name } } } }`, map[string]any{"id": p})
	skills := at(d, "person", "skills").([]any)
	if len(skills) != 1 || at(skills, 0, "level") != 5.0 || at(skills, 0, "skill", "name") != "Leadership" {
		t.Errorf("skills: %v", skills)
	}
	const set = `mutation($in: SetPersonSkillInput!) { setPersonSkill(input: $in) { id } }`
	for _, level := range []int{0, 6, -1} {
		e := a.fails("BAD_USER_INPUT", set, map[string]any{"in": map[string]any{"personId": p, "skillId": lead, "level": level}})
		if e.Extensions["field"] != "input.level" || !strings.Contains(e.Message, fmt.Sprint(level)) {
			t.Errorf("level %d: %+v", level, e)
		}
	}
	e := a.fails("NOT_FOUND", set, map[string]any{"in": map[string]any{"personId": p, "skillId": a.id("nope"), "level": 3}})
	if !strings.Contains(e.Message, "input.skillId") {
		t.Errorf("unknown skill message: %s", e.Message)
	}
	a.fails("NOT_FOUND", set, map[string]any{"in": map[string]any{"personId": a.id("nope"), "skillId": lead, "level": 3}})
	a.ok(`mutation($p: ID!, $s: ID!) { removePersonSkill(personId: $p, skillId: $s) { id } }`, map[string]any{"p": p, "s": lead})
	a.fails("NOT_FOUND", `mutation($p: ID!, $s: ID!) { removePersonSkill(personId: $p, skillId: $s) { id } }`, map[string]any{"p": p, "s": lead})
}

func TestConnectAndDisconnect(t *testing.T) {
	a := newAPI(t)
	x, y := a.person("xena", nil), a.person("yuri", nil)
	const connect = `mutation($in: ConnectInput!) { connect(input: $in) { a { id } b { id } since } }`
	d := a.ok(connect, map[string]any{"in": map[string]any{"a": x, "b": y, "since": "2020-05-01"}})
	if at(d, "connect", "since") != "2020-05-01" || at(d, "connect", "b", "id") != y {
		t.Errorf("connect: %v", d)
	}
	// The same connection again, either way round, is done already and
	// answers the stored connection (a since left out is the stored date,
	// not null); with another date it is a conflict.
	d = a.ok(connect, map[string]any{"in": map[string]any{"a": y, "b": x}})
	if at(d, "connect", "a", "id") != y || at(d, "connect", "since") != "2020-05-01" {
		t.Errorf("a repeated connect: %v", d)
	}
	a.ok(connect, map[string]any{"in": map[string]any{"a": x, "b": y, "since": "2020-05-01"}})
	e := a.fails("CONFLICT", connect, map[string]any{"in": map[string]any{"a": y, "b": x, "since": "2021-01-01"}})
	if !strings.Contains(e.Message, "already connected (since 2020-05-01)") {
		t.Errorf("conflict message: %s", e.Message)
	}
	a.fails("BAD_USER_INPUT", connect, map[string]any{"in": map[string]any{"a": x, "b": x}})
	a.fails("NOT_FOUND", connect, map[string]any{"in": map[string]any{"a": x, "b": a.id("ghost")}})
	a.fails("BAD_USER_INPUT", connect, map[string]any{"in": map[string]any{"a": x, "b": y, "since": "2020-13-40"}})
	// Connections read from either side.
	d = a.ok(`query($id: ID!) { person(id: $id) { connections { person { id } since } } }`, map[string]any{"id": y})
	if at(d, "person", "connections", 0, "person", "id") != x {
		t.Errorf("connections of y: %v", d)
	}
	a.ok(`mutation($a: ID!, $b: ID!) { disconnect(a: $a, b: $b) }`, map[string]any{"a": y, "b": x})
	a.fails("NOT_FOUND", `mutation($a: ID!, $b: ID!) { disconnect(a: $a, b: $b) }`, map[string]any{"a": y, "b": x})
}

func TestDeletePersonCascades(t *testing.T) {
	a := newAPI(t)
	p, m, f := a.person("pat", nil), a.person("max", map[string]any{"availableToMentor": true, "mentorCapacity": 2}), a.person("fred", nil)
	s := a.skill("Negotiation", "")
	a.setSkill(p, s, 2)
	a.mentorship(p, m, s)
	a.ok(`mutation($in: ConnectInput!) { connect(input: $in) { since } }`, map[string]any{"in": map[string]any{"a": p, "b": f}})
	goal := a.ok(`mutation($in: AddGoalInput!) { addGoal(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"personId": p, "skillId": s, "title": "Negotiate well", "targetLevel": 4}})
	goalID := at(goal, "addGoal", "id").(string)
	if d := a.ok(`query($id: ID!) { person(id: $id) { openSlots } }`, map[string]any{"id": m}); at(d, "person", "openSlots") != 1.0 {
		t.Errorf("mentor's open slots with one mentee: %v", d)
	}

	d := a.ok(`mutation($id: ID!) { deletePerson(id: $id) }`, map[string]any{"id": p})
	if d["deletePerson"] != p {
		t.Errorf("deletePerson returned %v", d)
	}
	after := a.ok(`query($p: ID!, $m: ID!, $f: ID!, $s: ID!) {
		p: person(id: $p) { id }
		m: person(id: $m) { id openSlots mentees { status } }
		f: person(id: $f) { id connections { person { id } } }
		s: skill(id: $s) { id holderCount }
	}`, map[string]any{"p": p, "m": m, "f": f, "s": s})
	if after["p"] != nil {
		t.Errorf("deleted person still there")
	}
	if at(after, "m", "id") != m || len(at(after, "m", "mentees").([]any)) != 0 || at(after, "m", "openSlots") != 2.0 {
		t.Errorf("mentor after delete: %v", after["m"])
	}
	if at(after, "f", "id") != f || len(at(after, "f", "connections").([]any)) != 0 {
		t.Errorf("connection after delete: %v", after["f"])
	}
	if at(after, "s", "id") != s || at(after, "s", "holderCount") != 0.0 {
		t.Errorf("skill after delete: %v", after["s"])
	}
	a.fails("NOT_FOUND", `mutation($id: ID!) { removeGoal(id: $id) }`, map[string]any{"id": goalID})
	a.fails("NOT_FOUND", `mutation($id: ID!) { deletePerson(id: $id) }`, map[string]any{"id": p})
}

// TestPeoplePaginationAndFilters pages through an organization's people
// and checks every filter against a hand count.
func TestPeoplePaginationAndFilters(t *testing.T) {
	a := newAPI(t)
	org := a.id("acme")
	a.ok(`mutation($in: CreateOrganizationInput!) { createOrganization(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"id": org, "name": "Acme " + a.p, "kind": "COMPANY"}})
	lead := a.skill("Leadership", "")
	mgmt := a.skill("People management", lead)
	var want []string
	for i := range 23 {
		id := a.person(fmt.Sprintf("m%02d", i), map[string]any{"availableToMentor": i%2 == 0, "seekingMentorship": i%3 == 0, "mentorCapacity": 1})
		want = append(want, id)
		a.ok(`mutation($in: AddAffiliationInput!) { addAffiliation(input: $in) { role } }`,
			map[string]any{"in": map[string]any{"personId": id, "organizationId": org, "role": "Engineer"}})
		switch {
		case i%5 == 0:
			a.setSkill(id, lead, 4)
		case i%5 == 1:
			a.setSkill(id, mgmt, 3)
		case i%5 == 2:
			a.setSkill(id, mgmt, 1)
		}
	}
	// A past member does not count.
	gone := a.person("gone", nil)
	a.ok(`mutation($in: AddAffiliationInput!) { addAffiliation(input: $in) { role } }`,
		map[string]any{"in": map[string]any{"personId": gone, "organizationId": org, "since": "2019", "until": "2021-01-01"}})

	const q = `query($first: Int, $after: String, $f: PeopleFilter) {
		people(first: $first, after: $after, filter: $f) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`
	var got []string
	var after any
	pages := 0
	for {
		d := a.ok(q, map[string]any{"first": 5, "after": after, "f": map[string]any{"organization": org}})
		pages++
		if at(d, "people", "totalCount") != 23.0 {
			t.Fatalf("totalCount: %v", at(d, "people", "totalCount"))
		}
		for _, e := range at(d, "people", "edges").([]any) {
			got = append(got, at(e, "node", "id").(string))
		}
		if hp := at(d, "people", "pageInfo", "hasPreviousPage"); hp != (after != nil) {
			t.Errorf("hasPreviousPage %v on page %d", hp, pages)
		}
		if at(d, "people", "pageInfo", "hasNextPage") != true {
			break
		}
		after = at(d, "people", "pageInfo", "endCursor")
	}
	if pages != 5 || !slices.Equal(got, want) {
		t.Errorf("paging the whole list in 5s: %d pages, got %v\nwant %v", pages, got, want)
	}

	count := func(f map[string]any) []string {
		f["organization"] = org
		d := a.ok(q, map[string]any{"first": 100, "f": f})
		var ids []string
		for _, e := range at(d, "people", "edges").([]any) {
			ids = append(ids, strings.TrimPrefix(at(e, "node", "id").(string), a.p))
		}
		if n := at(d, "people", "totalCount"); n != float64(len(ids)) {
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
	a.fails("BAD_USER_INPUT", q, map[string]any{"first": 0})
	a.fails("BAD_USER_INPUT", q, map[string]any{"first": 101})
	e := a.fails("BAD_USER_INPUT", q, map[string]any{"first": 5, "after": "not-a-cursor"})
	if e.Extensions["field"] != "after" {
		t.Errorf("bad cursor: %+v", e)
	}
}

func TestPeopleNameSearch(t *testing.T) {
	a := newAPI(t)
	unique := strings.ReplaceAll(a.p, "-", "")
	a.person("s1", map[string]any{"name": "Zebulon " + unique})
	a.person("s2", map[string]any{"name": "Zebulon Zebulon " + unique})
	a.person("s3", map[string]any{"name": "Someone Else"})
	const q = `query($f: PeopleFilter) { people(first: 10, filter: $f) { totalCount edges { node { id } } } }`
	d := a.ok(q, map[string]any{"f": map[string]any{"search": unique}})
	if n := at(d, "people", "totalCount"); n != 2.0 {
		t.Errorf("search %q: totalCount %v, want 2", unique, n)
	}
	e := a.fails("BAD_USER_INPUT", q, map[string]any{"f": map[string]any{"search": "AND OR ("}})
	if e.Extensions["field"] != "filter.search" {
		t.Errorf("bad search: %+v", e)
	}
}
