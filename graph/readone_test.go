package graph

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
)

// countRows is readOne work: the number of rows of `UNWIND range(1, $n)`.
func countRows(ctx context.Context, tx runner, n int) (int64, error) {
	res, err := tx.Run(ctx, `UNWIND range(1, $n) AS x RETURN count(x) AS n`, map[string]any{"n": n})
	if err != nil {
		return 0, err
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return 0, err
	}
	return rec.Values[0].(int64), nil
}

// TestReadOneSendsOneStatement: a one-statement read answers from Neo4j and
// counts one statement.
func TestReadOneSendsOneStatement(t *testing.T) {
	s := NewStore(neo4jtest.Driver(t), neo4jtest.Get(t).Database)
	ctx := context.Background()
	before := s.Statements()
	n, err := readOne(ctx, s, "count", func(tx runner) (int64, error) { return countRows(ctx, tx, 1234) })
	if err != nil || n != 1234 {
		t.Fatalf("readOne: n %d, err %v; want 1234", n, err)
	}
	if got := s.Statements() - before; got != 1 {
		t.Errorf("statements sent: %d, want 1", got)
	}
}

// TestReadOneRefusesASecondStatement: work that runs a second statement gets
// errSecondStatement, and the statement never reaches Neo4j.
func TestReadOneRefusesASecondStatement(t *testing.T) {
	s := NewStore(neo4jtest.Driver(t), neo4jtest.Get(t).Database)
	ctx := context.Background()
	before := s.Statements()
	_, err := readOne(ctx, s, "two counts", func(tx runner) (int64, error) {
		if _, err := countRows(ctx, tx, 3); err != nil {
			return 0, err
		}
		return countRows(ctx, tx, 4)
	})
	if !errors.Is(err, errSecondStatement) {
		t.Fatalf("two statements in readOne: err %v, want errSecondStatement", err)
	}
	if got := s.Statements() - before; got != 1 {
		t.Errorf("statements sent: %d, want 1 (the second refused)", got)
	}
}

// TestReadOneRetriesRetryableErrors: a failure Neo4j calls transient is
// tried again, up to readAttempts times, then reported as ErrUnavailable;
// other failures are reported at once.
func TestReadOneRetriesRetryableErrors(t *testing.T) {
	s := NewStore(neo4jtest.Driver(t), neo4jtest.Get(t).Database)
	ctx := context.Background()
	transient := func() error { return &neo4j.Neo4jError{Code: "Neo.TransientError.General.DatabaseUnavailable", Msg: "test"} }

	t.Run("succeeds on the second try", func(t *testing.T) {
		tries := 0
		n, err := readOne(ctx, s, "count", func(tx runner) (int64, error) {
			tries++
			n, err := countRows(ctx, tx, 7)
			if err == nil && tries == 1 {
				return 0, transient()
			}
			return n, err
		})
		if err != nil || n != 7 || tries != 2 {
			t.Fatalf("n %d, err %v, tries %d; want 7, no error, 2 tries", n, err, tries)
		}
	})
	t.Run("gives up", func(t *testing.T) {
		tries := 0
		start := time.Now()
		_, err := readOne(ctx, s, "count", func(tx runner) (int64, error) {
			tries++
			return 0, transient()
		})
		if !errors.Is(err, ErrUnavailable) || tries != readAttempts {
			t.Fatalf("err %v, tries %d; want ErrUnavailable after %d tries", err, tries, readAttempts)
		}
		// 25 + 50 + 100 + 200 ms of backoff between the five tries.
		if waited := time.Since(start); waited < 375*time.Millisecond {
			t.Errorf("gave up after %s, before the backoff of 375 ms", waited)
		}
		t.Logf("gave up: %v", err)
	})
	t.Run("a syntax error is not retried", func(t *testing.T) {
		tries := 0
		_, err := readOne(ctx, s, "bad", func(tx runner) (int64, error) {
			tries++
			return single(ctx, tx, `RETURN {n: 1} AS m ORDER`, nil, func(m map[string]any) int64 { return 0 })
		})
		var n4j *neo4j.Neo4jError
		if !errors.As(err, &n4j) || n4j.Code != "Neo.ClientError.Statement.SyntaxError" || tries != 1 {
			t.Fatalf("err %v, tries %d; want a syntax error after 1 try", err, tries)
		}
	})
	t.Run("cancelled while waiting", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		tries := 0
		_, err := readOne(cctx, s, "count", func(tx runner) (int64, error) {
			tries++
			cancel()
			return 0, transient()
		})
		if !errors.Is(err, context.Canceled) || !errors.Is(err, ErrUnavailable) || tries != 1 {
			t.Fatalf("err %v, tries %d; want ErrUnavailable wrapping context.Canceled after 1 try", err, tries)
		}
	})
}

// TestReadOneHonoursTheDeadline: an auto-commit statement that outlives a
// WithDeadline deadline is stopped by Neo4j, as a managed one is.
func TestReadOneHonoursTheDeadline(t *testing.T) {
	s := NewStore(neo4jtest.Driver(t), neo4jtest.Get(t).Database)
	ctx := WithDeadline(context.Background(), time.Now().Add(300*time.Millisecond))
	start := time.Now()
	// Counting through 2 billion rows takes Neo4j minutes.
	n, err := readOne(ctx, s, "slow count", func(tx runner) (int64, error) { return countRows(ctx, tx, 2000000000) })
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("a statement past the deadline: n %d, err %v; want ErrUnavailable", n, err)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("stopped after %s", took)
	}
	t.Logf("stopped: %v", err)
}
