package dataset

import (
	"slices"
	"strings"
)

// row is one record's cells as text, by column position, whichever format
// they came from. Cells are trimmed of surrounding white space; an empty
// cell is "not set".
type row struct {
	at    Pos
	cells [maxColumns]string
	// focus holds a mentorship's focus when NDJSON gave it as an array;
	// focusIsList says so.
	focus       []string
	focusIsList bool
	// bad marks cells already reported as unreadable.
	bad columnSet
}

// recordDecoder turns rows into records appended to ds, reporting every
// cell it cannot read and every rule a record breaks.
type recordDecoder struct {
	ds    *Dataset
	check recordChecker
	// inputSize is the size of the input in bytes, 0 if unknown.
	inputSize int64
	// The optional numbers, booleans and dates of records are carved from
	// shared blocks, not allocated one by one.
	ints  block[int]
	bools block[bool]
	dates block[Date]
}

// block hands out pointers to values carved from arrays of blockSize, to
// save an allocation per value.
type block[T any] struct{ free []T }

const blockSize = 512

// new returns a pointer to a fresh copy of v.
func (b *block[T]) new(v T) *T {
	if len(b.free) == 0 {
		b.free = make([]T, blockSize)
	}
	p := &b.free[0]
	*p = v
	b.free = b.free[1:]
	return p
}

// roomForOne returns records with room for one more, doubling its capacity
// when full: append alone grows a large slice by a quarter at a time, which
// copies millions of records many times over.
func roomForOne[T any](records []T) []T {
	if len(records) < cap(records) {
		return records
	}
	return slices.Grow(records, max(len(records), 64))
}

// decode appends the record of kind k in r.
func (d *recordDecoder) decode(k kindIndex, r *row) {
	switch k {
	case personIndex:
		d.person(r)
	case skillIndex:
		d.skill(r)
	case organizationIndex:
		d.organization(r)
	case personSkillIndex:
		d.personSkill(r)
	case affiliationIndex:
		d.affiliation(r)
	case mentorshipIndex:
		d.mentorship(r)
	case connectionIndex:
		d.connection(r)
	case goalIndex:
		d.goal(r)
	}
}

func (d *recordDecoder) person(r *row) {
	c, k := &r.cells, personIndex
	d.ds.People = append(roomForOne(d.ds.People), Person{
		ID:                  c[personID],
		Name:                c[personName],
		Headline:            c[personHeadline],
		Bio:                 c[personBio],
		Location:            c[personLocation],
		Timezone:            c[personTimezone],
		AvailableToMentor:   d.boolean(r, k, personAvailableToMentor),
		MentorCapacity:      d.integer(r, k, personMentorCapacity, countRule),
		SeekingMentorship:   d.boolean(r, k, personSeekingMentorship),
		Visibility:          canonical(c[personVisibility], Visibilities),
		ProfileVisibility:   canonical(c[personProfileVisibility], Visibilities),
		OpenToIntroductions: d.boolean(r, k, personOpenToIntroductions),
		At:                  r.at,
	})
	d.check.person(&d.ds.People[len(d.ds.People)-1], r.bad)
}

func (d *recordDecoder) skill(r *row) {
	c := &r.cells
	d.ds.Skills = append(roomForOne(d.ds.Skills), Skill{
		ID:          c[skillID],
		Name:        c[skillName],
		Category:    canonical(c[skillCategory], SkillCategories),
		ParentID:    c[skillParentID],
		Description: c[skillDescription],
		At:          r.at,
	})
	d.check.skill(&d.ds.Skills[len(d.ds.Skills)-1], r.bad)
}

func (d *recordDecoder) organization(r *row) {
	c := &r.cells
	d.ds.Organizations = append(roomForOne(d.ds.Organizations), Organization{
		ID:   c[organizationID],
		Name: c[organizationName],
		Kind: canonical(c[organizationKind], OrganizationKinds),
		At:   r.at,
	})
	d.check.organization(&d.ds.Organizations[len(d.ds.Organizations)-1], r.bad)
}

func (d *recordDecoder) personSkill(r *row) {
	c, k := &r.cells, personSkillIndex
	level := 0
	if s := c[personSkillLevel]; s == "" {
		if !r.bad.has(personSkillLevel) {
			d.check.add(r.at, k, personSkillLevel, "must not be empty: a whole number from 1 to 5")
		}
		r.bad |= 1 << personSkillLevel
	} else if n, ok := parseInt(s); ok {
		level = n
	} else {
		d.check.add(r.at, k, personSkillLevel, "%s, got %s", levelRule, quote(s))
		r.bad |= 1 << personSkillLevel
	}
	d.ds.PersonSkills = append(roomForOne(d.ds.PersonSkills), PersonSkill{
		PersonID: c[personSkillPersonID],
		SkillID:  c[personSkillSkillID],
		Level:    level,
		Years:    d.integer(r, k, personSkillYears, countRule),
		At:       r.at,
	})
	d.check.personSkill(&d.ds.PersonSkills[len(d.ds.PersonSkills)-1], r.bad)
}

func (d *recordDecoder) affiliation(r *row) {
	c, k := &r.cells, affiliationIndex
	d.ds.Affiliations = append(roomForOne(d.ds.Affiliations), Affiliation{
		PersonID:       c[affiliationPersonID],
		OrganizationID: c[affiliationOrganizationID],
		Role:           c[affiliationRole],
		Since:          d.date(r, k, affiliationSince),
		Until:          d.date(r, k, affiliationUntil),
		At:             r.at,
	})
	d.check.affiliation(&d.ds.Affiliations[len(d.ds.Affiliations)-1], r.bad)
}

func (d *recordDecoder) mentorship(r *row) {
	c, k := &r.cells, mentorshipIndex
	m := Mentorship{
		MenteeID: c[mentorshipMenteeID],
		MentorID: c[mentorshipMentorID],
		Since:    d.date(r, k, mentorshipSince),
		Until:    d.date(r, k, mentorshipUntil),
		Status:   canonical(c[mentorshipStatus], MentorshipStatuses),
		At:       r.at,
	}
	if r.focusIsList {
		m.Focus = focusList(r.focus)
	} else {
		m.Focus = splitFocus(c[mentorshipFocus])
	}
	if m.Status == "" {
		m.Status = "ACTIVE"
		if m.Until != nil {
			m.Status = "ENDED"
		}
	}
	d.ds.Mentorships = append(roomForOne(d.ds.Mentorships), m)
	d.check.mentorship(&d.ds.Mentorships[len(d.ds.Mentorships)-1], r.bad)
}

func (d *recordDecoder) connection(r *row) {
	c, k := &r.cells, connectionIndex
	d.ds.Connections = append(roomForOne(d.ds.Connections), Connection{
		PersonA: c[connectionPersonA],
		PersonB: c[connectionPersonB],
		Since:   d.date(r, k, connectionSince),
		At:      r.at,
	})
	d.check.connection(&d.ds.Connections[len(d.ds.Connections)-1], r.bad)
}

func (d *recordDecoder) goal(r *row) {
	c, k := &r.cells, goalIndex
	g := Goal{
		ID:          c[goalID],
		PersonID:    c[goalPersonID],
		SkillID:     c[goalSkillID],
		Title:       c[goalTitle],
		TargetLevel: d.integer(r, k, goalTargetLevel, levelRule),
		DueDate:     d.date(r, k, goalDueDate),
		Status:      canonical(c[goalStatus], GoalStatuses),
		At:          r.at,
	}
	if g.Status == "" {
		g.Status = "OPEN"
	}
	d.ds.Goals = append(roomForOne(d.ds.Goals), g)
	d.check.goal(&d.ds.Goals[len(d.ds.Goals)-1], r.bad)
}

// boolean reads cell col as true or false (any case); empty is not set.
func (d *recordDecoder) boolean(r *row, k kindIndex, col int) *bool {
	s := r.cells[col]
	switch {
	case s == "" || r.bad.has(col):
		return nil
	case strings.EqualFold(s, "true"):
		return d.bools.new(true)
	case strings.EqualFold(s, "false"):
		return d.bools.new(false)
	}
	d.check.add(r.at, k, col, "%s, got %s", booleanRule, quote(s))
	r.bad |= 1 << col
	return nil
}

// integer reads cell col as a whole number; empty is not set. rule is the
// message for a cell that is not a number.
func (d *recordDecoder) integer(r *row, k kindIndex, col int, rule string) *int {
	s := r.cells[col]
	if s == "" || r.bad.has(col) {
		return nil
	}
	n, ok := parseInt(s)
	if !ok {
		d.check.add(r.at, k, col, "%s, got %s", rule, quote(s))
		r.bad |= 1 << col
		return nil
	}
	return d.ints.new(n)
}

// date reads cell col as YYYY-MM-DD or YYYY; empty is not set.
func (d *recordDecoder) date(r *row, k kindIndex, col int) *Date {
	s := r.cells[col]
	if s == "" || r.bad.has(col) {
		return nil
	}
	date, err := ParseDate(s)
	if err != nil {
		d.check.add(r.at, k, col, "%s, got %s", err, quote(s))
		r.bad |= 1 << col
		return nil
	}
	return d.dates.new(date)
}

// parseInt reads an optionally signed decimal whole number of at most 18
// digits (so it cannot overflow).
func parseInt(s string) (int, bool) {
	negative := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		negative = s[0] == '-'
		s = s[1:]
	}
	if len(s) > 18 {
		return 0, false
	}
	n, ok := digits(s)
	if negative {
		n = -n
	}
	return n, ok
}

// canonical returns the value of values that s names without regard to
// case, or s upper-cased when it names none (the rules then report it).
func canonical(s string, values []string) string {
	if s == "" {
		return ""
	}
	for _, v := range values {
		if strings.EqualFold(s, v) {
			return v
		}
	}
	return strings.ToUpper(s)
}

// splitFocus splits a ';'-separated list of skill ids, trimming each and
// dropping empty ones; nil when there are none.
func splitFocus(s string) []string {
	if s == "" {
		return nil
	}
	n := strings.Count(s, ";") + 1
	ids := make([]string, 0, n)
	for part := range strings.SplitSeq(s, ";") {
		if part = strings.TrimSpace(part); part != "" {
			ids = append(ids, part)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return ids
}

// focusList trims the ids of a focus given as a list, dropping empty ones;
// nil when there are none.
func focusList(list []string) []string {
	ids := list[:0]
	for _, id := range list {
		if id = strings.TrimSpace(id); id != "" {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return ids
}
