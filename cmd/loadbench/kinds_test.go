package main

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
	"github.com/mentorgraph/mentorgraph/resolvers"
)

// TestKindsAreValidQueries checks every question of the load against the
// server's schema, with the variables it draws: a typo would otherwise
// only show as errors in a benchmark run.
func TestKindsAreValidQueries(t *testing.T) {
	schema := resolvers.NewExecutableSchema(resolvers.Config{}).Schema()
	ds := &dataset.Dataset{
		People:      []dataset.Person{{ID: "a"}, {ID: "b"}},
		Skills:      []dataset.Skill{{ID: "s"}},
		Mentorships: []dataset.Mentorship{{MenteeID: "a", MentorID: "b"}},
	}
	pk := newPicker(ds, rand.New(rand.NewPCG(1, 2)))
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			doc, errs := gqlparser.LoadQuery(schema, k.query)
			if errs != nil {
				t.Fatalf("query does not validate: %v", errs)
			}
			vars := k.vars(pk)
			for _, def := range doc.Operations[0].VariableDefinitions {
				v, ok := vars[def.Variable]
				if !ok {
					t.Errorf("variable $%s is not drawn", def.Variable)
					continue
				}
				if s, _ := v.(string); def.Type.NamedType == "ID" && s == "" {
					t.Errorf("$%s: drew %v, not an id", def.Variable, v)
				}
			}
			if len(vars) != len(doc.Operations[0].VariableDefinitions) {
				t.Errorf("draws %d variables for %d declared", len(vars), len(doc.Operations[0].VariableDefinitions))
			}
			if doc.Operations[0].Operation != ast.Query {
				t.Errorf("is a %s, not a query", doc.Operations[0].Operation)
			}
		})
	}
	if a, b := pk.pair(); a == b {
		t.Errorf("pair drew %s twice", a)
	}
}

func TestParseMix(t *testing.T) {
	for _, c := range []struct {
		in, want, wantErr string
	}{
		{in: defaultMix, want: defaultMix},
		{in: "lineage", want: "lineage=1"},
		{in: " person = 3 , lineage ", want: "person=3,lineage=1"},
		{in: "lineage=0", wantErr: "at least 1"},
		{in: "lineage=x", wantErr: "whole number"},
		{in: "lineages=2", wantErr: `no question named "lineages"`},
		{in: "person,person=2", wantErr: "named twice"},
		{in: " , ", wantErr: "names no question"},
	} {
		mix, err := parseMix(c.in)
		switch {
		case c.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("parseMix(%q): error %v, want one saying %q", c.in, err, c.wantErr)
			}
		case err != nil:
			t.Errorf("parseMix(%q): %v", c.in, err)
		case mixString(mix) != c.want:
			t.Errorf("parseMix(%q) = %s, want %s", c.in, mixString(mix), c.want)
		}
	}
}
