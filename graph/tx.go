package graph

import (
	"context"
	"errors"
	"slices"

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

// lockNodesCypher takes the write lock of the nodes with the ids in $ids,
// one statement per label, in the order of $ids. Setting and removing a
// property is a write, so Neo4j takes the node's exclusive lock, and it
// leaves the node as it was (Neo4j's documented way to lock a node from
// Cypher; the Operations Manual, "Concurrent data access").
var lockNodesCypher = map[label]string{
	personLabel:       `UNWIND $ids AS id MATCH (n:Person {id: id}) SET n._lock = true REMOVE n._lock`,
	skillLabel:        `UNWIND $ids AS id MATCH (n:Skill {id: id}) SET n._lock = true REMOVE n._lock`,
	organizationLabel: `UNWIND $ids AS id MATCH (n:Organization {id: id}) SET n._lock = true REMOVE n._lock`,
	goalLabel:         `UNWIND $ids AS id MATCH (n:Goal {id: id}) SET n._lock = true REMOVE n._lock`,
}

// lockNodes write-locks the nodes of label l with these ids until tx ends;
// ids that name nothing are skipped (requireAll, after it, says so).
//
// Neo4j reads committed data: a check such as "no link between a and b
// yet" followed by a CREATE, even in one statement, lets two transactions
// both pass the check and both create. Every write that creates a link
// which must be unique, or that checks a count (a mentor's capacity),
// first locks the link's end nodes with lockNodes, before it reads what it
// checks: a second transaction about the same nodes waits for the first to
// end and then reads what it committed. The ids are locked in sorted
// order, and callers lock people before organizations, so two
// transactions lock the nodes they share in the same order and do not
// deadlock on them (should one still happen, Neo4j detects it and the
// driver retries the transaction).
func lockNodes(ctx context.Context, tx neo4j.ManagedTransaction, l label, ids ...string) error {
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	return exec(ctx, tx, lockNodesCypher[l], map[string]any{"ids": slices.Compact(sorted)})
}

// isConstraintViolation reports whether err is a uniqueness violation.
func isConstraintViolation(err error) bool {
	var n4j *neo4j.Neo4jError
	return errors.As(err, &n4j) && n4j.Code == "Neo.ClientError.Schema.ConstraintValidationFailed"
}
