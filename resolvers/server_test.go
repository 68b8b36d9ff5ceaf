package resolvers_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mentorgraph/mentorgraph/resolvers"
)

// TestNestedListsCostFixedRoundTrips asks for N people with their skills,
// mentors and the mentors' skills, and counts the Cypher statements sent:
// the loaders must make the count independent of N.
func TestNestedListsCostFixedRoundTrips(t *testing.T) {
	a := newAPI(t)
	org := a.id("org")
	a.ok(`mutation($in: CreateOrganizationInput!) { createOrganization(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"id": org, "name": "Org", "kind": "COMMUNITY"}})
	s1, s2 := a.skill("Go", ""), a.skill("Cypher", "")
	addPeople := func(from, to int) {
		for i := from; i < to; i++ {
			mentee := a.person(fmt.Sprintf("n%02d", i), nil)
			mentor := a.person(fmt.Sprintf("t%02d", i), map[string]any{"availableToMentor": true, "mentorCapacity": 2})
			a.ok(`mutation($in: AddAffiliationInput!) { addAffiliation(input: $in) { role } }`,
				map[string]any{"in": map[string]any{"personId": mentee, "organizationId": org}})
			a.setSkill(mentee, s1, 1)
			a.setSkill(mentee, s2, 2)
			a.setSkill(mentor, s1, 4)
			a.mentorship(mentee, mentor, s1)
		}
	}
	const q = `query($org: ID!, $first: Int) { people(first: $first, filter: {organization: $org}) { edges { node {
		id skills { level skill { name } }
		mentors { status focus { id } mentor { id skills { level skill { name } } } } } } } }`
	statements := func(n int) int64 {
		before := a.store.Statements()
		d := a.ok(q, map[string]any{"org": org, "first": n})
		if got := len(at(d, "people", "edges").([]any)); got != n {
			t.Fatalf("asked for %d people, got %d", n, got)
		}
		if at(d, "people", "edges", n-1, "node", "mentors", 0, "mentor", "skills", 0, "skill", "name") != "Go" {
			t.Fatalf("nested data missing: %v", at(d, "people", "edges", n-1))
		}
		return a.store.Statements() - before
	}
	addPeople(0, 5)
	five := statements(5)
	addPeople(5, 50)
	fifty := statements(50)
	t.Logf("Cypher statements: %d for 5 people, %d for 50", five, fifty)
	if five != fifty {
		t.Errorf("statements for 5 people: %d, for 50: %d; want the same (batched)", five, fifty)
	}
	if fifty > 8 {
		t.Errorf("%d statements for one query; want a small fixed number", fifty)
	}
}

func TestLimitsGETAndPersistedQueries(t *testing.T) {
	a := newAPI(t)
	// Depth limit.
	deep := `{ people(first: 1) { edges { node { mentors { mentor { mentors { mentor { mentors { mentor { mentors { mentor { mentors { mentor { id } } } } } } } } } } } } } }`
	e := a.fails("BAD_USER_INPUT", deep, nil)
	if !strings.Contains(e.Message, "levels deep") {
		t.Errorf("depth: %s", e.Message)
	}
	// Complexity: first weighs in.
	wide := `{ people(first: 100) { edges { node { connections(first: 500) { person { skills { skill { name } } } } } } } }`
	e = a.fails("COMPLEXITY_LIMIT_EXCEEDED", wide, nil)
	if !strings.Contains(e.Message, "complexity") {
		t.Errorf("complexity: %s", e.Message)
	}
	// GET transport.
	resp, err := http.Get(a.url + "?query=" + url.QueryEscape(`{ server { version } }`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), `"version":"test"`) {
		t.Errorf("GET: %s", body)
	}
	// Automatic persisted queries: the hash alone fails first, then works
	// once the query was sent with it.
	query := `{ server { database } }`
	sum := sha256.Sum256([]byte(query))
	ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}}
	post := func(body map[string]any) response {
		b, _ := json.Marshal(body)
		resp, err := http.Post(a.url, "application/json", strings.NewReader(string(b)))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var r response
		_ = json.NewDecoder(resp.Body).Decode(&r)
		return r
	}
	if r := post(map[string]any{"extensions": ext}); len(r.Errors) == 0 || r.Errors[0].Message != "PersistedQueryNotFound" {
		t.Errorf("unknown persisted query: %+v", r)
	}
	post(map[string]any{"query": query, "extensions": ext})
	if r := post(map[string]any{"extensions": ext}); len(r.Errors) > 0 || at(r.Data, "server", "database") == nil {
		t.Errorf("persisted query: %+v", r)
	}
}

// A request that outlives the timeout stops and says so.
func TestRequestTimeout(t *testing.T) {
	lim := resolvers.DefaultLimits
	lim.Timeout = time.Microsecond
	a := newAPIWith(t, lim)
	// The deadline passes at different points of the request (before gqlgen
	// executes it, at the driver's first attempt, while it retries): the
	// answer is the same every time.
	for range 20 {
		e := a.fails("UNAVAILABLE", `{ people(first: 5) { edges { node { id name } } } }`, nil)
		if !strings.Contains(e.Message, "took too long") {
			t.Fatalf("timed-out request: %q", e.Message)
		}
	}
}

// TestAnswersComeWhole: an answer, large or not, comes with its
// Content-Length (one write, no chunks), and its status stays what gqlgen
// set.
func TestAnswersComeWhole(t *testing.T) {
	a := newAPI(t)
	for _, c := range []struct {
		query  string
		status int
		min    int
	}{
		{`{ __schema { types { name description fields { name description } } } }`, http.StatusOK, 8 << 10},
		{`{ server { version } }`, http.StatusOK, 10},
		{`{ nosuchfield }`, http.StatusUnprocessableEntity, 10},
	} {
		b, _ := json.Marshal(map[string]any{"query": c.query})
		resp, err := http.Post(a.url, "application/json", strings.NewReader(string(b)))
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != c.status {
			t.Errorf("%s: HTTP %d, want %d", c.query, resp.StatusCode, c.status)
		}
		if len(body) < c.min || !json.Valid(body) {
			t.Errorf("%s: %d bytes of answer, want valid JSON of at least %d", c.query, len(body), c.min)
		}
		if resp.ContentLength != int64(len(body)) || len(resp.TransferEncoding) > 0 {
			t.Errorf("%s: Content-Length %d, transfer encoding %v, for %d bytes", c.query, resp.ContentLength, resp.TransferEncoding, len(body))
		}
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("%s: Content-Type %q", c.query, ct)
		}
	}
}
