package dataset

import (
	"path/filepath"
	"strings"

	"github.com/mentorgraph/mentorgraph/graph/internal/textrule"
)

// The allowed values of the enum columns, as stored (upper-case). Input is
// matched without regard to case.
var (
	// SkillCategories are the values of skills.csv's category.
	SkillCategories = []string{"TECHNICAL", "LEADERSHIP", "BUSINESS", "CAREER", "INTERPERSONAL"}
	// OrganizationKinds are the values of organizations.csv's kind.
	OrganizationKinds = []string{"COMPANY", "COMMUNITY", "UNIVERSITY", "ASSOCIATION"}
	// MentorshipStatuses are the values of mentorships.csv's status. An
	// empty cell reads as ACTIVE when until is empty, ENDED otherwise.
	MentorshipStatuses = []string{"ACTIVE", "ENDED"}
	// GoalStatuses are the values of goals.csv's status. An empty cell reads
	// as OPEN.
	GoalStatuses = []string{"OPEN", "ACHIEVED", "ABANDONED"}
)

// NDJSONOrganizationKind is the NDJSON field that holds organizations.csv's
// kind column: an NDJSON line's own `kind` field already names the record
// kind ("organization").
const NDJSONOrganizationKind = "organization_kind"

// Limits on text cells, in characters (Unicode code points): the API's
// (textrule), so what imports can also be written through the API.
const (
	maxIDLength       = textrule.MaxIDLen
	maxNameLength     = textrule.MaxNameLen // name, title, role
	maxHeadlineLength = textrule.MaxHeadlineLen
	maxPlaceLength    = textrule.MaxPlaceLen // location, timezone
	maxTextLength     = textrule.MaxTextLen
)

// column is one column of a kind's CSV file (and field of its NDJSON lines).
type column struct {
	name string
	// required columns must be in the header: their cells are required.
	required bool
}

// Column positions of each kind, indexes into its entry of columnsOf and into
// row.cells.
const (
	personID = iota
	personName
	personHeadline
	personBio
	personLocation
	personTimezone
	personAvailableToMentor
	personMentorCapacity
	personSeekingMentorship
	personVisibility
	personProfileVisibility
	personOpenToIntroductions
)

const (
	skillID = iota
	skillName
	skillCategory
	skillParentID
	skillDescription
)

const (
	organizationID = iota
	organizationName
	organizationKind
)

const (
	personSkillPersonID = iota
	personSkillSkillID
	personSkillLevel
	personSkillYears
)

const (
	affiliationPersonID = iota
	affiliationOrganizationID
	affiliationRole
	affiliationSince
	affiliationUntil
)

const (
	mentorshipMenteeID = iota
	mentorshipMentorID
	mentorshipSince
	mentorshipUntil
	mentorshipFocus
	mentorshipStatus
)

const (
	connectionPersonA = iota
	connectionPersonB
	connectionSince
)

const (
	goalID = iota
	goalPersonID
	goalSkillID
	goalTitle
	goalTargetLevel
	goalDueDate
	goalStatus
)

// maxColumns is the most columns any kind has.
const maxColumns = 12

// kindIndex numbers the kinds in write order, for the tables below.
type kindIndex int

const (
	personIndex kindIndex = iota
	skillIndex
	organizationIndex
	personSkillIndex
	affiliationIndex
	mentorshipIndex
	connectionIndex
	goalIndex
	kindCount
)

// columnsOf lists each kind's columns in the order they are written.
var columnsOf = [kindCount][]column{
	personIndex: {
		{"id", true}, {"name", true}, {"headline", false}, {"bio", false},
		{"location", false}, {"timezone", false}, {"available_to_mentor", false},
		{"mentor_capacity", false}, {"seeking_mentorship", false},
		{"visibility", false}, {"profile_visibility", false}, {"open_to_introductions", false},
	},
	skillIndex: {
		{"id", true}, {"name", true}, {"category", true}, {"parent_id", false}, {"description", false},
	},
	organizationIndex: {
		{"id", true}, {"name", true}, {"kind", true},
	},
	personSkillIndex: {
		{"person_id", true}, {"skill_id", true}, {"level", true}, {"years", false},
	},
	affiliationIndex: {
		{"person_id", true}, {"organization_id", true}, {"role", false}, {"since", false}, {"until", false},
	},
	mentorshipIndex: {
		{"mentee_id", true}, {"mentor_id", true}, {"since", false}, {"until", false},
		{"focus", false}, {"status", false},
	},
	connectionIndex: {
		{"person_a", true}, {"person_b", true}, {"since", false},
	},
	goalIndex: {
		{"id", true}, {"person_id", true}, {"skill_id", true}, {"title", true},
		{"target_level", false}, {"due_date", false}, {"status", false},
	},
}

// fileNames are the CSV file of each kind.
var fileNames = [kindCount]string{
	"people.csv", "skills.csv", "organizations.csv", "person_skills.csv",
	"affiliations.csv", "mentorships.csv", "connections.csv", "goals.csv",
}

// index returns k's position in Kinds, or -1 for an unknown kind.
func (k Kind) index() kindIndex {
	switch k {
	case KindPerson:
		return personIndex
	case KindSkill:
		return skillIndex
	case KindOrganization:
		return organizationIndex
	case KindPersonSkill:
		return personSkillIndex
	case KindAffiliation:
		return affiliationIndex
	case KindMentorship:
		return mentorshipIndex
	case KindConnection:
		return connectionIndex
	case KindGoal:
		return goalIndex
	}
	return -1
}

// FileName returns the CSV file that holds records of kind k (people.csv
// for KindPerson, …), or "" for an unknown kind.
func (k Kind) FileName() string {
	if i := k.index(); i >= 0 {
		return fileNames[i]
	}
	return ""
}

// Columns returns the CSV columns of kind k in the order they are written,
// or nil for an unknown kind. NDJSON lines use the same names as fields,
// except that an organization's kind is NDJSONOrganizationKind.
func (k Kind) Columns() []string {
	i := k.index()
	if i < 0 {
		return nil
	}
	names := make([]string, len(columnsOf[i]))
	for c, col := range columnsOf[i] {
		names[c] = col.name
	}
	return names
}

// fieldName is the NDJSON field of column c of kind k.
func fieldName(k kindIndex, c int) string {
	if k == organizationIndex && c == organizationKind {
		return NDJSONOrganizationKind
	}
	return columnsOf[k][c].name
}

// fileFormat says how a named file is read.
type fileFormat int

const (
	unknownFormat fileFormat = iota
	csvFormat
	ndjsonFormat
)

// formatOf tells from a file's name how to read it and, for a CSV file, the
// kind it holds. Names are matched without regard to case.
func formatOf(path string) (fileFormat, Kind) {
	base := filepath.Base(path)
	for i, name := range fileNames {
		if strings.EqualFold(base, name) {
			return csvFormat, Kinds[i]
		}
	}
	ext := filepath.Ext(base)
	if strings.EqualFold(ext, ".ndjson") || strings.EqualFold(ext, ".jsonl") {
		return ndjsonFormat, ""
	}
	return unknownFormat, ""
}

// knownFileNames lists the names ReadFiles accepts, for messages.
func knownFileNames() string {
	return strings.Join(fileNames[:], ", ") + ", *.ndjson, *.jsonl"
}

// kindNames lists the NDJSON kinds, for messages.
func kindNames() string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}
