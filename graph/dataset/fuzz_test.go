package dataset

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mentorgraph/mentorgraph/graph/internal/textrule"
)

// FuzzReadCSV: any input reads without panicking, every problem and warning
// is located at a line ≥ 1 of the file, and what reads without problems
// writes and reads back the same.
func FuzzReadCSV(f *testing.F) {
	f.Add(uint8(0), []byte(peopleHeader+"p1,Ada,,\"multi\nline\",,,true,3,false\n"))
	f.Add(uint8(0), []byte("\uFEFFNAME,id\n\"a,b\",p1\n"))
	f.Add(uint8(1), []byte(skillsHeader+"a,A,career,a,\n"))
	f.Add(uint8(3), []byte(personSkillsHeader+"p1,go,x,-1\n,,\n"))
	f.Add(uint8(4), []byte(affiliationsHeader+"p1,o,r,2020,2019-02-29\n"))
	f.Add(uint8(5), []byte(mentorshipsHeader+"a,b,2020,,x; y;;,ended\n"))
	f.Add(uint8(6), []byte(connectionsHeader+"a,\"b\"\"\",2020\n\"unclosed\n"))
	f.Add(uint8(7), []byte(goalsHeader+"g,p,s,t,5,2025,open\n"))
	f.Add(uint8(2), []byte("id,name,kind\r\nacme,Acme,COMPANY\r\n"))
	f.Add(uint8(0), []byte(peopleHeader+"p\x001,Ada\u202e,a\tb,\"x\n\ty\u200f\",,,,,\n"))
	f.Add(uint8(1), []byte(skillsHeader+"a,A,career,b\u2066,\x1b\n"))
	f.Add(uint8(4), []byte(affiliationsHeader+"p1,o\u200e,CTO\x7f,,\n"))
	f.Add(uint8(5), []byte(mentorshipsHeader+"a,b,,,x;\u202ay,\n"))
	f.Fuzz(func(t *testing.T, kindNumber uint8, data []byte) {
		kind := Kinds[int(kindNumber)%len(Kinds)]
		var ds Dataset
		warnings, err := ds.ReadCSV(bytes.NewReader(data), kind.FileName(), kind)
		ps := problemsIn(t, err)
		for _, p := range ps {
			if p.Line < 1 || p.File != kind.FileName() {
				t.Fatalf("problem not located in the file: %+v", p)
			}
		}
		for _, w := range warnings {
			if w.Line < 1 {
				t.Fatalf("warning not located: %+v", w)
			}
		}
		if len(ps) > 0 {
			return
		}
		if msg := refusedText(&ds); msg != "" {
			t.Fatalf("read without problems, but the API refuses it: %s", msg)
		}
		var buf bytes.Buffer
		if err := WriteCSV(&buf, &ds, kind); err != nil {
			t.Fatal(err)
		}
		var again Dataset
		if _, err := again.ReadCSV(&buf, kind.FileName(), kind); err != nil {
			t.Fatalf("reading what was written: %v\n%s", err, buf.String())
		}
		if diff := datasetDiff(withoutPositions(&again), withoutPositions(&ds)); diff != "" {
			t.Fatalf("round trip differs:\n%s", diff)
		}
	})
}

// FuzzReadNDJSON: any input reads without panicking, every problem is
// located at a line ≥ 1, and what reads without problems writes and reads
// back the same.
func FuzzReadNDJSON(f *testing.F) {
	f.Add([]byte(`{"kind":"person","id":"p1","name":"Ada","mentor_capacity":"2","available_to_mentor":true}`))
	f.Add([]byte("\n\n{\"kind\":\"mentorship\",\"mentee_id\":\"a\",\"mentor_id\":\"b\",\"focus\":[\"x\",\"y\"]}\r\n{\"kind\":\"organization\",\"id\":\"o\",\"name\":\"O\",\"organization_kind\":\"company\"}"))
	f.Add([]byte(`{"kind":"skill","id":"a\u0062","name":"x","category":"career","x":{"y":[1,"]"]}}`))
	f.Add([]byte(`{"kind":"goal","id":"g","person_id":"p","skill_id":"s","title":"t","target_level":5e0}`))
	f.Add([]byte(`[1,2] {"kind":1} {"kind":"person_skill","level":3,"level":4}`))
	f.Add([]byte(`{"kind":"person","id":"p\u0000","name":"A\u202e","bio":"a\n\tb\u200f","timezone":"x\u0085y"}`))
	f.Add([]byte(`{"kind":"goal","id":"g","person_id":"p\u2069","skill_id":"s","title":"t\u061c"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var ds Dataset
		_, err := ds.ReadNDJSON(bytes.NewReader(data), "f.ndjson")
		ps := problemsIn(t, err)
		for _, p := range ps {
			if p.Line < 1 || p.File != "f.ndjson" {
				t.Fatalf("problem not located in the file: %+v", p)
			}
		}
		if len(ps) > 0 {
			return
		}
		if msg := refusedText(&ds); msg != "" {
			t.Fatalf("read without problems, but the API refuses it: %s", msg)
		}
		var buf bytes.Buffer
		if err := WriteNDJSON(&buf, &ds); err != nil {
			t.Fatal(err)
		}
		var again Dataset
		if _, err := again.ReadNDJSON(&buf, "f.ndjson"); err != nil {
			t.Fatalf("reading what was written: %v\n%s", err, buf.String())
		}
		if diff := datasetDiff(withoutPositions(&again), withoutPositions(&ds)); diff != "" {
			t.Fatalf("round trip differs:\n%s", diff)
		}
	})
}

// refusedText describes the first text of ds the API would refuse for its
// characters or length (textrule, with each field's kind and limit), or
// returns "".
func refusedText(ds *Dataset) string {
	type field struct {
		name string
		kind textrule.Kind
		max  int
		v    string
	}
	id := func(name, v string) field { return field{name, textrule.ID, textrule.MaxIDLen, v} }
	line := func(name string, max int, v string) field { return field{name, textrule.Line, max, v} }
	long := func(name, v string) field { return field{name, textrule.Long, textrule.MaxTextLen, v} }
	var fields []field
	for _, p := range ds.People {
		fields = append(fields, id("person id", p.ID), line("name", textrule.MaxNameLen, p.Name),
			line("headline", textrule.MaxHeadlineLen, p.Headline), long("bio", p.Bio),
			line("location", textrule.MaxPlaceLen, p.Location), line("timezone", textrule.MaxPlaceLen, p.Timezone))
	}
	for _, s := range ds.Skills {
		fields = append(fields, id("skill id", s.ID), line("skill name", textrule.MaxNameLen, s.Name),
			id("parent_id", s.ParentID), long("description", s.Description))
	}
	for _, o := range ds.Organizations {
		fields = append(fields, id("organization id", o.ID), line("organization name", textrule.MaxNameLen, o.Name))
	}
	for _, ps := range ds.PersonSkills {
		fields = append(fields, id("person_id", ps.PersonID), id("skill_id", ps.SkillID))
	}
	for _, a := range ds.Affiliations {
		fields = append(fields, id("person_id", a.PersonID), id("organization_id", a.OrganizationID), line("role", textrule.MaxNameLen, a.Role))
	}
	for _, m := range ds.Mentorships {
		fields = append(fields, id("mentee_id", m.MenteeID), id("mentor_id", m.MentorID))
		for _, f := range m.Focus {
			fields = append(fields, id("focus", f))
		}
	}
	for _, c := range ds.Connections {
		fields = append(fields, id("person_a", c.PersonA), id("person_b", c.PersonB))
	}
	for _, g := range ds.Goals {
		fields = append(fields, id("goal id", g.ID), id("person_id", g.PersonID), id("skill_id", g.SkillID),
			line("title", textrule.MaxNameLen, g.Title))
	}
	for _, f := range fields {
		if fault := textrule.Check(f.kind, f.v); fault.Reason != textrule.OK {
			return fmt.Sprintf("%s %q %s", f.name, f.v, fault)
		}
		if n := utf8.RuneCountInString(f.v); n > f.max {
			return fmt.Sprintf("%s is %d characters long", f.name, n)
		}
	}
	return ""
}

// FuzzParseDate: a date that parses prints as it was written, and one that
// does not is refused with the same message.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-02-29", "2023-02-29", "2020", "0000", "9999-12-31", "2020-1-01", "２０２０"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "must be a date") {
				t.Fatalf("ParseDate(%q) error %v", s, err)
			}
			return
		}
		if d.String() != s || !d.valid() {
			t.Fatalf("ParseDate(%q) = %+v, prints %q", s, d, d.String())
		}
	})
}

// FuzzScanObject: the hand-written scanner takes exactly what json.Valid
// takes as one object, and each member's value is valid JSON.
func FuzzScanObject(f *testing.F) {
	for _, s := range []string{
		`{"kind":"person","id":"p1","n":-0.5e+3,"b":true,"z":null,"f":["a","b"],"o":{"x":[1,{}]}}`,
		`{}`, ` { "a" : "\u00e9\n\"" } `, `{"a":01}`, `{"a":"\x"}`, `{"a":tru}`, `["a"]`, `{"a":1,}`,
		"{\"a\":\"\t\"}", `{"a":[}`, `{"a":"]"}`, `{"a":1}{}`, `"x"`, `{"a":-}`, `{"a":1.}`, `{"a":1e}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		members, ok := scanObject(line, nil)
		i := skipSpace(line, 0)
		want := json.Valid(line) && i < len(line) && line[i] == '{'
		if ok != want {
			t.Fatalf("scanObject(%q) = %v, json.Valid says %v", line, ok, want)
		}
		if !ok {
			return
		}
		for _, m := range members {
			if !json.Valid(line[m.start:m.end]) {
				t.Fatalf("member %q value %q is not valid JSON", m.name, line[m.start:m.end])
			}
		}
	})
}
