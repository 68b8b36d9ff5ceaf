package resolvers_test

import (
	"strings"
	"testing"

	"github.com/mentorgraph/mentorgraph/internal/apitest"
)

func TestSkillHierarchyAndCycles(t *testing.T) {
	a := apitest.New(t)
	lead := a.Skill("Leadership", "")
	mgmt := a.Skill("People management", lead)
	hiring := a.Skill("Hiring", mgmt)
	d := a.OK(`query($id: ID!) { skill(id: $id) { name category broader { id } narrower { id } } }`, map[string]any{"id": mgmt})
	if apitest.At(d, "skill", "broader", "id") != lead || apitest.At(d, "skill", "narrower", 0, "id") != hiring || apitest.At(d, "skill", "category") != "LEADERSHIP" {
		t.Errorf("skill: %v", d)
	}
	const upd = `mutation($in: UpdateSkillInput!) { updateSkill(input: $in) { id broader { id } } }`
	cases := []struct {
		name, broader, msg string
	}{
		{"part of itself", lead, "part of itself"},
		{"part of its narrower skill", hiring, "cycle"},
		{"part of its direct narrower skill", mgmt, "cycle"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := a.Fails("BAD_USER_INPUT", upd, map[string]any{"in": map[string]any{"id": lead, "broader": c.broader}})
			if !strings.Contains(e.Message, c.msg) || e.Extensions["field"] != "input.broader" {
				t.Errorf("%+v", e)
			}
		})
	}
	// Nothing changed by the refused moves.
	if d := a.OK(`query($id: ID!) { skill(id: $id) { broader { id } } }`, map[string]any{"id": lead}); apitest.At(d, "skill", "broader") != nil {
		t.Errorf("refused move changed the hierarchy: %v", d)
	}
	// Moving to top level (null clears) and back.
	d = a.OK(upd, map[string]any{"in": map[string]any{"id": hiring, "broader": nil}})
	if apitest.At(d, "updateSkill", "broader") != nil {
		t.Errorf("clearing broader: %v", d)
	}
	d = a.OK(upd, map[string]any{"in": map[string]any{"id": hiring, "broader": lead}})
	if apitest.At(d, "updateSkill", "broader", "id") != lead {
		t.Errorf("moving: %v", d)
	}
	// Depth limit: a chain of 6 levels is fine, a seventh is refused.
	parent := lead
	for _, n := range []string{"L2", "L3", "L4", "L5", "L6"} {
		parent = a.Skill(n, parent)
	}
	e := a.Fails("BAD_USER_INPUT", `mutation($in: CreateSkillInput!) { createSkill(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"id": a.ID("l7"), "name": "L7", "category": "LEADERSHIP", "broader": parent}})
	if !strings.Contains(e.Message, "7 levels") {
		t.Errorf("depth: %s", e.Message)
	}
}

func TestSkillInputErrors(t *testing.T) {
	a := apitest.New(t)
	taken := a.Skill("Kubernetes", "")
	const create = `mutation($in: CreateSkillInput!) { createSkill(input: $in) { id } }`
	cases := []struct {
		name, code, field string
		in                map[string]any
	}{
		{"duplicate id", "CONFLICT", "", map[string]any{"id": taken, "name": "K8s", "category": "TECHNICAL"}},
		{"not a slug", "BAD_USER_INPUT", "input.id", map[string]any{"id": "Not_A_Slug", "name": "X", "category": "TECHNICAL"}},
		{"empty name", "BAD_USER_INPUT", "input.name", map[string]any{"id": a.ID("x1"), "name": "", "category": "TECHNICAL"}},
		{"unknown broader", "NOT_FOUND", "", map[string]any{"id": a.ID("x2"), "name": "X", "category": "TECHNICAL", "broader": a.ID("nope")}},
		{"bad category", "GRAPHQL_VALIDATION_FAILED", "", map[string]any{"id": a.ID("x3"), "name": "X", "category": "COOKING"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := a.Fails(c.code, create, map[string]any{"in": c.in})
			if c.field != "" && e.Extensions["field"] != c.field {
				t.Errorf("field %v, want %s (%s)", e.Extensions["field"], c.field, e.Message)
			}
		})
	}
}

func TestSkillMentorsLearnersAndDelete(t *testing.T) {
	a := apitest.New(t)
	lead := a.Skill("Leadership", "")
	coach := a.Skill("Coaching", lead)
	m1 := a.Person("m1", map[string]any{"availableToMentor": true, "mentorCapacity": 1})
	m2 := a.Person("m2", map[string]any{"availableToMentor": true, "mentorCapacity": 1})
	m3 := a.Person("m3", map[string]any{"availableToMentor": false})
	m4 := a.Person("m4", map[string]any{"availableToMentor": true, "mentorCapacity": 1})
	a.SetSkill(m1, lead, 4)
	a.SetSkill(m2, coach, 5)
	a.SetSkill(m3, lead, 5) // not available
	a.SetSkill(m4, lead, 2) // below minLevel
	learner := a.Person("learner", nil)
	a.OK(`mutation($in: AddGoalInput!) { addGoal(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"id": a.ID("goal"), "personId": learner, "skillId": lead, "title": "Lead a team"}})

	const q = `query($id: ID!, $n: Boolean, $after: String) { skill(id: $id) {
		holderCount mentorCount learnerCount
		learners { totalCount edges { node { id } } }
		mentors(includeNarrower: $n, first: 1, after: $after) { totalCount edges { level skill { id } node { id } } pageInfo { hasNextPage endCursor } } } }`
	d := a.OK(q, map[string]any{"id": lead})
	if apitest.At(d, "skill", "holderCount") != 3.0 || apitest.At(d, "skill", "mentorCount") != 1.0 || apitest.At(d, "skill", "learnerCount") != 1.0 {
		t.Errorf("counts: %v", d)
	}
	if apitest.At(d, "skill", "learners", "edges", 0, "node", "id") != learner {
		t.Errorf("learners: %v", apitest.At(d, "skill", "learners"))
	}
	// Strongest first: m2 (coaching 5, narrower) then m1 (leadership 4).
	if apitest.At(d, "skill", "mentors", "totalCount") != 2.0 || apitest.At(d, "skill", "mentors", "edges", 0, "node", "id") != m2 ||
		apitest.At(d, "skill", "mentors", "edges", 0, "skill", "id") != coach {
		t.Errorf("mentors page 1: %v", apitest.At(d, "skill", "mentors"))
	}
	d = a.OK(q, map[string]any{"id": lead, "after": apitest.At(d, "skill", "mentors", "pageInfo", "endCursor")})
	if apitest.At(d, "skill", "mentors", "edges", 0, "node", "id") != m1 || apitest.At(d, "skill", "mentors", "pageInfo", "hasNextPage") != false {
		t.Errorf("mentors page 2: %v", apitest.At(d, "skill", "mentors"))
	}
	d = a.OK(q, map[string]any{"id": lead, "n": false})
	if apitest.At(d, "skill", "mentors", "totalCount") != 1.0 {
		t.Errorf("mentors without narrower: %v", apitest.At(d, "skill", "mentors"))
	}

	const del = `mutation($id: ID!) { deleteSkill(id: $id) }`
	e := a.Fails("CONFLICT", del, map[string]any{"id": lead})
	if !strings.Contains(e.Message, "1 goal") {
		t.Errorf("delete with goals: %s", e.Message)
	}
	a.OK(`mutation($id: ID!) { removeGoal(id: $id) }`, map[string]any{"id": a.ID("goal")})
	a.Mentorship(learner, m1, lead, coach)
	a.OK(del, map[string]any{"id": lead})
	d = a.OK(`query($c: ID!, $p: ID!) { skill(id: $c) { broader { id } } person(id: $p) { skills { level } mentors { focus { id } } } }`,
		map[string]any{"c": coach, "p": learner})
	if apitest.At(d, "skill", "broader") != nil {
		t.Errorf("narrower skill after delete: %v", d["skill"])
	}
	if f := apitest.At(d, "person", "mentors", 0, "focus").([]any); len(f) != 1 || apitest.At(f, 0, "id") != coach {
		t.Errorf("focus after delete: %v", f)
	}
	a.Fails("NOT_FOUND", del, map[string]any{"id": lead})
}
