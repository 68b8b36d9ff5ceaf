package dataset

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// wantProblem is a problem a test expects: where, and a fragment of its
// message.
type wantProblem struct {
	file   string
	line   int
	column string
	says   string
}

// problemsIn returns the Problems in err, failing t when err is another
// kind of error.
func problemsIn(t testing.TB, err error) Problems {
	t.Helper()
	if err == nil {
		return nil
	}
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error is not Problems: %v", err)
	}
	return ps
}

// checkProblems fails t unless got holds exactly the wanted problems, in
// that order.
func checkProblems(t testing.TB, got Problems, want []wantProblem) {
	t.Helper()
	ok := len(got) == len(want)
	for i := 0; ok && i < len(want); i++ {
		g, w := got[i], want[i]
		ok = g.File == w.file && g.Line == w.line && g.Column == w.column && strings.Contains(g.Message, w.says)
	}
	if ok {
		return
	}
	var b strings.Builder
	b.WriteString("problems differ\n got:\n")
	for _, p := range got {
		fmt.Fprintf(&b, "\t%s\n", p.Error())
	}
	b.WriteString(" want:\n")
	for _, w := range want {
		fmt.Fprintf(&b, "\t%s:%d: %s: …%s…\n", w.file, w.line, w.column, w.says)
	}
	t.Error(b.String())
}

// readCSVFiles reads CSV texts keyed by file name (people.csv, …) in the
// order of Kinds, failing t on any problem.
func readCSVFiles(t testing.TB, files map[string]string) *Dataset {
	t.Helper()
	ds, ps := readCSVTexts(t, files)
	if len(ps) > 0 {
		t.Fatalf("reading the test files: %v", ps)
	}
	return ds
}

// readCSVTexts reads CSV texts keyed by file name in the order of Kinds and
// returns what they held and every problem.
func readCSVTexts(t testing.TB, files map[string]string) (*Dataset, Problems) {
	t.Helper()
	ds := new(Dataset)
	var all Problems
	for _, kind := range Kinds {
		text, ok := files[kind.FileName()]
		if !ok {
			continue
		}
		_, err := ds.ReadCSV(strings.NewReader(text), kind.FileName(), kind)
		all = append(all, problemsIn(t, err)...)
	}
	return ds, all
}

// withoutPositions returns a copy of ds with every At cleared, to compare
// what was read with what was written.
func withoutPositions(ds *Dataset) *Dataset {
	c := *ds
	c.People = clearAt(ds.People, func(r *Person) { r.At = Pos{} })
	c.Skills = clearAt(ds.Skills, func(r *Skill) { r.At = Pos{} })
	c.Organizations = clearAt(ds.Organizations, func(r *Organization) { r.At = Pos{} })
	c.PersonSkills = clearAt(ds.PersonSkills, func(r *PersonSkill) { r.At = Pos{} })
	c.Affiliations = clearAt(ds.Affiliations, func(r *Affiliation) { r.At = Pos{} })
	c.Mentorships = clearAt(ds.Mentorships, func(r *Mentorship) { r.At = Pos{} })
	c.Connections = clearAt(ds.Connections, func(r *Connection) { r.At = Pos{} })
	c.Goals = clearAt(ds.Goals, func(r *Goal) { r.At = Pos{} })
	return &c
}

func clearAt[T any](records []T, clear func(*T)) []T {
	if records == nil {
		return nil
	}
	out := append([]T(nil), records...)
	for i := range out {
		clear(&out[i])
	}
	return out
}

// datasetDiff describes how got differs from want, record by record, or
// returns "" when they are equal.
func datasetDiff(got, want *Dataset) string {
	var b strings.Builder
	gv, wv := reflect.ValueOf(got).Elem(), reflect.ValueOf(want).Elem()
	for f := 0; f < gv.NumField(); f++ {
		name := gv.Type().Field(f).Name
		g, w := gv.Field(f), wv.Field(f)
		if g.Len() != w.Len() {
			fmt.Fprintf(&b, "%s: %d records, want %d\n", name, g.Len(), w.Len())
		}
		shown := 0
		for i := 0; i < min(g.Len(), w.Len()) && shown < 5; i++ {
			if !reflect.DeepEqual(g.Index(i).Interface(), w.Index(i).Interface()) {
				fmt.Fprintf(&b, "%s[%d]:\n\t- %s\n\t+ %s\n", name, i, describe(w.Index(i)), describe(g.Index(i)))
				shown++
			}
		}
	}
	return b.String()
}

// describe prints a record with its pointers followed.
func describe(v reflect.Value) string {
	var b strings.Builder
	b.WriteString("{")
	for f := 0; f < v.NumField(); f++ {
		if f > 0 {
			b.WriteString(" ")
		}
		field := v.Field(f)
		b.WriteString(v.Type().Field(f).Name + ":")
		if field.Kind() == reflect.Pointer {
			if field.IsNil() {
				b.WriteString("nil")
			} else {
				fmt.Fprintf(&b, "&%v", field.Elem().Interface())
			}
			continue
		}
		fmt.Fprintf(&b, "%q", fmt.Sprint(field.Interface()))
	}
	b.WriteString("}")
	return b.String()
}

// Pointers to values, for records built in tests.
func intPtr(n int) *int    { return &n }
func boolPtr(b bool) *bool { return &b }
func datePtr(s string) *Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return &d
}
