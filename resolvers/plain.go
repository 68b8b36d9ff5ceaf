package resolvers

import (
	"io"
	"math"
	"strconv"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
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
// Lists of such objects are written whole in the same way: one buffer for
// the list, where gqlgen gives each element a field context, a buffer and
// a recover.
//
// The writer takes the same collected fields as gqlgen (graphql.CollectFields,
// so aliases, fragments, @skip and @include mean the same), collected once
// per selection set and buffer (plainBuffer.collect) rather than once per
// object. It writes strings, IDs, ints, booleans and enums whose marshal
// function is gqlgen's MarshalString, MarshalID, MarshalInt or
// MarshalBoolean straight into the buffer with the same bytes (quoted, int,
// boolean; no Marshaler allocated for each), and other scalars with their
// marshal functions: the same bytes gqlgen would write. It gives up, and gqlgen marshals the object as before, when
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

// plainBuffer collects the JSON of one object's selection, or of one list
// of objects.
type plainBuffer struct {
	b []byte
	// collected are the selections collect has collected: the elements of
	// a list, and the objects under them, share a handful of selections.
	collected []collectedSelection
}

// collectedSelection is one selection set and what collect made of it.
type collectedSelection struct {
	first        *ast.Selection
	n            int
	implementors *string
	fields       []graphql.CollectedField
}

// collect returns graphql.CollectFields(oc, sel, implementors), collecting
// each selection set once per buffer. The fields only depend on the
// selection set, the implementors and the operation's variables (@skip,
// @include), the same for every object written into one buffer. A
// selection set is known by its first element's address and its length:
// the query document holds it and no two selection sets share elements.
func (w *plainBuffer) collect(oc *graphql.OperationContext, sel ast.SelectionSet, implementors []string) []graphql.CollectedField {
	if len(sel) == 0 || len(implementors) == 0 {
		return graphql.CollectFields(oc, sel, implementors)
	}
	for _, c := range w.collected {
		if c.first == &sel[0] && c.n == len(sel) && c.implementors == &implementors[0] {
			return c.fields
		}
	}
	fields := graphql.CollectFields(oc, sel, implementors)
	w.collected = append(w.collected, collectedSelection{first: &sel[0], n: len(sel), implementors: &implementors[0], fields: fields})
	return fields
}

// quoted writes s as a JSON string, escaped as gqlgen's graphql.MarshalString
// escapes it (the same bytes).
func (w *plainBuffer) quoted(s string) {
	const hex = "0123456789ABCDEF"
	w.b = append(w.b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '\\' && c != '"' {
			continue
		}
		w.b = append(w.b, s[start:i]...)
		switch c {
		case '\t':
			w.b = append(w.b, '\\', 't')
		case '\r':
			w.b = append(w.b, '\\', 'r')
		case '\n':
			w.b = append(w.b, '\\', 'n')
		case '\\', '"':
			w.b = append(w.b, '\\', c)
		default:
			w.b = append(w.b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		start = i + 1
	}
	w.b = append(w.b, s[start:]...)
	w.b = append(w.b, '"')
}

// int writes i as graphql.MarshalInt does.
func (w *plainBuffer) int(i int) { w.b = strconv.AppendInt(w.b, int64(i), 10) }

// boolean writes v as graphql.MarshalBoolean does.
func (w *plainBuffer) boolean(v bool) { w.b = strconv.AppendBool(w.b, v) }

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
