package graph

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
)

// slowCountCypher counts through 2 billion rows: it takes Neo4j minutes.
const slowCountCypher = `UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n`

// TestDeadlineStopsStatementsInNeo4j: a statement that outlives a
// WithDeadline deadline is stopped by Neo4j (the transaction timeout), and
// none starts once the time is up.
func TestDeadlineStopsStatementsInNeo4j(t *testing.T) {
	s := NewStore(neo4jtest.Driver(t), neo4jtest.Get(t).Database)
	ctx := WithDeadline(context.Background(), time.Now().Add(300*time.Millisecond))
	n, err := count(ctx, s, "slow count", slowCountCypher, nil)
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("a statement past the deadline: n %d, err %v; want ErrUnavailable", n, err)
	}
	t.Logf("stopped: %v", err)
	if err := s.Ping(ctx); !errors.Is(err, ErrUnavailable) || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a statement after the deadline: %v", err)
	}
	if !DeadlinePassed(ctx) || DeadlinePassed(context.Background()) {
		t.Error("DeadlinePassed is wrong")
	}
	if err := s.Ping(WithDeadline(context.Background(), time.Now().Add(time.Minute))); err != nil {
		t.Errorf("a statement well within its deadline: %v", err)
	}
}
