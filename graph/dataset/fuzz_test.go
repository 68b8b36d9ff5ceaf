package dataset

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
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
