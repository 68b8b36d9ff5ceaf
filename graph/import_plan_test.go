package graph

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// TestImportStepsPlanEachKindInOrder: the plan has a step per kind, ends
// before links, with a row per record; a skill's broader skill is a step
// of its own after every skill, and an empty cell sets nothing.
func TestImportStepsPlanEachKindInOrder(t *testing.T) {
	ds := &dataset.Dataset{
		People:        []dataset.Person{{ID: "p1", Name: "Ada"}, {ID: "p2", Name: "Bo", Headline: "Engineer"}},
		Skills:        []dataset.Skill{{ID: "lead", Name: "Leadership"}, {ID: "mgmt", Name: "Management", ParentID: "lead"}},
		Organizations: []dataset.Organization{{ID: "o1", Name: "Acme"}},
		PersonSkills:  []dataset.PersonSkill{{PersonID: "p1", SkillID: "mgmt", Level: 4}},
		Mentorships:   []dataset.Mentorship{{MenteeID: "p2", MentorID: "p1"}},
		Connections:   []dataset.Connection{{PersonA: "p1", PersonB: "p2"}},
	}
	steps := importSteps(ds)
	var kinds []dataset.Kind
	rows := map[dataset.Kind]int{}
	for _, st := range steps {
		kinds = append(kinds, st.kind)
		rows[st.kind] = st.n
	}
	wantKinds := []dataset.Kind{dataset.KindPerson, dataset.KindSkill, kindSkillParent, dataset.KindOrganization,
		dataset.KindPersonSkill, dataset.KindAffiliation, dataset.KindMentorship, dataset.KindConnection, dataset.KindGoal}
	if diff := cmp.Diff(wantKinds, kinds); diff != "" {
		t.Fatalf("step kinds (-want +got):\n%s", diff)
	}
	wantRows := map[dataset.Kind]int{dataset.KindPerson: 2, dataset.KindSkill: 2, kindSkillParent: 1, dataset.KindOrganization: 1,
		dataset.KindPersonSkill: 1, dataset.KindAffiliation: 0, dataset.KindMentorship: 1, dataset.KindConnection: 1, dataset.KindGoal: 0}
	if diff := cmp.Diff(wantRows, rows); diff != "" {
		t.Errorf("rows per step (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]any{"i": 0, "id": "mgmt", "parent": "lead"}, steps[2].row(0)); diff != "" {
		t.Errorf("the broader-skill row (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]any{"name": "Ada"}, steps[0].row(0)["props"]); diff != "" {
		t.Errorf("a person with empty cells: props (-want +got):\n%s", diff)
	}
	m := steps[6].row(0)
	if m["a"] != "p2" || m["b"] != "p1" || m["props"].(map[string]any)["status"] != "ACTIVE" {
		t.Errorf("a mentorship without status or until: %v, want mentee p2, mentor p1, status ACTIVE", m)
	}
}
