package resolvers_test

import (
	"strings"
	"testing"
)

func TestMentorshipsAndGoals(t *testing.T) {
	a := newAPI(t)
	mentee := a.person("mentee", map[string]any{"seekingMentorship": true})
	mentor := a.person("mentor", map[string]any{"availableToMentor": true, "mentorCapacity": 1})
	speak := a.skill("Public speaking", "")
	const record = `mutation($in: RecordMentorshipInput!) { recordMentorship(input: $in) {
		status since until focus { id name } mentee { id } mentor { id openSlots } } }`
	d := a.ok(record, map[string]any{"in": map[string]any{"menteeId": mentee, "mentorId": mentor, "focus": []string{speak}, "since": "2024-01-15"}})
	m := at(d, "recordMentorship")
	if at(m, "status") != "ACTIVE" || at(m, "since") != "2024-01-15" || at(m, "focus", 0, "name") != "Public speaking" || at(m, "mentor", "openSlots") != 0.0 {
		t.Errorf("recordMentorship: %v", m)
	}
	cases := []struct {
		name, code, msg string
		in              map[string]any
	}{
		{"self-mentorship", "BAD_USER_INPUT", "themselves", map[string]any{"menteeId": mentee, "mentorId": mentee}},
		{"already exists", "CONFLICT", "already recorded", map[string]any{"menteeId": mentee, "mentorId": mentor}},
		{"unknown mentor", "NOT_FOUND", "input.mentorId", map[string]any{"menteeId": mentee, "mentorId": a.id("nobody")}},
		{"unknown focus skill", "NOT_FOUND", "input.focus", map[string]any{"menteeId": mentor, "mentorId": mentee, "focus": []string{a.id("nope")}}},
		{"end before start", "BAD_USER_INPUT", "before since", map[string]any{"menteeId": mentor, "mentorId": mentee, "since": "2024-02-01", "until": "2023-01-01"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := a.fails(c.code, record, map[string]any{"in": c.in})
			if !strings.Contains(e.Message, c.msg) {
				t.Errorf("message %q does not say %q", e.Message, c.msg)
			}
		})
	}
	// None of the refused mutations wrote anything.
	d = a.ok(`query($id: ID!) { person(id: $id) { mentors { mentor { id } } mentees { mentee { id } } } }`, map[string]any{"id": mentor})
	if len(at(d, "person", "mentors").([]any)) != 0 || len(at(d, "person", "mentees").([]any)) != 1 {
		t.Errorf("mentor's links after refused mutations: %v", d)
	}

	const end = `mutation($in: EndMentorshipInput!) { endMentorship(input: $in) { status until mentor { openSlots } } }`
	a.fails("BAD_USER_INPUT", end, map[string]any{"in": map[string]any{"menteeId": mentee, "mentorId": mentor, "until": "2023-12-31"}})
	d = a.ok(end, map[string]any{"in": map[string]any{"menteeId": mentee, "mentorId": mentor, "until": "2024-06-01"}})
	if at(d, "endMentorship", "status") != "ENDED" || at(d, "endMentorship", "mentor", "openSlots") != 1.0 {
		t.Errorf("endMentorship: %v", d)
	}
	a.fails("NOT_FOUND", end, map[string]any{"in": map[string]any{"menteeId": mentee, "mentorId": mentor}})

	const add = `mutation($in: AddGoalInput!) { addGoal(input: $in) { id title targetLevel dueDate status skill { id } person { id } } }`
	d = a.ok(add, map[string]any{"in": map[string]any{"id": a.id("g1"), "personId": mentee, "skillId": speak, "title": "Give a talk", "targetLevel": 3, "dueDate": "2027-03-01"}})
	if at(d, "addGoal", "status") != "OPEN" || at(d, "addGoal", "dueDate") != "2027-03-01" || at(d, "addGoal", "person", "id") != mentee {
		t.Errorf("addGoal: %v", d)
	}
	a.fails("BAD_USER_INPUT", add, map[string]any{"in": map[string]any{"personId": mentee, "skillId": speak, "title": "X", "targetLevel": 9}})
	a.fails("BAD_USER_INPUT", add, map[string]any{"in": map[string]any{"personId": mentee, "skillId": speak, "title": ""}})
	a.fails("CONFLICT", add, map[string]any{"in": map[string]any{"id": a.id("g1"), "personId": mentee, "skillId": speak, "title": "Dup"}})
	a.fails("NOT_FOUND", add, map[string]any{"in": map[string]any{"personId": mentee, "skillId": a.id("nope"), "title": "X"}})

	const upd = `mutation($in: UpdateGoalInput!) { updateGoal(input: $in) { title targetLevel dueDate status } }`
	d = a.ok(upd, map[string]any{"in": map[string]any{"id": a.id("g1"), "dueDate": nil, "status": "ACHIEVED"}})
	if at(d, "updateGoal", "dueDate") != nil || at(d, "updateGoal", "status") != "ACHIEVED" || at(d, "updateGoal", "title") != "Give a talk" {
		t.Errorf("updateGoal: %v", d)
	}
	a.fails("BAD_USER_INPUT", upd, map[string]any{"in": map[string]any{"id": a.id("g1"), "title": nil}})
	a.fails("NOT_FOUND", upd, map[string]any{"in": map[string]any{"id": a.id("g404"), "title": "X"}})
	d = a.ok(`query($id: ID!) { person(id: $id) { goals { id } } }`, map[string]any{"id": mentee})
	if len(at(d, "person", "goals").([]any)) != 1 {
		t.Errorf("goals: %v", d)
	}
}
