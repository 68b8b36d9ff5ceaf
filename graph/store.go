package graph

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/db"
)

// Store reads and writes the mentor graph in one Neo4j database. It is safe
// for concurrent use; each method opens its own session and does its work in
// one managed transaction (retried by the driver on transient errors).
type Store struct {
	driver   neo4j.DriverWithContext
	database string
	// statements counts the Cypher statements sent (each at least one
	// round trip), for tests and benchmarks that check batching;
	// transactions the transactions they were sent in (each attempt), and
	// retries the attempts after a transaction's first.
	statements, transactions, retries atomic.Int64
	// open counts the transactions under way (each holds a driver
	// connection while it runs).
	open atomic.Int64
	// writes counts the write transactions run to their end (committed,
	// rolled back or failed): what the kept coverage reports are stamped
	// with (coverage_cache.go).
	writes atomic.Int64
	// coverage keeps the coverage reports computed.
	coverage *coverageCache
}

// OpenTransactions returns how many transactions are under way: each holds
// one of the driver's connections (the driver exposes no pool figures).
func (s *Store) OpenTransactions() int64 { return s.open.Load() }

type statementCountKey struct{}

// WithStatementCount returns ctx whose store calls also add each statement
// they send to n (the statements of one request, for its metrics).
func WithStatementCount(ctx context.Context, n *atomic.Int64) context.Context {
	return context.WithValue(ctx, statementCountKey{}, n)
}

// Statements returns how many Cypher statements the store has sent.
func (s *Store) Statements() int64 { return s.statements.Load() }

// Transactions returns how many transactions the store has run (a retried
// one counts each attempt).
func (s *Store) Transactions() int64 { return s.transactions.Load() }

// Retries returns how many of those transactions were attempts after a
// transaction's first (the driver retries after a transient error, such
// as a deadlock, and waits a second or more first).
func (s *Store) Retries() int64 { return s.retries.Load() }

// ranStatement, when set (by the package's tests, before any store runs),
// is told every statement sent: each must have a golden file
// (testdata/cypher).
var ranStatement func(cypher string)

// countingTx counts the statements run in a managed transaction, and
// gives each the parameters of the audience it answers ($audiencePerson,
// $audienceMember, $audienceAdmin: see Audience), so that no statement
// can be sent without them.
type countingTx struct {
	neo4j.ManagedTransaction
	n        *atomic.Int64
	audience map[string]any
}

func (t countingTx) Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error) {
	t.n.Add(1)
	if n, ok := ctx.Value(statementCountKey{}).(*atomic.Int64); ok {
		n.Add(1)
	}
	if ranStatement != nil {
		ranStatement(cypher)
	}
	with := make(map[string]any, len(params)+len(t.audience))
	for k, v := range params {
		with[k] = v
	}
	for k, v := range t.audience {
		if _, taken := params[k]; taken {
			// A statement's own parameter must never be overridden by
			// the audience's (nor the audience by it).
			return nil, fmt.Errorf("statement parameter $%s is reserved for the audience", k)
		}
		with[k] = v
	}
	ctx, end := traceStatement(ctx, cypher)
	res, err := t.ManagedTransaction.Run(ctx, cypher, with)
	end(err)
	return res, err
}

// NewStore returns a Store over driver that names database in every session.
func NewStore(driver neo4j.DriverWithContext, database string) *Store {
	return &Store{driver: driver, database: database, coverage: newCoverageCache()}
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
//
// A write also guards the outcome it reports:
//   - with a WithDeadline deadline, an attempt does not start, and its work
//     does not go on to commit, when less than the commit reserve is left
//     (deadline.commitReserve): it returns errTooLateToCommit, which the
//     driver does not retry, and the driver rolls the transaction back. So
//     a write that answers "took too long" was not stored, and a write is
//     not stored after its request answered.
//   - once an attempt's work has returned (the driver then sends COMMIT),
//     a failure that is not Neo4j's answer (a *db.Neo4jError: Neo4j
//     answered and rolled back) leaves the outcome unknown: the connection
//     was lost, or ctx cancelled, while Neo4j may have committed. That is
//     ErrOutcomeUnknown, never ErrUnavailable (which promises nothing was
//     written).
func inTransaction[T any](ctx context.Context, s *Store, op string, mode neo4j.AccessMode,
	execute func(context.Context, neo4j.SessionWithContext, neo4j.ManagedTransactionWorkT[T], ...func(*neo4j.TransactionConfig)) (T, error),
	work func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	var zero T
	cfg, err := txConfig(ctx)
	if err != nil {
		return zero, translate(op, err)
	}
	dl, hasDeadline := deadlineOf(ctx)
	guarded := mode == neo4j.AccessModeWrite && hasDeadline
	tooLate := func() bool { return guarded && time.Until(dl.at) < dl.commitReserve() }
	if tooLate() {
		return zero, fmt.Errorf("%s: %w", op, errTooLateToCommit)
	}
	// committing is set when the last attempt's work returned, that is
	// when the driver went on to send COMMIT. The driver calls the
	// function on this goroutine, one attempt after the other.
	committing, attempted := false, false
	// commits (WithCommitsUnderWay) counts this write from its first
	// commit until the driver returns.
	commits, _ := ctx.Value(commitsKey{}).(*atomic.Int32)
	counted := false
	defer func() {
		if counted {
			commits.Add(-1)
		}
	}()
	audience := AudienceOf(ctx).params()
	if mode == neo4j.AccessModeWrite {
		// Raised once the transaction has ended: a report stamped with
		// the count before the raise either began after the commit (and
		// holds the write) or is stale.
		defer s.writes.Add(1)
	}
	s.open.Add(1)
	defer s.open.Add(-1)
	sess := s.session(ctx, mode)
	defer sess.Close(ctx)
	v, err := execute(ctx, sess, func(tx neo4j.ManagedTransaction) (v T, err error) {
		committing = false
		s.transactions.Add(1)
		if attempted { // a retry: the driver runs the function again
			s.retries.Add(1)
		}
		attempted = true
		if tooLate() {
			return zero, errTooLateToCommit
		}
		defer recoverMissingValue(&err)
		v, err = work(countingTx{tx, &s.statements, audience})
		if err != nil {
			return v, err
		}
		if tooLate() {
			return zero, errTooLateToCommit
		}
		committing = mode == neo4j.AccessModeWrite
		if committing && commits != nil && !counted {
			commits.Add(1)
			counted = true
		}
		return v, nil
	}, cfg...)
	if err != nil && committing && !answeredByNeo4j(err) {
		return zero, fmt.Errorf("%s: %w: %w", op, ErrOutcomeUnknown, err)
	}
	return v, translate(op, err)
}

// errTooLateToCommit stops a write that has less than its commit reserve
// left before its deadline (see CommitReserve); the driver rolls it back.
var errTooLateToCommit = &kindError{ErrUnavailable, "the request took too long: too little time was left to commit the change, so it was not saved"}

// answeredByNeo4j reports whether err is an answer of Neo4j (a
// *db.Neo4jError), possibly the last error of the driver's retries.
func answeredByNeo4j(err error) bool {
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) && len(limit.Errors) > 0 {
		err = limit.Errors[len(limit.Errors)-1]
	}
	var n4j *db.Neo4jError
	return errors.As(err, &n4j)
}

const pingCypher = `RETURN 1 AS ok`

// Ping checks that the store's database answers a query.
func (s *Store) Ping(ctx context.Context) error {
	_, err := read(ctx, s, "ping", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, pingCypher, nil)
	})
	return err
}

// exec runs cypher in tx and discards its records.
func exec(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) error {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}
