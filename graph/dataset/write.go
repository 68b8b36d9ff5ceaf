package dataset

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// WriteDir writes ds as the eight CSV files of the import layout into dir
// (made if missing): every file, each with its header, rows in the order of
// ds. Reading the directory back gives an equal dataset, apart from At.
func WriteDir(dir string, ds *Dataset) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, kind := range Kinds {
		if err := writeCSVFile(filepath.Join(dir, kind.FileName()), ds, kind); err != nil {
			return err
		}
	}
	return nil
}

// writeCSVFile writes the records of kind to the file at path.
func writeCSVFile(path string, ds *Dataset, kind Kind) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 64<<10)
	err = WriteCSV(w, ds, kind)
	if err == nil {
		err = w.Flush()
	}
	return errors.Join(err, f.Close())
}

// WriteCSV writes the records of kind in ds as its CSV file: the header,
// then a row per record in the order of ds. Unset values are empty cells,
// focus ids are joined with ';', year-only dates are written YYYY.
func WriteCSV(w io.Writer, ds *Dataset, kind Kind) error {
	k := kind.index()
	if k < 0 {
		return fmt.Errorf("unknown record kind %q (known: %s)", kind, kindNames())
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(kind.Columns()); err != nil {
		return err
	}
	var cells [maxColumns]string
	record := cells[:len(columnsOf[k])]
	write := func() error { return cw.Write(record) }
	var err error
	switch k {
	case personIndex:
		for i := range ds.People {
			p := &ds.People[i]
			cells = [maxColumns]string{p.ID, p.Name, p.Headline, p.Bio, p.Location, p.Timezone,
				boolCell(p.AvailableToMentor), intCell(p.MentorCapacity), boolCell(p.SeekingMentorship),
				p.Visibility, p.ProfileVisibility, boolCell(p.OpenToIntroductions)}
			if err = write(); err != nil {
				break
			}
		}
	case skillIndex:
		for i := range ds.Skills {
			s := &ds.Skills[i]
			cells = [maxColumns]string{s.ID, s.Name, s.Category, s.ParentID, s.Description}
			if err = write(); err != nil {
				break
			}
		}
	case organizationIndex:
		for i := range ds.Organizations {
			o := &ds.Organizations[i]
			cells = [maxColumns]string{o.ID, o.Name, o.Kind}
			if err = write(); err != nil {
				break
			}
		}
	case personSkillIndex:
		for i := range ds.PersonSkills {
			ps := &ds.PersonSkills[i]
			cells = [maxColumns]string{ps.PersonID, ps.SkillID, strconv.Itoa(ps.Level), intCell(ps.Years)}
			if err = write(); err != nil {
				break
			}
		}
	case affiliationIndex:
		for i := range ds.Affiliations {
			a := &ds.Affiliations[i]
			cells = [maxColumns]string{a.PersonID, a.OrganizationID, a.Role, dateCell(a.Since), dateCell(a.Until)}
			if err = write(); err != nil {
				break
			}
		}
	case mentorshipIndex:
		for i := range ds.Mentorships {
			m := &ds.Mentorships[i]
			cells = [maxColumns]string{m.MenteeID, m.MentorID, dateCell(m.Since), dateCell(m.Until),
				strings.Join(m.Focus, ";"), m.Status}
			if err = write(); err != nil {
				break
			}
		}
	case connectionIndex:
		for i := range ds.Connections {
			c := &ds.Connections[i]
			cells = [maxColumns]string{c.PersonA, c.PersonB, dateCell(c.Since)}
			if err = write(); err != nil {
				break
			}
		}
	case goalIndex:
		for i := range ds.Goals {
			g := &ds.Goals[i]
			cells = [maxColumns]string{g.ID, g.PersonID, g.SkillID, g.Title, intCell(g.TargetLevel), dateCell(g.DueDate), g.Status}
			if err = write(); err != nil {
				break
			}
		}
	}
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

func boolCell(b *bool) string {
	if b == nil {
		return ""
	}
	return strconv.FormatBool(*b)
}

func intCell(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

func dateCell(d *Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}

// WriteNDJSON writes ds as NDJSON, one line a record, kinds in the order of
// Kinds and records in the order of ds. Unset values are left out; numbers
// and booleans are JSON numbers and booleans, focus a list of ids.
func WriteNDJSON(w io.Writer, ds *Dataset) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var line ndjsonLine
	emit := func() error {
		line.b = append(line.b, "}\n"...)
		_, err := bw.Write(line.b)
		return err
	}
	for i := range ds.People {
		p := &ds.People[i]
		line.start(KindPerson)
		line.str("id", p.ID)
		line.str("name", p.Name)
		line.str("headline", p.Headline)
		line.str("bio", p.Bio)
		line.str("location", p.Location)
		line.str("timezone", p.Timezone)
		line.boolean("available_to_mentor", p.AvailableToMentor)
		line.integer("mentor_capacity", p.MentorCapacity)
		line.boolean("seeking_mentorship", p.SeekingMentorship)
		line.str("visibility", p.Visibility)
		line.str("profile_visibility", p.ProfileVisibility)
		line.boolean("open_to_introductions", p.OpenToIntroductions)
		if err := emit(); err != nil {
			return err
		}
	}
	for i := range ds.Skills {
		s := &ds.Skills[i]
		line.start(KindSkill)
		line.str("id", s.ID)
		line.str("name", s.Name)
		line.str("category", s.Category)
		line.str("parent_id", s.ParentID)
		line.str("description", s.Description)
		if err := emit(); err != nil {
			return err
		}
	}
	for i := range ds.Organizations {
		o := &ds.Organizations[i]
		line.start(KindOrganization)
		line.str("id", o.ID)
		line.str("name", o.Name)
		line.str(NDJSONOrganizationKind, o.Kind)
		if err := emit(); err != nil {
			return err
		}
	}
	for i := range ds.PersonSkills {
		ps := &ds.PersonSkills[i]
		line.start(KindPersonSkill)
		line.str("person_id", ps.PersonID)
		line.str("skill_id", ps.SkillID)
		line.integer("level", &ps.Level)
		line.integer("years", ps.Years)
		if err := emit(); err != nil {
			return err
		}
	}
	for i := range ds.Affiliations {
		a := &ds.Affiliations[i]
		line.start(KindAffiliation)
		line.str("person_id", a.PersonID)
		line.str("organization_id", a.OrganizationID)
		line.str("role", a.Role)
		line.date("since", a.Since)
		line.date("until", a.Until)
		if err := emit(); err != nil {
			return err
		}
	}
	for i := range ds.Mentorships {
		m := &ds.Mentorships[i]
		line.start(KindMentorship)
		line.str("mentee_id", m.MenteeID)
		line.str("mentor_id", m.MentorID)
		line.date("since", m.Since)
		line.date("until", m.Until)
		line.list("focus", m.Focus)
		line.str("status", m.Status)
		if err := emit(); err != nil {
			return err
		}
	}
	for i := range ds.Connections {
		c := &ds.Connections[i]
		line.start(KindConnection)
		line.str("person_a", c.PersonA)
		line.str("person_b", c.PersonB)
		line.date("since", c.Since)
		if err := emit(); err != nil {
			return err
		}
	}
	for i := range ds.Goals {
		g := &ds.Goals[i]
		line.start(KindGoal)
		line.str("id", g.ID)
		line.str("person_id", g.PersonID)
		line.str("skill_id", g.SkillID)
		line.str("title", g.Title)
		line.integer("target_level", g.TargetLevel)
		line.date("due_date", g.DueDate)
		line.str("status", g.Status)
		if err := emit(); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// ndjsonLine builds one NDJSON line, leaving out unset fields.
type ndjsonLine struct{ b []byte }

func (l *ndjsonLine) start(kind Kind) {
	l.b = append(l.b[:0], `{"kind":`...)
	l.b = appendJSONString(l.b, string(kind))
}

func (l *ndjsonLine) key(name string) {
	l.b = append(l.b, ',')
	l.b = appendJSONString(l.b, name)
	l.b = append(l.b, ':')
}

func (l *ndjsonLine) str(name, value string) {
	if value != "" {
		l.key(name)
		l.b = appendJSONString(l.b, value)
	}
}

func (l *ndjsonLine) integer(name string, n *int) {
	if n != nil {
		l.key(name)
		l.b = strconv.AppendInt(l.b, int64(*n), 10)
	}
}

func (l *ndjsonLine) boolean(name string, v *bool) {
	if v != nil {
		l.key(name)
		l.b = strconv.AppendBool(l.b, *v)
	}
}

func (l *ndjsonLine) date(name string, d *Date) {
	if d != nil {
		l.key(name)
		l.b = append(l.b, '"')
		l.b = d.appendTo(l.b)
		l.b = append(l.b, '"')
	}
}

func (l *ndjsonLine) list(name string, values []string) {
	if len(values) == 0 {
		return
	}
	l.key(name)
	l.b = append(l.b, '[')
	for i, v := range values {
		if i > 0 {
			l.b = append(l.b, ',')
		}
		l.b = appendJSONString(l.b, v)
	}
	l.b = append(l.b, ']')
}

// appendJSONString appends s as a JSON string. Invalid UTF-8 is written as
// U+FFFD; U+2028 and U+2029 are escaped, as encoding/json does.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= ' ' && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
