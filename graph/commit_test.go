package graph_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
)

// TestWriteLateInItsDeadlineIsNotCommitted: a write whose work ends with
// less than its commit reserve left before the deadline is rolled back and
// answers ErrUnavailable, rather than committing after the request may
// have answered "took too long". The write is held back by a lock another
// transaction keeps on one of the people it locks, released just inside
// the reserve window.
func TestWriteLateInItsDeadlineIsNotCommitted(t *testing.T) {
	ctx := context.Background()
	x := newIntegrity(t)
	a, b := x.person("a", -1), x.person("b", -1)
	// The same write about other people first, so Neo4j has planned its
	// statements: unplanned, they could take long enough for the
	// transaction's own timeout (the time left at its start) to stop it.
	if _, err := x.s.Connect(ctx, x.person("c", -1), x.person("d", -1), nil); err != nil {
		t.Fatal(err)
	}

	sess := neo4jtest.Driver(t).NewSession(ctx, neo4j.SessionConfig{DatabaseName: neo4jtest.Get(t).Database})
	defer sess.Close(ctx)
	holder, err := sess.BeginTransaction(ctx)
	if err != nil {
		t.Fatal(err)
	}
	res, err := holder.Run(ctx, `MATCH (n:Person {id: $id}) SET n._lock = true`, map[string]any{"id": b})
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		t.Fatal(err)
	}

	// A 5 s request keeps min(1 s, 5 s / 10) = 500 ms to commit; the lock
	// goes 300 ms before the deadline.
	const timeout, inside = 5 * time.Second, 300 * time.Millisecond
	deadline := time.Now().Add(timeout)
	done := make(chan error, 1)
	go func() {
		_, err := x.s.Connect(graph.WithDeadline(ctx, deadline), a, b, nil)
		done <- err
	}()
	time.Sleep(time.Until(deadline.Add(-inside)))
	if err := holder.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Connect did not return")
	}
	if !errors.Is(err, graph.ErrUnavailable) {
		t.Errorf("a write left with less than its commit reserve: %v; want ErrUnavailable", err)
	}
	if n := x.connections(a, b); n != 0 {
		t.Fatalf("the write was stored (%d links)", n)
	}
	time.Sleep(3 * time.Second)
	if n := x.connections(a, b); n != 0 {
		t.Errorf("the write was stored later (%d links)", n)
	}
	// The same write with time enough is stored.
	if _, err := x.s.Connect(graph.WithDeadline(ctx, time.Now().Add(timeout)), a, b, nil); err != nil || x.connections(a, b) != 1 {
		t.Errorf("the write in time: %v", err)
	}
}

// TestConnectionLostDuringCommit: when the connection to Neo4j is lost
// after COMMIT was sent and before Neo4j answered, the write answers
// ErrOutcomeUnknown (not ErrUnavailable, which promises nothing was
// written) — Neo4j did commit it — and repeating the request is safe.
func TestConnectionLostDuringCommit(t *testing.T) {
	ctx := context.Background()
	x := newIntegrity(t)
	a, b := x.person("a", -1), x.person("b", -1)
	srv := neo4jtest.Get(t)
	cutter := neo4jtest.NewCommitCutter(t, srv)
	drv, err := neo4j.NewDriverWithContext(cutter.URI(), neo4j.BasicAuth(srv.User, srv.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer drv.Close(ctx)
	s := graph.NewStore(drv, srv.Database)
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("through the proxy: %v", err)
	}
	since := date(t, "2024-04-01")

	cutter.CutNextCommit()
	_, err = s.Connect(ctx, a, b, since)
	if cutter.Cuts() != 1 {
		t.Fatalf("the proxy cut %d connections; want 1 (err %v)", cutter.Cuts(), err)
	}
	if !errors.Is(err, graph.ErrOutcomeUnknown) || errors.Is(err, graph.ErrUnavailable) {
		t.Fatalf("a connection lost during COMMIT: %v; want ErrOutcomeUnknown", err)
	}
	t.Logf("lost during commit: %v", err)
	// Neo4j committed it.
	for start := time.Now(); x.connections(a, b) == 0; time.Sleep(50 * time.Millisecond) {
		if time.Since(start) > 5*time.Second {
			t.Fatal("the write whose outcome was unknown was not stored")
		}
	}
	// Repeating the request is safe: it finds the link and writes nothing.
	if _, err := s.Connect(ctx, a, b, since); err != nil {
		t.Fatalf("repeating the request: %v", err)
	}
	if n := x.connections(a, b); n != 1 {
		t.Errorf("%d links after the repeat, want 1", n)
	}
}
