package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
	"github.com/mentorgraph/mentorgraph/internal/auth"
	"github.com/mentorgraph/mentorgraph/internal/server"
	"github.com/mentorgraph/mentorgraph/resolvers"
)

// The fuzz targets send their requests through the real handler
// (server.NewHandler, the default limits) over the package's Neo4j, as
// an admin (or, for some generated requests, a member or no one), and
// check what any client would notice of the answer: no panic (one
// recovered by gqlgen, or any error the server logs, counts), no HTTP 5xx
// but a busy 503 with Retry-After, a JSON answer in GraphQL's shape, no
// "internal error". FuzzGeneratedRequests also checks that each limit
// refuses exactly the requests past it.
//
// Long run (docs/operations.md, "Fuzzing"):
//
//	go test -run '^$' -fuzz '^FuzzGeneratedRequests$' -fuzztime 10m ./internal/server

// fuzzServer is the handler the fuzz targets ask, and what they check it
// with.
type fuzzServer struct {
	h      http.Handler
	lim    server.Limits
	schema *ast.Schema
	// log holds what the server logged at level ERROR (a recovered panic,
	// an "internal error") since the last reset.
	log *errorLog
	// tokens of an admin and of a member (whose person is ids[0]).
	admin, member string
	// ids of people, skills and an organization the requests may name.
	ids []string
}

// errorLog keeps the server's log records at level ERROR and above.
type errorLog struct {
	mu    sync.Mutex
	lines []string
}

func (l *errorLog) Enabled(_ context.Context, lvl slog.Level) bool { return lvl >= slog.LevelError }
func (l *errorLog) Handle(_ context.Context, r slog.Record) error {
	var b strings.Builder
	b.WriteString(r.Message)
	r.Attrs(func(a slog.Attr) bool {
		fmt.Fprintf(&b, " %s=%v", a.Key, a.Value)
		return true
	})
	l.mu.Lock()
	l.lines = append(l.lines, b.String())
	l.mu.Unlock()
	return nil
}
func (l *errorLog) WithAttrs([]slog.Attr) slog.Handler { return l }
func (l *errorLog) WithGroup(string) slog.Handler      { return l }

// take returns the lines logged since the last take, and forgets them.
func (l *errorLog) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := l.lines
	l.lines = nil
	return out
}

// newFuzzServer serves the API for a fuzz target, with a few people,
// skills, links and an organization to ask about.
func newFuzzServer(f *testing.F) *fuzzServer {
	f.Helper()
	srv := neo4jtest.Get(f)
	store := graph.NewStore(neo4jtest.Driver(f), srv.Database)
	ctx := context.Background()
	if err := store.ApplySchema(ctx); err != nil {
		f.Fatal(err)
	}
	sec := server.DefaultSecurity
	sec.ViewerCacheTTL = time.Hour
	fs := &fuzzServer{lim: server.DefaultLimits, log: &errorLog{}}
	// A fuzz worker takes an input running over 10 s for a deadlock and
	// dies without a word: a request that takes too long answers (and
	// fails the input, naming it) before that.
	fs.lim.Timeout = 8 * time.Second
	res := &resolvers.Resolver{Store: store, Version: "test"}
	fs.h = server.NewHandler(res, fs.lim, sec, slog.New(fs.log))
	// Setting up and warming up, requests may take the default timeout.
	setupHandler := server.NewHandler(res, server.DefaultLimits, sec, slog.New(fs.log))
	fs.schema = resolvers.NewExecutableSchema(resolvers.Config{Resolvers: res, Directives: res.Directives(), Complexity: resolvers.Complexity()}).Schema()

	prefix := neo4jtest.Prefix(f)
	token := func(login, person string, admin bool) string {
		acc, err := store.CreateAccount(ctx, graph.AccountInput{Login: prefix + login, PersonID: person, Admin: admin})
		if err != nil {
			f.Fatal(err)
		}
		secret := auth.NewToken()
		if _, err := store.CreateAPIToken(ctx, graph.APITokenInput{AccountID: acc.ID, Hash: auth.HashSecret(secret),
			Name: "fuzz", Scope: "READ_WRITE", ExpiresAt: time.Now().Add(24 * time.Hour).UTC()}); err != nil {
			f.Fatal(err)
		}
		return secret
	}
	fs.admin = token("admin", "", true)

	people := []string{prefix + "ada", prefix + "grace", prefix + "alan", prefix + "edsger"}
	skills := []string{graph.Slug(prefix + "go"), graph.Slug(prefix + "cypher")}
	org := prefix + "guild"
	setup := []setupRequest{
		{`mutation($in: CreateSkillInput!) { createSkill(input: $in) { id } }`, map[string]any{"in": map[string]any{"id": skills[0], "name": prefix + "Go", "category": "LEADERSHIP"}}},
		{`mutation($in: CreateSkillInput!) { createSkill(input: $in) { id } }`, map[string]any{"in": map[string]any{"id": skills[1], "name": prefix + "Cypher", "category": "LEADERSHIP", "broader": skills[0]}}},
		{`mutation($in: CreateOrganizationInput!) { createOrganization(input: $in) { id } }`, map[string]any{"in": map[string]any{"id": org, "name": prefix + "Guild", "kind": "COMMUNITY"}}},
	}
	for i, p := range people {
		setup = append(setup,
			setupRequest{apiCreatePerson, map[string]any{"in": map[string]any{"id": p, "name": "P" + p, "availableToMentor": true, "mentorCapacity": 3}}},
			setupRequest{`mutation($in: SetPersonSkillInput!) { setPersonSkill(input: $in) { id } }`, map[string]any{"in": map[string]any{"personId": p, "skillId": skills[i%2], "level": 3 + i%3}}},
			setupRequest{`mutation($in: AddAffiliationInput!) { addAffiliation(input: $in) { role } }`, map[string]any{"in": map[string]any{"personId": p, "organizationId": org}}},
		)
		if i > 0 {
			setup = append(setup,
				setupRequest{`mutation($in: ConnectInput!) { connect(input: $in) { a { id } } }`, map[string]any{"in": map[string]any{"a": people[i-1], "b": p}}},
				setupRequest{`mutation($in: RecordMentorshipInput!) { recordMentorship(input: $in) { status } }`, map[string]any{"in": map[string]any{"menteeId": p, "mentorId": people[i-1], "focus": []string{skills[0]}}}},
			)
		}
	}
	for _, s := range setup {
		body, _ := json.Marshal(map[string]any{"query": s.query, "variables": s.vars})
		w := post(setupHandler, body, fs.admin)
		var r struct{ Errors []any }
		if w.Code != http.StatusOK || json.Unmarshal(w.Body.Bytes(), &r) != nil || len(r.Errors) > 0 {
			f.Fatalf("setting up: %s\nHTTP %d %s", s.query, w.Code, w.Body)
		}
	}
	fs.member = token("member", people[0], false)
	fs.ids = append(append(append(fs.ids, people...), skills...), org)
	// Neo4j plans each statement the first time it sees it, up to seconds
	// for the network questions on a busy 2-core machine: planned here,
	// not in the first inputs.
	for _, q := range []string{
		`findMentors(for: $p, skill: $s) { totalCount edges { node { hops path { length } mentor { id } } } }`,
		`mentorBoard(for: $p, skills: [$s]) { seats { hops } uncovered { id } }`,
		`neighborhood(person: $p, depth: 2) { nodes { hops } links { kind } }`,
		`referralPaths(from: $p, to: $q) { length steps { kind } }`,
		`referralPaths(from: $p, to: $q, excludeUnavailable: true) { length }`,
		`lineage(person: $q, direction: DESCENDANTS) { generation }`,
		`successors(person: $q) { score }`,
		`coverageGaps(organization: $o) { totalCount edges { node { uncovered overloaded { id } uncoveredMentees { id } } } }`,
		`exportRecords(organization: $o)`,
		`exportRecords`,
		`people(first: 2) { totalCount edges { node { id skills { level } goals { id } connections { since } mentors { since } mentees { since } affiliations { role } } } }`,
		`skills(first: 2) { totalCount edges { node { mentors { totalCount } learners { totalCount } holderCount mentorCount learnerCount narrower { id } broader { id } } } }`,
		`organizations(first: 2) { totalCount edges { node { members { totalCount } } } }`,
	} {
		ids := strings.NewReplacer("$p", strconv.Quote(people[3]), "$q", strconv.Quote(people[0]), "$s", strconv.Quote(skills[0]), "$o", strconv.Quote(org))
		body, _ := json.Marshal(map[string]any{"query": "{ " + ids.Replace(q) + " }"})
		w := post(setupHandler, body, fs.admin)
		if w.Code != http.StatusOK {
			f.Fatalf("warming up: %s\nHTTP %d %s", q, w.Code, w.Body)
		}
	}
	fs.log.take()
	return fs
}

// setupRequest is a request of newFuzzServer's data.
type setupRequest struct {
	query string
	vars  map[string]any
}

// apiCreatePerson creates a person ($in).
const apiCreatePerson = `mutation($in: CreatePersonInput!) { createPerson(input: $in) { id } }`

// post sends body as a JSON POST with token (none when empty) and returns
// the answer.
func (fs *fuzzServer) post(body []byte, token string) *httptest.ResponseRecorder {
	return post(fs.h, body, token)
}

func post(h http.Handler, body []byte, token string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// gqlAnswer is an answer in GraphQL's shape, decoded strictly enough to
// tell it is one.
type gqlAnswer struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

func (a gqlAnswer) codes() []string {
	var out []string
	for _, e := range a.Errors {
		c, _ := e.Extensions["code"].(string)
		out = append(out, c)
	}
	return out
}

// hasError reports whether some error has code and a message containing
// text.
func (a gqlAnswer) hasError(code, text string) bool {
	for _, e := range a.Errors {
		if e.Extensions["code"] == code && strings.Contains(e.Message, text) {
			return true
		}
	}
	return false
}

// checkAnswer checks what every answer must be to the request body, and
// decodes it.
func (fs *fuzzServer) checkAnswer(t *testing.T, body []byte, w *httptest.ResponseRecorder) gqlAnswer {
	t.Helper()
	status, raw := w.Code, w.Body.Bytes()
	defer func() {
		if t.Failed() {
			t.Logf("request: %.3000q", body)
		}
	}()
	if logged := fs.log.take(); len(logged) > 0 {
		t.Errorf("the server logged errors:\n%s", strings.Join(logged, "\n"))
	}
	if status >= 500 && status != http.StatusServiceUnavailable {
		t.Errorf("HTTP %d: %.500s", status, raw)
	}
	var a gqlAnswer
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&a); err != nil || dec.More() {
		t.Fatalf("HTTP %d, the answer is not one JSON object (%v): %.500s", status, err, raw)
	}
	var members map[string]json.RawMessage
	_ = json.Unmarshal(raw, &members)
	if _, ok := members["data"]; !ok && len(a.Errors) == 0 {
		t.Errorf("HTTP %d, an answer with neither data nor errors: %.500s", status, raw)
	}
	for k := range members {
		if k != "data" && k != "errors" && k != "extensions" {
			t.Errorf("HTTP %d, an answer with a member %q: %.500s", status, k, raw)
		}
	}
	for _, e := range a.Errors {
		code, _ := e.Extensions["code"].(string)
		if e.Message == "" || code == "" {
			t.Errorf("HTTP %d, an error without a message or a code: %.500s", status, raw)
		}
		if code == resolvers.CodeInternal || e.Message == "internal error" {
			t.Errorf("HTTP %d, internal error: %.500s", status, raw)
		}
		if len(e.Message) > 1100 {
			t.Errorf("HTTP %d, an error message of %d bytes", status, len(e.Message))
		}
	}
	// A 503 says the server is busy (with Retry-After), or that the
	// request took too long: Neo4j, planning a statement it has not seen
	// (seconds on a busy 2-core machine), can take longer than the 8 s the
	// fuzzer allows a request.
	busy := a.hasError(resolvers.CodeUnavailable, "busy") && w.Header().Get("Retry-After") != ""
	if status == http.StatusServiceUnavailable && (len(a.Errors) != 1 || !busy && !a.hasError(resolvers.CodeUnavailable, "took too long")) {
		t.Errorf("HTTP 503 (Retry-After %q), neither busy nor too long: %.500s", w.Header().Get("Retry-After"), raw)
	}
	return a
}

// FuzzGeneratedRequests sends the requests of the generator
// (fuzzgen_test.go), the fuzzer's bytes its randomness, and checks that
// each limit refuses what is past it, with its code, and nothing within
// it: the body size (413), the fields a document expands to, the network
// questions, the depth (BAD_USER_INPUT), values of the wrong type
// (GRAPHQL_VALIDATION_FAILED), a query past MaxComplexity
// (COMPLEXITY_LIMIT_EXCEEDED), and an argument past its range (an error,
// no data for that field).
func FuzzGeneratedRequests(f *testing.F) {
	fs := newFuzzServer(f)
	for _, seed := range [][]byte{
		nil,
		[]byte("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09"),
		bytes.Repeat([]byte{0xff}, 64),
		bytes.Repeat([]byte{0x7f, 0x13, 0x02}, 100),
		[]byte("findMentors neighborhood referralPaths lineage coverageGaps successors"),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g := generate(fs.schema, fs.ids, fs.lim, data)
		token := fs.admin
		if len(data) > 0 && data[len(data)-1]%16 == 15 {
			token = fs.member
		}
		w := fs.post(g.body, token)
		a := fs.checkAnswer(t, g.body, w)
		fs.checkLimits(t, g, w.Code, a)
	})
}

// checkLimits checks the answer a (HTTP status) to g against the limits,
// in the order the server applies them.
func (fs *fuzzServer) checkLimits(t *testing.T, g generated, status int, a gqlAnswer) {
	t.Helper()
	lim := fs.lim
	refused := func(code, text string) {
		t.Helper()
		if !a.hasError(code, text) || len(a.Errors) != 1 || !nullData(a.Data) {
			t.Errorf("HTTP %d %v %+v\nwant one %s error saying %q, no data\nrequest: %.2000s", status, a.codes(), a.Errors, code, text, g.body)
		}
	}
	notRefused := func(code, text string) {
		t.Helper()
		if a.hasError(code, text) {
			t.Errorf("refused (%s %q) within the limit: %+v\nrequest: %.2000s", code, text, a.Errors, g.body)
		}
	}
	const (
		tooManyFields    = "the query expands to more than"
		tooManyQuestions = "network questions"
		tooDeep          = "levels deep"
	)
	if len(g.body) > lim.MaxBodyBytes {
		if status != http.StatusRequestEntityTooLarge {
			t.Errorf("a body of %d bytes: HTTP %d, want 413", len(g.body), status)
		}
		refused(server.CodeRequestTooLarge, "larger than")
		return
	}
	if status == http.StatusRequestEntityTooLarge {
		t.Fatalf("a body of %d bytes refused as too large", len(g.body))
	}
	if g.fields > lim.MaxSelections {
		refused(resolvers.CodeBadUserInput, tooManyFields)
		return
	}
	notRefused(resolvers.CodeBadUserInput, tooManyFields)
	if g.questions > lim.MaxNetworkQuestions {
		refused(resolvers.CodeBadUserInput, fmt.Sprintf("asks %d network questions", g.questions))
		return
	}
	notRefused(resolvers.CodeBadUserInput, tooManyQuestions)
	if g.wrong {
		if status != http.StatusUnprocessableEntity || !nullData(a.Data) || len(a.Errors) == 0 {
			t.Errorf("a value of the wrong type: HTTP %d %v %+v, want 422, GRAPHQL_VALIDATION_FAILED\nrequest: %.2000s", status, a.codes(), a.Errors, g.body)
		}
		for _, c := range a.codes() {
			if c != "GRAPHQL_VALIDATION_FAILED" {
				t.Errorf("a value of the wrong type: code %s, want GRAPHQL_VALIDATION_FAILED: %+v", c, a.Errors)
			}
		}
		return
	}
	if a.hasError("GRAPHQL_VALIDATION_FAILED", "") || a.hasError("GRAPHQL_PARSE_FAILED", "") {
		// Valid in ways the generator does not track (fields that cannot
		// be merged, …): no limit applies past validation.
		return
	}
	if g.depth > lim.MaxDepth {
		refused(resolvers.CodeBadUserInput, fmt.Sprintf("query is nested %d levels deep; the limit is %d", g.depth, lim.MaxDepth))
		return
	}
	notRefused(resolvers.CodeBadUserInput, tooDeep)
	if g.bomb {
		refused("COMPLEXITY_LIMIT_EXCEEDED", "exceeds the limit of")
		return
	}
	if a.hasError("COMPLEXITY_LIMIT_EXCEEDED", "") {
		return
	}
	if g.rootPast && len(a.Errors) == 0 {
		t.Errorf("an argument past its range, and no error: %.1000s\nrequest: %.2000s", a.Data, g.body)
	}
	var data any
	_ = json.Unmarshal(a.Data, &data)
	for _, p := range g.past {
		if v := answeredAt(data, p); v != nil {
			t.Errorf("%s: an argument past its range, answered %.300v\nrequest: %.2000s", strings.Join(p, "."), v, g.body)
		}
	}
}

func nullData(d json.RawMessage) bool { return len(d) == 0 || string(d) == "null" }

// answeredAt is a non-null value at path in data (through lists), or nil.
func answeredAt(data any, path []string) any {
	switch d := data.(type) {
	case []any:
		for _, e := range d {
			if v := answeredAt(e, path); v != nil {
				return v
			}
		}
		return nil
	case map[string]any:
		if len(path) == 0 {
			return d
		}
		return answeredAt(d[path[0]], path[1:])
	case nil:
		return nil
	default:
		if len(path) == 0 {
			return d
		}
		return nil
	}
}

// FuzzRequestBodies sends the fuzzer's bytes as the body of a POST, as an
// admin: seeded with real requests, mutated into anything.
func FuzzRequestBodies(f *testing.F) {
	fs := newFuzzServer(f)
	for _, seed := range []string{
		`{"query":"{ server { version } }"}`,
		`{"query":"query($first: Int) { people(first: $first) { totalCount edges { node { id name connections(first: 3) { person { id } } } } } }","variables":{"first":2}}`,
		`{"query":"query($me: ID!) { findMentors(for: $me, skill: \"go\", maxHops: 4, first: 100) { totalCount edges { node { hops mentor { id } } } } }","variables":{"me":"x"}}`,
		`{"query":"{ neighborhood(person: \"x\", depth: 3, limit: 2000) { truncated nodes { hops } } }"}`,
		`{"query":"query A { server { version } } query B { server { database } }","operationName":"B"}`,
		`{"query":"{ ...f } fragment f on Query { server { ...g } } fragment g on ServerInfo { version }"}`,
		`{"query":"mutation($in: CreatePersonInput!) { createPerson(input: $in) { id } }","variables":{"in":{"id":"","name":1.5}}}`,
		`{"query":"{ people(first: 1.5) { totalCount } }"}`,
		`{"query":"{ __schema { types { name } } }"}`,
		`{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"0000"}}}`,
		`{"query":"{ a: coverageGaps { totalCount } b: coverageGaps { totalCount } }","variables":null}`,
		`[{"query":"{ server { version } }"}]`,
		`{"query":"{ lineage(person: \"x\", direction: ANCESTORS, depth: 7) { generation } }"}`,
		`{"query":"{ referralPaths(from: \"a\", to: \"b\", maxHops: 6, k: 10) { length } }"}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		w := fs.post(body, fs.admin)
		fs.checkAnswer(t, body, w)
		if len(body) > fs.lim.MaxBodyBytes && w.Code != http.StatusRequestEntityTooLarge {
			t.Errorf("a body of %d bytes: HTTP %d, want 413", len(body), w.Code)
		}
	})
}
