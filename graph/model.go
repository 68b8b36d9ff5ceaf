package graph

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// Person is a person of the network.
type Person struct {
	ID                string
	Name              string
	Headline          *string
	Bio               *string
	Location          *string
	Timezone          *string
	AvailableToMentor bool
	MentorCapacity    int
	// OpenSlots is MentorCapacity minus active mentees, never below 0, and
	// 0 for someone not available to mentor.
	OpenSlots         int
	SeekingMentorship bool
	CreatedAt         time.Time
	UpdatedAt         time.Time
	// Privacy is the person's privacy settings, read only by the person
	// themself and admins (nil for anyone else).
	Privacy *Privacy
	// Unread names the groups of fields a planned read left out because
	// the query did not select them (zero: every field was read). A
	// person with unread fields is never cached for other parts of the
	// request.
	Unread PersonFields
}

// PersonFields is a set of a person's costlier fields, which a planned
// read reads only when the query selects them. The name, id and the
// other plain properties are always read.
type PersonFields uint8

const (
	// PersonOpenSlots is OpenSlots (a count of active mentees).
	PersonOpenSlots PersonFields = 1 << iota
	// PersonProfile is Headline, Bio, Location and Timezone (behind the
	// profile's visibility).
	PersonProfile
	// PersonPrivacy is Privacy.
	PersonPrivacy
	// AllPersonFields is every group.
	AllPersonFields = PersonOpenSlots | PersonProfile | PersonPrivacy
)

// Privacy is what a person chose to show, and to whom.
type Privacy struct {
	// Visibility is who sees the person at all: in lists, answers and
	// paths.
	Visibility Visibility
	// ProfileVisibility is who sees their headline, bio, location and
	// timezone (others see the person without them).
	ProfileVisibility Visibility
	// OpenToIntroductions: they may appear on the inside of others' paths
	// (referral paths, mentors' paths). Paths through someone who opted
	// out are not returned.
	OpenToIntroductions bool
}

// Skill is a skill of the catalogue; BroaderID names the skill it is
// PART_OF, if any.
type Skill struct {
	ID          string
	Name        string
	Category    string
	Description *string
	BroaderID   *string
}

// Organization is a company, community, university or association.
type Organization struct {
	ID   string
	Name string
	Kind string
}

// PersonSkill is a skill a person holds.
type PersonSkill struct {
	PersonID string
	SkillID  string
	Level    int
	Years    *int
	// Skill is the skill itself when the query that read the link fetched
	// it too (saving a round trip); nil otherwise.
	Skill *Skill
}

// Goal is a learning goal of a person about a skill.
type Goal struct {
	ID          string
	PersonID    string
	SkillID     string
	Title       string
	TargetLevel *int
	DueDate     *Date
	Status      string
}

// Affiliation is a person's membership of an organization.
type Affiliation struct {
	PersonID       string
	OrganizationID string
	Role           *string
	Since          *Date
	Until          *Date
}

// Mentorship is a MENTORED_BY link: MenteeID is mentored by MentorID.
type Mentorship struct {
	MenteeID string
	MentorID string
	Since    *Date
	Until    *Date
	Focus    []string
	Status   string
	// Mentee, Mentor and FocusSkills are filled when the query that read
	// the link fetched them too (saving round trips); nil otherwise.
	Mentee      *Person
	Mentor      *Person
	FocusSkills []Skill
}

// Connection is a KNOWS link seen from one person: PersonID is the other.
type Connection struct {
	PersonID string
	Since    *Date
	// Person is the other person when the read that found the connection
	// read them too (a planned read), else nil.
	Person *Person
}

// Enumerations of the model.
var (
	SkillCategories    = []string{"TECHNICAL", "LEADERSHIP", "BUSINESS", "CAREER", "INTERPERSONAL"}
	OrganizationKinds  = []string{"COMPANY", "COMMUNITY", "UNIVERSITY", "ASSOCIATION"}
	GoalStatuses       = []string{"OPEN", "ACHIEVED", "ABANDONED"}
	MentorshipStatuses = []string{"ACTIVE", "ENDED"}
)

// Date is a calendar date (no time, no zone), stored in Neo4j as a DATE.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate reads YYYY-MM-DD, or YYYY (as January 1st), by the same rule
// as the import layout.
func ParseDate(s string) (Date, error) {
	d, err := dataset.ParseDate(s)
	if err != nil {
		return Date{}, &InputError{Msg: quote(s) + " is not a date: use YYYY-MM-DD or YYYY"}
	}
	return Date{d.Year, d.Month, d.Day}, nil
}

// DateOf is the date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// Today is today's date in UTC.
func Today() Date { return DateOf(time.Now().UTC()) }

// Time is midnight UTC of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// String is d as YYYY-MM-DD.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// MarshalGQL writes d as a JSON string YYYY-MM-DD.
func (d Date) MarshalGQL(w io.Writer) { io.WriteString(w, strconv.Quote(d.String())) }

// UnmarshalGQL reads a YYYY-MM-DD (or YYYY) string.
func (d *Date) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return &InputError{Msg: fmt.Sprintf("a date must be a string YYYY-MM-DD, got %T", v)}
	}
	parsed, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = parsed
	return nil
}
