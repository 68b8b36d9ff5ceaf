package server_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mentorgraph/mentorgraph/internal/apitest"
	"github.com/mentorgraph/mentorgraph/internal/server"
)

func TestLimitsGETAndPersistedQueries(t *testing.T) {
	a := apitest.New(t)
	// Depth limit.
	deep := `{ people(first: 1) { edges { node { mentors { mentor { mentors { mentor { mentors { mentor { mentors { mentor { mentors { mentor { id } } } } } } } } } } } } } }`
	e := a.Fails("BAD_USER_INPUT", deep, nil)
	if !strings.Contains(e.Message, "levels deep") {
		t.Errorf("depth: %s", e.Message)
	}
	// Complexity: first weighs in.
	wide := `{ people(first: 100) { edges { node { connections(first: 500) { person { skills { skill { name } } } } } } } }`
	e = a.Fails("COMPLEXITY_LIMIT_EXCEEDED", wide, nil)
	if !strings.Contains(e.Message, "complexity") {
		t.Errorf("complexity: %s", e.Message)
	}
	// GET transport.
	resp, err := a.HTTP().Get(a.URL + "?query=" + url.QueryEscape(`{ server { version } }`))
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
	post := func(body map[string]any) apitest.Response {
		b, _ := json.Marshal(body)
		resp, err := a.HTTP().Post(a.URL, "application/json", strings.NewReader(string(b)))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var r apitest.Response
		_ = json.NewDecoder(resp.Body).Decode(&r)
		return r
	}
	if r := post(map[string]any{"extensions": ext}); len(r.Errors) == 0 || r.Errors[0].Message != "PersistedQueryNotFound" {
		t.Errorf("unknown persisted query: %+v", r)
	}
	post(map[string]any{"query": query, "extensions": ext})
	if r := post(map[string]any{"extensions": ext}); len(r.Errors) > 0 || apitest.At(r.Data, "server", "database") == nil {
		t.Errorf("persisted query: %+v", r)
	}
}

// A request that outlives the timeout stops and says so.
func TestRequestTimeout(t *testing.T) {
	lim := server.DefaultLimits
	lim.Timeout = time.Microsecond
	a := apitest.NewWith(t, lim)
	// The deadline passes at different points of the request (before gqlgen
	// executes it, at the driver's first attempt, while it retries): the
	// answer is the same every time.
	for range 20 {
		e := a.Fails("UNAVAILABLE", `{ people(first: 5) { edges { node { id name } } } }`, nil)
		if !strings.Contains(e.Message, "took too long") {
			t.Fatalf("timed-out request: %q", e.Message)
		}
	}
}

// TestAnswersComeWhole: an answer, large or not, comes with its
// Content-Length (one write, no chunks), and its status stays what gqlgen
// set.
func TestAnswersComeWhole(t *testing.T) {
	a := apitest.New(t)
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
		resp, err := a.HTTP().Post(a.URL, "application/json", strings.NewReader(string(b)))
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
