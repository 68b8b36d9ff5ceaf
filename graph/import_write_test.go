package graph

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// TestFreshRowOnlyForNewEnds: a row is created outright (by element ids)
// only when this import created both its ends, and, for a node kind (a
// goal), only when no node of the kind was stored; a link with one new end
// is created without classifying, through the id index.
func TestFreshRowOnlyForNewEnds(t *testing.T) {
	ds := &dataset.Dataset{
		PersonSkills: []dataset.PersonSkill{{PersonID: "p1", SkillID: "s1", Level: 3}, {PersonID: "old", SkillID: "s1", Level: 2}},
		Goals:        []dataset.Goal{{ID: "g1", PersonID: "p1", SkillID: "s1", Title: "Lead a team"}},
	}
	var personSkill, goal importStep
	for _, st := range importSteps(ds) {
		switch st.kind {
		case dataset.KindPersonSkill:
			personSkill = st
		case dataset.KindGoal:
			goal = st
		}
	}
	created := createdNodes{dataset.KindPerson: {"p1": "e:p1"}, dataset.KindSkill: {"s1": "e:s1"}}
	if diff := cmp.Diff([]any{"e:p1", "e:s1", map[string]any{"level": 3}}, freshRow(personSkill, created, false, personSkill.row(0))); diff != "" {
		t.Errorf("a link between two new nodes (-want +got):\n%s", diff)
	}
	if got := freshRow(personSkill, created, false, personSkill.row(1)); got != nil {
		t.Errorf("a link from a stored person: %v, want nil (classified)", got)
	}
	if got := freshRow(goal, created, false, goal.row(0)); got != nil {
		t.Errorf("a goal while goals are stored: %v, want nil (classified)", got)
	}
	want := []any{"e:p1", "e:s1", map[string]any{"title": "Lead a team", "status": "OPEN"}, "g1"}
	if diff := cmp.Diff(want, freshRow(goal, created, true, goal.row(0))); diff != "" {
		t.Errorf("the first goals (-want +got):\n%s", diff)
	}

	// A link with one new end cannot be stored either: it is created through
	// the id index without classifying; a link between stored nodes, or a
	// goal (whose id may be stored), is classified.
	if !newLink(personSkill, created, personSkill.row(1)) {
		t.Errorf("a stored person's link to a new skill is not created outright")
	}
	if newLink(personSkill, created, map[string]any{"a": "old", "b": "old-skill"}) {
		t.Errorf("a link between stored nodes is not classified")
	}
	if newLink(goal, created, goal.row(0)) {
		t.Errorf("a goal of new ends is not classified while goals are stored")
	}

	// A new skill under a new broader skill is linked by element ids; under
	// a stored one, through the id index.
	ds = &dataset.Dataset{Skills: []dataset.Skill{{ID: "s1"}, {ID: "s2", ParentID: "s1"}, {ID: "s3", ParentID: "stored"}}}
	parent := importSteps(ds)[2]
	created[dataset.KindSkill]["s2"], created[dataset.KindSkill]["s3"] = "e:s2", "e:s3"
	if diff := cmp.Diff([]any{"e:s2", "e:s1", nil}, freshRow(parent, created, false, parent.row(0))); diff != "" {
		t.Errorf("a new skill under a new one (-want +got):\n%s", diff)
	}
	if got := freshRow(parent, created, false, parent.row(1)); got != nil {
		t.Errorf("a new skill under a stored one: %v, want nil", got)
	}
}
