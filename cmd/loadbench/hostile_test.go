package main

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/mentorgraph/mentorgraph/resolvers"
)

// TestHostileAttacksAreWhatTheySay checks the hostile mix's requests: the
// ones meant to be refused by a limit are valid GraphQL for the schema
// (so a refusal is the limit's, not validation's), the fan-out document
// is small and parses, and the oversized ones are oversized.
func TestHostileAttacksAreWhatTheySay(t *testing.T) {
	schema := resolvers.NewExecutableSchema(resolvers.Config{}).Schema()
	pk := &picker{rng: rand.New(rand.NewPCG(1, 2)), people: []string{"a", "b"}}
	byName := map[string][]byte{}
	for _, a := range hostileAttacks() {
		byName[a.name] = a.body(pk)
	}
	query := func(t *testing.T, name string) string {
		t.Helper()
		var req struct{ Query string }
		if err := json.Unmarshal(byName[name], &req); err != nil {
			t.Fatalf("%s: body is not JSON: %v", name, err)
		}
		return req.Query
	}
	for _, name := range []string{"cost overflow", "1000 coverageGaps", "50 neighborhoods", "search 512 KiB", "nesting 60 deep"} {
		if _, errs := gqlparser.LoadQuery(schema, query(t, name)); errs != nil {
			t.Errorf("%s: does not validate: %v", name, errs)
		}
	}
	fan := query(t, "fragment fan-out 10^10")
	if len(fan) > 1024 {
		t.Errorf("fan-out document is %d bytes; it should be small", len(fan))
	}
	doc, err := parser.ParseQuery(&ast.Source{Input: fan})
	if err != nil {
		t.Fatalf("fan-out document does not parse: %v", err)
	}
	if got := len(doc.Fragments); got != 10 {
		t.Errorf("fan-out document has %d fragments, want 10", got)
	}
	if n := len(byName["body 8 MiB"]); n < 8<<20 {
		t.Errorf("8 MiB body is %d bytes", n)
	}
	if b := byName["invalid JSON 512 KiB"]; json.Valid(b) || len(b) < 512<<10 {
		t.Errorf("invalid JSON body is valid (%v) or short (%d bytes)", json.Valid(b), len(b))
	}
	if strings.Count(query(t, "1000 coverageGaps"), "coverageGaps(") != 1000 {
		t.Error("the alias flood does not ask coverageGaps 1000 times")
	}
}
