package dataset

import (
	"testing"
)

// TestExamples: the example files in examples/ read and validate with no
// problem and no warning, and the CSV and NDJSON forms hold the same
// records.
func TestExamples(t *testing.T) {
	read := func(dir string) *Dataset {
		t.Helper()
		ds, warnings, err := ReadDir(dir)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		if len(warnings) > 0 {
			t.Errorf("%s: warnings %v", dir, warnings)
		}
		if ps := Validate(ds, Known{}); len(ps) > 0 {
			t.Errorf("%s: %v", dir, ps)
		}
		return ds
	}
	fromCSV := read("../../examples/csv")
	fromNDJSON := read("../../examples/ndjson")
	if n := len(fromCSV.People); n < 12 {
		t.Errorf("the examples hold %d people, want a dozen", n)
	}
	if diff := datasetDiff(withoutPositions(fromNDJSON), withoutPositions(fromCSV)); diff != "" {
		t.Errorf("network.ndjson differs from the CSV files:\n%s", diff)
	}
	if people, skills, orgs := fromCSV.Missing(); len(people)+len(skills)+len(orgs) > 0 {
		t.Errorf("the examples refer to ids they do not define: %v %v %v", people, skills, orgs)
	}
}
