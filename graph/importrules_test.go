package graph_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// importProblems imports ds and returns its problems, failing t on any
// other error.
func importProblems(t *testing.T, s *graph.Store, ds *dataset.Dataset) dataset.Problems {
	t.Helper()
	_, err := s.Import(context.Background(), ds, graph.ImportOptions{})
	if err == nil {
		return nil
	}
	var ps dataset.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("import: %v", err)
	}
	return ps
}

// TestImportRefusesTextTheAPIRefuses: a text the API refuses for its
// characters is a problem of the import too, at its record and column,
// and one the API takes imports.
func TestImportRefusesTextTheAPIRefuses(t *testing.T) {
	ctx := context.Background()
	x := newIntegrity(t)
	cases := []struct {
		name   string
		person func(p *dataset.Person)
		column string // "" when both take it
	}{
		{"name with NUL", func(p *dataset.Person) { p.Name = "Ada\x00" }, "name"},
		{"name with an override", func(p *dataset.Person) { p.Name = "\u202eAda" }, "name"},
		{"id with an isolate", func(p *dataset.Person) { p.ID += "\u2066" }, "id"},
		{"id with a mark", func(p *dataset.Person) { p.ID += "\u200f" }, "id"},
		{"headline with a newline", func(p *dataset.Person) { p.Headline = "a\nb" }, "headline"},
		{"bio with an escape", func(p *dataset.Person) { p.Bio = "\x1b[2J" }, "bio"},
		{"bio with paragraphs and a mark", func(p *dataset.Person) { p.Bio = "One.\r\n\tשלום\u200f." }, ""},
		{"name in Arabic", func(p *dataset.Person) { p.Name = "أدا لوفليس" }, ""},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := dataset.Person{ID: x.id(string(rune('a' + i))), Name: "Ada"}
			c.person(&p)
			ps := importProblems(t, x.s, &dataset.Dataset{People: []dataset.Person{p}})
			apiID := p.ID + "-api" // the import may have stored p.ID
			_, apiErr := x.s.CreatePerson(ctx, graph.PersonInput{ID: &apiID, Name: p.Name,
				Headline: optional(p.Headline), Bio: optional(p.Bio)})
			if c.column == "" {
				if len(ps) > 0 || apiErr != nil {
					t.Errorf("import: %v; API: %v; want both to take it", ps, apiErr)
				}
				return
			}
			if len(ps) != 1 || ps[0].File != "people.csv" || ps[0].Column != c.column || !strings.Contains(ps[0].Message, "at character") {
				t.Errorf("import problems %v, want one at people.csv column %s naming the character", ps, c.column)
			}
			if !errors.Is(apiErr, graph.ErrInvalid) {
				t.Errorf("the API took it: %v", apiErr)
			}
		})
	}
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// TestImportKeepsOneCurrentMembership: an import refuses a row that would
// give a person a second current membership of an organization, beside an
// earlier row or beside the stored one, as AddAffiliation does; a row that
// repeats the stored one, or ends it beside a new one, is taken.
func TestImportKeepsOneCurrentMembership(t *testing.T) {
	ctx := context.Background()
	x := newIntegrity(t)
	p := x.person("p", -1)
	org := x.id("org")
	if _, err := x.s.CreateOrganization(ctx, graph.OrganizationInput{ID: &org, Name: "Org", Kind: "COMPANY"}); err != nil {
		t.Fatal(err)
	}
	role := "CTO"
	if _, err := x.s.AddAffiliation(ctx, graph.Affiliation{PersonID: p, OrganizationID: org, Role: &role, Since: date(t, "2019-05-01")}); err != nil {
		t.Fatal(err)
	}
	day := func(s string) *dataset.Date {
		d, err := dataset.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return &d
	}
	member := func(line int, since, until string) dataset.Affiliation {
		a := dataset.Affiliation{PersonID: p, OrganizationID: org, At: dataset.Pos{File: "affiliations.csv", Line: line}}
		if since != "" {
			a.Since = day(since)
		}
		if until != "" {
			a.Until = day(until)
		}
		return a
	}
	cases := []struct {
		name string
		rows []dataset.Affiliation
		want []string // "line: message fragment"
	}{
		{"beside the stored one", []dataset.Affiliation{member(2, "2024", "")},
			[]string{`2: already a current member of "` + org + `" in the database (role "CTO", since 2019-05-01)`}},
		{"two in the file", []dataset.Affiliation{member(2, "2019-05-01", "2023"), member(3, "2023", ""), member(4, "2024", "")},
			[]string{"4: already a current member of \"" + org + "\" (no until) at affiliations.csv:3"}},
		{"the stored one again", []dataset.Affiliation{member(2, "2019-05-01", "")}, nil},
		{"the stored one ended, and a new one", []dataset.Affiliation{member(2, "2024", ""), member(3, "2019-05-01", "2023-12-31")}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ps := importProblems(t, x.s, &dataset.Dataset{Affiliations: c.rows})
			var got []string
			for _, pr := range ps {
				got = append(got, pr.Error())
			}
			ok := len(ps) == len(c.want)
			for i := 0; ok && i < len(ps); i++ {
				line, fragment, _ := strings.Cut(c.want[i], ": ")
				ok = ps[i].Column == "until" && strings.HasPrefix(ps[i].Error(), "affiliations.csv:"+line+":") && strings.Contains(ps[i].Message, fragment)
			}
			if !ok {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
	if got := x.currentMemberships(p, org); got != 1 {
		t.Errorf("%d current memberships stored, want 1", got)
	}
	if got := x.count(`MATCH (:Person {id: $p})-[a:AFFILIATED_WITH]->(:Organization {id: $o}) WHERE a.until IS NULL RETURN a.since.year`,
		map[string]any{"p": p, "o": org}); got != 2024 {
		t.Errorf("the current membership started in %d, want 2024", got)
	}
}
