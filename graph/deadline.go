package graph

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// deadlineKey carries the deadline set by WithDeadline.
type deadlineKey struct{}

// deadline is a WithDeadline deadline and when it was set: the request had
// at from set to at.
type deadline struct{ set, at time.Time }

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
//
// A write transaction does not start committing once less than its commit
// reserve (CommitReserve) is left: see inTransaction.
func WithDeadline(ctx context.Context, d time.Time) context.Context {
	return context.WithValue(ctx, deadlineKey{}, deadline{set: time.Now(), at: d})
}

// deadlineOf returns ctx's WithDeadline deadline, if any.
func deadlineOf(ctx context.Context) (deadline, bool) {
	d, ok := ctx.Value(deadlineKey{}).(deadline)
	return d, ok
}

// CommitReserve is the most time a write keeps in hand before its deadline
// to commit: a write transaction whose work ends with less than its
// reserve left is rolled back instead of committed (ErrUnavailable, the
// request took too long). The reserve is CommitReserve, or a tenth of the
// time the request had (from WithDeadline to the deadline) when that is
// less, so short deadlines keep most of their time for the work.
//
// Without it a commit could start just before the deadline, the request
// answer "took too long" when the deadline passed, and Neo4j commit the
// write anyway a moment later: a client would be told a write failed that
// in fact was stored. A commit normally takes milliseconds; the reserve
// leaves room for a slow disk or a busy server.
const CommitReserve = time.Second

// commitReserve returns the reserve of d (see CommitReserve).
func (d deadline) commitReserve() time.Duration {
	return min(CommitReserve, d.at.Sub(d.set)/10)
}

// DeadlinePassed reports whether ctx carries a WithDeadline deadline that
// has passed.
func DeadlinePassed(ctx context.Context) bool {
	d, ok := deadlineOf(ctx)
	return ok && !time.Now().Before(d.at)
}

// txConfig gives a transaction the time left before ctx's WithDeadline
// deadline as its Neo4j timeout (none without one).
//
// The driver applies the configuration once, before its first attempt: a
// retry runs with the first attempt's timeout, so Neo4j may let it run past
// the deadline. Writes are kept from committing late by the commit reserve
// (inTransaction), not by this timeout.
func txConfig(ctx context.Context) ([]func(*neo4j.TransactionConfig), error) {
	d, ok := deadlineOf(ctx)
	if !ok {
		return nil, nil
	}
	left := time.Until(d.at)
	if left <= 0 {
		return nil, context.DeadlineExceeded
	}
	// Neo4j counts in whole milliseconds, and 0 would mean no timeout.
	left = max(left.Truncate(time.Millisecond), time.Millisecond)
	return []func(*neo4j.TransactionConfig){neo4j.WithTxTimeout(left)}, nil
}

// commitsKey carries the counter of WithCommitsUnderWay.
type commitsKey struct{}

// WithCommitsUnderWay returns ctx whose write transactions count
// themselves in n from the moment their work is done and they go on to
// commit until the driver returns: while n > 0 a write of ctx may be
// stored whatever becomes of the request (the server's answer for a
// request held past its deadline says OUTCOME_UNKNOWN then).
func WithCommitsUnderWay(ctx context.Context, n *atomic.Int32) context.Context {
	return context.WithValue(ctx, commitsKey{}, n)
}
