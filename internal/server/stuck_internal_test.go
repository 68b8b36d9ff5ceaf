package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mentorgraph/mentorgraph/resolvers"
)

// TestStuckHandlerIsAnswered: a handler held past the request's deadline
// by a wait that ignores the request's context (as the driver's read of a
// Neo4j that does not answer) does not hold the client: it is answered
// UNAVAILABLE stuckGrace after the deadline (the code noted for the
// metrics and the log line), and the handler's own answer, when it comes,
// is dropped.
func TestStuckHandlerIsAnswered(t *testing.T) {
	const timeout = 200 * time.Millisecond
	release := make(chan struct{})
	returned := make(chan struct{})
	stuck := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer close(returned)
		<-release
		w.Header().Set("Content-Type", mediaJSON)
		_, _ = io.WriteString(w, `{"data":{"late":true}}`)
	})
	h := answered(stuck, Limits{Timeout: timeout}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	stats := &requestStats{}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), requestStatsKey{}, stats)))
	}))
	defer ts.Close()
	defer func() {
		select {
		case <-release:
		default:
			close(release)
		}
	}()

	start := time.Now()
	resp, err := http.Post(ts.URL, "application/json", strings.NewReader(`{"query":"{ late }"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusServiceUnavailable || string(body) != timedOutAnswer || !resp.Close {
		t.Errorf("answer = %d %q (closing the connection: %v); want 503 %s, Connection: close", resp.StatusCode, body, resp.Close, timedOutAnswer)
	}
	if took < timeout+stuckGrace || took > timeout+stuckGrace+5*time.Second {
		t.Errorf("answered after %s; want %s after the deadline", took, stuckGrace)
	}
	select {
	case <-returned:
		t.Fatal("the handler returned before it was released")
	default:
	}
	close(release)
	<-returned
	stats.mu.Lock()
	defer stats.mu.Unlock()
	if !slices.Equal(stats.codes, []string{resolvers.CodeUnavailable}) {
		t.Errorf("error codes noted %v; want [%s] (the metrics and the log line count them)", stats.codes, resolvers.CodeUnavailable)
	}
}
