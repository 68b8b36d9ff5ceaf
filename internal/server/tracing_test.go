package server_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/mentorgraph/mentorgraph/internal/server"
)

// askTraced posts a GraphQL query with a bearer token and a traceparent;
// the answer must have no errors.
func askTraced(t *testing.T, url, token, query string, vars map[string]any, traceparent string) {
	t.Helper()
	h := bearer(token)
	if traceparent != "" {
		h["traceparent"] = traceparent
	}
	if ans := sendVars(t, nil, url+"/graphql", query, vars, h); ans.status != http.StatusOK || len(ans.Errors) > 0 {
		t.Fatalf("%s: %d %s", query, ans.status, ans.raw)
	}
}

// TestTraces: with tracing on, a GraphQL request is a span named after its
// operation (a child of the caller's traceparent), with a span for each
// resolver that does I/O and one per Cypher statement named by its golden
// file; no span holds the request's variables.
func TestTraces(t *testing.T) {
	rec := tracetest.NewSpanRecorder()
	server.UseTracerProvider(sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec)))
	t.Cleanup(func() { server.UseTracerProvider(nil) })
	a, site := newSite(t, server.DefaultSecurity)
	admin := a.NewToken(a.Account("boss", "", true).ID, "READ_ONLY", time.Hour)
	person := a.Person("quintessa", nil)
	const parent = "4bf92f3577b34da6a3ce929d0e0e4736"
	askTraced(t, site.URL, admin, `query Profile($id: ID!) { person(id: $id) { name skills { skill { name } } } skills(first: 3) { totalCount } }`,
		map[string]any{"id": person}, "00-"+parent+"-00f067aa0ba902b7-01")

	var request sdktrace.ReadOnlySpan
	for _, s := range rec.Ended() {
		if s.Name() == "graphql Profile" {
			request = s
		}
	}
	if request == nil {
		t.Fatal("no span graphql Profile")
	}
	if got := request.SpanContext().TraceID().String(); got != parent {
		t.Errorf("the request's trace %s, want the caller's %s", got, parent)
	}
	var resolvers, statements []string
	for _, s := range rec.Ended() {
		if s.SpanContext().TraceID() != request.SpanContext().TraceID() {
			continue
		}
		for _, kv := range s.Attributes() {
			if v := kv.Value.Emit(); strings.Contains(v, person) || strings.Contains(v, "quintessa") {
				t.Errorf("span %s holds a variable's value: %s=%s", s.Name(), kv.Key, v)
			}
		}
		switch {
		case strings.HasPrefix(s.Name(), "cypher "):
			statements = append(statements, strings.TrimPrefix(s.Name(), "cypher "))
		case strings.Contains(s.Name(), "."):
			resolvers = append(resolvers, s.Name())
		}
	}
	if !contains(resolvers, "Query.person") || !contains(resolvers, "Query.skills") {
		t.Errorf("resolver spans %v, want Query.person and Query.skills", resolvers)
	}
	listed := 0
	for _, n := range statements {
		if n != "unlisted" && strings.Count(n, "/") == 1 {
			listed++
		}
	}
	if len(statements) < 2 || listed == 0 {
		t.Errorf("statement spans %v, want one per statement, named by golden file", statements)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestTracesGoToTheOTLPEndpoint: with OTEL_EXPORTER_OTLP_ENDPOINT set,
// SetupTracing sends the spans over OTLP/HTTP (protobuf) to it.
func TestTracesGoToTheOTLPEndpoint(t *testing.T) {
	var mu sync.Mutex
	var got []byte
	collector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if r.URL.Path == "/v1/traces" && r.Header.Get("Content-Type") == "application/x-protobuf" {
			mu.Lock()
			got = append(got, body...)
			mu.Unlock()
		}
		w.WriteHeader(http.StatusOK)
	}))
	t.Cleanup(collector.Close)
	t.Setenv("OTEL_EXPORTER_OTLP_ENDPOINT", collector.URL)
	t.Setenv("OTEL_SERVICE_NAME", "mentorgraph-test")
	stop, err := server.SetupTracing(context.Background(), "test")
	if err != nil {
		t.Fatal(err)
	}
	a, site := newSite(t, server.DefaultSecurity)
	admin := a.NewToken(a.Account("boss", "", true).ID, "READ_ONLY", time.Hour)
	askTraced(t, site.URL, admin, `query Exported { skills(first: 1) { totalCount } }`, nil, "")
	if err := stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, want := range []string{"graphql Exported", "Query.skills", "cypher ", "mentorgraph-test"} {
		if !bytes.Contains(got, []byte(want)) {
			t.Errorf("the collector got no %q (%d bytes)", want, len(got))
		}
	}
}
