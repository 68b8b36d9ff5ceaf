package server

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/mentorgraph/mentorgraph/resolvers"
)

// TestEveryNetworkQuestionIsLimited: the questions of schema/network.graphqls
// are the ones documentCheck counts, and each has a cost function
// (complexity.go), so a new one cannot escape both limits.
func TestEveryNetworkQuestionIsLimited(t *testing.T) {
	var inSchema []string
	for _, f := range resolvers.NewExecutableSchema(resolvers.Config{}).Schema().Query.Fields {
		if f.Position != nil && f.Position.Src != nil && strings.HasSuffix(f.Position.Src.Name, "network.graphqls") {
			inSchema = append(inSchema, f.Name)
		}
	}
	slices.Sort(inSchema)
	counted := slices.Sorted(slices.Values(networkQuestions))
	if !slices.Equal(inSchema, counted) {
		t.Errorf("network questions in the schema %v; counted %v", inSchema, counted)
	}
	costs := reflect.ValueOf(resolvers.Complexity().Query)
	for _, name := range inSchema {
		f := costs.FieldByName(strings.ToUpper(name[:1]) + name[1:])
		if !f.IsValid() || f.IsNil() {
			t.Errorf("%s has no cost function", name)
		}
	}
}

// TestAskedQuestions: the network questions an operation asks, one per
// response key, through fragments and inline fragments.
func TestAskedQuestions(t *testing.T) {
	for _, c := range []struct {
		name, query string
		want        []string
	}{
		{"one", `{ findMentors(for: "a", skill: "s") { totalCount } }`, []string{"findMentors"}},
		{"aliases count apart", `{ a: lineage(person: "p", direction: ANCESTORS) { generation } b: lineage(person: "p", direction: DESCENDANTS) { generation } }`, []string{"lineage", "lineage"}},
		{"one key asked twice runs once", `{ lineage(person: "p", direction: ANCESTORS) { generation } lineage(person: "p", direction: ANCESTORS) { person { id } } }`, []string{"lineage"}},
		{"through fragments", `{ ...F ... on Query { c: coverageGaps { totalCount } } } fragment F on Query { successors(person: "p") { person { id } } }`, []string{"successors", "coverageGaps"}},
		{"other fields do not count", `{ person(id: "p") { id } people { totalCount } }`, nil},
		{"mutations do not count", `mutation { removeGoal(id: "g") }`, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, err := parser.ParseQuery(&ast.Source{Input: c.query})
			if err != nil {
				t.Fatal(err)
			}
			if got := askedQuestions(doc, doc.Operations[0]); !slices.Equal(got, c.want) {
				t.Errorf("asked %v, want %v", got, c.want)
			}
		})
	}
}
