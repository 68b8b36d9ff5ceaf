package dataset

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	peopleHeader       = "id,name,headline,bio,location,timezone,available_to_mentor,mentor_capacity,seeking_mentorship\n"
	skillsHeader       = "id,name,category,parent_id,description\n"
	orgsHeader         = "id,name,kind\n"
	personSkillsHeader = "person_id,skill_id,level,years\n"
	affiliationsHeader = "person_id,organization_id,role,since,until\n"
	mentorshipsHeader  = "mentee_id,mentor_id,since,until,focus,status\n"
	connectionsHeader  = "person_a,person_b,since\n"
	goalsHeader        = "id,person_id,skill_id,title,target_level,due_date,status\n"
)

// TestReadCSVBadCells: every kind of cell that cannot be read, or breaks its
// record's own rules, is a problem at the record's line and column that
// quotes the value.
func TestReadCSVBadCells(t *testing.T) {
	long := func(n int) string { return strings.Repeat("x", n) }
	tests := []struct {
		name string
		kind Kind
		text string
		want []wantProblem
	}{
		{"negative mentor capacity", KindPerson,
			peopleHeader + "p1,Ada,,,,,true,3,false\np2,Bob,,,,,true,-1,false\n",
			[]wantProblem{{"people.csv", 3, "mentor_capacity", `must be a whole number ≥ 0, got "-1"`}}},
		{"mentor capacity not a number", KindPerson,
			peopleHeader + "p1,Ada,,,,,true,three,false\n",
			[]wantProblem{{"people.csv", 2, "mentor_capacity", `must be a whole number ≥ 0, got "three"`}}},
		{"mentor capacity a fraction", KindPerson,
			peopleHeader + "p1,Ada,,,,,true,2.5,false\n",
			[]wantProblem{{"people.csv", 2, "mentor_capacity", `got "2.5"`}}},
		{"available_to_mentor not a boolean", KindPerson,
			peopleHeader + "p1,Ada,,,,,yes,,\n",
			[]wantProblem{{"people.csv", 2, "available_to_mentor", `must be true or false, got "yes"`}}},
		{"seeking_mentorship not a boolean", KindPerson,
			peopleHeader + "p1,Ada,,,,,,,maybe\n",
			[]wantProblem{{"people.csv", 2, "seeking_mentorship", `must be true or false, got "maybe"`}}},
		{"id empty", KindPerson,
			peopleHeader + ",Ada,,,,,,,\n",
			[]wantProblem{{"people.csv", 2, "id", "must not be empty"}}},
		{"id with a space", KindPerson,
			peopleHeader + "ada lovelace,Ada,,,,,,,\n",
			[]wantProblem{{"people.csv", 2, "id", `must not contain spaces or control characters, got "ada lovelace"`}}},
		{"id with a control character", KindPerson,
			peopleHeader + "ada\x01,Ada,,,,,,,\n",
			[]wantProblem{{"people.csv", 2, "id", "control characters"}}},
		{"id with a no-break space", KindPerson,
			peopleHeader + "ada\u00a0l,Ada,,,,,,,\n",
			[]wantProblem{{"people.csv", 2, "id", "spaces"}}},
		{"id too long", KindPerson,
			peopleHeader + long(201) + ",Ada,,,,,,,\n",
			[]wantProblem{{"people.csv", 2, "id", "at most 200 characters, has 201"}}},
		{"id of 200 characters is fine", KindPerson,
			peopleHeader + long(200) + ",Ada,,,,,,,\n", nil},
		{"name empty", KindPerson,
			peopleHeader + "p1,,,,,,,,\n",
			[]wantProblem{{"people.csv", 2, "name", "must not be empty"}}},
		{"name too long", KindPerson,
			peopleHeader + "p1," + long(201) + ",,,,,,,\n",
			[]wantProblem{{"people.csv", 2, "name", "at most 200 characters, has 201"}}},
		{"name of 200 characters beyond ASCII is fine", KindPerson,
			peopleHeader + "p1," + strings.Repeat("é", 200) + ",,,,,,,\n", nil},
		{"name not UTF-8", KindPerson,
			peopleHeader + "p1,Ad\xffa,,,,,,,\n",
			[]wantProblem{{"people.csv", 2, "name", "valid UTF-8"}}},
		{"headline too long", KindPerson,
			peopleHeader + "p1,Ada," + long(301) + ",,,,,,\n",
			[]wantProblem{{"people.csv", 2, "headline", "at most 300 characters"}}},
		{"bio too long", KindPerson,
			peopleHeader + "p1,Ada,," + long(5001) + ",,,,,\n",
			[]wantProblem{{"people.csv", 2, "bio", "at most 5000 characters"}}},
		{"location too long", KindPerson,
			peopleHeader + "p1,Ada,,," + long(101) + ",,,,\n",
			[]wantProblem{{"people.csv", 2, "location", "at most 100 characters"}}},
		{"timezone too long", KindPerson,
			peopleHeader + "p1,Ada,,,," + long(101) + ",,,\n",
			[]wantProblem{{"people.csv", 2, "timezone", "at most 100 characters"}}},
		{"unknown skill category", KindSkill,
			skillsHeader + "go,Go,SCIENCE,,\n",
			[]wantProblem{{"skills.csv", 2, "category", `must be one of TECHNICAL, LEADERSHIP, BUSINESS, CAREER or INTERPERSONAL, got "SCIENCE"`}}},
		{"skill category empty", KindSkill,
			skillsHeader + "go,Go,,,\n",
			[]wantProblem{{"skills.csv", 2, "category", "must be one of TECHNICAL"}}},
		{"skill description too long", KindSkill,
			skillsHeader + "go,Go,technical,," + long(5001) + "\n",
			[]wantProblem{{"skills.csv", 2, "description", "at most 5000 characters"}}},
		{"unknown organization kind", KindOrganization,
			orgsHeader + "acme,Acme,CLUB\n",
			[]wantProblem{{"organizations.csv", 2, "kind", `must be one of COMPANY, COMMUNITY, UNIVERSITY or ASSOCIATION, got "CLUB"`}}},
		{"organization name empty", KindOrganization,
			orgsHeader + "acme,,COMPANY\n",
			[]wantProblem{{"organizations.csv", 2, "name", "must not be empty"}}},
		{"level 0", KindPersonSkill,
			personSkillsHeader + "p1,go,0,\n",
			[]wantProblem{{"person_skills.csv", 2, "level", `must be a whole number from 1 to 5, got "0"`}}},
		{"level 6", KindPersonSkill,
			personSkillsHeader + "p1,go,6,\n",
			[]wantProblem{{"person_skills.csv", 2, "level", `got "6"`}}},
		{"level a word", KindPersonSkill,
			personSkillsHeader + "p1,go,expert,\n",
			[]wantProblem{{"person_skills.csv", 2, "level", `must be a whole number from 1 to 5, got "expert"`}}},
		{"level empty", KindPersonSkill,
			personSkillsHeader + "p1,go,,\n",
			[]wantProblem{{"person_skills.csv", 2, "level", "must not be empty"}}},
		{"years negative", KindPersonSkill,
			personSkillsHeader + "p1,go,3,-2\n",
			[]wantProblem{{"person_skills.csv", 2, "years", `must be a whole number ≥ 0, got "-2"`}}},
		{"years not a number", KindPersonSkill,
			personSkillsHeader + "p1,go,3,many\n",
			[]wantProblem{{"person_skills.csv", 2, "years", `got "many"`}}},
		{"person_id empty", KindPersonSkill,
			personSkillsHeader + ",go,3,\n",
			[]wantProblem{{"person_skills.csv", 2, "person_id", "must not be empty"}}},
		{"since not a date", KindAffiliation,
			affiliationsHeader + "p1,acme,Engineer,2020-13-01,\n",
			[]wantProblem{{"affiliations.csv", 2, "since", `must be a date YYYY-MM-DD or a year YYYY, got "2020-13-01"`}}},
		{"until a word", KindAffiliation,
			affiliationsHeader + "p1,acme,Engineer,2020,yesterday\n",
			[]wantProblem{{"affiliations.csv", 2, "until", `got "yesterday"`}}},
		{"February 30th", KindAffiliation,
			affiliationsHeader + "p1,acme,Engineer,2023-02-30,\n",
			[]wantProblem{{"affiliations.csv", 2, "since", `got "2023-02-30"`}}},
		{"until before since", KindAffiliation,
			affiliationsHeader + "p1,acme,Engineer,2021-05-01,2020-01-31\n",
			[]wantProblem{{"affiliations.csv", 2, "until", `"2020-01-31" is before since "2021-05-01"`}}},
		{"until in the year of since", KindAffiliation,
			affiliationsHeader + "p1,acme,Engineer,2021-05-01,2021\n", nil},
		{"role too long", KindAffiliation,
			affiliationsHeader + "p1,acme," + long(201) + ",,\n",
			[]wantProblem{{"affiliations.csv", 2, "role", "at most 200 characters"}}},
		{"self-mentorship", KindMentorship,
			mentorshipsHeader + "p1,p1,2024-01-01,,,\n",
			[]wantProblem{{"mentorships.csv", 2, "mentor_id", `cannot mentor themselves: "p1"`}}},
		{"mentorship until before since", KindMentorship,
			mentorshipsHeader + "p1,p2,2024-01-01,2023-12-31,,\n",
			[]wantProblem{{"mentorships.csv", 2, "until", "is before since"}}},
		{"unknown mentorship status", KindMentorship,
			mentorshipsHeader + "p1,p2,,,,PAUSED\n",
			[]wantProblem{{"mentorships.csv", 2, "status", `must be one of ACTIVE or ENDED, got "PAUSED"`}}},
		{"self-connection", KindConnection,
			connectionsHeader + "p1,p1,2020\n",
			[]wantProblem{{"connections.csv", 2, "person_b", `cannot be connected to themselves: "p1"`}}},
		{"connection since not a date", KindConnection,
			connectionsHeader + "p1,p2,20/03/2020\n",
			[]wantProblem{{"connections.csv", 2, "since", `got "20/03/2020"`}}},
		{"target level 9", KindGoal,
			goalsHeader + "g1,p1,go,Learn Go,9,,\n",
			[]wantProblem{{"goals.csv", 2, "target_level", `must be a whole number from 1 to 5, got "9"`}}},
		{"due date not a date", KindGoal,
			goalsHeader + "g1,p1,go,Learn Go,3,2025-02-30,\n",
			[]wantProblem{{"goals.csv", 2, "due_date", `got "2025-02-30"`}}},
		{"unknown goal status", KindGoal,
			goalsHeader + "g1,p1,go,Learn Go,3,,DONE\n",
			[]wantProblem{{"goals.csv", 2, "status", `must be one of OPEN, ACHIEVED or ABANDONED, got "DONE"`}}},
		{"goal title empty", KindGoal,
			goalsHeader + "g1,p1,go,,3,,\n",
			[]wantProblem{{"goals.csv", 2, "title", "must not be empty"}}},
		{"goal id and skill empty", KindGoal,
			goalsHeader + ",p1,,Learn Go,3,,\n",
			[]wantProblem{{"goals.csv", 2, "id", "must not be empty"}, {"goals.csv", 2, "skill_id", "must not be empty"}}},

		// Characters: the API's rules (graph/internal/textrule), cell by
		// cell, naming the character and where it is.
		{"id with NUL", KindPerson,
			peopleHeader + "ada\x00,Ada,,,,,,,\n",
			[]wantProblem{{"people.csv", 2, "id", `must not contain spaces or control characters, got "ada\x00", which contains a control character (U+0000) at character 4`}}},
		{"id with a right-to-left override", KindPerson,
			peopleHeader + "ad\u202ea,Ada,,,,,,,\n",
			[]wantProblem{{"people.csv", 2, "id", `must not contain bidirectional text controls, got "ad\u202ea", which contains a bidirectional text control (U+202E) at character 3`}}},
		{"id with a left-to-right mark", KindOrganization,
			orgsHeader + "acme\u200e,Acme,COMPANY\n",
			[]wantProblem{{"organizations.csv", 2, "id", "(U+200E) at character 5"}}},
		{"id not UTF-8", KindPerson,
			peopleHeader + "é\xff,Ada,,,,,,,\n",
			[]wantProblem{{"people.csv", 2, "id", `must be valid UTF-8 text, got "é\xff" (at character 2)`}}},
		{"name with NUL", KindPerson,
			peopleHeader + "p1,Ada\x00,,,,,,,\n",
			[]wantProblem{{"people.csv", 2, "name", `must not contain control characters, got "Ada\x00", which contains a control character (U+0000) at character 4`}}},
		{"name with an isolate", KindPerson,
			peopleHeader + "p1,Ada\u2067x\u2069,,,,,,,\n",
			[]wantProblem{{"people.csv", 2, "name", "must not contain bidirectional text controls"}}},
		{"name on two lines", KindPerson,
			peopleHeader + "p1,\"Ada\nLovelace\",,,,,,,\n",
			[]wantProblem{{"people.csv", 2, "name", "(U+000A) at character 4"}}},
		{"name in Arabic with spaces is fine", KindPerson,
			peopleHeader + "p1,أدا لوفليس,,,,,,,\n", nil},
		{"headline with a tab", KindPerson,
			peopleHeader + "p1,Ada,a\tb,,,,,,\n",
			[]wantProblem{{"people.csv", 2, "headline", "(U+0009) at character 2"}}},
		{"bio with paragraphs, tabs and a mark is fine", KindPerson,
			peopleHeader + "p1,Ada,,\"One.\r\n\tTwo.\nשלום\u200f.\",,,,,\n", nil},
		{"bio with NUL", KindPerson,
			peopleHeader + "p1,Ada,,\"One.\n\x00\",,,,,\n",
			[]wantProblem{{"people.csv", 2, "bio", "(U+0000) at character 6"}}},
		{"bio with an override", KindPerson,
			peopleHeader + "p1,Ada,,abc\u202e,,,,,\n",
			[]wantProblem{{"people.csv", 2, "bio", "must not contain bidirectional text controls"}}},
		{"location with DEL", KindPerson,
			peopleHeader + "p1,Ada,,,Berlin\x7f,,,,\n",
			[]wantProblem{{"people.csv", 2, "location", "(U+007F)"}}},
		{"timezone with a C1 control", KindPerson,
			peopleHeader + "p1,Ada,,,,Europe/\u0085Berlin,,,\n",
			[]wantProblem{{"people.csv", 2, "timezone", "(U+0085) at character 8"}}},
		{"skill description with an escape", KindSkill,
			skillsHeader + "go,Go,TECHNICAL,,\x1b[31mred\n",
			[]wantProblem{{"skills.csv", 2, "description", "(U+001B) at character 1"}}},
		{"skill parent with a space", KindSkill,
			skillsHeader + "go,Go,TECHNICAL,pro gramming,\n",
			[]wantProblem{{"skills.csv", 2, "parent_id", `must not contain spaces or control characters, got "pro gramming"`}}},
		{"organization name with an override", KindOrganization,
			orgsHeader + "acme,\u202dAcme,COMPANY\n",
			[]wantProblem{{"organizations.csv", 2, "name", "(U+202D) at character 1"}}},
		{"person skill of a person id with NUL", KindPersonSkill,
			personSkillsHeader + "p\x001,go,3,\n",
			[]wantProblem{{"person_skills.csv", 2, "person_id", "(U+0000) at character 2"}}},
		{"role with NUL", KindAffiliation,
			affiliationsHeader + "p1,acme,CTO\x00,,\n",
			[]wantProblem{{"affiliations.csv", 2, "role", "must not contain control characters"}}},
		{"focus with an override", KindMentorship,
			mentorshipsHeader + "p1,p2,,,go;ru\u202est,\n",
			[]wantProblem{{"mentorships.csv", 2, "focus", `got "ru\u202est"`}}},
		{"connection to an id with an isolate", KindConnection,
			connectionsHeader + "p1,p\u20662,\n",
			[]wantProblem{{"connections.csv", 2, "person_b", "(U+2066)"}}},
		{"goal title with a mark", KindGoal,
			goalsHeader + "g1,p1,go,Learn\u200f Go,3,,\n",
			[]wantProblem{{"goals.csv", 2, "title", "(U+200F) at character 6"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ds Dataset
			_, err := ds.ReadCSV(strings.NewReader(tt.text), tt.kind.FileName(), tt.kind)
			checkProblems(t, problemsIn(t, err), tt.want)
		})
	}
}

// TestProblemText: a problem prints as file:line: column: message.
func TestProblemText(t *testing.T) {
	var ds Dataset
	text := peopleHeader + strings.Repeat("p,Ada,,,,,,,\n", 10) + "p12,Bob,,,,,true,-1,false\n"
	_, err := ds.ReadCSV(strings.NewReader(text), "people.csv", KindPerson)
	want := `people.csv:12: mentor_capacity: must be a whole number ≥ 0, got "-1"`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

// TestReadCSVMultiLineCells: a record's line is where it starts, also after
// quoted cells that span lines.
func TestReadCSVMultiLineCells(t *testing.T) {
	text := peopleHeader + // line 1
		"p1,Ada,,\"First line of the bio,\n" + // line 2
		"second line with \"\"quotes\"\",\n" + // line 3
		"third line\",Berlin,,true,1,false\n" + // line 4
		"p2,Bob,,\"Builder\nof things\",,,true,-3,false\n" + // lines 5-6 (a bio may span lines, a name may not)
		"p3,Cy,,,,,maybe,,\n" // line 7
	var ds Dataset
	_, err := ds.ReadCSV(strings.NewReader(text), "people.csv", KindPerson)
	checkProblems(t, problemsIn(t, err), []wantProblem{
		{"people.csv", 5, "mentor_capacity", `got "-3"`},
		{"people.csv", 7, "available_to_mentor", `got "maybe"`},
	})
	if len(ds.People) != 3 {
		t.Fatalf("read %d people, want 3", len(ds.People))
	}
	if want := "First line of the bio,\nsecond line with \"quotes\",\nthird line"; ds.People[0].Bio != want {
		t.Errorf("bio = %q, want %q", ds.People[0].Bio, want)
	}
	for i, line := range []int{2, 5, 7} {
		if got := ds.People[i].At; got != (Pos{"people.csv", line}) {
			t.Errorf("person %d At = %v, want line %d", i, got, line)
		}
	}
}

// TestReadCSVHeader: columns are found by name, in any order and case; an
// unknown column is a warning; a missing required or doubled column is a
// problem at the header's line.
func TestReadCSVHeader(t *testing.T) {
	tests := []struct {
		name         string
		text         string
		wantWarnings []Warning
		want         []wantProblem
		wantPerson   Person
	}{
		{
			name:       "any order and case, trimmed",
			text:       " Mentor_Capacity ,NAME,id\n2,Ada,p1\n",
			wantPerson: Person{ID: "p1", Name: "Ada", MentorCapacity: intPtr(2)},
		},
		{
			name:       "byte order mark",
			text:       "\uFEFFid,name\np1,Ada\n",
			wantPerson: Person{ID: "p1", Name: "Ada"},
		},
		{
			name: "unknown column",
			text: "id,name,favourite_colour\np1,Ada,green\n",
			wantWarnings: []Warning{{File: "people.csv", Line: 1, Column: "favourite_colour",
				Message: "unknown column, ignored (the columns of people.csv are id, name, headline, bio, location, timezone, available_to_mentor, mentor_capacity, seeking_mentorship, visibility, profile_visibility, open_to_introductions)"}},
			wantPerson: Person{ID: "p1", Name: "Ada"},
		},
		{
			name: "missing required column",
			text: "id,headline\np1,Engineer\n",
			want: []wantProblem{{"people.csv", 1, "name", "required column missing from the header (it has: id, headline)"}},
		},
		{
			name: "column twice",
			text: "id,name,Name\np1,Ada,Ada\n",
			want: []wantProblem{{"people.csv", 1, "name", "names this column twice (columns 2 and 3)"}},
		},
		{
			name: "empty file",
			text: "",
			want: []wantProblem{{"people.csv", 1, "", "the file is empty"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ds Dataset
			warnings, err := ds.ReadCSV(strings.NewReader(tt.text), "people.csv", KindPerson)
			checkProblems(t, problemsIn(t, err), tt.want)
			if len(warnings) != len(tt.wantWarnings) {
				t.Fatalf("warnings = %v, want %v", warnings, tt.wantWarnings)
			}
			for i := range warnings {
				if warnings[i] != tt.wantWarnings[i] {
					t.Errorf("warning %d = %+v, want %+v", i, warnings[i], tt.wantWarnings[i])
				}
			}
			if tt.want != nil {
				if len(ds.People) != 0 {
					t.Errorf("read %d people from a file with a bad header, want none", len(ds.People))
				}
				return
			}
			want := tt.wantPerson
			want.At = Pos{"people.csv", 2}
			if diff := datasetDiff(&ds, &Dataset{People: []Person{want}}); diff != "" {
				t.Error(diff)
			}
		})
	}
}

// TestReadCSVMalformed: bad quoting and wrong cell counts are problems at
// the record's line, and reading goes on with the next record.
func TestReadCSVMalformed(t *testing.T) {
	tests := []struct {
		name       string
		text       string
		want       []wantProblem
		wantPeople []string // ids read
	}{
		{
			name: "bare quote",
			text: peopleHeader + "p1,Ada \"the\" Countess,,,,,,,\np2,Bob,,,,,,x,\n",
			want: []wantProblem{
				{"people.csv", 2, "", `a quote (") inside a cell that does not start with one (line 2, column 8)`},
				{"people.csv", 3, "mentor_capacity", `got "x"`},
			},
			wantPeople: []string{"p2"},
		},
		{
			name: "text after a closing quote",
			text: peopleHeader + "p1,\"Ada\"x,,,,,,,\np2,Bob,,,,,,,\n",
			want: []wantProblem{
				{"people.csv", 2, "", "bad quoting (line 2, column 8)"},
			},
			wantPeople: []string{"p2"},
		},
		{
			name: "too few cells",
			text: peopleHeader + "p1,Ada,Engineer\np2,Bob,,,,,,,\n",
			want: []wantProblem{
				{"people.csv", 2, "", "the row has 3 cells but the header has 9"},
			},
			wantPeople: []string{"p2"},
		},
		{
			name: "too many cells: an unquoted comma",
			text: peopleHeader + "p1,Lovelace, Ada,,,,,,,\np2,Bob,,,,,,,\n",
			want: []wantProblem{
				{"people.csv", 2, "", "the row has 10 cells but the header has 9: a cell holding a comma must be in double quotes"},
			},
			wantPeople: []string{"p2"},
		},
		{
			name: "quote never closed",
			text: peopleHeader + "p1,Ada,,,,,,,\np2,\"Bob,,,,,,,\np3,Cy,,,,,,,\n",
			want: []wantProblem{
				{"people.csv", 3, "", "bad quoting (line 4, column 14)"},
			},
			wantPeople: []string{"p1"},
		},
		{
			name:       "rows of empty cells are skipped",
			text:       peopleHeader + ",,,,,,,,\n,,\n\np1,Ada,,,,,,,\n",
			wantPeople: []string{"p1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ds Dataset
			_, err := ds.ReadCSV(strings.NewReader(tt.text), "people.csv", KindPerson)
			checkProblems(t, problemsIn(t, err), tt.want)
			var ids []string
			for _, p := range ds.People {
				ids = append(ids, p.ID)
			}
			if strings.Join(ids, ",") != strings.Join(tt.wantPeople, ",") {
				t.Errorf("read people %v, want %v", ids, tt.wantPeople)
			}
		})
	}
}

// TestReadCSVAllProblemsAtOnce: one read reports every bad cell of every
// row, not just the first.
func TestReadCSVAllProblemsAtOnce(t *testing.T) {
	text := peopleHeader +
		"p1,,,,,,yes,-1,\n" +
		"p 2,Bob,,,,,,,no\n" +
		"p3,Cy,,,,,,,\n" +
		"p4,Di,,,,,TRUE,lots,False\n"
	var ds Dataset
	_, err := ds.ReadCSV(strings.NewReader(text), "people.csv", KindPerson)
	checkProblems(t, problemsIn(t, err), []wantProblem{
		{"people.csv", 2, "available_to_mentor", `got "yes"`},
		{"people.csv", 2, "name", "must not be empty"},
		{"people.csv", 2, "mentor_capacity", `got "-1"`},
		{"people.csv", 3, "seeking_mentorship", `got "no"`},
		{"people.csv", 3, "id", `got "p 2"`},
		{"people.csv", 5, "mentor_capacity", `got "lots"`},
	})
	if len(ds.People) != 4 {
		t.Errorf("read %d people, want all 4 (problems do not drop records)", len(ds.People))
	}
	if p := ds.People[3]; p.AvailableToMentor == nil || !*p.AvailableToMentor || p.SeekingMentorship == nil || *p.SeekingMentorship {
		t.Errorf("booleans in any case: got %+v", p)
	}
}

// TestReadCSVValues: cells read into the fields they name, enums upper-case,
// statuses defaulted, focus split, year-only dates kept as years.
func TestReadCSVValues(t *testing.T) {
	ds := readCSVFiles(t, map[string]string{
		"skills.csv":        skillsHeader + "k8s, Kubernetes ,technical,cloud,Runs containers\n",
		"organizations.csv": orgsHeader + "acme,Acme,Company\n",
		"mentorships.csv": mentorshipsHeader +
			"p1,p2,2023,,k8s; go ;,\n" +
			"p1,p3,2022-01-01,2022-06-30,,\n" +
			"p2,p3,,,,ended\n",
		"goals.csv": goalsHeader + "g1,p1,k8s,Pass the CKA,,2025,\n",
	})
	want := &Dataset{
		Skills:        []Skill{{ID: "k8s", Name: "Kubernetes", Category: "TECHNICAL", ParentID: "cloud", Description: "Runs containers"}},
		Organizations: []Organization{{ID: "acme", Name: "Acme", Kind: "COMPANY"}},
		Mentorships: []Mentorship{
			{MenteeID: "p1", MentorID: "p2", Since: &Date{Year: 2023, Month: 1, Day: 1, YearOnly: true}, Focus: []string{"k8s", "go"}, Status: "ACTIVE"},
			{MenteeID: "p1", MentorID: "p3", Since: datePtr("2022-01-01"), Until: datePtr("2022-06-30"), Status: "ENDED"},
			{MenteeID: "p2", MentorID: "p3", Status: "ENDED"},
		},
		Goals: []Goal{{ID: "g1", PersonID: "p1", SkillID: "k8s", Title: "Pass the CKA", DueDate: datePtr("2025"), Status: "OPEN"}},
	}
	if diff := datasetDiff(withoutPositions(ds), want); diff != "" {
		t.Error(diff)
	}
}

// TestReadFiles: a CSV file's kind comes from its name; an unknown name is
// an error naming the known ones, before anything is read.
func TestReadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	people := write("People.CSV", peopleHeader+"p1,Ada,,,,,,,\n")
	skills := write("skills.csv", skillsHeader+"go,Go,TECHNICAL,,\n")
	lines := write("more.jsonl", `{"kind":"person","id":"p2","name":"Bob"}`+"\n")
	other := write("persons.csv", peopleHeader)

	ds, _, err := ReadFiles(people, skills, lines)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.People) != 2 || len(ds.Skills) != 1 || ds.People[0].At != (Pos{people, 2}) {
		t.Errorf("read %+v", ds)
	}

	_, _, err = ReadFiles(people, other)
	if err == nil || !strings.Contains(err.Error(), "persons.csv: not an import file: the known names are people.csv, skills.csv, organizations.csv") {
		t.Errorf("error = %v, want one naming the known files", err)
	}
}

// TestReadDir: every known file of a directory is read, problems name files
// relative to it, and a CSV file of another name is a warning.
func TestReadDir(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"people.csv":        peopleHeader + "p1,Ada,,,,,,,\np2,Bob,,,,,,-1,\n",
		"skills.csv":        skillsHeader + "go,Go,TECHNICAL,,\n",
		"person_skills.csv": personSkillsHeader + "p1,go,9,\n",
		"extra.ndjson":      "\n" + `{"kind":"person","id":"p3","name":"Cy","mentor_capacity":"x"}` + "\n",
		"notes.txt":         "not read",
		"person.csv":        peopleHeader,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ds, warnings, err := ReadDir(dir)
	checkProblems(t, problemsIn(t, err), []wantProblem{
		{"people.csv", 3, "mentor_capacity", `got "-1"`},
		{"person_skills.csv", 2, "level", `got "9"`},
		{"extra.ndjson", 2, "mentor_capacity", `got "x"`},
	})
	if len(ds.People) != 3 || len(ds.Skills) != 1 || len(ds.PersonSkills) != 1 {
		t.Errorf("read %d people, %d skills, %d person skills; want 3, 1, 1", len(ds.People), len(ds.Skills), len(ds.PersonSkills))
	}
	if len(warnings) != 1 || warnings[0].File != "person.csv" || !strings.Contains(warnings[0].Message, "not an import file") {
		t.Errorf("warnings = %v, want one about person.csv", warnings)
	}

	if _, _, err := ReadDir(t.TempDir()); err == nil || !strings.Contains(err.Error(), "holds no import file") {
		t.Errorf("empty directory: error = %v", err)
	}
}

// TestReadCSVManyRows: a long file read into a dataset that already holds
// records appends all of them (reading makes room for a file's rows from
// its size).
func TestReadCSVManyRows(t *testing.T) {
	var text strings.Builder
	text.WriteString(personSkillsHeader)
	for i := range 5000 {
		fmt.Fprintf(&text, "p%d,go,%d,\n", i, 1+i%5)
	}
	ds := &Dataset{PersonSkills: make([]PersonSkill, 20000)}
	for range 2 {
		if _, err := ds.ReadCSV(strings.NewReader(text.String()), "person_skills.csv", KindPersonSkill); err != nil {
			t.Fatal(err)
		}
	}
	if got := len(ds.PersonSkills); got != 30000 {
		t.Errorf("dataset holds %d person skills, want 30000", got)
	}
	if last := ds.PersonSkills[29999]; last.PersonID != "p4999" || last.At.Line != 5001 {
		t.Errorf("last person skill = %+v", last)
	}
}
