package faults_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
	"github.com/mentorgraph/mentorgraph/internal/auth"
	"github.com/mentorgraph/mentorgraph/internal/server"
)

// ownNeo4j starts a Neo4j container for t alone (these tests stop and
// pause it), removed when t ends. It skips t without a Docker engine
// (outside CI) and with NEO4J_URI (an existing server cannot be stopped).
func ownNeo4j(t *testing.T) *neo4jtest.Server {
	t.Helper()
	opts := neo4jtest.FromEnv()
	if opts.URI != "" {
		t.Skip("NEO4J_URI names an existing server: the fault tests need a container of their own to stop and pause")
	}
	ctx := context.Background()
	srv, err := neo4jtest.Start(ctx, opts)
	switch {
	case errors.Is(err, neo4jtest.ErrNoDocker) && os.Getenv("CI") != "true":
		t.Skipf("no Neo4j: %v. Run `make test` (it installs and starts Docker on Debian) or start Docker", err)
	case err != nil:
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := srv.Close(); err != nil {
			t.Logf("removing the container: %v", err)
		}
	})
	return srv
}

// openDriver opens a driver to uri as srv's user, closed when the test
// ends; it does not wait for Neo4j to answer.
func openDriver(t *testing.T, srv *neo4jtest.Server, uri string) neo4j.DriverWithContext {
	t.Helper()
	d, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(srv.User, srv.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = d.Close(context.Background()) })
	return d
}

// openStore opens a driver to uri as srv's user and a store on srv's
// database with the schema applied.
func openStore(t *testing.T, srv *neo4jtest.Server, uri string) (neo4j.DriverWithContext, *graph.Store) {
	t.Helper()
	ctx := context.Background()
	d := openDriver(t, srv, uri)
	if err := d.VerifyConnectivity(ctx); err != nil {
		t.Fatal(err)
	}
	store := graph.NewStore(d, srv.Database)
	if err := store.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	return d, store
}

var admins atomic.Int64

// adminToken makes an admin account and an API token of it, returning the
// token's secret.
func adminToken(t *testing.T, store *graph.Store) string {
	t.Helper()
	ctx := context.Background()
	acc, err := store.CreateAccount(ctx, graph.AccountInput{Login: fmt.Sprintf("faults-admin-%d", admins.Add(1)), Admin: true})
	if err != nil {
		t.Fatal(err)
	}
	secret := auth.NewToken()
	if _, err := store.CreateAPIToken(ctx, graph.APITokenInput{
		AccountID: acc.ID, Hash: auth.HashSecret(secret), Name: "faults", Scope: "READ_WRITE",
		ExpiresAt: time.Now().Add(time.Hour).UTC(),
	}); err != nil {
		t.Fatal(err)
	}
	return secret
}

// served is the real server (server.NewMux) over a store, on loopback.
type served struct {
	url   string
	token string
	store *graph.Store
}

func serve(t *testing.T, store *graph.Store, lim server.Limits) *served {
	t.Helper()
	log := slog.New(slog.NewTextHandler(testLog{t}, &slog.HandlerOptions{Level: slog.LevelError}))
	mux, err := server.NewMux(context.Background(), store, "test", lim, server.DefaultSecurity, log)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	return &served{url: ts.URL, token: adminToken(t, store), store: store}
}

// testLog writes the server's log lines to the test's log.
type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// answer is what a client noticed of one request.
type answer struct {
	status     int
	code       string // the first error's extensions.code; "" when none
	message    string
	retryAfter string
	took       time.Duration
	sent       time.Time
	data       map[string]any
	err        error // the request got no answer at all
}

func (a answer) ok() bool { return a.err == nil && a.status == http.StatusOK && a.code == "" }

func (a answer) String() string {
	if a.err != nil {
		return fmt.Sprintf("no answer after %s: %v", a.took.Round(time.Millisecond), a.err)
	}
	return fmt.Sprintf("HTTP %d %s %q after %s", a.status, a.code, a.message, a.took.Round(time.Millisecond))
}

// ask posts a GraphQL request with the token (none when empty).
func ask(c *http.Client, url, token, query string, vars map[string]any) answer {
	return askWith(c, url, token, query, vars, nil)
}

// askWith is ask with the request changed by with (when not nil).
func askWith(c *http.Client, url, token, query string, vars map[string]any, with func(*http.Request) *http.Request) answer {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequest(http.MethodPost, url+"/graphql", bytes.NewReader(body))
	if err != nil {
		return answer{err: err}
	}
	if with != nil {
		req = with(req)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	start := time.Now()
	resp, err := c.Do(req)
	if err != nil {
		return answer{err: err, took: time.Since(start), sent: start}
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	a := answer{status: resp.StatusCode, retryAfter: resp.Header.Get("Retry-After"), took: time.Since(start), sent: start, err: err}
	if err != nil {
		return a
	}
	var r struct {
		Data   map[string]any `json:"data"`
		Errors []struct {
			Message    string         `json:"message"`
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		a.err = fmt.Errorf("answer is not JSON: %q", raw)
		return a
	}
	a.data = r.Data
	if len(r.Errors) > 0 {
		a.message = r.Errors[0].Message
		a.code, _ = r.Errors[0].Extensions["code"].(string)
		if a.code == "" {
			a.code = "(no code)"
		}
	}
	return a
}

// readyz asks /readyz and returns its status and body.
func readyz(c *http.Client, url string) (int, string, error) {
	resp, err := c.Get(url + "/readyz")
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), err
}

const (
	readQuery   = `query Read($id: ID!) { person(id: $id) { id name } }`
	createQuery = `mutation Create($id: ID!, $name: String!) { createPerson(input: {id: $id, name: $name}) { id } }`
)

// stored counts which of ids name a person in the database.
func stored(t *testing.T, d neo4j.DriverWithContext, database string, ids []string) int {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), d,
		`MATCH (p:Person) WHERE p.id IN $ids RETURN count(p) AS n`, map[string]any{"ids": ids},
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(database))
	if err != nil {
		t.Fatal(err)
	}
	n, _ := res.Records[0].Get("n")
	return int(n.(int64))
}

// waitFor polls cond every 100 ms until it holds or limit passes; it
// returns how long that took and whether cond held.
func waitFor(limit time.Duration, cond func() bool) (time.Duration, bool) {
	start := time.Now()
	for {
		if cond() {
			return time.Since(start), true
		}
		if time.Since(start) > limit {
			return time.Since(start), false
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// newClient is an HTTP client of its own, bounded by limit.
func newClient(limit time.Duration) *http.Client {
	return &http.Client{Timeout: limit, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
}

// serveFresh serves a new server, with a driver and store of its own, on
// srv as it is now.
func serveFresh(t *testing.T, srv *neo4jtest.Server, lim server.Limits) *served {
	t.Helper()
	ctx := context.Background()
	d := openDriver(t, srv, srv.URI)
	if _, ok := waitFor(90*time.Second, func() bool { return d.VerifyConnectivity(ctx) == nil }); !ok {
		t.Fatal("Neo4j does not answer a fresh driver")
	}
	return serve(t, graph.NewStore(d, srv.Database), lim)
}
