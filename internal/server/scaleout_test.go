package server_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
	"github.com/mentorgraph/mentorgraph/internal/apitest"
	"github.com/mentorgraph/mentorgraph/internal/server"
)

// TestTwoServersOneDatabase: the server keeps no state of its own, so two
// servers, each with its own driver, share one Neo4j: what one writes the
// other reads at once, and a token revoked through one stops working on
// the other within the viewer cache's lifetime. The second server reaches
// Neo4j through a routing URI (neo4j://, as a cluster or Aura needs, which
// sends READ transactions to followers): the questions below answer
// through it. The store runs every read in a READ transaction (graph's
// read), where Neo4j refuses a write (Neo.ClientError.Statement.AccessMode,
// over bolt:// and neo4j:// alike), so every read test also checks that a
// read never writes.
func TestTwoServersOneDatabase(t *testing.T) {
	a, one := newSite(t, server.DefaultSecurity)
	srv := neo4jtest.Get(t)
	if !strings.HasPrefix(srv.URI, "bolt://") {
		t.Skipf("the test's Neo4j is at %s; this test makes a neo4j:// URI from a bolt:// one", srv.URI)
	}
	ctx := context.Background()
	routing, err := neo4j.NewDriverWithContext("neo4j://"+strings.TrimPrefix(srv.URI, "bolt://"), neo4j.BasicAuth(srv.User, srv.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = routing.Close(ctx) })
	sec := server.DefaultSecurity
	sec.ViewerCacheTTL = 2 * time.Second
	mux, err := server.NewMux(ctx, graph.NewStore(routing, srv.Database), "two", server.DefaultLimits, sec, apitest.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	two := httptest.NewServer(mux)
	t.Cleanup(two.Close)

	admin := a.NewToken(a.Account("boss", "", true).ID, "READ_WRITE", time.Hour)
	skill := a.Skill("negotiation", "")
	mentee := a.Person("mentee", nil)
	create := `mutation { m: createPerson(input: {id: "` + a.ID("mentor") + `", name: "Mentor", availableToMentor: true, mentorCapacity: 2}) { id }
		s: setPersonSkill(input: {personId: "` + a.ID("mentor") + `", skillId: "` + skill + `", level: 4}) { id }
		c: connect(input: {a: "` + a.ID("mentor") + `", b: "` + mentee + `"}) { since } }`
	if ans := send(t, nil, one.URL+"/graphql", create, bearer(admin)); len(ans.Errors) > 0 {
		t.Fatalf("writing through the first server: %v", ans.Errors)
	}
	for _, q := range []string{
		`{ person(id: "` + a.ID("mentor") + `") { id name skills { level } connections(first: 5) { person { id } } } }`,
		`{ findMentors(for: "` + mentee + `", skill: "` + skill + `") { totalCount edges { node { mentor { id } path { steps { from { id } to { id } } } } } } }`,
		`{ people(first: 5, filter: {skill: "` + skill + `"}) { totalCount } }`,
		`{ neighborhood(person: "` + mentee + `", depth: 2) { nodes { person { id } } } }`,
		`{ coverageGaps(first: 5) { totalCount } }`,
	} {
		ans := send(t, nil, two.URL+"/graphql", q, bearer(admin))
		if len(ans.Errors) > 0 {
			t.Fatalf("reading through the second server (neo4j://): %s: %v", q, ans.Errors)
		}
		if !strings.Contains(ans.raw, a.ID("mentor")) && !strings.Contains(q, "coverageGaps") && !strings.Contains(q, "people(") {
			t.Errorf("the second server does not see what the first wrote: %s → %s", q, ans.raw)
		}
	}

	// A token revoked through one server stops working on the other once
	// the other's cached viewer expires.
	member := a.Account("member", mentee, false)
	token := a.NewToken(member.ID, "READ_ONLY", time.Hour)
	if ans := send(t, nil, two.URL+"/graphql", `{ me { login } }`, bearer(token)); ans.code() != nil {
		t.Fatalf("the member's token on the second server: %v", ans.raw)
	}
	tokens, err := a.Store.APITokensOf(ctx, member.ID)
	if err != nil || len(tokens) != 1 {
		t.Fatalf("tokens: %v %v", tokens, err)
	}
	if ans := send(t, nil, one.URL+"/graphql", `mutation { revokeApiToken(id: "`+tokens[0].ID+`") }`, bearer(admin)); len(ans.Errors) > 0 {
		t.Fatal(ans.Errors)
	}
	deadline := time.Now().Add(sec.ViewerCacheTTL + 3*time.Second)
	for {
		ans := send(t, nil, two.URL+"/graphql", `{ me { login } }`, bearer(token))
		if ans.status == 401 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("a revoked token still works on the other server after %s: %d %s", sec.ViewerCacheTTL+3*time.Second, ans.status, ans.raw)
		}
		time.Sleep(200 * time.Millisecond)
	}
}
