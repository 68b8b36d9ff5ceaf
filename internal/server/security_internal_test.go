package server

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/mentorgraph/mentorgraph/internal/auth"
	"github.com/mentorgraph/mentorgraph/resolvers"
)

// TestGuardRefusesWithoutTheStore: what the guard answers before it asks
// the store anything (no Neo4j needed).
func TestGuardRefusesWithoutTheStore(t *testing.T) {
	reached := false
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached = true
		if v := auth.FromContext(r.Context()); v != nil {
			t.Errorf("a viewer reached the handler: %+v", v)
		}
		_, _ = io.WriteString(w, `{"data":{}}`)
	})
	log := slog.New(slog.DiscardHandler)
	locked := newGuard(nil, DefaultSecurity, auth.NewCache(0), log).middleware(next)
	public := newGuard(nil, Security{PublicDirectory: true}, auth.NewCache(0), log).middleware(next)
	for _, c := range []struct {
		name      string
		h         http.Handler
		header    string
		status    int
		challenge string
	}{
		{"anonymous, locked down", locked, "", http.StatusUnauthorized, `Bearer realm="mentorgraph"`},
		{"anonymous, public directory", public, "", http.StatusOK, ""},
		{"malformed token", public, "Bearer mg_short", http.StatusUnauthorized, `Bearer realm="mentorgraph", error="invalid_token"`},
		{"another scheme", locked, "Token abc", http.StatusUnauthorized, `Bearer realm="mentorgraph", error="invalid_token"`},
		{"a session id as a token", locked, "Bearer " + auth.NewSessionID(), http.StatusUnauthorized, `Bearer realm="mentorgraph", error="invalid_token"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			reached = false
			req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"{ __typename }"}`))
			if c.header != "" {
				req.Header.Set("Authorization", c.header)
			}
			rec := httptest.NewRecorder()
			c.h.ServeHTTP(rec, req)
			if rec.Code != c.status || rec.Header().Get("WWW-Authenticate") != c.challenge {
				t.Fatalf("HTTP %d, WWW-Authenticate %q: %s; want %d, %q", rec.Code, rec.Header().Get("WWW-Authenticate"), rec.Body, c.status, c.challenge)
			}
			if reached != (c.status == http.StatusOK) {
				t.Errorf("the handler reached: %v", reached)
			}
			if c.status != http.StatusOK && (!strings.Contains(rec.Body.String(), `"code":"`+resolvers.CodeUnauthenticated+`"`) || !strings.Contains(rec.Body.String(), `"data":null`)) {
				t.Errorf("body %s: want UNAUTHENTICATED and no data", rec.Body)
			}
		})
	}
}

// TestCachedSessionNeedsCSRF: a session viewer (here from the cache, so no
// store is asked) may GET without a CSRF token, and POST only with its own.
func TestCachedSessionNeedsCSRF(t *testing.T) {
	cache := auth.NewCache(1 << 40)
	id := auth.NewSessionID()
	cache.Put(auth.HashSecret(id), &auth.Viewer{AccountID: "acc-1", Via: auth.Session, Scope: auth.ReadWrite}, timeFar)
	h := newGuard(nil, DefaultSecurity, cache, slog.New(slog.DiscardHandler)).middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if auth.FromContext(r.Context()) == nil {
			t.Error("no viewer")
		}
	}))
	for _, c := range []struct {
		name, method, csrf string
		status             int
	}{
		{"GET", http.MethodGet, "", http.StatusOK},
		{"POST without a token", http.MethodPost, "", http.StatusForbidden},
		{"POST with another session's token", http.MethodPost, auth.CSRFToken(auth.NewSessionID()), http.StatusForbidden},
		{"POST with the session id itself", http.MethodPost, id, http.StatusForbidden},
		{"POST with its token", http.MethodPost, auth.CSRFToken(id), http.StatusOK},
	} {
		req := httptest.NewRequest(c.method, "/graphql", nil)
		req.AddCookie(&http.Cookie{Name: sessionCookie, Value: id})
		if c.csrf != "" {
			req.Header.Set(csrfHeader, c.csrf)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != c.status {
			t.Errorf("%s: HTTP %d %s; want %d", c.name, rec.Code, rec.Body, c.status)
		}
	}
}

func TestLocalPath(t *testing.T) {
	for in, want := range map[string]string{
		"/find?me=x":         "/find?me=x",
		"":                   "/",
		"https://evil.test/": "/",
		"//evil.test/":       "/",
		"/\\evil.test":       "/",
		"/auth/signout":      "/",
	} {
		if got := localPath(in); got != want {
			t.Errorf("localPath(%q) = %q, want %q", in, got, want)
		}
	}
}

// timeFar is an expiry that does not come during a test.
var timeFar = time.Now().Add(24 * time.Hour)
