package server

import (
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
	cases := map[string]string{
		"coverage1000": `{ ` + al(1000, `coverageGaps(maxHops: 3, first: 100) { totalCount edges { node { uncovered } } }`) + ` }`,
		"neigh50":      `query($id: ID!) { ` + al(50, `neighborhood(person: $id, depth: 2, limit: 200) { nodes { person { id name headline bio } } links { kind from { id } to { id } } }`) + ` }`,
	}
	for name, q := range cases {
		body, _ := json.Marshal(map[string]any{"query": q, "variables": map[string]any{"id": "x"}})
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				r := httptest.NewRequest("POST", "/graphql", strings.NewReader(string(body)))
				r.Header.Set("Content-Type", "application/json")
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
			}
		})
	}
}
