package graph_test

import (
	"context"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/dataset"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
)

// testNet builds the networks of the tests: people, skills,
// organizations and their links written by hand under short names, loaded
// (load) under ids unique to the test; name strips the prefix off ids the
// store returns. It remembers each stored link (checkPath compares the
// paths the store returns with them).
type testNet struct {
	prefix string
	ds     dataset.Dataset
	// links maps each stored link to its since date (nil if none);
	// statuses each mentorship to its status.
	links    map[testLink]*dataset.Date
	statuses map[testLink]string
	goals    int
}

// testLink is a stored link: From → To of a kind (names, not ids).
type testLink struct {
	from, to string
	kind     graph.LinkKind
}

func newTestNet(t *testing.T) *testNet {
	return &testNet{prefix: neo4jtest.Prefix(t), links: map[testLink]*dataset.Date{}, statuses: map[testLink]string{}}
}

// testDate reads YYYY-MM-DD; "" is nil.
func testDate(t *testing.T, s string) *dataset.Date {
	t.Helper()
	if s == "" {
		return nil
	}
	d, err := dataset.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return &d
}

// person adds a person; capacity < 0 leaves mentorCapacity unset.
func (n *testNet) person(name string, available bool, capacity int) {
	p := dataset.Person{ID: n.id(name), Name: "Person " + name, AvailableToMentor: &available}
	if capacity >= 0 {
		p.MentorCapacity = &capacity
	}
	n.ds.People = append(n.ds.People, p)
}

// personSetup says how personAs sets a person up.
type personSetup struct {
	available, seeking bool
	capacity           int
}

// personAs adds a person set up as p (every field stored).
func (n *testNet) personAs(name string, p personSetup) {
	n.ds.People = append(n.ds.People, dataset.Person{ID: n.id(name), Name: "Person " + name,
		AvailableToMentor: &p.available, SeekingMentorship: &p.seeking, MentorCapacity: &p.capacity})
}

// people adds people who neither mentor nor seek mentorship.
func (n *testNet) people(names ...string) {
	for _, name := range names {
		n.personAs(name, personSetup{})
	}
}

// skill adds a skill, part of broader ("" for none).
func (n *testNet) skill(name, broader string) {
	s := dataset.Skill{ID: n.id(name), Name: "Skill " + name, Category: "TECHNICAL"}
	if broader != "" {
		s.ParentID = n.id(broader)
	}
	n.ds.Skills = append(n.ds.Skills, s)
}

func (n *testNet) has(person, skill string, level int) {
	n.ds.PersonSkills = append(n.ds.PersonSkills, dataset.PersonSkill{PersonID: n.id(person), SkillID: n.id(skill), Level: level})
}

// knowsSince stores a KNOWS link a → b since the date ("" for none).
func (n *testNet) knowsSince(t *testing.T, a, b, since string) {
	n.addKnows(a, b, testDate(t, since))
}

// knows stores a KNOWS link a → b, since 2020-01-0d for the d-th link.
func (n *testNet) knows(a, b string) {
	n.addKnows(a, b, &dataset.Date{Year: 2020, Month: 1, Day: 1 + len(n.ds.Connections)%28})
}

func (n *testNet) addKnows(a, b string, since *dataset.Date) {
	n.ds.Connections = append(n.ds.Connections, dataset.Connection{PersonA: n.id(a), PersonB: n.id(b), Since: since})
	n.links[testLink{a, b, graph.LinkConnection}] = since
}

// mentoredBySince stores mentee -[:MENTORED_BY {status}]-> mentor since the
// date; an ENDED mentorship ends a year after it began.
func (n *testNet) mentoredBySince(t *testing.T, mentee, mentor, status, since string) {
	d := testDate(t, since)
	var until *dataset.Date
	if status == "ENDED" {
		u := *d
		u.Year++
		until = &u
	}
	n.addMentorship(mentee, mentor, status, d, until)
}

// mentoredBy stores mentee -[:MENTORED_BY {status}]-> mentor, since
// 2021-02-0d for the d-th one; an ENDED one ends in 2022.
func (n *testNet) mentoredBy(mentee, mentor, status string) {
	var until *dataset.Date
	if status == "ENDED" {
		until = &dataset.Date{Year: 2022, Month: 3, Day: 1}
	}
	n.addMentorship(mentee, mentor, status, &dataset.Date{Year: 2021, Month: 2, Day: 1 + len(n.ds.Mentorships)%28}, until)
}

func (n *testNet) addMentorship(mentee, mentor, status string, since, until *dataset.Date) {
	n.ds.Mentorships = append(n.ds.Mentorships, dataset.Mentorship{MenteeID: n.id(mentee), MentorID: n.id(mentor),
		Since: since, Until: until, Status: status})
	n.links[testLink{mentee, mentor, graph.LinkMentorship}] = since
	n.statuses[testLink{mentee, mentor, graph.LinkMentorship}] = status
}

// goal gives person a goal about skill with status (OPEN, ACHIEVED, …).
func (n *testNet) goal(person, skill, status string) {
	n.goals++
	n.ds.Goals = append(n.ds.Goals, dataset.Goal{ID: n.id("goal-" + strings.Repeat("x", n.goals)), PersonID: n.id(person),
		SkillID: n.id(skill), Title: "Learn " + skill, Status: status})
}

func (n *testNet) org(name string) {
	n.ds.Organizations = append(n.ds.Organizations, dataset.Organization{ID: n.id(name), Name: "Org " + name, Kind: "COMPANY"})
}

// worksAt affiliates person with org since 2010; a non-empty until makes
// it past.
func (n *testNet) worksAt(t *testing.T, person, org, until string) {
	n.ds.Affiliations = append(n.ds.Affiliations, dataset.Affiliation{PersonID: n.id(person), OrganizationID: n.id(org),
		Since: testDate(t, "2010-01-01"), Until: testDate(t, until)})
}

// member affiliates person with org since 2010, now (current) or until 2015.
func (n *testNet) member(person, org string, current bool) {
	a := dataset.Affiliation{PersonID: n.id(person), OrganizationID: n.id(org), Since: &dataset.Date{Year: 2010, Month: 1, Day: 1}}
	if !current {
		a.Until = &dataset.Date{Year: 2015, Month: 1, Day: 1}
	}
	n.ds.Affiliations = append(n.ds.Affiliations, a)
}

func (n *testNet) id(name string) string { return n.prefix + name }

func (n *testNet) name(id string) string { return strings.TrimPrefix(id, n.prefix) }

func (n *testNet) names(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = n.name(id)
	}
	return out
}

// load imports the network into s.
func (n *testNet) load(t *testing.T, s *graph.Store) {
	t.Helper()
	if _, err := s.Import(context.Background(), &n.ds, graph.ImportOptions{}); err != nil {
		t.Fatalf("import the hand-built network: %v", err)
	}
}

// closedToIntroductions sets openToIntroductions = false on people (a
// property the import layout does not carry).
func (n *testNet) closedToIntroductions(t *testing.T, names ...string) {
	t.Helper()
	ids := make([]string, len(names))
	for i, name := range names {
		ids[i] = n.id(name)
	}
	_, err := neo4j.ExecuteQuery(context.Background(), neo4jtest.Driver(t),
		`UNWIND $ids AS id MATCH (p:Person {id: id}) SET p.openToIntroductions = false`,
		map[string]any{"ids": ids}, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(neo4jtest.Get(t).Database))
	if err != nil {
		t.Fatalf("close %v to introductions: %v", names, err)
	}
}
