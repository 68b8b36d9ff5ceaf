package dataset

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// baseFiles is a small valid network the cases of TestValidate add to.
var baseFiles = map[string]string{
	"people.csv":        peopleHeader + "p1,Ada,,,,,,,\np2,Bob,,,,,,,\np3,Cy,,,,,,,\n",
	"skills.csv":        skillsHeader + "lead,Leadership,LEADERSHIP,,\nmgmt,People Management,LEADERSHIP,lead,\ngo,Go,TECHNICAL,,\n",
	"organizations.csv": orgsHeader + "acme,Acme,COMPANY\n",
}

// TestValidate: every rule across records, located at the offending
// record's file, line and column.
func TestValidate(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string // added to baseFiles, replacing a file of the same name
		known Known
		want  []wantProblem
		// readRefuses marks a record rule that reading reports too.
		readRefuses bool
	}{
		{name: "the base network is valid"},

		// References.
		{name: "person skill of an unknown person",
			files: map[string]string{"person_skills.csv": personSkillsHeader + "p1,go,3,\np9,go,3,\n"},
			want:  []wantProblem{{"person_skills.csv", 3, "person_id", `no person "p9": it is neither in the dataset nor in the database`}}},
		{name: "person skill of an unknown skill",
			files: map[string]string{"person_skills.csv": personSkillsHeader + "p1,rust,3,\n"},
			want:  []wantProblem{{"person_skills.csv", 2, "skill_id", `no skill "rust"`}}},
		{name: "affiliation with unknown person and organization",
			files: map[string]string{"affiliations.csv": affiliationsHeader + "p9,initech,,,\n"},
			want: []wantProblem{
				{"affiliations.csv", 2, "person_id", `no person "p9"`},
				{"affiliations.csv", 2, "organization_id", `no organization "initech"`},
			}},
		{name: "mentorship with unknown mentee, mentor and focus",
			files: map[string]string{"mentorships.csv": mentorshipsHeader + "p1,p2,,,go;rust,\np8,p9,,,,\n"},
			want: []wantProblem{
				{"mentorships.csv", 2, "focus", `no skill "rust"`},
				{"mentorships.csv", 3, "mentee_id", `no person "p8"`},
				{"mentorships.csv", 3, "mentor_id", `no person "p9"`},
			}},
		{name: "connection with unknown people",
			files: map[string]string{"connections.csv": connectionsHeader + "p1,p9,\np8,p2,\n"},
			want: []wantProblem{
				{"connections.csv", 2, "person_b", `no person "p9"`},
				{"connections.csv", 3, "person_a", `no person "p8"`},
			}},
		{name: "goal of unknown person and skill",
			files: map[string]string{"goals.csv": goalsHeader + "g1,p9,rust,Learn Rust,,,\n"},
			want: []wantProblem{
				{"goals.csv", 2, "person_id", `no person "p9"`},
				{"goals.csv", 2, "skill_id", `no skill "rust"`},
			}},
		{name: "unknown parent skill",
			files: map[string]string{"skills.csv": skillsHeader + "go,Go,TECHNICAL,programming,\n"},
			want:  []wantProblem{{"skills.csv", 2, "parent_id", `no skill "programming"`}}},
		{name: "references to known ids",
			files: map[string]string{
				"skills.csv":        skillsHeader + "go,Go,TECHNICAL,programming,\n",
				"person_skills.csv": personSkillsHeader + "p9,rust,3,\n",
				"affiliations.csv":  affiliationsHeader + "p9,initech,,,\n",
				"mentorships.csv":   mentorshipsHeader + "p9,p1,,,rust;programming,\n",
				"connections.csv":   connectionsHeader + "p9,p1,\n",
				"goals.csv":         goalsHeader + "g1,p9,rust,Learn Rust,,,\n",
			},
			known: Known{
				People:        map[string]bool{"p9": true},
				Skills:        map[string]bool{"rust": true},
				Organizations: map[string]bool{"initech": true},
				SkillParents:  map[string]string{"programming": "engineering"},
			}},

		// Duplicate ids.
		{name: "person id twice",
			files: map[string]string{"people.csv": peopleHeader + "p1,Ada,,,,,,,\np2,Bob,,,,,,,\np1,Ada Again,,,,,,,\n"},
			want:  []wantProblem{{"people.csv", 4, "id", `duplicate person id "p1": first defined at people.csv:2`}}},
		{name: "skill id twice",
			files: map[string]string{"skills.csv": skillsHeader + "go,Go,TECHNICAL,,\ngo,Golang,TECHNICAL,,\n"},
			want:  []wantProblem{{"skills.csv", 3, "id", `duplicate skill id "go": first defined at skills.csv:2`}}},
		{name: "organization id twice",
			files: map[string]string{"organizations.csv": orgsHeader + "acme,Acme,COMPANY\nacme,ACME Inc,COMPANY\n"},
			want:  []wantProblem{{"organizations.csv", 3, "id", `duplicate organization id "acme": first defined at organizations.csv:2`}}},
		{name: "goal id twice",
			files: map[string]string{"goals.csv": goalsHeader + "g1,p1,go,Learn Go,,,\ng1,p2,go,Learn Go too,,,\n"},
			want:  []wantProblem{{"goals.csv", 3, "id", `duplicate goal id "g1": first defined at goals.csv:2`}}},

		// Duplicate links.
		{name: "person skill twice",
			files: map[string]string{"person_skills.csv": personSkillsHeader + "p1,go,3,\np2,go,3,\np1,go,4,\n"},
			want:  []wantProblem{{"person_skills.csv", 4, "skill_id", `duplicate: person "p1" already has skill "go" at person_skills.csv:2`}}},
		{name: "connection three times names the first each time",
			files: map[string]string{"connections.csv": connectionsHeader + "p1,p2,\np3,p1,\np2,p1,\np1,p2,2021\n"},
			want: []wantProblem{
				{"connections.csv", 4, "person_b", "already connected at connections.csv:2"},
				{"connections.csv", 5, "person_b", "already connected at connections.csv:2"},
			}},
		{name: "affiliation twice with the same since",
			files: map[string]string{"affiliations.csv": affiliationsHeader + "p1,acme,Engineer,2020,\np1,acme,Manager,2020,\n"},
			want:  []wantProblem{{"affiliations.csv", 3, "organization_id", `already has an affiliation with "acme" since 2020 at affiliations.csv:2`}}},
		{name: "affiliations with different since are fine",
			files: map[string]string{"affiliations.csv": affiliationsHeader + "p1,acme,Engineer,2015,2017\np1,acme,Manager,2020,\n"}},
		{name: "two current memberships of one organization",
			files: map[string]string{"affiliations.csv": affiliationsHeader + "p1,acme,Engineer,2015,\np2,acme,,,\np1,acme,Manager,2020,\n"},
			want: []wantProblem{{"affiliations.csv", 4, "until",
				`a second current membership: person "p1" is already a current member of "acme" (no until) at affiliations.csv:2`}}},
		{name: "two current memberships with no since",
			files: map[string]string{"affiliations.csv": affiliationsHeader + "p1,acme,Engineer,,\np1,acme,Manager,2020,\n"},
			want:  []wantProblem{{"affiliations.csv", 3, "until", "(no until) at affiliations.csv:2"}}},
		{name: "a current membership beside a stored one",
			files: map[string]string{"affiliations.csv": affiliationsHeader + "p1,acme,Engineer,2020,\n"},
			known: Known{Affiliations: map[PersonOrganization][]StoredAffiliation{{"p1", "acme"}: {
				{Role: "Intern", Since: &Date{Year: 2010, Month: 1, Day: 1}, Until: &Date{Year: 2011, Month: 1, Day: 1}},
				{Role: "CTO", Since: &Date{Year: 2019, Month: 5, Day: 1}},
			}}},
			want: []wantProblem{{"affiliations.csv", 2, "until",
				`a second current membership: person "p1" is already a current member of "acme" in the database (role "CTO", since 2019-05-01); a person is a current member of an organization at most once, so end that membership first`}}},
		{name: "a current membership beside a stored one with no since",
			files: map[string]string{"affiliations.csv": affiliationsHeader + "p1,acme,Engineer,2020,\n"},
			known: Known{Affiliations: map[PersonOrganization][]StoredAffiliation{{"p1", "acme"}: {{}}}},
			want:  []wantProblem{{"affiliations.csv", 2, "until", `in the database (no role, no since)`}}},
		{name: "the stored current membership again",
			files: map[string]string{"affiliations.csv": affiliationsHeader + "p1,acme,CTO,2019,\n"},
			known: Known{Affiliations: map[PersonOrganization][]StoredAffiliation{{"p1", "acme"}: {{Role: "CTO", Since: &Date{Year: 2019, Month: 1, Day: 1}}}}}},
		{name: "the stored current membership ended and a new one",
			files: map[string]string{"affiliations.csv": affiliationsHeader + "p1,acme,Advisor,2021,\np1,acme,CTO,2019-05-01,2021\n"},
			known: Known{Affiliations: map[PersonOrganization][]StoredAffiliation{{"p1", "acme"}: {{Role: "CTO", Since: &Date{Year: 2019, Month: 5, Day: 1}}}}}},
		{name: "a current membership beside stored past ones",
			files: map[string]string{"affiliations.csv": affiliationsHeader + "p1,acme,Advisor,2021,\n"},
			known: Known{Affiliations: map[PersonOrganization][]StoredAffiliation{{"p1", "acme"}: {
				{Since: &Date{Year: 2019, Month: 5, Day: 1}, Until: &Date{Year: 2020, Month: 5, Day: 1}}}}}},
		{name: "mentorship twice",
			files: map[string]string{"mentorships.csv": mentorshipsHeader + "p1,p2,2020,2021,,\np1,p2,2023,,,\n"},
			want:  []wantProblem{{"mentorships.csv", 3, "mentor_id", `duplicate: "p1" is already mentored by "p2" at mentorships.csv:2`}}},
		{name: "mentorships both ways are fine",
			files: map[string]string{"mentorships.csv": mentorshipsHeader + "p1,p2,,,,\np2,p1,,,,\n"}},
		{name: "connection twice, the other way round",
			files: map[string]string{"connections.csv": connectionsHeader + "p1,p2,\np2,p3,\np2,p1,2020\n"},
			want:  []wantProblem{{"connections.csv", 4, "person_b", `duplicate: "p2" and "p1" are already connected at connections.csv:2`}}},
		{name: "self-mentorship",
			files:       map[string]string{"mentorships.csv": mentorshipsHeader + "p1,p1,,,,\n"},
			want:        []wantProblem{{"mentorships.csv", 2, "mentor_id", "a person cannot mentor themselves"}},
			readRefuses: true},
		{name: "self-connection",
			files:       map[string]string{"connections.csv": connectionsHeader + "p3,p3,\n"},
			want:        []wantProblem{{"connections.csv", 2, "person_b", "a person cannot be connected to themselves"}},
			readRefuses: true},

		// Cycles in the skill hierarchy.
		{name: "skill its own parent",
			files: map[string]string{"skills.csv": skillsHeader + "go,Go,TECHNICAL,,\nlead,Leadership,LEADERSHIP,lead,\n"},
			want:  []wantProblem{{"skills.csv", 3, "parent_id", `skill "lead" is its own parent`}}},
		{name: "two-skill cycle",
			files: map[string]string{"skills.csv": skillsHeader + "go,Go,TECHNICAL,,\na,A,CAREER,b,\nb,B,CAREER,a,\n"},
			want:  []wantProblem{{"skills.csv", 3, "parent_id", `the skill hierarchy has a cycle (each skill's parent follows it): "a" → "b" → "a"`}}},
		{name: "three-skill cycle reported once, at its first skill",
			files: map[string]string{"skills.csv": skillsHeader + "c,C,CAREER,a,\ngo,Go,TECHNICAL,,\nb,B,CAREER,c,\na,A,CAREER,b,\nd,D,CAREER,a,\n"},
			want:  []wantProblem{{"skills.csv", 2, "parent_id", `"c" → "a" → "b" → "c"`}}},
		{name: "cycle through a known parent",
			files: map[string]string{"skills.csv": skillsHeader + "a,A,CAREER,k1,\n"},
			known: Known{SkillParents: map[string]string{"k1": "k2", "k2": "a"}},
			want:  []wantProblem{{"skills.csv", 2, "parent_id", `"a" → "k1" → "k2" → "a"`}}},
		{name: "cycle through the known parent of a skill given none",
			files: map[string]string{"skills.csv": skillsHeader + "a,A,CAREER,,\nb,B,CAREER,a,\n"},
			known: Known{SkillParents: map[string]string{"a": "b"}},
			want:  []wantProblem{{"skills.csv", 2, "parent_id", `"a" → "b" → "a"`}}},
		{name: "a cycle among known skills only is not the dataset's",
			files: map[string]string{"skills.csv": skillsHeader + "a,A,CAREER,k1,\n"},
			known: Known{SkillParents: map[string]string{"k1": "k2", "k2": "k1"}}},
		{name: "two separate cycles",
			files: map[string]string{"skills.csv": skillsHeader + "a,A,CAREER,b,\nb,B,CAREER,a,\nc,C,CAREER,c,\n"},
			want: []wantProblem{
				{"skills.csv", 2, "parent_id", `"a" → "b" → "a"`},
				{"skills.csv", 4, "parent_id", `skill "c" is its own parent`},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := maps.Clone(baseFiles)
			maps.Copy(files, tt.files)
			ds, readProblems := readCSVTexts(t, files)
			if len(readProblems) > 0 && !tt.readRefuses {
				t.Fatalf("reading the test files: %v", readProblems)
			}
			checkProblems(t, Validate(ds, tt.known), tt.want)
		})
	}
}

// TestValidateAllAtOnce: Validate reports every problem of every file, in
// file and line order.
func TestValidateAllAtOnce(t *testing.T) {
	files := maps.Clone(baseFiles)
	files["people.csv"] = peopleHeader + "p1,Ada,,,,,,,\np1,Ada,,,,,,,\n"
	files["person_skills.csv"] = personSkillsHeader + "p9,go,3,\np1,rust,2,\n"
	files["connections.csv"] = connectionsHeader + "p1,p2,\n"
	ds := readCSVFiles(t, files)
	checkProblems(t, Validate(ds, Known{}), []wantProblem{
		{"connections.csv", 2, "person_b", `no person "p2"`},
		{"people.csv", 3, "id", "duplicate person id"},
		{"person_skills.csv", 2, "person_id", `no person "p9"`},
		{"person_skills.csv", 3, "skill_id", `no skill "rust"`},
	})
}

// TestValidateInMemory: records built in memory get the same rules, located
// by their kind's file and line 0.
func TestValidateInMemory(t *testing.T) {
	ds := &Dataset{
		People: []Person{
			{ID: "p1", Name: "Ada", MentorCapacity: intPtr(-1)},
			{ID: "p1", Name: ""},
		},
		Skills:       []Skill{{ID: "go", Name: "Go", Category: "technical"}},
		PersonSkills: []PersonSkill{{PersonID: "p1", SkillID: "go", Level: 7}},
		Mentorships:  []Mentorship{{MenteeID: "p1", MentorID: "p1", Status: "ACTIVE"}},
		Goals:        []Goal{{ID: "g1", PersonID: "p1", SkillID: "go", Title: "Go", DueDate: &Date{Year: 2025, Month: 2, Day: 30}}},
	}
	checkProblems(t, Validate(ds, Known{}), []wantProblem{
		{"goals.csv", 0, "due_date", `must be a date YYYY-MM-DD or a year YYYY, got "2025-02-30"`},
		{"mentorships.csv", 0, "mentor_id", "cannot mentor themselves"},
		{"people.csv", 0, "mentor_capacity", `must be a whole number ≥ 0, got "-1"`},
		{"people.csv", 0, "name", "must not be empty"},
		{"people.csv", 0, "id", `duplicate person id "p1": first defined at people.csv record 1`},
		{"person_skills.csv", 0, "level", `must be a whole number from 1 to 5, got "7"`},
		{"skills.csv", 0, "category", `got "technical"`},
	})
	if got := Validate(ds, Known{})[2].Error(); got != `people.csv: mentor_capacity: must be a whole number ≥ 0, got "-1"` {
		t.Errorf("in-memory problem prints as %q", got)
	}
}

// TestMissing: the ids records refer to that the dataset does not define,
// once each and sorted, for the importer to look up.
func TestMissing(t *testing.T) {
	files := maps.Clone(baseFiles)
	files["skills.csv"] = skillsHeader + "go,Go,TECHNICAL,programming,\n"
	files["person_skills.csv"] = personSkillsHeader + "p9,rust,3,\np1,go,2,\n"
	files["affiliations.csv"] = affiliationsHeader + "p8,initech,,,\np1,acme,,,\n"
	files["mentorships.csv"] = mentorshipsHeader + "p1,p7,,,zig;go,\n"
	files["connections.csv"] = connectionsHeader + "p6,p9,\n"
	files["goals.csv"] = goalsHeader + "g1,p5,haskell,Learn Haskell,,,\n"
	ds := readCSVFiles(t, files)
	people, skills, orgs := ds.Missing()
	for _, c := range []struct {
		name      string
		got, want []string
	}{
		{"people", people, []string{"p5", "p6", "p7", "p8", "p9"}},
		{"skills", skills, []string{"haskell", "programming", "rust", "zig"}},
		{"organizations", orgs, []string{"initech"}},
	} {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("missing %s = %v, want %v", c.name, c.got, c.want)
		}
	}
	// Known filled from Missing makes the dataset valid.
	known := Known{People: map[string]bool{}, Skills: map[string]bool{}, Organizations: map[string]bool{}}
	for _, id := range people {
		known.People[id] = true
	}
	for _, id := range skills {
		known.Skills[id] = true
	}
	for _, id := range orgs {
		known.Organizations[id] = true
	}
	if ps := Validate(ds, known); len(ps) > 0 {
		t.Errorf("with every missing id known: %v", ps)
	}
}

// TestCurrentAffiliationPairs: the pairs of the rows without until, once
// each, in the order of their first row, for the importer to look up.
func TestCurrentAffiliationPairs(t *testing.T) {
	files := maps.Clone(baseFiles)
	files["affiliations.csv"] = affiliationsHeader + "p2,acme,,2020,\np1,acme,,2010,2012\np1,acme,,2013,\np2,acme,,2019,\np1,initech,,,\n"
	ds, _ := readCSVTexts(t, files)
	want := []PersonOrganization{{"p2", "acme"}, {"p1", "acme"}, {"p1", "initech"}}
	if got := ds.CurrentAffiliationPairs(); !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestProblemsError: Problems prints one a line, capped, keeping them all.
func TestProblemsError(t *testing.T) {
	var ps Problems
	for i := 1; i <= 150; i++ {
		ps = append(ps, Problem{File: "people.csv", Line: i, Column: "id", Message: "must not be empty"})
	}
	lines := strings.Split(ps.Error(), "\n")
	if len(lines) != maxPrintedProblems+1 {
		t.Fatalf("printed %d lines, want %d", len(lines), maxPrintedProblems+1)
	}
	if lines[0] != "people.csv:1: id: must not be empty" || lines[100] != "… and 50 more problems (150 in all)" {
		t.Errorf("printed %q … %q", lines[0], lines[100])
	}
}
