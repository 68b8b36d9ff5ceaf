package dataset

import (
	"bytes"
	"flag"
	"fmt"
	"testing"
	"time"
)

var networkPeople = flag.Int("network-people", 25_000, "people in the network BenchmarkReadDir writes and reads (8 rows each)")

// syntheticNetwork builds a valid network of n people (n > 14) with about 8
// rows a person: 3 skills, an affiliation, 2 connections, and every other
// person a mentorship and a goal; 200 skills in a hierarchy, an organization
// for 50 people.
func syntheticNetwork(n int) *Dataset {
	const skills = 200
	ds := &Dataset{}
	categories := SkillCategories
	for s := range skills {
		skill := Skill{ID: fmt.Sprintf("skill-%03d", s), Name: fmt.Sprintf("Skill %d", s), Category: categories[s%len(categories)]}
		if s >= 20 {
			skill.ParentID = fmt.Sprintf("skill-%03d", s%20)
			skill.Description = "A narrower skill of its parent, with a description of moderate length."
		}
		ds.Skills = append(ds.Skills, skill)
	}
	orgs := n/50 + 1
	for o := range orgs {
		ds.Organizations = append(ds.Organizations, Organization{ID: fmt.Sprintf("org-%05d", o), Name: fmt.Sprintf("Organization %d", o), Kind: OrganizationKinds[o%len(OrganizationKinds)]})
	}
	person := func(i int) string { return fmt.Sprintf("person-%07d", i%n) }
	for i := range n {
		ds.People = append(ds.People, Person{
			ID: person(i), Name: fmt.Sprintf("Person Number %d", i), Headline: "Senior Engineer at a mid-sized company",
			Bio:      "Works on distributed systems, mentors juniors, and speaks at meetups about Kubernetes and Go.",
			Location: "Berlin", Timezone: "Europe/Berlin",
			AvailableToMentor: boolPtr(i%3 == 0), MentorCapacity: intPtr(i % 4), SeekingMentorship: boolPtr(i%2 == 0),
		})
		for j := range 3 {
			ds.PersonSkills = append(ds.PersonSkills, PersonSkill{PersonID: person(i), SkillID: fmt.Sprintf("skill-%03d", (i+j*67)%skills), Level: 1 + (i+j)%5, Years: intPtr(j)})
		}
		ds.Affiliations = append(ds.Affiliations, Affiliation{PersonID: person(i), OrganizationID: fmt.Sprintf("org-%05d", i%orgs), Role: "Engineer", Since: datePtr("2019-04-01")})
		ds.Connections = append(ds.Connections,
			Connection{PersonA: person(i), PersonB: person(i + 1), Since: datePtr("2020")},
			Connection{PersonA: person(i), PersonB: person(i + 7)})
		if i%2 == 0 {
			ds.Mentorships = append(ds.Mentorships, Mentorship{MenteeID: person(i), MentorID: person(i + 3), Since: datePtr("2023-01-15"),
				Focus: []string{fmt.Sprintf("skill-%03d", i%skills), fmt.Sprintf("skill-%03d", (i+1)%skills)}, Status: "ACTIVE"})
			ds.Goals = append(ds.Goals, Goal{ID: fmt.Sprintf("goal-%07d", i), PersonID: person(i), SkillID: fmt.Sprintf("skill-%03d", i%skills),
				Title: "Reach the next level", TargetLevel: intPtr(4), DueDate: datePtr("2026-06-30"), Status: "OPEN"})
		}
	}
	return ds
}

// rowCount counts the records of ds.
func rowCount(ds *Dataset) int {
	return len(ds.People) + len(ds.Skills) + len(ds.Organizations) + len(ds.PersonSkills) +
		len(ds.Affiliations) + len(ds.Mentorships) + len(ds.Connections) + len(ds.Goals)
}

// BenchmarkReadAndValidate reads a network of 200k rows from CSV held in
// memory, one file after another on one goroutine, and validates it.
func BenchmarkReadAndValidate(b *testing.B) {
	network := syntheticNetwork(25_000)
	rows := rowCount(network)
	files := make([][]byte, len(Kinds))
	size := 0
	for i, kind := range Kinds {
		var buf bytes.Buffer
		if err := WriteCSV(&buf, network, kind); err != nil {
			b.Fatal(err)
		}
		files[i] = buf.Bytes()
		size += buf.Len()
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	start := time.Now()
	for b.Loop() {
		ds := new(Dataset)
		for i, kind := range Kinds {
			if _, err := ds.ReadCSV(bytes.NewReader(files[i]), kind.FileName(), kind); err != nil {
				b.Fatal(err)
			}
		}
		if ps := Validate(ds, Known{}); len(ps) > 0 {
			b.Fatal(ps)
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/time.Since(start).Seconds(), "rows/s")
	b.ReportMetric(float64(rows), "rows")
}

// BenchmarkReadAndValidateNDJSON is BenchmarkReadAndValidate for the same
// network as NDJSON.
func BenchmarkReadAndValidateNDJSON(b *testing.B) {
	network := syntheticNetwork(25_000)
	rows := rowCount(network)
	var buf bytes.Buffer
	if err := WriteNDJSON(&buf, network); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	start := time.Now()
	for b.Loop() {
		ds := new(Dataset)
		if _, err := ds.ReadNDJSON(bytes.NewReader(buf.Bytes()), "network.ndjson"); err != nil {
			b.Fatal(err)
		}
		if ps := Validate(ds, Known{}); len(ps) > 0 {
			b.Fatal(ps)
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/time.Since(start).Seconds(), "rows/s")
}

// BenchmarkReadDir writes a network of -network-people people as CSV files
// and reads them with ReadDir (files side by side) and Validate. With
// -network-people 1000000 it is the 8M-row import.
func BenchmarkReadDir(b *testing.B) {
	network := syntheticNetwork(*networkPeople)
	rows := rowCount(network)
	dir := b.TempDir()
	if err := WriteDir(dir, network); err != nil {
		b.Fatal(err)
	}
	network = nil
	start := time.Now()
	for b.Loop() {
		ds, _, err := ReadDir(dir)
		if err != nil {
			b.Fatal(err)
		}
		if ps := Validate(ds, Known{}); len(ps) > 0 {
			b.Fatal(ps)
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/time.Since(start).Seconds(), "rows/s")
	b.ReportMetric(float64(rows), "rows")
}

// TestSyntheticNetworkIsValid: the benchmarks' network has no problem, so
// they measure the path a clean import takes.
func TestSyntheticNetworkIsValid(t *testing.T) {
	network := syntheticNetwork(100)
	if ps := Validate(network, Known{}); len(ps) > 0 {
		t.Fatal(ps)
	}
}
