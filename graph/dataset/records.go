package dataset

import "time"

// Kind names a record kind: the CSV file it lives in (people.csv, …) and
// the `kind` field of an NDJSON line.
type Kind string

// The record kinds, in the order they are written (references point back).
const (
	KindPerson       Kind = "person"
	KindSkill        Kind = "skill"
	KindOrganization Kind = "organization"
	KindPersonSkill  Kind = "person_skill"
	KindAffiliation  Kind = "affiliation"
	KindMentorship   Kind = "mentorship"
	KindConnection   Kind = "connection"
	KindGoal         Kind = "goal"
)

// Kinds lists every kind in write order.
var Kinds = []Kind{KindPerson, KindSkill, KindOrganization, KindPersonSkill, KindAffiliation, KindMentorship, KindConnection, KindGoal}

// Date is a calendar date without time zone. Year-only input (YYYY) is held
// as YYYY-01-01 with YearOnly set, and written back as YYYY.
type Date struct {
	Year     int
	Month    time.Month
	Day      int
	YearOnly bool
}

// Person is a row of people.csv. Empty optional cells are zero values
// (strings) or nil (numbers, booleans): "not set".
type Person struct {
	ID                string
	Name              string
	Headline          string
	Bio               string
	Location          string
	Timezone          string
	AvailableToMentor *bool
	MentorCapacity    *int
	SeekingMentorship *bool
	// Visibility and ProfileVisibility are who may see the person and
	// their profile fields (one of Visibilities; empty: not set), and
	// OpenToIntroductions whether they carry others' paths.
	Visibility          string
	ProfileVisibility   string
	OpenToIntroductions *bool

	At Pos // where it was read; zero for a record built in memory
}

// Visibilities are the values of a person's visibility columns.
var Visibilities = []string{"PUBLIC", "MEMBERS", "CONNECTIONS", "PRIVATE"}

// Skill is a row of skills.csv; ParentID names the broader skill.
type Skill struct {
	ID          string
	Name        string
	Category    string // TECHNICAL, LEADERSHIP, BUSINESS, CAREER, INTERPERSONAL
	ParentID    string
	Description string

	At Pos // where it was read; zero for a record built in memory
}

// PersonSkill is a row of person_skills.csv.
type PersonSkill struct {
	PersonID string
	SkillID  string
	Level    int // 1..5
	Years    *int

	At Pos // where it was read; zero for a record built in memory
}

// Organization is a row of organizations.csv.
type Organization struct {
	ID   string
	Name string
	Kind string // COMPANY, COMMUNITY, UNIVERSITY, ASSOCIATION

	At Pos // where it was read; zero for a record built in memory
}

// Affiliation is a row of affiliations.csv.
type Affiliation struct {
	PersonID       string
	OrganizationID string
	Role           string
	Since          *Date
	Until          *Date

	At Pos // where it was read; zero for a record built in memory
}

// Mentorship is a row of mentorships.csv: MenteeID is mentored by MentorID.
type Mentorship struct {
	MenteeID string
	MentorID string
	Since    *Date
	Until    *Date
	Focus    []string // skill ids; ';'-separated in CSV
	Status   string   // ACTIVE or ENDED

	At Pos // where it was read; zero for a record built in memory
}

// Connection is a row of connections.csv: a KNOWS link, undirected in
// meaning, stored from PersonA to PersonB.
type Connection struct {
	PersonA string
	PersonB string
	Since   *Date

	At Pos // where it was read; zero for a record built in memory
}

// Goal is a row of goals.csv.
type Goal struct {
	ID          string
	PersonID    string
	SkillID     string
	Title       string
	TargetLevel *int // 1..5
	DueDate     *Date
	Status      string // OPEN, ACHIEVED, ABANDONED

	At Pos // where it was read; zero for a record built in memory
}

// Pos is where a record was read: its file (as named to the reader) and the
// line its first field starts on, counting from 1. The zero Pos means the
// record was built in memory.
type Pos struct {
	File string
	Line int
}

// Dataset is a whole network in the import layout.
type Dataset struct {
	People        []Person
	Skills        []Skill
	Organizations []Organization
	PersonSkills  []PersonSkill
	Affiliations  []Affiliation
	Mentorships   []Mentorship
	Connections   []Connection
	Goals         []Goal
}
