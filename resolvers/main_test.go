package resolvers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
	"github.com/mentorgraph/mentorgraph/resolvers"
)

func TestMain(m *testing.M) { os.Exit(neo4jtest.RunMain(m)) }

// api is the real HTTP handler over the package's Neo4j.
type api struct {
	t     *testing.T
	url   string
	store *graph.Store
	// p prefixes every id this test writes.
	p string
}

func newAPI(t *testing.T) *api {
	t.Helper()
	return newAPIWith(t, resolvers.DefaultLimits)
}

// newAPIWith is newAPI with other limits.
func newAPIWith(t *testing.T, lim resolvers.Limits) *api {
	t.Helper()
	srv := neo4jtest.Get(t)
	store := graph.NewStore(neo4jtest.Driver(t), srv.Database)
	if err := store.ApplySchema(context.Background()); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(testLog{t}, nil))
	h := resolvers.NewHandler(&resolvers.Resolver{Store: store, Version: "test"}, lim, log)
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return &api{t: t, url: ts.URL, store: store, p: neo4jtest.Prefix(t)}
}

// gqlError is one entry of a response's errors.
type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

type response struct {
	Data   map[string]any `json:"data"`
	Errors []gqlError     `json:"errors"`
}

// post posts a query and returns the answer's status and bytes as sent.
func (a *api) post(query string, vars map[string]any) (int, []byte) {
	a.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := http.Post(a.url, "application/json", bytes.NewReader(body))
	if err != nil {
		a.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		a.t.Fatal(err)
	}
	return resp.StatusCode, raw
}

// do posts a query and decodes the response.
func (a *api) do(query string, vars map[string]any) response {
	a.t.Helper()
	status, raw := a.post(query, vars)
	var r response
	if err := json.Unmarshal(raw, &r); err != nil {
		a.t.Fatalf("response is not JSON (%d): %s", status, raw)
	}
	return r
}

// ok posts a query that must succeed and returns its data.
func (a *api) ok(query string, vars map[string]any) map[string]any {
	a.t.Helper()
	r := a.do(query, vars)
	if len(r.Errors) > 0 {
		a.t.Fatalf("unexpected errors: %+v\nquery: %s\nvars: %v", r.Errors, query, vars)
	}
	return r.Data
}

// fails posts a query that must fail with code, and returns the error.
func (a *api) fails(code, query string, vars map[string]any) gqlError {
	a.t.Helper()
	r := a.do(query, vars)
	if len(r.Errors) == 0 {
		a.t.Fatalf("expected a %s error, got data %v", code, r.Data)
	}
	e := r.Errors[0]
	if e.Extensions["code"] != code {
		a.t.Fatalf("expected code %s, got %v: %s", code, e.Extensions["code"], e.Message)
	}
	if strings.Contains(e.Message, "Neo.") || strings.Contains(strings.ToLower(e.Message), "neo4j") {
		a.t.Errorf("raw Neo4j text reached the client: %s", e.Message)
	}
	return e
}

// id returns this test's id for name.
func (a *api) id(name string) string { return a.p + name }

// at walks data by keys and indexes: at(d, "people", "edges", 0, "node", "id").
func at(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			l, _ := v.([]any)
			if k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

const createPersonMutation = `mutation($in: CreatePersonInput!) { createPerson(input: $in) { id name openSlots mentorCapacity availableToMentor } }`

// person creates a person with extra fields.
func (a *api) person(name string, extra map[string]any) string {
	a.t.Helper()
	in := map[string]any{"id": a.id(name), "name": strings.ToUpper(name[:1]) + name[1:]}
	for k, v := range extra {
		in[k] = v
	}
	a.ok(createPersonMutation, map[string]any{"in": in})
	return a.id(name)
}

// skill creates a skill, optionally under broader.
func (a *api) skill(name, broader string) string {
	a.t.Helper()
	in := map[string]any{"id": graph.Slug(a.id(name)), "name": name, "category": "LEADERSHIP"}
	if broader != "" {
		in["broader"] = broader
	}
	a.ok(`mutation($in: CreateSkillInput!) { createSkill(input: $in) { id } }`, map[string]any{"in": in})
	return graph.Slug(a.id(name))
}

func (a *api) setSkill(person, skill string, level int) {
	a.t.Helper()
	a.ok(`mutation($in: SetPersonSkillInput!) { setPersonSkill(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"personId": person, "skillId": skill, "level": level}})
}

func (a *api) mentorship(mentee, mentor string, focus ...string) {
	a.t.Helper()
	a.ok(`mutation($in: RecordMentorshipInput!) { recordMentorship(input: $in) { status } }`,
		map[string]any{"in": map[string]any{"menteeId": mentee, "mentorId": mentor, "focus": focus}})
}

// testLog sends the server's log lines to the test's log.
type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}
