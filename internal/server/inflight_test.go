package server

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mentorgraph/mentorgraph/resolvers"
)

// discardLog is a logger that writes nowhere.
var discardLog = slog.New(slog.DiscardHandler)

// TestRequestsBeyondMaxInFlightWaitForATurn: with two requests in flight
// (a handler that holds them until told), a third waits for a turn and is
// answered when one finishes; a request still without a turn when its
// timeout passes answers 503 UNAVAILABLE, saying the server is busy, with
// Retry-After.
func TestRequestsBeyondMaxInFlightWaitForATurn(t *testing.T) {
	release := make(chan struct{})
	entered := make(chan struct{}, 10)
	var inFlight, most atomic.Int32
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		entered <- struct{}{}
		if r.URL.Query().Get("hold") != "" {
			<-release
		}
		_, _ = io.WriteString(w, `{"data":{"ok":true}}`)
	})
	const timeout = 300 * time.Millisecond
	srv := httptest.NewServer(answered(slow, Limits{Timeout: timeout, MaxInFlight: 2}, discardLog))
	defer srv.Close()

	type answer struct {
		status int
		body   string
		retry  string
	}
	get := func(query string) answer {
		resp, err := http.Get(srv.URL + "/?" + query)
		if err != nil {
			t.Error(err)
			return answer{}
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return answer{resp.StatusCode, string(b), resp.Header.Get("Retry-After")}
	}

	held := make(chan answer, 2)
	for range 2 {
		go func() { held <- get("hold=1") }()
		<-entered
	}
	// Both turns are taken until release: this one waits past its timeout.
	start := time.Now()
	busy := get("")
	if waited := time.Since(start); waited < timeout {
		t.Errorf("the busy answer came after %s, before the %s timeout", waited, timeout)
	}
	if busy.status != http.StatusServiceUnavailable || busy.retry == "" {
		t.Errorf("busy server answered HTTP %d, Retry-After %q; want 503 with Retry-After", busy.status, busy.retry)
	}
	var r struct {
		Errors []struct {
			Message    string         `json:"message"`
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal([]byte(busy.body), &r); err != nil || len(r.Errors) != 1 ||
		r.Errors[0].Extensions["code"] != resolvers.CodeUnavailable || !strings.Contains(r.Errors[0].Message, "busy") {
		t.Errorf("busy answer %s: want one UNAVAILABLE error saying the server is busy", busy.body)
	}

	// This one waits, and gets its turn when a held request finishes.
	waiting := make(chan answer, 1)
	go func() { waiting <- get("") }()
	time.Sleep(timeout / 3)
	select {
	case a := <-waiting:
		t.Fatalf("a third request was answered (HTTP %d) while two were in flight", a.status)
	default:
	}
	close(release)
	for _, a := range []answer{<-held, <-held, <-waiting} {
		if a.status != http.StatusOK || a.body != `{"data":{"ok":true}}` {
			t.Errorf("answer HTTP %d %q, want 200 with the data", a.status, a.body)
		}
	}
	if most.Load() != 2 {
		t.Errorf("%d requests were worked on at once, want at most 2", most.Load())
	}
}

// TestNoMaxInFlightServesAllAtOnce: MaxInFlight 0 caps nothing.
func TestNoMaxInFlightServesAllAtOnce(t *testing.T) {
	const n = 8
	entered := make(chan struct{}, n)
	release := make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		entered <- struct{}{}
		<-release
		_, _ = io.WriteString(w, `{"data":{}}`)
	})
	srv := httptest.NewServer(answered(slow, Limits{Timeout: time.Minute}, discardLog))
	defer srv.Close()
	done := make(chan int, n)
	for range n {
		go func() {
			resp, err := http.Get(srv.URL)
			if err != nil {
				done <- 0
				return
			}
			resp.Body.Close()
			done <- resp.StatusCode
		}()
	}
	for i := range n {
		select {
		case <-entered:
		case <-time.After(10 * time.Second):
			t.Fatalf("only %d of %d requests were let in at once", i, n)
		}
	}
	close(release)
	for range n {
		if s := <-done; s != http.StatusOK {
			t.Errorf("HTTP %d", s)
		}
	}
}
