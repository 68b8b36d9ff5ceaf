package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/db"
)

// Error kinds the store returns, wrapped with context. The GraphQL layer maps
// each kind to an extensions.code in one place.
var (
	// ErrNotFound: an id names nothing.
	ErrNotFound = errors.New("not found")
	// ErrConflict: the write contradicts what is stored (a duplicate id, a
	// link that already exists).
	ErrConflict = errors.New("conflict")
	// ErrInvalid: the input breaks a rule of the model.
	ErrInvalid = errors.New("invalid input")
	// ErrUnavailable: Neo4j cannot be reached or timed out; nothing was
	// written.
	ErrUnavailable = errors.New("database unavailable")
	// ErrCapacityFull: a new active mentorship would take a mentor past
	// their mentorCapacity. The error is a *CapacityError.
	ErrCapacityFull = errors.New("mentor capacity full")
	// ErrOutcomeUnknown: the connection to Neo4j was lost after a write
	// transaction was sent to commit and before Neo4j answered, so the write
	// may or may not be stored. Every write that can end this way is
	// idempotent: repeating it is safe.
	ErrOutcomeUnknown = errors.New("outcome unknown")
)

// kindError is an error of one kind with a message written for people.
type kindError struct {
	kind error
	msg  string
}

func (e *kindError) Error() string { return e.msg }
func (e *kindError) Unwrap() error { return e.kind }

// CapacityError says that a mentor has no open slot for a new active
// mentorship: Active mentees already reach Capacity. It is an
// ErrCapacityFull.
type CapacityError struct {
	Mentor   string
	Capacity int
	Active   int
}

func (e *CapacityError) Error() string {
	return fmt.Sprintf("mentor %s has no open slot: capacity %d, %d active mentees", quote(e.Mentor), e.Capacity, e.Active)
}

// Unwrap makes every CapacityError an ErrCapacityFull.
func (e *CapacityError) Unwrap() error { return ErrCapacityFull }

// notFound says that what format names does not exist.
func notFound(format string, args ...any) error {
	return &kindError{ErrNotFound, message(format, args...)}
}

// conflict says that the write contradicts what is stored.
func conflict(format string, args ...any) error {
	return &kindError{ErrConflict, message(format, args...)}
}

// InputError is bad input: Field is the argument path that is wrong (e.g.
// "input.level"), Msg says what is wrong in words a person can act on.
type InputError struct {
	Field string
	Msg   string
}

func (e *InputError) Error() string { return e.Msg }

// Unwrap makes every InputError an ErrInvalid.
func (e *InputError) Unwrap() error { return ErrInvalid }

// invalid returns an InputError for field.
func invalid(field, format string, args ...any) error {
	return &InputError{Field: field, Msg: message(format, args...)}
}

// Message returns the part of err written for people: the message of its
// kind (what is not found, what conflicts, what is invalid), without the
// operation context added for logs. Errors of no known kind give "".
func Message(err error) string {
	var ke *kindError
	if errors.As(err, &ke) {
		return ke.msg
	}
	var ie *InputError
	if errors.As(err, &ie) {
		return ie.Msg
	}
	var ce *CapacityError
	if errors.As(err, &ce) {
		return ce.Error()
	}
	var n4j *db.Neo4jError
	if errors.As(err, &n4j) && errors.Is(err, ErrConflict) {
		return "the change conflicts with stored data (an id that is already taken)"
	}
	return ""
}

// translate turns a driver error into one of the store's kinds, keeping the
// original for logs; what reaches a client is decided by the kind only.
func translate(op string, err error) error {
	if err == nil {
		return nil
	}
	for _, kind := range []error{ErrNotFound, ErrConflict, ErrInvalid, ErrUnavailable, ErrCapacityFull, ErrOutcomeUnknown} {
		if errors.Is(err, kind) {
			return err
		}
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s: %w: %w", op, ErrUnavailable, err)
	}
	var n4j *db.Neo4jError
	if errors.As(err, &n4j) {
		switch {
		case n4j.Code == "Neo.ClientError.Schema.ConstraintValidationFailed":
			return fmt.Errorf("%s: %w: %w", op, ErrConflict, err)
		case n4j.Code == "Neo.ClientError.Transaction.TransactionTimedOut",
			n4j.Code == "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
			n4j.Code == "Neo.TransientError.General.MemoryPoolOutOfMemoryError":
			return fmt.Errorf("%s: %w: %w", op, ErrUnavailable, err)
		}
	}
	// The driver gave up retrying (Neo4j kept failing, or the request's
	// deadline passed between attempts).
	if neo4j.IsConnectivityError(err) || neo4j.IsTransactionExecutionLimit(err) {
		return fmt.Errorf("%s: %w: %w", op, ErrUnavailable, err)
	}
	return fmt.Errorf("%s: %w", op, err)
}
