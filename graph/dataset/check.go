package dataset

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mentorgraph/mentorgraph/graph/internal/textrule"
)

// This file holds the rules about one record alone. Reading applies them to
// each record as it is read; Validate applies them again (a dataset may be
// built in memory) together with the rules across records.

// columnSet marks columns of one record by position: the cells that could
// not be read, whose rules are then not checked a second time.
type columnSet uint16

func (s columnSet) has(c int) bool { return s&(1<<c) != 0 }

// recordChecker collects the problems of records.
type recordChecker struct {
	problems Problems
	// skip marks the cells of the record being checked that were already
	// reported as unreadable: their rules are not checked.
	skip columnSet
}

// add records a problem with column col (-1 for the whole row) of a record
// of kind k read at at, unless that cell was already reported.
func (rc *recordChecker) add(at Pos, k kindIndex, col int, format string, args ...any) {
	if col >= 0 && rc.skip.has(col) {
		return
	}
	rc.problems = append(rc.problems, Problem{
		File:    fileOf(at, k),
		Line:    at.Line,
		Column:  columnName(at, k, col),
		Message: fmt.Sprintf(format, args...),
	})
}

// fileOf is the file a problem names: where the record was read, or the CSV
// file of its kind for a record built in memory.
func fileOf(at Pos, k kindIndex) string {
	if at.File != "" {
		return at.File
	}
	return fileNames[k]
}

// columnName names column col of kind k as the file at.File calls it.
func columnName(at Pos, k kindIndex, col int) string {
	if col < 0 {
		return ""
	}
	if isNDJSONFile(at.File) {
		return fieldName(k, col)
	}
	return columnsOf[k][col].name
}

// isNDJSONFile reports whether name is an NDJSON file by its extension.
func isNDJSONFile(name string) bool {
	ext := filepath.Ext(name)
	return strings.EqualFold(ext, ".ndjson") || strings.EqualFold(ext, ".jsonl")
}

// required checks that the cell col holding s is not empty.
func (rc *recordChecker) required(at Pos, k kindIndex, col int, s string) bool {
	if s == "" {
		rc.add(at, k, col, "must not be empty")
		return false
	}
	return true
}

// id checks a record's own id: present, and as reference checks it.
func (rc *recordChecker) id(at Pos, k kindIndex, col int, id string) {
	if rc.required(at, k, col, id) {
		rc.idChars(at, k, col, id)
	}
}

// idChars checks an id, a record's own or a reference: the characters
// textrule allows in an id, at most maxIDLength of them. It reports
// whether the id passed.
func (rc *recordChecker) idChars(at Pos, k kindIndex, col int, id string) bool {
	if f := textrule.Check(textrule.ID, id); f.Reason != textrule.OK {
		rc.add(at, k, col, "%s", charProblem(textrule.ID, f, id))
		return false
	}
	if len(id) > maxIDLength {
		if n := utf8.RuneCountInString(id); n > maxIDLength {
			rc.add(at, k, col, "must be at most %d characters, has %d", maxIDLength, n)
			return false
		}
	}
	return true
}

// charProblem says that s, text of kind tk, holds the character f names,
// which its column does not allow.
func charProblem(tk textrule.Kind, f textrule.Fault, s string) string {
	var rule string
	switch f.Reason {
	case textrule.NotUTF8:
		return fmt.Sprintf("must be valid UTF-8 text, got %s (at character %d)", quote(s), f.Pos)
	case textrule.Space:
		rule = "must not contain spaces or control characters"
	case textrule.Control:
		if tk == textrule.ID {
			rule = "must not contain spaces or control characters"
			break
		}
		rule = "must not contain control characters"
	case textrule.Bidi:
		rule = "must not contain bidirectional text controls"
	}
	return fmt.Sprintf("%s, got %s, which %s", rule, quote(s), f)
}

// text checks a text cell of kind tk: valid UTF-8, at most max
// characters, none that textrule refuses in text of that kind.
func (rc *recordChecker) text(at Pos, k kindIndex, col int, s string, tk textrule.Kind, max int) {
	f := textrule.Check(tk, s)
	if f.Reason == textrule.NotUTF8 {
		rc.add(at, k, col, "%s", charProblem(tk, f, s))
		return
	}
	if len(s) > max {
		if n := utf8.RuneCountInString(s); n > max {
			rc.add(at, k, col, "must be at most %d characters, has %d: %s", max, n, quote(s))
			return
		}
	}
	if f.Reason != textrule.OK {
		rc.add(at, k, col, "%s", charProblem(tk, f, s))
	}
}

// name checks a required name, title or role-like cell.
func (rc *recordChecker) name(at Pos, k kindIndex, col int, s string) {
	if rc.required(at, k, col, s) {
		rc.text(at, k, col, s, textrule.Line, maxNameLength)
	}
}

// enum checks that s is one of values, as stored (upper-case). An empty s
// passes unless required.
func (rc *recordChecker) enum(at Pos, k kindIndex, col int, s string, values []string, required bool) {
	if s == "" {
		if required {
			rc.add(at, k, col, "must be one of %s", oneOf(values))
		}
		return
	}
	for _, v := range values {
		if s == v {
			return
		}
	}
	rc.add(at, k, col, "must be one of %s, got %s", oneOf(values), quote(s))
}

// oneOf lists values as "A, B or C".
func oneOf(values []string) string {
	if len(values) == 1 {
		return values[0]
	}
	return strings.Join(values[:len(values)-1], ", ") + " or " + values[len(values)-1]
}

// Messages of the number columns; reading uses them for cells that are not
// numbers at all, so both read the same.
const (
	levelRule   = "must be a whole number from 1 to 5"
	countRule   = "must be a whole number ≥ 0"
	booleanRule = "must be true or false"
)

// level checks a skill level, 1 to 5.
func (rc *recordChecker) level(at Pos, k kindIndex, col int, n int) {
	if n < 1 || n > 5 {
		rc.add(at, k, col, "%s, got %s", levelRule, quote(strconv.Itoa(n)))
	}
}

// count checks a whole number that must not be negative, if set.
func (rc *recordChecker) count(at Pos, k kindIndex, col int, n *int) {
	if n != nil && *n < 0 {
		rc.add(at, k, col, "%s, got %s", countRule, quote(strconv.Itoa(*n)))
	}
}

// date checks a date, if set, is one that exists.
func (rc *recordChecker) date(at Pos, k kindIndex, col int, d *Date) bool {
	if d != nil && !d.valid() {
		rc.add(at, k, col, "%s, got %s", errBadDate, quote(d.String()))
		return false
	}
	return true
}

// period checks since and until, and that until is not before since.
func (rc *recordChecker) period(at Pos, k kindIndex, sinceCol, untilCol int, since, until *Date) {
	okSince := rc.date(at, k, sinceCol, since)
	okUntil := rc.date(at, k, untilCol, until)
	if okSince && okUntil && since != nil && until != nil && until.before(*since) {
		rc.add(at, k, untilCol, "%s is before since %s", quote(until.String()), quote(since.String()))
	}
}

// reference checks a required reference to another record: present, and
// an id as a record's own; that it resolves is Validate's to check.
func (rc *recordChecker) reference(at Pos, k kindIndex, col int, id string) {
	if rc.required(at, k, col, id) {
		rc.idChars(at, k, col, id)
	}
}

// clearSkip ends the check of one record.
func (rc *recordChecker) clearSkip() { rc.skip = 0 }

// quote writes s in double quotes, shortened when long, so a message stays
// readable.
func quote(s string) string {
	const max = 80
	if utf8.RuneCountInString(s) > max {
		r := []rune(s)
		return strconv.Quote(string(r[:max])) + "…"
	}
	return strconv.Quote(s)
}

// person checks the rules of one person; skip names cells already reported
// as unreadable.
func (rc *recordChecker) person(p *Person, skip columnSet) {
	rc.skip = skip
	defer rc.clearSkip()
	at, k := p.At, personIndex
	rc.id(at, k, personID, p.ID)
	rc.name(at, k, personName, p.Name)
	rc.text(at, k, personHeadline, p.Headline, textrule.Line, maxHeadlineLength)
	rc.text(at, k, personBio, p.Bio, textrule.Long, maxTextLength)
	rc.text(at, k, personLocation, p.Location, textrule.Line, maxPlaceLength)
	rc.text(at, k, personTimezone, p.Timezone, textrule.Line, maxPlaceLength)
	rc.count(at, k, personMentorCapacity, p.MentorCapacity)
	rc.enum(at, k, personVisibility, p.Visibility, Visibilities, false)
	rc.enum(at, k, personProfileVisibility, p.ProfileVisibility, Visibilities, false)
}

// skill checks the rules of one skill (its parent is checked with the whole
// hierarchy).
func (rc *recordChecker) skill(s *Skill, skip columnSet) {
	rc.skip = skip
	defer rc.clearSkip()
	at, k := s.At, skillIndex
	rc.id(at, k, skillID, s.ID)
	rc.name(at, k, skillName, s.Name)
	rc.enum(at, k, skillCategory, s.Category, SkillCategories, true)
	if s.ParentID != "" {
		rc.idChars(at, k, skillParentID, s.ParentID)
	}
	rc.text(at, k, skillDescription, s.Description, textrule.Long, maxTextLength)
}

// organization checks the rules of one organization.
func (rc *recordChecker) organization(o *Organization, skip columnSet) {
	rc.skip = skip
	defer rc.clearSkip()
	at, k := o.At, organizationIndex
	rc.id(at, k, organizationID, o.ID)
	rc.name(at, k, organizationName, o.Name)
	rc.enum(at, k, organizationKind, o.Kind, OrganizationKinds, true)
}

// personSkill checks the rules of one person's skill.
func (rc *recordChecker) personSkill(ps *PersonSkill, skip columnSet) {
	rc.skip = skip
	defer rc.clearSkip()
	at, k := ps.At, personSkillIndex
	rc.reference(at, k, personSkillPersonID, ps.PersonID)
	rc.reference(at, k, personSkillSkillID, ps.SkillID)
	rc.level(at, k, personSkillLevel, ps.Level)
	rc.count(at, k, personSkillYears, ps.Years)
}

// affiliation checks the rules of one affiliation.
func (rc *recordChecker) affiliation(a *Affiliation, skip columnSet) {
	rc.skip = skip
	defer rc.clearSkip()
	at, k := a.At, affiliationIndex
	rc.reference(at, k, affiliationPersonID, a.PersonID)
	rc.reference(at, k, affiliationOrganizationID, a.OrganizationID)
	rc.text(at, k, affiliationRole, a.Role, textrule.Line, maxNameLength)
	rc.period(at, k, affiliationSince, affiliationUntil, a.Since, a.Until)
}

// mentorship checks the rules of one mentorship.
func (rc *recordChecker) mentorship(m *Mentorship, skip columnSet) {
	rc.skip = skip
	defer rc.clearSkip()
	at, k := m.At, mentorshipIndex
	rc.reference(at, k, mentorshipMenteeID, m.MenteeID)
	rc.reference(at, k, mentorshipMentorID, m.MentorID)
	if m.MenteeID != "" && m.MenteeID == m.MentorID {
		rc.add(at, k, mentorshipMentorID, "a person cannot mentor themselves: %s is both mentee and mentor", quote(m.MentorID))
	}
	rc.period(at, k, mentorshipSince, mentorshipUntil, m.Since, m.Until)
	for _, id := range m.Focus {
		if id == "" {
			rc.add(at, k, mentorshipFocus, "holds an empty skill id")
			break
		}
		if !rc.idChars(at, k, mentorshipFocus, id) {
			break
		}
	}
	rc.enum(at, k, mentorshipStatus, m.Status, MentorshipStatuses, false)
}

// connection checks the rules of one connection.
func (rc *recordChecker) connection(c *Connection, skip columnSet) {
	rc.skip = skip
	defer rc.clearSkip()
	at, k := c.At, connectionIndex
	rc.reference(at, k, connectionPersonA, c.PersonA)
	rc.reference(at, k, connectionPersonB, c.PersonB)
	if c.PersonA != "" && c.PersonA == c.PersonB {
		rc.add(at, k, connectionPersonB, "a person cannot be connected to themselves: %s is both person_a and person_b", quote(c.PersonB))
	}
	rc.date(at, k, connectionSince, c.Since)
}

// goal checks the rules of one goal.
func (rc *recordChecker) goal(g *Goal, skip columnSet) {
	rc.skip = skip
	defer rc.clearSkip()
	at, k := g.At, goalIndex
	rc.id(at, k, goalID, g.ID)
	rc.reference(at, k, goalPersonID, g.PersonID)
	rc.reference(at, k, goalSkillID, g.SkillID)
	rc.name(at, k, goalTitle, g.Title)
	if g.TargetLevel != nil {
		rc.level(at, k, goalTargetLevel, *g.TargetLevel)
	}
	rc.date(at, k, goalDueDate, g.DueDate)
	rc.enum(at, k, goalStatus, g.Status, GoalStatuses, false)
}
