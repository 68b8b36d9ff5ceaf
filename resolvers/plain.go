package resolvers

import (
	"io"
	"math"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
)

// Plain writing: the object marshallers gqlgen generates first try a
// writer of the object's plain fields (plain_gen.go, written by
// resolvers/internal/generate), which writes the selection straight into
// JSON.
//
// A plain field is one gqlgen reads off the Go value: a struct field, or a
// method taking no context and returning no error, with no arguments and no
// directives, whose type is a scalar, an enum, an object or a list of them.
// No resolver runs under it, so nothing can observe its field context, and
// none can fail except by a null where the schema allows none. gqlgen still
// builds a field context, a context, two closures and a boxed result for
// each one, about seven allocations a field: most of the cost of answering
// a findMentors page (20 matches of 30 fields each) or a neighbourhood.
//
// The writer takes the same collected fields as gqlgen (graphql.CollectFields,
// so aliases, fragments, @skip and @include mean the same), writes scalars
// and enums with the same marshal functions, and writes the same bytes
// gqlgen would. It gives up, and gqlgen marshals the object as before, when
// the selection holds a field that is not plain (a resolver, __typename
// aside), a deferred fragment, or a null (or a value gqlgen marshals as
// null: a zero time, a NaN or infinite float) where the schema allows none:
// gqlgen then reports the error at its path, as it always did. Field
// interceptors (handler.Server.AroundFields) do not see plain fields; this
// server installs none.
//
// TestPlainWritingMatchesGqlgen checks the bytes against gqlgen's own.

// plainWriting switches plain writing on; tests switch it off to compare.
var plainWriting = true

// plainWrites counts the objects plain writers have written (for tests).
var plainWrites atomic.Int64

// plainBuffer collects the JSON of one object's selection.
type plainBuffer struct {
	b []byte
}

func newPlainBuffer() *plainBuffer { return &plainBuffer{b: make([]byte, 0, 256)} }

// Write appends p (plainBuffer is the io.Writer the marshal functions
// write to).
func (w *plainBuffer) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

// WriteString appends s.
func (w *plainBuffer) WriteString(s string) (int, error) {
	w.b = append(w.b, s...)
	return len(s), nil
}

func (w *plainBuffer) openObject()  { w.b = append(w.b, '{') }
func (w *plainBuffer) closeObject() { w.b = append(w.b, '}') }
func (w *plainBuffer) openList()    { w.b = append(w.b, '[') }
func (w *plainBuffer) closeList()   { w.b = append(w.b, ']') }

// comma separates the i-th element of a list from the one before.
func (w *plainBuffer) comma(i int) {
	if i > 0 {
		w.b = append(w.b, ',')
	}
}

// key writes the i-th key of an object. Keys are aliases (or field
// names), GraphQL names, which need no escaping.
func (w *plainBuffer) key(i int, alias string) {
	w.comma(i)
	w.b = append(w.b, '"')
	w.b = append(w.b, alias...)
	w.b = append(w.b, '"', ':')
}

// marshaler returns the written JSON as a graphql.Marshaler.
func (w *plainBuffer) marshaler() graphql.Marshaler {
	plainWrites.Add(1)
	return plainJSON(w.b)
}

// plainJSON is JSON written by a plain writer.
type plainJSON []byte

// MarshalGQL writes the JSON.
func (p plainJSON) MarshalGQL(w io.Writer) { _, _ = w.Write(p) }

// plainBadFloat reports whether gqlgen refuses to marshal f (it writes null
// and reports an error).
func plainBadFloat(f float64) bool { return math.IsNaN(f) || math.IsInf(f, 0) }
