package faults_test

import (
	"context"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/internal/server"
)

// TestNeo4jPaused freezes Neo4j (docker pause): its connections stay
// open and nothing answers. Requests in flight end at the request timeout
// with UNAVAILABLE, "the request took too long"; with MaxInFlight taken,
// the requests waiting for a turn answer 503 with Retry-After; after
// unpause answers resume, and the goroutines and the store's open
// transactions come back to what they were before.
func TestNeo4jPaused(t *testing.T) {
	const (
		timeout  = 2 * time.Second
		inFlight = 3
	)
	srv := ownNeo4j(t)
	_, store := openStore(t, srv, srv.URI)
	lim := server.DefaultLimits
	lim.Timeout = timeout
	lim.MaxInFlight = inFlight
	s := serve(t, store, lim)
	ctx := context.Background()
	client := newClient(timeout + 60*time.Second)

	read := func() answer { return ask(client, s.url, s.token, readQuery, map[string]any{"id": "paused-target"}) }
	targetID := "paused-target"
	if _, err := store.CreatePerson(ctx, graph.PersonInput{ID: &targetID, Name: "Paused Target"}); err != nil {
		t.Fatal(err)
	}
	// The baseline: the server warmed up (a fresh Neo4j plans its first
	// queries slowly; the server's pool of connections, its token cache),
	// the client's connections closed.
	if _, ok := waitFor(60*time.Second, func() bool { return read().ok() }); !ok {
		t.Fatalf("no read answers before the pause: %s", read())
	}
	// inFlight reads at once, a few times: the driver's pool holds a
	// connection for each, which the requests in flight below take.
	for range 3 {
		var wg sync.WaitGroup
		for range inFlight {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if a := read(); !a.ok() {
					t.Errorf("read before the pause: %s", a)
				}
			}()
		}
		wg.Wait()
	}
	if t.Failed() {
		t.FailNow()
	}
	client.CloseIdleConnections()
	baseGoroutines := settledGoroutines()
	if n := store.OpenTransactions(); n != 0 {
		t.Fatalf("%d transactions open before the pause", n)
	}

	if err := srv.Pause(ctx); err != nil {
		t.Fatal(err)
	}
	unpaused := false
	unpause := func() {
		if !unpaused {
			unpaused = true
			if err := srv.Unpause(ctx); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Cleanup(unpause)

	// inFlight requests take every turn and wait on Neo4j ...
	var wg sync.WaitGroup
	held := make([]answer, inFlight)
	for i := range held {
		wg.Add(1)
		go func() { defer wg.Done(); held[i] = read() }()
	}
	if _, ok := waitFor(10*time.Second, func() bool { return store.OpenTransactions() == inFlight }); !ok {
		t.Fatalf("%d transactions open; want the %d requests in flight waiting on Neo4j", store.OpenTransactions(), inFlight)
	}
	// ... so more wait for a turn, and are refused at their deadline.
	waiting := make([]answer, inFlight)
	for i := range waiting {
		wg.Add(1)
		go func() { defer wg.Done(); waiting[i] = read() }()
	}
	wg.Wait()
	// A request held by the driver's read answers when its handler gives
	// up (503); one the driver was still connecting for answers through
	// the error presenter (200): both say it took too long.
	for _, a := range held {
		if a.err != nil || (a.status != http.StatusServiceUnavailable && a.status != http.StatusOK) || a.code != "UNAVAILABLE" ||
			!strings.Contains(a.message, "took too long") || a.took > timeout+slack {
			t.Errorf("a request in flight on a paused Neo4j: %s; want UNAVAILABLE, took too long, within %s", a, timeout+slack)
		}
		t.Logf("in flight: %s", a)
	}
	// A request whose deadline passes as a turn frees may take the turn
	// and say it took too long; the others are refused as busy.
	busy := 0
	for _, a := range waiting {
		switch {
		case a.err == nil && a.status == http.StatusServiceUnavailable && a.code == "UNAVAILABLE" &&
			strings.Contains(a.message, "busy") && a.retryAfter != "" && a.took <= timeout+slack:
			busy++
		case a.err == nil && a.code == "UNAVAILABLE" && strings.Contains(a.message, "took too long") && a.took <= timeout+slack:
		default:
			t.Errorf("a request waiting for a turn: %s (Retry-After %q); want 503 UNAVAILABLE, busy, with Retry-After, within %s", a, a.retryAfter, timeout+slack)
		}
		t.Logf("waiting: %s (Retry-After %q)", a, a.retryAfter)
	}
	if busy == 0 {
		t.Errorf("no request waiting for a turn was refused as busy (503, Retry-After)")
	}
	status, body, err := readyz(client, s.url)
	if err != nil || status != http.StatusServiceUnavailable {
		t.Errorf("/readyz with Neo4j paused = %d %q, %v; want 503", status, body, err)
	}

	unpause()
	resumed, ok := waitFor(30*time.Second, func() bool { return read().ok() })
	if !ok {
		t.Fatalf("no answer OK %s after unpause", resumed.Round(time.Millisecond))
	}
	t.Logf("answers resumed %s after unpause", resumed.Round(time.Millisecond))

	// Nothing leaks: the held requests' handlers return once Neo4j
	// answers them, and their transactions close.
	client.CloseIdleConnections()
	if _, ok := waitFor(30*time.Second, func() bool { return store.OpenTransactions() == 0 }); !ok {
		t.Errorf("%d transactions still open after unpause", store.OpenTransactions())
	}
	var now int
	if _, ok := waitFor(30*time.Second, func() bool {
		client.CloseIdleConnections()
		now = runtime.NumGoroutine()
		return now <= baseGoroutines
	}); !ok {
		buf := make([]byte, 1<<20)
		t.Errorf("%d goroutines after unpause, %d before the pause:\n%s", now, baseGoroutines, buf[:runtime.Stack(buf, true)])
	}
}

// settledGoroutines is the number of goroutines once it stops falling
// (connections closing, timers ending), read for at most 5 s.
func settledGoroutines() int {
	n := runtime.NumGoroutine()
	for range 50 {
		time.Sleep(100 * time.Millisecond)
		m := runtime.NumGoroutine()
		if m >= n {
			return max(m, n)
		}
		n = m
	}
	return n
}
