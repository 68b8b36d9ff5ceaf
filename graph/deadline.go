package graph

import (
	"context"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// deadlineKey carries the deadline set by WithDeadline.
type deadlineKey struct{}

// WithDeadline returns ctx carrying a deadline for the store's work under
// it: each transaction gets the time left as its Neo4j transaction timeout,
// so Neo4j stops a statement that outlives it, and no transaction starts
// once the time is up (ErrUnavailable, wrapping context.DeadlineExceeded).
//
// The server bounds requests this way rather than with a context deadline:
// the driver honours a context deadline by reading the socket in a
// goroutine of its own for every read, racing the context, which netbench
// measured at 30–70 µs a statement. Cancelling ctx still stops the work
// between statements and retries.
func WithDeadline(ctx context.Context, d time.Time) context.Context {
	return context.WithValue(ctx, deadlineKey{}, d)
}

// DeadlinePassed reports whether ctx carries a WithDeadline deadline that
// has passed.
func DeadlinePassed(ctx context.Context) bool {
	d, ok := ctx.Value(deadlineKey{}).(time.Time)
	return ok && !time.Now().Before(d)
}

// txConfig gives a transaction the time left before ctx's WithDeadline
// deadline as its Neo4j timeout (none without one).
func txConfig(ctx context.Context) ([]func(*neo4j.TransactionConfig), error) {
	d, ok := ctx.Value(deadlineKey{}).(time.Time)
	if !ok {
		return nil, nil
	}
	left := time.Until(d)
	if left <= 0 {
		return nil, context.DeadlineExceeded
	}
	// Neo4j counts in whole milliseconds, and 0 would mean no timeout.
	left = max(left.Truncate(time.Millisecond), time.Millisecond)
	return []func(*neo4j.TransactionConfig){neo4j.WithTxTimeout(left)}, nil
}
