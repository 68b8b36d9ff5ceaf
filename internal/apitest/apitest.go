// Package apitest serves MentorGraph's GraphQL API over a test package's
// Neo4j (graph/neo4jtest), through the real HTTP handler
// (internal/server), with helpers to ask it and to write data through it:
// what the API tests of resolvers and internal/server share.
//
// It imports internal/server, resolvers, graph and graph/neo4jtest; only
// tests import it.
package apitest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
	"github.com/mentorgraph/mentorgraph/internal/auth"
	"github.com/mentorgraph/mentorgraph/internal/server"
	"github.com/mentorgraph/mentorgraph/resolvers"
)

// API is the real HTTP handler (server.NewHandler) over the test
// package's Neo4j (graph/neo4jtest). Its requests carry the API token of
// an admin account made for the test (Token), unless As says otherwise.
type API struct {
	T     *testing.T
	URL   string
	Store *graph.Store
	// Prefix prefixes every id this test writes.
	Prefix string
	// Token is the bearer token requests send; empty: none (anonymous).
	Token string
	// Admin is the test's admin account, whose token Token is at first.
	Admin graph.Account
}

// New serves the API with the default limits for the test t.
func New(t *testing.T) *API {
	t.Helper()
	return NewWith(t, server.DefaultLimits)
}

// NewWith is New with other limits.
func NewWith(t *testing.T, lim server.Limits) *API {
	t.Helper()
	sec := server.DefaultSecurity
	// Viewers stay cached for the whole test: a test counting the Cypher
	// statements of its requests counts theirs only, not a token lookup.
	sec.ViewerCacheTTL = time.Hour
	return NewWithSecurity(t, lim, sec)
}

// NewWithSecurity is New with other limits and security settings.
func NewWithSecurity(t *testing.T, lim server.Limits, sec server.Security) *API {
	t.Helper()
	srv := neo4jtest.Get(t)
	store := graph.NewStore(neo4jtest.Driver(t), srv.Database)
	if err := store.ApplySchema(context.Background()); err != nil {
		t.Fatal(err)
	}
	log := Logger(t)
	viewers := auth.NewCache(sec.ViewerCacheTTL)
	h := server.NewHandler(&resolvers.Resolver{Store: store, Version: "test", Viewers: viewers}, lim, sec, log)
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	a := &API{T: t, URL: ts.URL, Store: store, Prefix: neo4jtest.Prefix(t)}
	a.Admin = a.Account("admin", "", true)
	var id string
	a.Token, id = a.newToken(a.Admin.ID, "READ_WRITE", time.Hour)
	// The admin's token is known to the server already, as after a first
	// request: the tests' requests (their time limits, the statements they
	// count) are about what they ask, not about resolving the token.
	viewers.Put(auth.HashSecret(a.Token), &auth.Viewer{
		AccountID: a.Admin.ID, Login: a.Admin.Login, IsAdmin: true, Via: auth.Token, Scope: auth.ReadWrite, TokenID: id,
	}, time.Now().Add(time.Hour))
	return a
}

// As returns a copy of a whose requests send token (empty: anonymous).
func (a *API) As(token string) *API {
	c := *a
	c.Token = token
	return &c
}

// Account makes an account of this test, login Prefix+name, linked to
// person (none when empty), ADMIN when admin.
func (a *API) Account(name, person string, admin bool) graph.Account {
	a.T.Helper()
	acc, err := a.Store.CreateAccount(context.Background(), graph.AccountInput{Login: a.ID(name), PersonID: person, Admin: admin})
	if err != nil {
		a.T.Fatalf("account %s: %v", name, err)
	}
	return acc
}

// NewToken makes an API token of the account with scope (READ_ONLY or
// READ_WRITE) that expires in ttl (in the past when negative), and
// returns its secret.
func (a *API) NewToken(accountID, scope string, ttl time.Duration) string {
	a.T.Helper()
	secret, _ := a.newToken(accountID, scope, ttl)
	return secret
}

// newToken is NewToken, also returning the token's id.
func (a *API) newToken(accountID, scope string, ttl time.Duration) (secret, id string) {
	a.T.Helper()
	secret = auth.NewToken()
	tok, err := a.Store.CreateAPIToken(context.Background(), graph.APITokenInput{
		AccountID: accountID, Hash: auth.HashSecret(secret), Name: "test", Scope: scope,
		ExpiresAt: time.Now().Add(ttl).UTC(),
	})
	if err != nil {
		a.T.Fatalf("token: %v", err)
	}
	return secret, tok.ID
}

// GQLError is one entry of a response's errors.
type GQLError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// Response is a GraphQL answer.
type Response struct {
	Data   map[string]any `json:"data"`
	Errors []GQLError     `json:"errors"`
}

// Post posts a query and returns the answer's status and bytes as sent.
func (a *API) Post(query string, vars map[string]any) (int, []byte) {
	a.T.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequest(http.MethodPost, a.URL, bytes.NewReader(body))
	if err != nil {
		a.T.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if a.Token != "" {
		req.Header.Set("Authorization", "Bearer "+a.Token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		a.T.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		a.T.Fatal(err)
	}
	return resp.StatusCode, raw
}

// Do posts a query and decodes the response.
func (a *API) Do(query string, vars map[string]any) Response {
	a.T.Helper()
	status, raw := a.Post(query, vars)
	var r Response
	if err := json.Unmarshal(raw, &r); err != nil {
		a.T.Fatalf("response is not JSON (%d): %s", status, raw)
	}
	return r
}

// OK posts a query that must succeed and returns its data.
func (a *API) OK(query string, vars map[string]any) map[string]any {
	a.T.Helper()
	r := a.Do(query, vars)
	if len(r.Errors) > 0 {
		a.T.Fatalf("unexpected errors: %+v\nquery: %s\nvars: %v", r.Errors, query, vars)
	}
	return r.Data
}

// Fails posts a query that must fail with code, and returns the error.
func (a *API) Fails(code, query string, vars map[string]any) GQLError {
	a.T.Helper()
	r := a.Do(query, vars)
	if len(r.Errors) == 0 {
		a.T.Fatalf("expected a %s error, got data %v", code, r.Data)
	}
	e := r.Errors[0]
	if e.Extensions["code"] != code {
		a.T.Fatalf("expected code %s, got %v: %s", code, e.Extensions["code"], e.Message)
	}
	if strings.Contains(e.Message, "Neo.") || strings.Contains(strings.ToLower(e.Message), "neo4j") {
		a.T.Errorf("raw Neo4j text reached the client: %s", e.Message)
	}
	return e
}

// ID returns this test's id for name.
func (a *API) ID(name string) string { return a.Prefix + name }

// At walks data by keys and indexes: At(d, "people", "edges", 0, "node", "id").
func At(v any, path ...any) any {
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

// CreatePersonMutation creates a person ($in) and answers a few of its fields.
const CreatePersonMutation = `mutation($in: CreatePersonInput!) { createPerson(input: $in) { id name openSlots mentorCapacity availableToMentor } }`

// Person creates a person with extra fields and returns their id.
func (a *API) Person(name string, extra map[string]any) string {
	a.T.Helper()
	in := map[string]any{"id": a.ID(name), "name": strings.ToUpper(name[:1]) + name[1:]}
	for k, v := range extra {
		in[k] = v
	}
	a.OK(CreatePersonMutation, map[string]any{"in": in})
	return a.ID(name)
}

// Skill creates a skill, optionally under broader, and returns its id.
func (a *API) Skill(name, broader string) string {
	a.T.Helper()
	in := map[string]any{"id": graph.Slug(a.ID(name)), "name": name, "category": "LEADERSHIP"}
	if broader != "" {
		in["broader"] = broader
	}
	a.OK(`mutation($in: CreateSkillInput!) { createSkill(input: $in) { id } }`, map[string]any{"in": in})
	return graph.Slug(a.ID(name))
}

// SetSkill gives person skill at level.
func (a *API) SetSkill(person, skill string, level int) {
	a.T.Helper()
	a.OK(`mutation($in: SetPersonSkillInput!) { setPersonSkill(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"personId": person, "skillId": skill, "level": level}})
}

// Mentorship records an active mentorship.
func (a *API) Mentorship(mentee, mentor string, focus ...string) {
	a.T.Helper()
	a.OK(`mutation($in: RecordMentorshipInput!) { recordMentorship(input: $in) { status } }`,
		map[string]any{"in": map[string]any{"menteeId": mentee, "mentorId": mentor, "focus": focus}})
}

// Organization creates a community organization and returns its id.
func (a *API) Organization(name string) string {
	a.T.Helper()
	a.OK(`mutation($in: CreateOrganizationInput!) { createOrganization(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"id": a.ID(name), "name": name, "kind": "COMMUNITY"}})
	return a.ID(name)
}

// Join makes person a current member of org.
func (a *API) Join(person, org string) {
	a.T.Helper()
	a.OK(`mutation($in: AddAffiliationInput!) { addAffiliation(input: $in) { role } }`,
		map[string]any{"in": map[string]any{"personId": person, "organizationId": org}})
}

// Log sends the server's log lines to the test's log.
type Log struct{ T *testing.T }

// Logger is the server's logger for a test: its warnings and errors go to
// the test's log (`go test -v`, as make test runs, prints them); the line
// each request logs at info level does not, or a test asking thousands of
// questions would print thousands of lines.
func Logger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(Log{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

func (l Log) Write(p []byte) (int, error) {
	l.T.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// HTTP returns a client whose requests send a's bearer token (for tests
// that post their own bodies).
func (a *API) HTTP() *http.Client {
	return &http.Client{Transport: bearer{a.Token, http.DefaultTransport}}
}

// bearer adds an Authorization header to each request it sends.
type bearer struct {
	token string
	next  http.RoundTripper
}

func (b bearer) RoundTrip(r *http.Request) (*http.Response, error) {
	if b.token != "" && r.Header.Get("Authorization") == "" {
		r = r.Clone(r.Context())
		r.Header.Set("Authorization", "Bearer "+b.token)
	}
	return b.next.RoundTrip(r)
}
