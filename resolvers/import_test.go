package resolvers_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mentorgraph/mentorgraph/internal/apitest"
)

func TestImportRecords(t *testing.T) {
	a := apitest.New(t)
	lines := strings.Join([]string{
		fmt.Sprintf(`{"kind":"person","id":"%s","name":"Nia Mensah","available_to_mentor":true,"mentor_capacity":2}`, a.ID("nia")),
		fmt.Sprintf(`{"kind":"person","id":"%s","name":"Oskar Berg","seeking_mentorship":true}`, a.ID("oskar")),
		fmt.Sprintf(`{"kind":"skill","id":"%s","name":"Negotiation","category":"BUSINESS"}`, a.ID("negotiation")),
		fmt.Sprintf(`{"kind":"person_skill","person_id":"%s","skill_id":"%s","level":5}`, a.ID("nia"), a.ID("negotiation")),
		fmt.Sprintf(`{"kind":"mentorship","mentee_id":"%s","mentor_id":"%s","focus":["%s"],"since":"2025"}`, a.ID("oskar"), a.ID("nia"), a.ID("negotiation")),
	}, "\n")
	const m = `mutation($n: String!, $dry: Boolean) { importRecords(ndjson: $n, dryRun: $dry) { dryRun rows changed kinds { kind rows created updated unchanged } } }`
	d := a.OK(m, map[string]any{"n": lines, "dry": true})
	if apitest.At(d, "importRecords", "changed") != true || apitest.At(d, "importRecords", "rows") != 5.0 || apitest.At(d, "importRecords", "kinds", 0, "created") != 2.0 {
		t.Errorf("dry run: %v", d)
	}
	if got := a.OK(`query($id: ID!) { person(id: $id) { id } }`, map[string]any{"id": a.ID("nia")}); got["person"] != nil {
		t.Fatalf("dry run wrote a person")
	}
	a.OK(m, map[string]any{"n": lines})
	d = a.OK(`query($id: ID!) { person(id: $id) { mentors { since mentor { name openSlots skills { level } } focus { name } } } }`, map[string]any{"id": a.ID("oskar")})
	if apitest.At(d, "person", "mentors", 0, "mentor", "name") != "Nia Mensah" || apitest.At(d, "person", "mentors", 0, "since") != "2025-01-01" ||
		apitest.At(d, "person", "mentors", 0, "mentor", "openSlots") != 1.0 || apitest.At(d, "person", "mentors", 0, "focus", 0, "name") != "Negotiation" {
		t.Errorf("imported mentorship: %v", d)
	}
	d = a.OK(m, map[string]any{"n": lines})
	if apitest.At(d, "importRecords", "changed") != false || apitest.At(d, "importRecords", "kinds", 0, "unchanged") != 2.0 {
		t.Errorf("second import: %v", d)
	}

	bad := lines + "\n" + fmt.Sprintf(`{"kind":"person_skill","person_id":"%s","skill_id":"%s","level":7}`, a.ID("oskar"), a.ID("negotiation")) +
		"\n" + fmt.Sprintf(`{"kind":"connection","person_a":"%s","person_b":"%s"}`, a.ID("oskar"), a.ID("ghost"))
	e := a.Fails("BAD_USER_INPUT", m, map[string]any{"n": bad})
	problems, _ := e.Extensions["problems"].([]any)
	if len(problems) != 2 || !strings.Contains(e.Message, "nothing was written") {
		t.Fatalf("problems: %s %v", e.Message, problems)
	}
	if apitest.At(problems, 0, "line") != 6.0 || apitest.At(problems, 0, "column") != "level" || apitest.At(problems, 1, "line") != 7.0 {
		t.Errorf("problem locations: %v", problems)
	}
	e = a.Fails("BAD_USER_INPUT", m, map[string]any{"n": strings.Repeat("{}\n", 10001)})
	if e.Extensions["field"] != "ndjson" {
		t.Errorf("over-long input: %+v", e)
	}
}
