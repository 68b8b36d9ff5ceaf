package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/mentorgraph/mentorgraph/resolvers"
)

// BenchmarkRefusals measures what refusing an abusive request costs the
// server (no Neo4j involved: each is refused before it runs): a flood of
// them must stay cheap, or the flood itself starves other clients.
func BenchmarkRefusals(b *testing.B) {
	// A public directory: the requests are anonymous, refused by the limits.
	h := NewHandler(&resolvers.Resolver{}, DefaultLimits, Security{PublicDirectory: true}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	al := func(n int, f string) string {
		var s strings.Builder
		for i := range n {
			fmt.Fprintf(&s, "a%d: %s ", i, f)
		}
		return s.String()
	}
	var fan strings.Builder
	fan.WriteString("query { ...f8 }\nfragment f0 on Query { server { version } }\n")
	for i := 1; i <= 8; i++ {
		fmt.Fprintf(&fan, "fragment f%d on Query {%s }\n", i, strings.Repeat(fmt.Sprintf(" ...f%d", i-1), 10))
	}
	// Each case is refused with its code (checked once before timing).
	cases := map[string]struct {
		query string
		vars  map[string]any
		code  string
	}{
		"coverage1000": {`{ ` + al(1000, `coverageGaps(maxHops: 3, first: 100) { totalCount edges { node { uncovered } } }`) + ` }`, nil, resolvers.CodeBadUserInput},
		"neigh50":      {`query($id: ID!) { ` + al(50, `neighborhood(person: $id, depth: 2, limit: 200) { nodes { person { id name headline bio } } links { kind from { id } to { id } } }`) + ` }`, map[string]any{"id": "x"}, resolvers.CodeBadUserInput},
		// The kinds FuzzGeneratedRequests makes.
		"depth":         {`{ a: people(first: 1) { edges { node { connections(first: 1) { person { mentors { mentor { mentors { mentor { mentors { mentor { mentors { mentor { id } } } } } } } } } } } } } }`, nil, resolvers.CodeBadUserInput},
		"fanOut":        {fan.String(), nil, resolvers.CodeBadUserInput},
		"questions11":   {`{ ` + al(11, `lineage(person: "x", direction: ANCESTORS) { generation }`) + ` }`, nil, resolvers.CodeBadUserInput},
		"complexity":    {`{ people(first: 100) { edges { node { connections(first: 500) { person { skills { skill { name } } } } } } } }`, nil, "COMPLEXITY_LIMIT_EXCEEDED"},
		"wrongLiteral":  {`{ people(first: "ten") { totalCount } lineage(person: "x", direction: UP) { generation } }`, nil, "GRAPHQL_VALIDATION_FAILED"},
		"wrongVariable": {`query($first: Int, $d: LineageDirection!) { people(first: $first) { totalCount } lineage(person: "x", direction: $d) { generation } }`, map[string]any{"first": 1.5, "d": "UP"}, "GRAPHQL_VALIDATION_FAILED"},
		"bodyTooLarge":  {`{ server { version } }`, map[string]any{"pad": strings.Repeat("x", DefaultLimits.MaxBodyBytes)}, CodeRequestTooLarge},
	}
	for name, c := range cases {
		body, _ := json.Marshal(map[string]any{"query": c.query, "variables": c.vars})
		serve := func() *httptest.ResponseRecorder {
			r := httptest.NewRequest("POST", "/graphql", bytes.NewReader(body))
			r.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			return w
		}
		b.Run(name, func(b *testing.B) {
			var answer struct {
				Errors []struct{ Extensions map[string]any }
			}
			if w := serve(); json.Unmarshal(w.Body.Bytes(), &answer) != nil || len(answer.Errors) == 0 || answer.Errors[0].Extensions["code"] != c.code {
				b.Fatalf("not refused with %s: HTTP %d %.300s", c.code, w.Code, w.Body)
			}
			for b.Loop() {
				serve()
			}
		})
	}
}
