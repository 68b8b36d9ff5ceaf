package graph

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
)

// Tests of the store's write path (inTransaction) against the real Neo4j:
// a transient error (a deadlock) is retried and never reaches the caller;
// an error that is not transient reaches the caller after one attempt.

// retryTestStore is a store on the package's Neo4j, its schema applied,
// with two new people, whose ids it returns.
func retryTestStore(t *testing.T) (*Store, string, string) {
	t.Helper()
	s := NewStore(neo4jtest.Driver(t), neo4jtest.Get(t).Database)
	ctx := context.Background()
	if err := s.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	p := neo4jtest.Prefix(t)
	var ids []string
	for _, name := range []string{"a", "b"} {
		id := p + name
		if _, err := s.CreatePerson(ctx, PersonInput{ID: &id, Name: name}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return s, ids[0], ids[1]
}

// TestDeadlockIsRetried: two writes through the store's write path each
// change a person, wait until the other has changed its first person,
// then change the other's: each waits for a lock the other holds, Neo4j
// detects the deadlock and fails one of them with a transient error
// (Neo.TransientError.Transaction.DeadlockDetected). Both writes must
// succeed, with no error reaching the caller, the failed one retried
// (Store.Retries grows) and its changes stored.
func TestDeadlockIsRetried(t *testing.T) {
	ctx := context.Background()
	s, a, b := retryTestStore(t)
	retriesBefore := s.Retries()

	type side struct {
		first, second, headline string
		locked                  chan struct{} // closed once its first change is made
		attempts                atomic.Int32
		err                     error
	}
	sides := [2]*side{
		{first: a, second: b, headline: "written by one", locked: make(chan struct{})},
		{first: b, second: a, headline: "written by two", locked: make(chan struct{})},
	}
	change := func(tx neo4j.ManagedTransaction, id, headline string) error {
		return exec(ctx, tx, updatePersonCypher, map[string]any{"id": id, "set": map[string]any{"headline": headline}})
	}
	done := make(chan struct{}, 2)
	for i, me := range sides {
		other := sides[1-i]
		go func() {
			defer func() { done <- struct{}{} }()
			_, me.err = write(ctx, s, "deadlock test", func(tx neo4j.ManagedTransaction) (struct{}, error) {
				attempt := me.attempts.Add(1)
				if err := change(tx, me.first, me.headline); err != nil {
					return struct{}{}, err
				}
				if attempt == 1 {
					// Both first changes made, each holding its lock,
					// before either asks for the other's.
					close(me.locked)
					select {
					case <-other.locked:
					case <-time.After(30 * time.Second):
						return struct{}{}, errors.New("the other write did not make its first change within 30 s")
					}
				}
				return struct{}{}, change(tx, me.second, me.headline)
			})
		}()
	}
	<-done
	<-done

	for i, sd := range sides {
		if sd.err != nil {
			t.Errorf("write %d: %v; want no error (a deadlock is retried)", i+1, sd.err)
		}
	}
	retried := s.Retries() - retriesBefore
	attempts := sides[0].attempts.Load() + sides[1].attempts.Load()
	t.Logf("attempts: %d and %d; Retries grew by %d", sides[0].attempts.Load(), sides[1].attempts.Load(), retried)
	if retried < 1 || attempts < 3 {
		t.Fatalf("Retries grew by %d, %d attempts in all: no write was retried, so no deadlock happened", retried, attempts)
	}
	// The retried write ran last: its changes are the ones stored, on
	// both people.
	last := sides[0]
	if sides[1].attempts.Load() > last.attempts.Load() {
		last = sides[1]
	}
	for _, id := range []string{a, b} {
		p, err := s.Person(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if p.Headline == nil || *p.Headline != last.headline {
			t.Errorf("person %s has headline %v; want %q (the retried write's)", id, p.Headline, last.headline)
		}
	}
}

// TestNonRetryableErrorIsReturned: an error that is not transient (Neo4j
// refusing the statement, or the work's own error) is returned to the
// caller, of its kind, after one attempt: the work ran once and Retries
// did not grow.
func TestNonRetryableErrorIsReturned(t *testing.T) {
	ctx := context.Background()
	s, a, _ := retryTestStore(t)
	for _, tc := range []struct {
		name string
		work func(tx neo4j.ManagedTransaction) error
		kind error
	}{
		{"uniqueness constraint violated", func(tx neo4j.ManagedTransaction) error {
			// A second person with a's id.
			return exec(ctx, tx, createPersonCypher, map[string]any{"id": a, "name": "again", "headline": nil, "bio": nil,
				"location": nil, "timezone": nil, "available": false, "capacity": 0, "seeking": false})
		}, ErrConflict},
		{"the work's own error", func(tx neo4j.ManagedTransaction) error {
			return requireAll(ctx, tx, ref{personLabel, a + "-missing", "id"})
		}, ErrNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			retriesBefore := s.Retries()
			calls := 0
			_, err := write(ctx, s, "non-retryable test", func(tx neo4j.ManagedTransaction) (struct{}, error) {
				calls++
				return struct{}{}, tc.work(tx)
			})
			if !errors.Is(err, tc.kind) {
				t.Errorf("error %v; want one of kind %v", err, tc.kind)
			}
			if calls != 1 {
				t.Errorf("the work ran %d times; want once", calls)
			}
			if n := s.Retries() - retriesBefore; n != 0 {
				t.Errorf("Retries grew by %d; want 0", n)
			}
		})
	}
}
