package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/mentorgraph/mentorgraph/graph"
)

// TestMuxServesTheUI: the server's routes send the web UI's pages and
// assets, GraphiQL from the binary (no other origin), and leave the API
// and health endpoints to their handlers. No Neo4j needed: nothing here
// reads the database.
func TestMuxServesTheUI(t *testing.T) {
	c, err := parseServeConfig(nil)
	if err != nil {
		t.Fatal(err)
	}
	// A public directory: the GraphQL request below is anonymous.
	c.Security.PublicDirectory = true
	mux, err := newMux(context.Background(), graph.NewStore(nil, "neo4j"), c, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	get := func(method, path, body string) (*http.Response, string) {
		t.Helper()
		req := httptest.NewRequest(method, path, strings.NewReader(body))
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, req)
		b, _ := io.ReadAll(rec.Result().Body)
		return rec.Result(), string(b)
	}
	script := regexp.MustCompile(`<script type="module" src="(/assets/[a-z]+-[A-Z0-9]+\.js)">`)

	tests := []struct {
		name, method, path, body string
		status                   int
		contentType              string
		has                      string
	}{
		{"the app", "GET", "/", "", 200, "text/html; charset=utf-8", `src="/assets/app-`},
		{"an app route", "GET", "/find?me=x&skill=y", "", 200, "text/html; charset=utf-8", `src="/assets/app-`},
		{"GraphiQL, bundled", "GET", "/graphiql", "", 200, "text/html; charset=utf-8", `src="/assets/graphiql-`},
		{"an unknown asset", "GET", "/assets/app-GONE.js", "", 404, "text/plain; charset=utf-8", "not found"},
		{"health", "GET", "/healthz", "", 200, "text/plain; charset=utf-8", "ok"},
		{"GraphQL", "POST", "/graphql", `{"query":"{ __typename }"}`, 200, "application/json", `"__typename":"Query"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := get(tt.method, tt.path, tt.body)
			if res.StatusCode != tt.status || res.Header.Get("Content-Type") != tt.contentType || !strings.Contains(body, tt.has) {
				t.Fatalf("%s %s: %d %q %.300q; want %d %q containing %q", tt.method, tt.path, res.StatusCode, res.Header.Get("Content-Type"), body, tt.status, tt.contentType, tt.has)
			}
			if !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
				return
			}
			if strings.Contains(body, "://") {
				t.Errorf("%s names another origin (the page must work offline): %s", tt.path, body)
			}
			m := script.FindStringSubmatch(body)
			if m == nil {
				t.Fatalf("%s loads no script: %s", tt.path, body)
			}
			if res, _ := get("GET", m[1], ""); res.StatusCode != 200 || res.Header.Get("Cache-Control") != "public, max-age=31536000, immutable" {
				t.Errorf("%s: script %s answers %d, Cache-Control %q", tt.path, m[1], res.StatusCode, res.Header.Get("Cache-Control"))
			}
		})
	}
}
