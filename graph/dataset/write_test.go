package dataset

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// richDataset uses every field and the awkward values: quotes, commas, line
// breaks, non-ASCII text, unset and zero values, year-only dates.
func richDataset() *Dataset {
	return &Dataset{
		People: []Person{
			{ID: "amara", Name: "Amara Okafor", Headline: `VP "Platform", Northwind`,
				Bio:      "Grew the team from 6 to 40.\nAsk me about \"hard conversations\",\tand hiring.",
				Location: "Berlin", Timezone: "Europe/Berlin",
				AvailableToMentor: boolPtr(true), MentorCapacity: intPtr(3), SeekingMentorship: boolPtr(false)},
			{ID: "diego", Name: "Diego Ramírez", MentorCapacity: intPtr(0), AvailableToMentor: boolPtr(false)},
			{ID: "li", Name: `"`, Headline: `\.`, Bio: "#not a comment"},
			{ID: "ünïcode-id", Name: "名前 テスト"},
		},
		Skills: []Skill{
			{ID: "leadership", Name: "Leadership", Category: "LEADERSHIP", Description: "Setting direction,\nbringing people along."},
			{ID: "people-management", Name: "People Management", Category: "LEADERSHIP", ParentID: "leadership"},
			{ID: "kubernetes", Name: "Kubernetes", Category: "TECHNICAL"},
			{ID: "negotiation", Name: "Negotiation", Category: "BUSINESS"},
			{ID: "public-speaking", Name: "Public Speaking", Category: "INTERPERSONAL", Description: `Talks; "CFPs"`},
			{ID: "career-planning", Name: "Career Planning", Category: "CAREER"},
		},
		Organizations: []Organization{
			{ID: "northwind", Name: "Northwind, Inc.", Kind: "COMPANY"},
			{ID: "k8s-berlin", Name: "Kubernetes Berlin", Kind: "COMMUNITY"},
			{ID: "tu-delft", Name: "TU Delft", Kind: "UNIVERSITY"},
			{ID: "wit", Name: "Women in Tech", Kind: "ASSOCIATION"},
		},
		PersonSkills: []PersonSkill{
			{PersonID: "amara", SkillID: "people-management", Level: 5, Years: intPtr(12)},
			{PersonID: "diego", SkillID: "kubernetes", Level: 1, Years: intPtr(0)},
			{PersonID: "li", SkillID: "negotiation", Level: 3},
		},
		Affiliations: []Affiliation{
			{PersonID: "amara", OrganizationID: "northwind", Role: "VP Engineering", Since: datePtr("2019-03-01")},
			{PersonID: "diego", OrganizationID: "k8s-berlin", Since: datePtr("2017"), Until: datePtr("2020-12-31")},
			{PersonID: "li", OrganizationID: "tu-delft"},
		},
		Mentorships: []Mentorship{
			{MenteeID: "diego", MentorID: "amara", Since: datePtr("2022-01-15"), Focus: []string{"people-management", "leadership"}, Status: "ACTIVE"},
			{MenteeID: "li", MentorID: "amara", Since: datePtr("2021"), Until: datePtr("2022"), Status: "ENDED"},
		},
		Connections: []Connection{
			{PersonA: "amara", PersonB: "diego", Since: datePtr("2018")},
			{PersonA: "li", PersonB: "amara"},
		},
		Goals: []Goal{
			{ID: "g1", PersonID: "diego", SkillID: "kubernetes", Title: "Pass the CKA, finally", TargetLevel: intPtr(3), DueDate: datePtr("2025-06-30"), Status: "OPEN"},
			{ID: "g2", PersonID: "li", SkillID: "negotiation", Title: "Negotiate a raise", DueDate: datePtr("2025"), Status: "ACHIEVED"},
			{ID: "g3", PersonID: "li", SkillID: "public-speaking", Title: "First talk", Status: "ABANDONED"},
		},
	}
}

// TestWriteDirRoundTrip: the CSV files WriteDir writes read back into an
// equal dataset.
func TestWriteDirRoundTrip(t *testing.T) {
	want := richDataset()
	if ps := Validate(want, Known{}); len(ps) > 0 {
		t.Fatalf("the test dataset is not valid: %v", ps)
	}
	dir := t.TempDir()
	if err := WriteDir(dir, want); err != nil {
		t.Fatal(err)
	}
	got, warnings, err := ReadDir(dir)
	if err != nil || len(warnings) > 0 {
		t.Fatalf("ReadDir: %v (warnings %v)", err, warnings)
	}
	if diff := datasetDiff(withoutPositions(got), want); diff != "" {
		t.Errorf("read back differs:\n%s", diff)
	}
	if got.People[1].At != (Pos{"people.csv", 4}) { // after a two-line bio
		t.Errorf("second person At = %v, want people.csv:4", got.People[1].At)
	}
	affiliations, err := os.ReadFile(filepath.Join(dir, "affiliations.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(affiliations), "diego,k8s-berlin,,2017,2020-12-31\n") {
		t.Errorf("a year-only date is not written as YYYY:\n%s", affiliations)
	}
}

// TestWriteDirEmpty: every file is written, with its header, even with no
// records.
func TestWriteDirEmpty(t *testing.T) {
	dir := t.TempDir()
	if err := WriteDir(dir, &Dataset{}); err != nil {
		t.Fatal(err)
	}
	for _, kind := range Kinds {
		text, err := os.ReadFile(filepath.Join(dir, kind.FileName()))
		if err != nil {
			t.Fatal(err)
		}
		if want := strings.Join(kind.Columns(), ",") + "\n"; string(text) != want {
			t.Errorf("%s = %q, want %q", kind.FileName(), text, want)
		}
	}
}

// TestWriteNDJSONRoundTrip: the NDJSON WriteNDJSON writes reads back into an
// equal dataset, and equal to the CSV form.
func TestWriteNDJSONRoundTrip(t *testing.T) {
	want := richDataset()
	var buf bytes.Buffer
	if err := WriteNDJSON(&buf, want); err != nil {
		t.Fatal(err)
	}
	lines := strings.Count(buf.String(), "\n")
	if records := 4 + 6 + 4 + 3 + 3 + 2 + 2 + 3; lines != records {
		t.Errorf("wrote %d lines, want one a record (%d)", lines, records)
	}
	var got Dataset
	warnings, err := got.ReadNDJSON(&buf, "network.ndjson")
	if err != nil || len(warnings) > 0 {
		t.Fatalf("ReadNDJSON: %v (warnings %v)", err, warnings)
	}
	if diff := datasetDiff(withoutPositions(&got), want); diff != "" {
		t.Errorf("read back differs:\n%s", diff)
	}
	if got.Goals[2].At != (Pos{"network.ndjson", lines}) {
		t.Errorf("last goal At = %v, want line %d", got.Goals[2].At, lines)
	}
}

// TestWriteNDJSONValues: numbers and booleans are JSON numbers and
// booleans, focus a list, unset fields left out.
func TestWriteNDJSONValues(t *testing.T) {
	ds := &Dataset{
		People:        []Person{{ID: "p1", Name: "Ada\u2028", AvailableToMentor: boolPtr(true), MentorCapacity: intPtr(2)}},
		Organizations: []Organization{{ID: "o", Name: "O", Kind: "COMPANY"}},
		Mentorships:   []Mentorship{{MenteeID: "p1", MentorID: "p2", Focus: []string{"go", "k8s"}, Status: "ACTIVE", Since: datePtr("2020")}},
	}
	var buf bytes.Buffer
	if err := WriteNDJSON(&buf, ds); err != nil {
		t.Fatal(err)
	}
	want := `{"kind":"person","id":"p1","name":"Ada\u2028","available_to_mentor":true,"mentor_capacity":2}
{"kind":"organization","id":"o","name":"O","organization_kind":"COMPANY"}
{"kind":"mentorship","mentee_id":"p1","mentor_id":"p2","since":"2020","focus":["go","k8s"],"status":"ACTIVE"}
`
	if buf.String() != want {
		t.Errorf("wrote\n%s\nwant\n%s", buf.String(), want)
	}
}
