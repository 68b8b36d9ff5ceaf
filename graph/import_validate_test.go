package graph

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// TestMergeProblemsOnceInOrder: problems found while reading and while
// validating are reported together, each once, by file and line.
func TestMergeProblemsOnceInOrder(t *testing.T) {
	bad := dataset.Problem{File: "people.csv", Line: 3, Column: "mentorCapacity", Message: `"x" is not a number`}
	read := dataset.Problems{bad, {File: "skills.csv", Line: 2, Message: "a"}}
	valid := dataset.Problems{{File: "people.csv", Line: 7, Message: "b"}, bad}
	want := dataset.Problems{bad, {File: "people.csv", Line: 7, Message: "b"}, {File: "skills.csv", Line: 2, Message: "a"}}
	if diff := cmp.Diff(want, mergeProblems(read, valid)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
