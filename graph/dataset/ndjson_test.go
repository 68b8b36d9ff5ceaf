package dataset

import (
	"strings"
	"testing"
)

// TestReadNDJSONBadLines: the NDJSON equivalents of the CSV problems, each
// at its line and field.
func TestReadNDJSONBadLines(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []wantProblem
	}{
		{"negative mentor capacity",
			`{"kind":"person","id":"p1","name":"Ada","mentor_capacity":-1}`,
			[]wantProblem{{"net.ndjson", 1, "mentor_capacity", `must be a whole number ≥ 0, got "-1"`}}},
		{"mentor capacity as a word",
			`{"kind":"person","id":"p1","name":"Ada","mentor_capacity":"three"}`,
			[]wantProblem{{"net.ndjson", 1, "mentor_capacity", `got "three"`}}},
		{"boolean as a number",
			`{"kind":"person","id":"p1","name":"Ada","available_to_mentor":1}`,
			[]wantProblem{{"net.ndjson", 1, "available_to_mentor", `must be true or false, got "1"`}}},
		{"id with a space",
			`{"kind":"person","id":"p 1","name":"Ada"}`,
			[]wantProblem{{"net.ndjson", 1, "id", `got "p 1"`}}},
		{"name missing",
			`{"kind":"person","id":"p1"}`,
			[]wantProblem{{"net.ndjson", 1, "name", "must not be empty"}}},
		{"name null",
			`{"kind":"person","id":"p1","name":null}`,
			[]wantProblem{{"net.ndjson", 1, "name", "must not be empty"}}},
		{"name an object",
			`{"kind":"person","id":"p1","name":{"first":"Ada"}}`,
			[]wantProblem{{"net.ndjson", 1, "name", "must be a string, number or boolean, got an object"}}},
		{"name a list",
			`{"kind":"person","id":"p1","name":["Ada"]}`,
			[]wantProblem{{"net.ndjson", 1, "name", "got a list"}}},
		{"field twice",
			`{"kind":"person","id":"p1","name":"Ada","name":"Bob"}`,
			[]wantProblem{{"net.ndjson", 1, "name", "appears twice"}}},
		{"level out of range",
			`{"kind":"person_skill","person_id":"p1","skill_id":"go","level":7}`,
			[]wantProblem{{"net.ndjson", 1, "level", `must be a whole number from 1 to 5, got "7"`}}},
		{"level a fraction",
			`{"kind":"person_skill","person_id":"p1","skill_id":"go","level":2.5}`,
			[]wantProblem{{"net.ndjson", 1, "level", `got "2.5"`}}},
		{"level missing",
			`{"kind":"person_skill","person_id":"p1","skill_id":"go"}`,
			[]wantProblem{{"net.ndjson", 1, "level", "must not be empty"}}},
		{"organization kind unknown",
			`{"kind":"organization","id":"acme","name":"Acme","organization_kind":"club"}`,
			[]wantProblem{{"net.ndjson", 1, "organization_kind", `got "CLUB"`}}},
		{"bad date",
			`{"kind":"connection","person_a":"p1","person_b":"p2","since":"2020-02-31"}`,
			[]wantProblem{{"net.ndjson", 1, "since", `got "2020-02-31"`}}},
		{"self-connection",
			`{"kind":"connection","person_a":"p1","person_b":"p1"}`,
			[]wantProblem{{"net.ndjson", 1, "person_b", "cannot be connected to themselves"}}},
		{"focus list of numbers",
			`{"kind":"mentorship","mentee_id":"p1","mentor_id":"p2","focus":[1,2]}`,
			[]wantProblem{{"net.ndjson", 1, "focus", "must be a list of skill ids (strings)"}}},
		{"until before since",
			`{"kind":"mentorship","mentee_id":"p1","mentor_id":"p2","since":"2024-02-01","until":"2024-01-01"}`,
			[]wantProblem{{"net.ndjson", 1, "until", "is before since"}}},
		{"goal status unknown",
			`{"kind":"goal","id":"g1","person_id":"p1","skill_id":"go","title":"Learn Go","status":"done"}`,
			[]wantProblem{{"net.ndjson", 1, "status", `got "DONE"`}}},
		{"not JSON",
			`{"kind":"person","id":"p1",}`,
			[]wantProblem{{"net.ndjson", 1, "", "not valid JSON"}}},
		{"not an object",
			`["person","p1"]`,
			[]wantProblem{{"net.ndjson", 1, "", "must be a JSON object"}}},
		{"kind missing",
			`{"id":"p1","name":"Ada"}`,
			[]wantProblem{{"net.ndjson", 1, "kind", "missing: every line needs a kind field, one of person, skill"}}},
		{"kind unknown",
			`{"kind":"persn","id":"p1","name":"Ada"}`,
			[]wantProblem{{"net.ndjson", 1, "kind", `must be one of person, skill, organization, person_skill, affiliation, mentorship, connection, goal, got "persn"`}}},
		{"kind not a string",
			`{"kind":3}`,
			[]wantProblem{{"net.ndjson", 1, "kind", "got 3"}}},
		{"blank lines keep the count",
			"\n   \n" + `{"kind":"person","id":"p1","name":"Ada"}` + "\r\n\n" + `{"kind":"person","id":"p2","name":""}`,
			[]wantProblem{{"net.ndjson", 5, "name", "must not be empty"}}},
		{"id and name with characters the API refuses",
			`{"kind":"person","id":"p\u0000","name":"Ada\u202e"}`,
			[]wantProblem{
				{"net.ndjson", 1, "id", `got "p\x00", which contains a control character (U+0000) at character 2`},
				{"net.ndjson", 1, "name", `got "Ada\u202e", which contains a bidirectional text control (U+202E) at character 4`},
			}},
		{"every line reported",
			`{"kind":"person","id":"p1","name":"Ada","mentor_capacity":-1}` + "\n" +
				`not json` + "\n" +
				`{"kind":"person","id":"p3","name":"Cy","seeking_mentorship":"sometimes"}`,
			[]wantProblem{
				{"net.ndjson", 1, "mentor_capacity", `got "-1"`},
				{"net.ndjson", 2, "", "not valid JSON"},
				{"net.ndjson", 3, "seeking_mentorship", `got "sometimes"`},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ds Dataset
			_, err := ds.ReadNDJSON(strings.NewReader(tt.text), "net.ndjson")
			checkProblems(t, problemsIn(t, err), tt.want)
		})
	}
}

// TestReadNDJSONEqualsCSV: the same records given as NDJSON, with values in
// any of the accepted spellings, read into the same dataset as the CSV.
func TestReadNDJSONEqualsCSV(t *testing.T) {
	fromCSV := readCSVFiles(t, map[string]string{
		"people.csv":        peopleHeader + "p1,Ada Lovelace,Analyst,\"Wrote the first program,\nand notes on it.\",London,Europe/London,true,2,false\np2,Bob,,,,,,,\n",
		"skills.csv":        skillsHeader + "math,Mathematics,TECHNICAL,,\nalgebra,Algebra,technical,math,\"Groups, rings\"\n",
		"organizations.csv": orgsHeader + "rs,Royal Society,association\n",
		"person_skills.csv": personSkillsHeader + "p1,math,5,20\np2,algebra,2,\n",
		"affiliations.csv":  affiliationsHeader + "p1,rs,Fellow,1840,1852-11-27\n",
		"mentorships.csv":   mentorshipsHeader + "p2,p1,1843-01-01,,math;algebra,\n",
		"connections.csv":   connectionsHeader + "p1,p2,1842\n",
		"goals.csv":         goalsHeader + "g1,p2,algebra,Learn algebra,3,1845-06-30,\n",
	})
	text := `{"kind":"person","id":"p1","name":"Ada Lovelace","headline":"Analyst","bio":"Wrote the first program,\nand notes on it.","location":"London","timezone":"Europe/London","available_to_mentor":true,"mentor_capacity":2,"seeking_mentorship":"false"}
{"kind":"person","id":"p2","name":"Bob","headline":null,"favourite_colour":"green"}
{"name":"Mathematics","kind":"skill","id":"math","category":"TECHNICAL"}
{"kind":"Skill","ID":"algebra","name":"Algebra","category":"technical","parent_id":"math","description":"Groups, rings"}
{"kind":"organization","id":"rs","name":"Royal Society","organization_kind":"Association"}
{"kind":"person_skill","person_id":"p1","skill_id":"math","level":"5","years":20}

{"kind":"person_skill","person_id":"p2","skill_id":"algebra","level":2}
{"kind":"affiliation","person_id":"p1","organization_id":"rs","role":"Fellow","since":"1840","until":"1852-11-27"}
{"kind":"mentorship","mentee_id":"p2","mentor_id":"p1","since":"1843-01-01","focus":["math","algebra"]}
{"kind":"connection","person_a":"p1","person_b":"p2","since":"1842"}
{"kind":"goal","id":"g1","person_id":"p2","skill_id":"algebra","title":"Learn \u0061lgebra","target_level":3,"due_date":"1845-06-30"}
`
	var fromNDJSON Dataset
	warnings, err := fromNDJSON.ReadNDJSON(strings.NewReader(text), "net.ndjson")
	if err != nil {
		t.Fatal(err)
	}
	if diff := datasetDiff(withoutPositions(&fromNDJSON), withoutPositions(fromCSV)); diff != "" {
		t.Error(diff)
	}
	if len(warnings) != 1 || warnings[0].Line != 2 || warnings[0].Column != "favourite_colour" {
		t.Errorf("warnings = %v, want one for favourite_colour at line 2", warnings)
	}
	if got := fromNDJSON.Goals[0].At; got != (Pos{"net.ndjson", 12}) {
		t.Errorf("goal At = %v, want net.ndjson:12", got)
	}
	// A focus given as a string reads as the list does.
	var ds Dataset
	if _, err := ds.ReadNDJSON(strings.NewReader(`{"kind":"mentorship","mentee_id":"p2","mentor_id":"p1","since":"1843-01-01","focus":"math; algebra"}`), "f.jsonl"); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ds.Mentorships[0].Focus, ","); got != "math,algebra" {
		t.Errorf("focus = %s", got)
	}
}

// TestReadNDJSONUnknownFieldWarnsOnce: an unknown field is reported once per
// kind, at its first line, not on every line.
func TestReadNDJSONUnknownFieldWarnsOnce(t *testing.T) {
	text := strings.Repeat(`{"kind":"person","id":"p","name":"A","age":3}`+"\n", 3) +
		`{"kind":"skill","id":"s","name":"S","category":"CAREER","age":3}` + "\n"
	var ds Dataset
	warnings, _ := ds.ReadNDJSON(strings.NewReader(text), "n.ndjson")
	if len(warnings) != 2 || warnings[0].Line != 1 || warnings[1].Line != 4 {
		t.Errorf("warnings = %v, want one for person (line 1) and one for skill (line 4)", warnings)
	}
}

// TestReadNDJSONLongLine: a line longer than the read buffer is read whole.
func TestReadNDJSONLongLine(t *testing.T) {
	bio := strings.Repeat("á", 4000) // 8000 bytes
	text := `{"kind":"person","id":"p1","name":"Ada","bio":"` + strings.Repeat(bio, 10) + `"}` + "\n" +
		`{"kind":"person","id":"p2","name":"Bob","bio":"` + bio + `"}` + "\n"
	var ds Dataset
	_, err := ds.ReadNDJSON(strings.NewReader(text), "n.ndjson")
	checkProblems(t, problemsIn(t, err), []wantProblem{{"n.ndjson", 1, "bio", "at most 5000 characters, has 40000"}})
	if len(ds.People) != 2 || ds.People[1].Bio != bio {
		t.Errorf("read %d people", len(ds.People))
	}
}

// TestReadNDJSONLineTooLong: a line beyond the limit is one problem, and
// reading goes on with the next line.
func TestReadNDJSONLineTooLong(t *testing.T) {
	text := `{"kind":"person","id":"p1","name":"` + strings.Repeat("a", maxNDJSONLine) + `"}` + "\n" +
		`{"kind":"person","id":"p2","name":"Bob","mentor_capacity":-1}` + "\n"
	var ds Dataset
	_, err := ds.ReadNDJSON(strings.NewReader(text), "n.ndjson")
	checkProblems(t, problemsIn(t, err), []wantProblem{
		{"n.ndjson", 1, "", "the line is longer than 16 MiB: it was skipped"},
		{"n.ndjson", 2, "mentor_capacity", `got "-1"`},
	})
	if len(ds.People) != 1 || ds.People[0].ID != "p2" {
		t.Errorf("read %+v, want only p2", ds.People)
	}
}
