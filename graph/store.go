package graph

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Store reads and writes the mentor graph in one Neo4j database. It is safe
// for concurrent use; each method opens its own session and does its work in
// one managed transaction (retried by the driver on transient errors), or,
// for a read of one statement, in one auto-commit statement (readOne).
type Store struct {
	driver   neo4j.DriverWithContext
	database string
	// statements counts the Cypher statements sent (each at least one
	// round trip), for tests and benchmarks that check batching.
	statements atomic.Int64
}

// Statements returns how many Cypher statements the store has sent.
func (s *Store) Statements() int64 { return s.statements.Load() }

// countingTx counts the statements run in a managed transaction.
type countingTx struct {
	neo4j.ManagedTransaction
	n *atomic.Int64
}

func (t countingTx) Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error) {
	t.n.Add(1)
	return t.ManagedTransaction.Run(ctx, cypher, params)
}

// NewStore returns a Store over driver that names database in every session.
func NewStore(driver neo4j.DriverWithContext, database string) *Store {
	return &Store{driver: driver, database: database}
}

// Database is the name of the database the store works in.
func (s *Store) Database() string { return s.database }

func (s *Store) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.database, AccessMode: mode})
}

// read runs work in a read transaction of its own session, within ctx's
// WithDeadline deadline if it has one.
func read[T any](ctx context.Context, s *Store, op string, work func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	return inTransaction(ctx, s, op, neo4j.AccessModeRead, neo4j.ExecuteRead[T], work)
}

// write runs work in a write transaction of its own session, within ctx's
// WithDeadline deadline if it has one.
func write[T any](ctx context.Context, s *Store, op string, work func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	return inTransaction(ctx, s, op, neo4j.AccessModeWrite, neo4j.ExecuteWrite[T], work)
}

// inTransaction is read and write: work in a transaction of a session of
// its own, run by execute (neo4j.ExecuteRead or ExecuteWrite, which retry),
// with the time left before ctx's WithDeadline deadline as its timeout, its
// statements counted and its errors translated.
func inTransaction[T any](ctx context.Context, s *Store, op string, mode neo4j.AccessMode,
	execute func(context.Context, neo4j.SessionWithContext, neo4j.ManagedTransactionWorkT[T], ...func(*neo4j.TransactionConfig)) (T, error),
	work func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	cfg, err := txConfig(ctx)
	if err != nil {
		var zero T
		return zero, translate(op, err)
	}
	sess := s.session(ctx, mode)
	defer sess.Close(ctx)
	v, err := execute(ctx, sess, func(tx neo4j.ManagedTransaction) (T, error) {
		return work(countingTx{tx, &s.statements})
	}, cfg...)
	return v, translate(op, err)
}

// runner runs one Cypher statement: a managed transaction, or readOne's
// auto-commit runner.
type runner interface {
	Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error)
}

// errSecondStatement: work given to readOne ran a second statement. It is
// a mistake in this package (such work belongs in read), never the user's.
var errSecondStatement = errors.New("internal error: a second statement in a one-statement read (use read)")

// autoCommit is readOne's runner: one statement in an auto-commit
// transaction of sess.
type autoCommit struct {
	sess neo4j.SessionWithContext
	cfg  []func(*neo4j.TransactionConfig)
	n    *atomic.Int64
	res  neo4j.ResultWithContext
}

func (a *autoCommit) Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error) {
	if a.res != nil {
		return nil, errSecondStatement
	}
	a.n.Add(1)
	res, err := a.sess.Run(ctx, cypher, params, a.cfg...)
	if err != nil {
		return nil, err
	}
	a.res = res
	return res, nil
}

// readAttempts is how many times readOne tries a read that fails with an
// error Neo4j or the driver calls retryable, and readBackoff the wait
// before the second try (doubled each time after; none after a dead
// connection, as the next try takes another).
const (
	readAttempts = 5
	readBackoff  = 25 * time.Millisecond
)

// readOne is read for work that runs exactly one statement: it sends it as
// an auto-commit transaction, one round trip (RUN and PULL) where a managed
// transaction takes two (BEGIN, RUN and PULL, then COMMIT). A single
// statement reads one consistent snapshot either way. Like read, it gives
// the statement the time left before ctx's WithDeadline deadline as its
// timeout, counts it, retries retryable failures (in a new session each
// time, the timeout recomputed) and translates errors. Work that runs a
// second statement gets errSecondStatement.
func readOne[T any](ctx context.Context, s *Store, op string, work func(r runner) (T, error)) (T, error) {
	var zero T
	wait := readBackoff
	for attempt := 1; ; attempt++ {
		cfg, err := txConfig(ctx)
		if err != nil {
			return zero, translate(op, err)
		}
		v, err := autoCommitOnce(ctx, s, cfg, work)
		if err == nil {
			return v, nil
		}
		if !neo4j.IsRetryable(err) {
			return zero, translate(op, err)
		}
		if attempt == readAttempts {
			return zero, fmt.Errorf("%s: %w: gave up after %d attempts: %w", op, ErrUnavailable, attempt, err)
		}
		if neo4j.IsConnectivityError(err) {
			continue
		}
		select {
		case <-ctx.Done():
			return zero, translate(op, ctx.Err())
		case <-time.After(wait):
		}
		wait *= 2
	}
}

// autoCommitOnce is one attempt of readOne: a read session of its own,
// work, and the rest of work's result consumed so that an error at its end
// is not lost.
func autoCommitOnce[T any](ctx context.Context, s *Store, cfg []func(*neo4j.TransactionConfig), work func(r runner) (T, error)) (T, error) {
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	r := &autoCommit{sess: sess, cfg: cfg, n: &s.statements}
	v, err := work(r)
	if err == nil && r.res != nil {
		_, err = r.res.Consume(ctx)
	}
	if err != nil {
		var zero T
		return zero, err
	}
	return v, nil
}

const pingCypher = `RETURN 1 AS ok`

// Ping checks that the store's database answers a query.
func (s *Store) Ping(ctx context.Context) error {
	_, err := readOne(ctx, s, "ping", func(tx runner) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, pingCypher, nil)
	})
	return err
}

// exec runs cypher in tx and discards its records.
func exec(ctx context.Context, tx runner, cypher string, params map[string]any) error {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}
