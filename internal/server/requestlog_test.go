package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentorgraph/mentorgraph/internal/apitest"
	"github.com/mentorgraph/mentorgraph/internal/server"
)

// lockedBuffer is a log destination the server's goroutines share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestRequestLogs: the server logs one JSON line per request with its
// request id (the one a proxy sent, else a new one, echoed in
// X-Request-Id), its status and, for GraphQL, its operation and error
// codes; and nothing personal or secret: no password, login, token, name
// from a variable or query text.
func TestRequestLogs(t *testing.T) {
	a := apitest.New(t)
	var out lockedBuffer
	log, err := server.NewLogger(&out, "json")
	if err != nil {
		t.Fatal(err)
	}
	mux, err := server.NewMux(context.Background(), a.Store, "test", server.DefaultLimits, server.DefaultSecurity, log)
	if err != nil {
		t.Fatal(err)
	}
	site := httptest.NewServer(mux)
	t.Cleanup(site.Close)

	const password, name = "correct horse battery", "Zelda Quux-Private"
	acc := passwordAccount(t, a, "zelda", password)
	token := a.NewToken(acc.ID, "READ_WRITE", time.Hour)
	b := newBrowser(t, site.URL)
	if resp, body := b.signIn(acc.Login, password); resp.StatusCode != http.StatusOK {
		t.Fatalf("sign-in: %d %s", resp.StatusCode, body)
	}
	ask := func(query string, vars map[string]any, requestID string) answer {
		h := bearer(token)
		if requestID != "" {
			h["X-Request-Id"] = requestID
		}
		return sendVars(t, nil, site.URL+"/graphql", query, vars, h)
	}
	rename := `mutation Rename($in: UpdatePersonInput!) { updatePerson(input: $in) { name } }`
	r1 := ask(rename, map[string]any{"in": map[string]any{"id": acc.PersonID, "name": name, "headline": "secret headline"}}, "")
	r2 := ask(`query TooMany { people(first: 1000) { totalCount } }`, nil, "proxy-id-42")
	r3 := ask(`query Evil { people(first: 1) { totalCount } }`, nil, "not a plain id; has spaces")

	want := map[string]struct {
		operation string
		codes     []any
	}{
		r1.header.Get("X-Request-Id"): {"Rename", nil},
		"proxy-id-42":                 {"TooMany", []any{"BAD_USER_INPUT"}},
		r3.header.Get("X-Request-Id"): {"Evil", nil},
	}
	if r2.header.Get("X-Request-Id") != "proxy-id-42" {
		t.Errorf("a proxy's request id came back as %q", r2.header.Get("X-Request-Id"))
	}
	if id := r3.header.Get("X-Request-Id"); id == "" || strings.Contains(id, " ") {
		t.Errorf("a request id that is not a plain token was kept or none made: %q", id)
	}

	logged := out.String()
	seen := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(logged), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("a log line is not JSON: %q", line)
		}
		if rec["msg"] != "request" {
			continue
		}
		id, _ := rec["request_id"].(string)
		if id == "" {
			t.Errorf("a request line without its request id: %s", line)
		}
		w, ok := want[id]
		if !ok {
			continue
		}
		seen[id]++
		if rec["path"] != "/graphql" || rec["status"] != 200.0 || rec["operation"] != w.operation || rec["account"] != acc.ID {
			t.Errorf("request line %s: want /graphql, 200, %s, account %s", line, w.operation, acc.ID)
		}
		if codes, _ := rec["errors"].([]any); len(codes) != len(w.codes) || (len(codes) > 0 && codes[0] != w.codes[0]) {
			t.Errorf("request line %s: errors %v, want %v", line, rec["errors"], w.codes)
		}
	}
	for id := range want {
		if seen[id] != 1 {
			t.Errorf("request %s: %d lines, want 1", id, seen[id])
		}
	}
	if !strings.Contains(logged, `"path":"/auth/signin"`) {
		t.Error("the sign-in request has no line")
	}
	for _, secret := range []string{password, acc.Login, token, name, "secret headline", "updatePerson", "people(first"} {
		if strings.Contains(logged, secret) {
			t.Errorf("the log holds %q:\n%s", secret, logged)
		}
	}
}
