package graph

import (
	"context"
	"errors"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// errNoRows: a query that should return one row returned none.
var errNoRows = errors.New("no rows")

// single runs cypher and converts the first value (a map) of its only row.
func single[T any](ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any, conv func(map[string]any) T) (T, error) {
	rows, err := collect(ctx, tx, cypher, params, conv)
	var zero T
	if err != nil {
		return zero, err
	}
	if len(rows) == 0 {
		return zero, errNoRows
	}
	return rows[0], nil
}

// keyBy maps items by key.
func keyBy[T any](items []T, key func(T) string) map[string]T {
	m := make(map[string]T, len(items))
	for _, it := range items {
		m[key(it)] = it
	}
	return m
}

// label is a node label; only the constants below exist, so no client
// string ever becomes a label.
type label int

const (
	personLabel label = iota
	skillLabel
	organizationLabel
	goalLabel
)

var existsCypher = map[label]string{
	personLabel:       `RETURN EXISTS { MATCH (:Person {id: $id}) } AS found`,
	skillLabel:        `RETURN EXISTS { MATCH (:Skill {id: $id}) } AS found`,
	organizationLabel: `RETURN EXISTS { MATCH (:Organization {id: $id}) } AS found`,
	goalLabel:         `RETURN EXISTS { MATCH (:Goal {id: $id}) } AS found`,
}

var labelNoun = map[label]string{personLabel: "person", skillLabel: "skill", organizationLabel: "organization", goalLabel: "goal"}

// ref names a node an input refers to, and the input field naming it.
type ref struct {
	label label
	id    string
	field string
}

// requireAll returns ErrNotFound naming the first ref that does not exist.
func requireAll(ctx context.Context, tx neo4j.ManagedTransaction, refs ...ref) error {
	for _, r := range refs {
		res, err := tx.Run(ctx, existsCypher[r.label], map[string]any{"id": r.id})
		if err != nil {
			return err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return err
		}
		if found, _ := rec.Values[0].(bool); !found {
			return &kindError{ErrNotFound, "no " + labelNoun[r.label] + " with id " + quote(r.id) + " (" + r.field + ")"}
		}
	}
	return nil
}

// isConstraintViolation reports whether err is a uniqueness violation.
func isConstraintViolation(err error) bool {
	var n4j *neo4j.Neo4jError
	return errors.As(err, &n4j) && n4j.Code == "Neo.ClientError.Schema.ConstraintValidationFailed"
}
