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
	// ErrUnavailable: Neo4j cannot be reached or timed out.
	ErrUnavailable = errors.New("database unavailable")
)

// translate turns a driver error into one of the store's kinds, keeping the
// original for logs; what reaches a client is decided by the kind only.
func translate(op string, err error) error {
	if err == nil {
		return nil
	}
	for _, kind := range []error{ErrNotFound, ErrConflict, ErrInvalid, ErrUnavailable} {
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
	if neo4j.IsConnectivityError(err) {
		return fmt.Errorf("%s: %w: %w", op, ErrUnavailable, err)
	}
	return fmt.Errorf("%s: %w", op, err)
}
