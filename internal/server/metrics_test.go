package server_test

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mentorgraph/mentorgraph/internal/server"
)

// scrape reads /metrics with headers; it returns the status and the text.
func scrape(t *testing.T, base string, headers map[string]string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base+"/metrics", nil)
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// metric is the value of the sample `series` (a name with its labels, as
// the text format writes it) in a scrape; -1 when absent.
func metric(text, series string) float64 {
	for _, line := range strings.Split(text, "\n") {
		if rest, ok := strings.CutPrefix(line, series+" "); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(rest), 64)
			if err == nil {
				return v
			}
		}
	}
	return -1
}

// TestMetrics: /metrics is for admins only; after GraphQL requests it
// counts them by operation name, their errors by code and their answers by
// status, how many Cypher statements they sent, and the loaders' batches
// of a read deeper than one statement plans.
func TestMetrics(t *testing.T) {
	a, site := newSite(t, server.DefaultSecurity)
	admin := a.NewToken(a.Account("boss", "", true).ID, "READ_ONLY", time.Hour)
	member := a.NewToken(a.Account("member", a.Person("member", nil), false).ID, "READ_ONLY", time.Hour)
	if status, _ := scrape(t, site.URL, nil); status != http.StatusUnauthorized {
		t.Errorf("/metrics without a token: %d, want 401", status)
	}
	if status, _ := scrape(t, site.URL, bearer(member)); status != http.StatusForbidden {
		t.Errorf("/metrics with a member's token: %d, want 403", status)
	}
	status, before := scrape(t, site.URL, bearer(admin))
	if status != http.StatusOK {
		t.Fatalf("/metrics with an admin's token: %d", status)
	}

	// A chain of people deeper than a planned read holds: the fourth
	// level of connections comes from a loader.
	people := []string{a.Person("p0", nil), a.Person("p1", nil), a.Person("p2", nil), a.Person("p3", nil), a.Person("p4", nil)}
	for i := 1; i < len(people); i++ {
		a.OK(`mutation($a: ID!, $b: ID!) { connect(input: {a: $a, b: $b}) { since } }`, map[string]any{"a": people[i-1], "b": people[i]})
	}
	deep := `query Chain { person(id: "` + people[0] + `") { connections(first: 5) { person { connections(first: 5) { person {
		connections(first: 5) { person { connections(first: 5) { person { name } } } } } } } } } }`
	for range 3 {
		if ans := send(t, nil, site.URL+"/graphql", deep, bearer(admin)); len(ans.Errors) > 0 {
			t.Fatalf("Chain: %v", ans.Errors)
		}
	}
	if ans := send(t, nil, site.URL+"/graphql", `query Bad { people(first: 1000) { totalCount } }`, bearer(admin)); ans.code() != "BAD_USER_INPUT" {
		t.Fatalf("Bad: %v", ans.raw)
	}
	send(t, nil, site.URL+"/graphql", `{ person(id: "x") { name } }`, bearer("mg_not-a-token"))

	_, after := scrape(t, site.URL, bearer(admin))
	delta := func(series string) float64 { return max(metric(after, series), 0) - max(metric(before, series), 0) }
	for _, c := range []struct {
		series string
		want   float64
	}{
		{`mentorgraph_graphql_request_duration_seconds_count{operation="Chain"}`, 3},
		{`mentorgraph_graphql_request_duration_seconds_count{operation="Bad"}`, 1},
		{`mentorgraph_graphql_errors_total{code="BAD_USER_INPUT"}`, 1},
		{`mentorgraph_graphql_responses_total{status="401"}`, 1},
	} {
		if got := delta(c.series); got != c.want {
			t.Errorf("%s went up by %v, want %v", c.series, got, c.want)
		}
	}
	// The planned read (one statement) and the loader's level (one more)
	// per Chain request, at least; the loaders' batches of the fourth level.
	if got := delta(`mentorgraph_neo4j_statements_per_request_sum`); got < 3*2 {
		t.Errorf("statements of the requests: %v, want at least 6", got)
	}
	if got := delta(`mentorgraph_loader_batch_keys_count{loader="ConnectionsOfPerson"}`); got < 3 {
		t.Errorf("ConnectionsOfPerson batches: %v, want at least 3", got)
	}
	if got := metric(after, `mentorgraph_neo4j_statements_total`); got <= 0 {
		t.Errorf("mentorgraph_neo4j_statements_total: %v", got)
	}
	if got := metric(after, `mentorgraph_graphql_requests_in_flight`); got != 0 {
		t.Errorf("requests in flight after they all answered: %v", got)
	}
	if !strings.Contains(after, "go_goroutines") || !strings.Contains(after, "mentorgraph_neo4j_transactions_open") {
		t.Error("the runtime and store gauges are missing")
	}
}
