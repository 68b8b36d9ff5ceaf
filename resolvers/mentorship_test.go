package resolvers_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/mentorgraph/mentorgraph/internal/apitest"
)

func TestMentorshipsAndGoals(t *testing.T) {
	a := apitest.New(t)
	mentee := a.Person("mentee", map[string]any{"seekingMentorship": true})
	mentor := a.Person("mentor", map[string]any{"availableToMentor": true, "mentorCapacity": 1})
	speak := a.Skill("Public speaking", "")
	const record = `mutation($in: RecordMentorshipInput!) { recordMentorship(input: $in) {
		status since until focus { id name } mentee { id } mentor { id openSlots } } }`
	d := a.OK(record, map[string]any{"in": map[string]any{"menteeId": mentee, "mentorId": mentor, "focus": []string{speak}, "since": "2024-01-15"}})
	m := apitest.At(d, "recordMentorship")
	if apitest.At(m, "status") != "ACTIVE" || apitest.At(m, "since") != "2024-01-15" || apitest.At(m, "focus", 0, "name") != "Public speaking" || apitest.At(m, "mentor", "openSlots") != 0.0 {
		t.Errorf("recordMentorship: %v", m)
	}
	cases := []struct {
		name, code, msg string
		in              map[string]any
	}{
		{"self-mentorship", "BAD_USER_INPUT", "themselves", map[string]any{"menteeId": mentee, "mentorId": mentee}},
		{"already exists, another focus", "CONFLICT", `is already mentored by "` + mentor + `" (ACTIVE since 2024-01-15); end it first`,
			map[string]any{"menteeId": mentee, "mentorId": mentor}},
		{"already exists, another since", "CONFLICT", "(ACTIVE since 2024-01-15)", map[string]any{"menteeId": mentee, "mentorId": mentor, "focus": []string{speak}, "since": "2024-02-01"}},
		{"no open slot", "CAPACITY_FULL", `mentor "` + mentor + `" has no open slot: capacity 1, 1 active mentees`,
			map[string]any{"menteeId": a.Person("other", nil), "mentorId": mentor}},
		{"unknown mentor", "NOT_FOUND", "input.mentorId", map[string]any{"menteeId": mentee, "mentorId": a.ID("nobody")}},
		{"unknown focus skill", "NOT_FOUND", "input.focus", map[string]any{"menteeId": mentor, "mentorId": mentee, "focus": []string{a.ID("nope")}}},
		{"end before start", "BAD_USER_INPUT", "before since", map[string]any{"menteeId": mentor, "mentorId": mentee, "since": "2024-02-01", "until": "2023-01-01"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := a.Fails(c.code, record, map[string]any{"in": c.in})
			if !strings.Contains(e.Message, c.msg) {
				t.Errorf("message %q does not say %q", e.Message, c.msg)
			}
		})
	}
	// The same request again is answered with the stored mentorship.
	for _, in := range []map[string]any{
		{"menteeId": mentee, "mentorId": mentor, "focus": []string{speak}, "since": "2024-01-15"},
		{"menteeId": mentee, "mentorId": mentor, "focus": []string{speak}},
	} {
		d = a.OK(record, map[string]any{"in": in})
		if apitest.At(d, "recordMentorship", "since") != "2024-01-15" || apitest.At(d, "recordMentorship", "status") != "ACTIVE" {
			t.Errorf("a repeated recordMentorship (%v): %v", in, d)
		}
	}
	e := a.Fails("CAPACITY_FULL", record, map[string]any{"in": map[string]any{"menteeId": a.Person("third", nil), "mentorId": mentor}})
	if e.Extensions["capacity"] != 1.0 || e.Extensions["active"] != 1.0 {
		t.Errorf("CAPACITY_FULL extensions: %v", e.Extensions)
	}
	// None of the refused mutations wrote anything.
	d = a.OK(`query($id: ID!) { person(id: $id) { mentors { mentor { id } } mentees { mentee { id } } } }`, map[string]any{"id": mentor})
	if len(apitest.At(d, "person", "mentors").([]any)) != 0 || len(apitest.At(d, "person", "mentees").([]any)) != 1 {
		t.Errorf("mentor's links after refused mutations: %v", d)
	}

	const end = `mutation($in: EndMentorshipInput!) { endMentorship(input: $in) { status until mentor { openSlots } } }`
	a.Fails("BAD_USER_INPUT", end, map[string]any{"in": map[string]any{"menteeId": mentee, "mentorId": mentor, "until": "2023-12-31"}})
	d = a.OK(end, map[string]any{"in": map[string]any{"menteeId": mentee, "mentorId": mentor, "until": "2024-06-01"}})
	if apitest.At(d, "endMentorship", "status") != "ENDED" || apitest.At(d, "endMentorship", "mentor", "openSlots") != 1.0 {
		t.Errorf("endMentorship: %v", d)
	}
	a.Fails("NOT_FOUND", end, map[string]any{"in": map[string]any{"menteeId": mentee, "mentorId": mentor}})

	const add = `mutation($in: AddGoalInput!) { addGoal(input: $in) { id title targetLevel dueDate status skill { id } person { id } } }`
	d = a.OK(add, map[string]any{"in": map[string]any{"id": a.ID("g1"), "personId": mentee, "skillId": speak, "title": "Give a talk", "targetLevel": 3, "dueDate": "2027-03-01"}})
	if apitest.At(d, "addGoal", "status") != "OPEN" || apitest.At(d, "addGoal", "dueDate") != "2027-03-01" || apitest.At(d, "addGoal", "person", "id") != mentee {
		t.Errorf("addGoal: %v", d)
	}
	a.Fails("BAD_USER_INPUT", add, map[string]any{"in": map[string]any{"personId": mentee, "skillId": speak, "title": "X", "targetLevel": 9}})
	a.Fails("BAD_USER_INPUT", add, map[string]any{"in": map[string]any{"personId": mentee, "skillId": speak, "title": ""}})
	a.Fails("CONFLICT", add, map[string]any{"in": map[string]any{"id": a.ID("g1"), "personId": mentee, "skillId": speak, "title": "Dup"}})
	a.Fails("NOT_FOUND", add, map[string]any{"in": map[string]any{"personId": mentee, "skillId": a.ID("nope"), "title": "X"}})

	const upd = `mutation($in: UpdateGoalInput!) { updateGoal(input: $in) { title targetLevel dueDate status } }`
	d = a.OK(upd, map[string]any{"in": map[string]any{"id": a.ID("g1"), "dueDate": nil, "status": "ACHIEVED"}})
	if apitest.At(d, "updateGoal", "dueDate") != nil || apitest.At(d, "updateGoal", "status") != "ACHIEVED" || apitest.At(d, "updateGoal", "title") != "Give a talk" {
		t.Errorf("updateGoal: %v", d)
	}
	a.Fails("BAD_USER_INPUT", upd, map[string]any{"in": map[string]any{"id": a.ID("g1"), "title": nil}})
	a.Fails("NOT_FOUND", upd, map[string]any{"in": map[string]any{"id": a.ID("g404"), "title": "X"}})
	d = a.OK(`query($id: ID!) { person(id: $id) { goals { id } } }`, map[string]any{"id": mentee})
	if len(apitest.At(d, "person", "goals").([]any)) != 1 {
		t.Errorf("goals: %v", d)
	}
}

// TestConcurrentRecordMentorshipForOneSlot: 20 mentees ask at once, over
// HTTP, for the one open slot of a mentor: one gets it, the others are
// told CAPACITY_FULL.
func TestConcurrentRecordMentorshipForOneSlot(t *testing.T) {
	a := apitest.New(t)
	mentor := a.Person("mentor", map[string]any{"availableToMentor": true, "mentorCapacity": 1})
	const n = 20
	var mentees []string
	for i := range n {
		mentees = append(mentees, a.Person(fmt.Sprintf("mentee%02d", i), nil))
	}
	const record = `mutation($in: RecordMentorshipInput!) { recordMentorship(input: $in) { status } }`
	answers := make([]apitest.Response, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body, _ := json.Marshal(map[string]any{"query": record,
				"variables": map[string]any{"in": map[string]any{"menteeId": mentees[i], "mentorId": mentor}}})
			<-start
			resp, err := a.HTTP().Post(a.URL, "application/json", bytes.NewReader(body))
			if err != nil {
				errs[i] = err
				return
			}
			defer resp.Body.Close()
			errs[i] = json.NewDecoder(resp.Body).Decode(&answers[i])
		}()
	}
	close(start)
	wg.Wait()
	ok, full := 0, 0
	for i, r := range answers {
		switch {
		case errs[i] != nil:
			t.Errorf("request %d: %v", i, errs[i])
		case len(r.Errors) == 0 && apitest.At(r.Data, "recordMentorship", "status") == "ACTIVE":
			ok++
		case len(r.Errors) == 1 && r.Errors[0].Extensions["code"] == "CAPACITY_FULL" &&
			r.Errors[0].Extensions["capacity"] == 1.0 && r.Errors[0].Extensions["active"] == 1.0:
			full++
		default:
			t.Errorf("request %d: %+v", i, r)
		}
	}
	if ok != 1 || full != n-1 {
		t.Errorf("%d recorded, %d CAPACITY_FULL; want 1 and %d", ok, full, n-1)
	}
	d := a.OK(`query($id: ID!) { person(id: $id) { openSlots mentees { status } } }`, map[string]any{"id": mentor})
	if len(apitest.At(d, "person", "mentees").([]any)) != 1 || apitest.At(d, "person", "openSlots") != 0.0 {
		t.Errorf("the mentor afterwards: %v", d)
	}
}

// TestOpenSlotsCountEveryActiveMentee: a mentor's openSlots counts all of
// their active mentees wherever the mentor is read: in recordMentorship's
// answer and through a mentee's mentors, not only the one mentorship the
// answer is about.
func TestOpenSlotsCountEveryActiveMentee(t *testing.T) {
	a := apitest.New(t)
	mentor := a.Person("mentor", map[string]any{"availableToMentor": true, "mentorCapacity": 4})
	var mentees []string
	for _, name := range []string{"m1", "m2", "m3"} {
		mentees = append(mentees, a.Person(name, map[string]any{"seekingMentorship": true}))
	}
	a.Mentorship(mentees[0], mentor)
	a.Mentorship(mentees[1], mentor)
	d := a.OK(`mutation($in: RecordMentorshipInput!) { recordMentorship(input: $in) { mentor { openSlots } } }`,
		map[string]any{"in": map[string]any{"menteeId": mentees[2], "mentorId": mentor}})
	if got := apitest.At(d, "recordMentorship", "mentor", "openSlots"); got != 1.0 {
		t.Errorf("recordMentorship's mentor has %v open slots; want 1 (capacity 4, three active mentees)", got)
	}
	// Planned with the person, and through the loaders (under a list).
	d = a.OK(`query($id: ID!) { person(id: $id) { mentors { mentor { openSlots } } } }`, map[string]any{"id": mentees[0]})
	if got := apitest.At(d, "person", "mentors", 0, "mentor", "openSlots"); got != 1.0 {
		t.Errorf("person's mentors: the mentor has %v open slots, want 1", got)
	}
	d = a.OK(`query($id: ID!) { lineage(person: $id, direction: DESCENDANTS) { person { mentors { mentor { openSlots } } } } }`,
		map[string]any{"id": mentor})
	if got := apitest.At(d, "lineage", 0, "person", "mentors", 0, "mentor", "openSlots"); got != 1.0 {
		t.Errorf("lineage's people's mentors: the mentor has %v open slots, want 1", got)
	}
}
