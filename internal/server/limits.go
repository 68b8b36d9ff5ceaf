package server

import (
	"context"
	"crypto/sha256"
	"fmt"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/mentorgraph/mentorgraph/resolvers"
)

// Limits bound what one GraphQL request may ask for. A limit of 0 or less
// is no limit (cmd/mentorgraph accepts only positive values, except for
// MaxInFlight).
type Limits struct {
	// MaxDepth is the deepest field nesting a query may have.
	MaxDepth int
	// MaxComplexity caps the query's cost (complexity.go): list fields
	// weigh their `first`/`limit` argument times the cost of their
	// children, network questions what their search may visit.
	MaxComplexity int
	// MaxNetworkQuestions caps the network questions (findMentors,
	// referralPaths, …; networkQuestions) one request asks, counted as
	// written before validation (documentCheck): one per alias, fragments
	// expanded, @skip and @include not applied.
	MaxNetworkQuestions int
	// MaxSelections caps the fields a query document expands to, with its
	// fragments spread where they are used. It is checked before gqlgen
	// parses and validates the document (documentCheck), in time linear in
	// its size: fragments spread inside fragments multiply.
	MaxSelections int
	// MaxBodyBytes caps a request's body (HTTP 413, REQUEST_TOO_LARGE).
	// A GET request's query is bounded by the server's MaxHeaderBytes.
	MaxBodyBytes int
	// BodyReadTimeout bounds the time to receive a request's body (HTTP
	// 408, REQUEST_TIMEOUT). The request waits for a turn (MaxInFlight)
	// only once its body is in.
	BodyReadTimeout time.Duration
	// MaxResponseBytes caps an answer: a bigger one is replaced by a
	// RESPONSE_TOO_LARGE error.
	MaxResponseBytes int
	// Timeout bounds the time one request may take.
	Timeout time.Duration
	// MaxInFlight caps the requests worked on at once (0: no cap). More
	// wait, holding only their connection and their body, until one is
	// done or their Timeout passes (then: 503, UNAVAILABLE). A request in
	// flight holds its query, its answer and a Neo4j connection; this
	// keeps memory from growing with the number of clients asking at once.
	MaxInFlight int
}

// DefaultLimits are the limits used when the server is not told otherwise.
// MaxInFlight matches the driver's default connection pool (100): more
// requests at once would only wait there, holding what they have read.
// MaxResponseBytes is about 5 times the largest neighbourhood answer (2,000
// people and their 6,000–9,000 links: 0.6 MB with ids and names, 1.7 MB
// with names on the links and more about each person, on a seeded
// network of 10k people); a neighbourhood of 200 people is about 40 KB.
// 100 requests in flight then hold at most 800 MiB of answers.
var DefaultLimits = Limits{
	MaxDepth:            12,
	MaxComplexity:       50000,
	MaxNetworkQuestions: 10,
	MaxSelections:       5000,
	MaxBodyBytes:        1 << 20,
	BodyReadTimeout:     10 * time.Second,
	MaxResponseBytes:    8 << 20,
	Timeout:             30 * time.Second,
	MaxInFlight:         100,
}

// Codes of extensions.code for requests refused by a limit of their size
// (the others answer BAD_USER_INPUT, or gqlgen's COMPLEXITY_LIMIT_EXCEEDED).
const (
	CodeRequestTooLarge  = "REQUEST_TOO_LARGE"
	CodeRequestTimeout   = "REQUEST_TIMEOUT"
	CodeResponseTooLarge = "RESPONSE_TOO_LARGE"
)

// limitError is a refusal by a limit, with its code.
func limitError(code, format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf(format, args...)
	errcode.Set(err, code)
	return err
}

// documentCheck looks at a query document before gqlgen parses and
// validates it (an OperationParameterMutator, installed after the
// automatic persisted queries extension, which fills in the query):
//
//   - the fields it expands to, each fragment spread where it is used,
//     must be at most max. Fragments that spread the one before ten times,
//     eight deep, make a document of under a kilobyte that expands to
//     10^8 fields; gqlgen's complexity and our depth limit walk every one
//     of them (seconds of CPU) before refusing it. Here each fragment is
//     counted once (memoized), so the check takes time linear in the
//     document's size.
//   - operationName must name one of its operations, and must be given
//     when it has several (gqlgen would answer "operation  not found").
//
// A document that does not parse is left to gqlgen, which says where. A
// document that passes is remembered (by the SHA-256 of its text, in a
// small LRU, with its operations' names) so a repeated query is not parsed
// twice; the hash keeps the LRU small whatever the documents' size.
type documentCheck struct {
	max          int
	maxQuestions int
	accepted     *lru.LRU[[]operationSummary]
}

// operationSummary is what documentCheck remembers of an operation of an
// accepted document: its name and the network questions it asks.
type operationSummary struct {
	name      string
	questions []string
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = documentCheck{}

func newDocumentCheck(maxSelections, maxQuestions int) documentCheck {
	return documentCheck{max: maxSelections, maxQuestions: maxQuestions, accepted: lru.New[[]operationSummary](1000)}
}

func (documentCheck) ExtensionName() string                   { return "DocumentCheck" }
func (documentCheck) Validate(graphql.ExecutableSchema) error { return nil }

func (d documentCheck) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	sum := sha256.Sum256([]byte(p.Query))
	key := string(sum[:])
	operations, ok := d.accepted.Get(ctx, key)
	if !ok {
		doc, err := parser.ParseQuery(&ast.Source{Input: p.Query})
		if err != nil {
			return nil
		}
		if d.max > 0 {
			if n := expandedFields(doc); n > d.max {
				return limitError(resolvers.CodeBadUserInput,
					"the query expands to more than %d fields (fragments spread inside fragments); the limit is %d", d.max, d.max)
			}
		}
		operations = make([]operationSummary, len(doc.Operations))
		for i, op := range doc.Operations {
			operations[i] = operationSummary{name: op.Name, questions: askedQuestions(doc, op)}
		}
		d.accepted.Add(ctx, key, operations)
	}
	names := make([]string, len(operations))
	for i, op := range operations {
		names[i] = op.name
	}
	if err := checkOperationName(names, p.OperationName); err != nil {
		return err
	}
	for _, op := range operations {
		if len(operations) == 1 || op.name == p.OperationName {
			return d.checkQuestions(op.questions)
		}
	}
	return nil
}

// checkOperationName refuses an operationName that names none of the
// document's operations, or none given for a document of several (all
// named: an anonymous one among others is left to validation, which says
// so).
func checkOperationName(operations []string, name string) *gqlerror.Error {
	var named []string
	for _, op := range operations {
		if op != "" {
			named = append(named, op)
		}
	}
	switch {
	case name == "" && len(operations) > 1 && len(named) == len(operations):
		return limitError(errcode.ValidationFailed,
			"the document has %d operations (%s); say which to run with operationName", len(operations), strings.Join(named, ", "))
	case name != "" && len(operations) > 0 && !contains(operations, name):
		has := strings.Join(named, ", ")
		if len(named) < len(operations) {
			has = strings.Join(append(named, "an anonymous one"), ", ")
		}
		return limitError(errcode.ValidationFailed,
			"no operation named %q in the document (it has %s)", clip(name), has)
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// expandedFields counts the fields doc's operations expand to, each
// fragment spread where it is used (type conditions, @skip and @include
// ignored: an upper bound), saturating at resolvers.CostCap. Each fragment is
// counted once; a fragment spread inside itself (which validation
// refuses) counts 0 there.
func expandedFields(doc *ast.QueryDocument) int {
	fragments := make(map[string]*ast.FragmentDefinition, len(doc.Fragments))
	for _, f := range doc.Fragments {
		if _, dup := fragments[f.Name]; !dup {
			fragments[f.Name] = f
		}
	}
	counted := map[string]int{}
	counting := map[string]bool{}
	var fields func(ast.SelectionSet) int
	fields = func(set ast.SelectionSet) int {
		n := 0
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				n = satAdd(n, satAdd(1, fields(s.SelectionSet)))
			case *ast.InlineFragment:
				n = satAdd(n, fields(s.SelectionSet))
			case *ast.FragmentSpread:
				c, done := counted[s.Name]
				if !done {
					f := fragments[s.Name]
					if f == nil || counting[s.Name] {
						continue
					}
					counting[s.Name] = true
					c = fields(f.SelectionSet)
					delete(counting, s.Name)
					counted[s.Name] = c
				}
				n = satAdd(n, c)
			}
		}
		return n
	}
	total := 0
	for _, op := range doc.Operations {
		total = satAdd(total, fields(op.SelectionSet))
	}
	return total
}

// satAdd is a + b, both at least 0, saturating at resolvers.CostCap (as
// the cost functions do).
func satAdd(a, b int) int { return min(a+b, resolvers.CostCap) }

// networkQuestions are the Query fields that search the network: each
// asks Neo4j for a traversal (milliseconds to seconds).
var networkQuestions = []string{"findMentors", "mentorBoard", "neighborhood", "referralPaths", "lineage", "coverageGaps", "successors"}

// askedQuestions lists the network questions a query operation asks, one
// per response key (alias or name) at its top level, fragments and inline
// fragments spread where they are used. @skip and @include are not
// applied: a question written in the query counts. It is linear in the
// operation's top level (gqlgen's CollectFields, which applies the
// directives, compares every field with those before it: 8 ms for 1,000
// aliases).
func askedQuestions(doc *ast.QueryDocument, op *ast.OperationDefinition) []string {
	if op.Operation != ast.Query {
		return nil
	}
	keys := map[string]bool{}
	spread := map[string]bool{}
	var asked []string
	var walk func(ast.SelectionSet)
	walk = func(set ast.SelectionSet) {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				key := s.Alias
				if key == "" {
					key = s.Name
				}
				if contains(networkQuestions, s.Name) && !keys[key] {
					keys[key] = true
					asked = append(asked, s.Name)
				}
			case *ast.InlineFragment:
				walk(s.SelectionSet)
			case *ast.FragmentSpread:
				if f := doc.Fragments.ForName(s.Name); f != nil && !spread[s.Name] {
					spread[s.Name] = true
					walk(f.SelectionSet)
				}
			}
		}
	}
	walk(op.SelectionSet)
	return asked
}

// checkQuestions refuses an operation that asks more than d.maxQuestions
// network questions, naming them.
func (d documentCheck) checkQuestions(asked []string) *gqlerror.Error {
	if d.maxQuestions <= 0 || len(asked) <= d.maxQuestions {
		return nil
	}
	count := map[string]int{}
	var order []string
	for _, name := range asked {
		if count[name] == 0 {
			order = append(order, name)
		}
		count[name]++
	}
	parts := make([]string, len(order))
	for i, name := range order {
		parts[i] = name
		if count[name] > 1 {
			parts[i] = fmt.Sprintf("%s ×%d", name, count[name])
		}
	}
	return limitError(resolvers.CodeBadUserInput, "the request asks %d network questions (%s); the limit is %d per request",
		len(asked), strings.Join(parts, ", "), d.maxQuestions)
}
