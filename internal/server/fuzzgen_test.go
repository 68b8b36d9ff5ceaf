package server_test

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/internal/server"
)

// The request generator of FuzzGeneratedRequests: from the fuzzer's bytes
// (its only source of randomness, so an input always makes the same
// request) it writes a GraphQL request shaped by the executable schema:
// random fields to a random depth, arguments of the right type and of the
// wrong one, values at and past their ranges, aliases, named and inline
// fragments (some spreading others many times), variables declared with
// the right type and the wrong one and sent right or wrong JSON values,
// and bodies padded to the body size limit. Along the way it counts what
// the limits count (depth, fields once fragments are spread, network
// questions, body bytes), so the test knows which limit the request
// passes and which it exceeds.

// entropy hands out the fuzzer's bytes as choices; past the end every
// choice is 0, which always means "stop" or "the plain option", so every
// input makes a finite request.
type entropy struct {
	b []byte
	i int
}

func (e *entropy) byte() byte {
	if e.i >= len(e.b) {
		return 0
	}
	c := e.b[e.i]
	e.i++
	return c
}

// intn is a choice in [0, n).
func (e *entropy) intn(n int) int {
	switch {
	case n <= 1:
		return 0
	case n <= 256:
		return int(e.byte()) % n
	default:
		return (int(e.byte())<<8 | int(e.byte())) % n
	}
}

// oneIn is true one time in n (never once the bytes are used up).
func (e *entropy) oneIn(n int) bool { return e.intn(n) == n-1 }

// argRange is the range the server accepts for an Int argument (graph's
// checks, stated in the schema's descriptions); a value outside it must be
// refused.
type argRange struct{ lo, hi int }

// argRanges maps "Type.field(arg)", or "*(arg)" for every field's argument
// of that name, to its range.
var argRanges = map[string]argRange{
	"*(first)":                     {1, graph.MaxPageSize},
	"Person.connections(first)":    {1, graph.MaxConnections},
	"Query.findMentors(maxHops)":   {1, graph.MaxReachHops},
	"Query.mentorBoard(maxHops)":   {1, graph.MaxReachHops},
	"Query.neighborhood(depth)":    {1, graph.MaxNeighborhoodDepth},
	"Query.neighborhood(limit)":    {1, graph.MaxNeighborhoodLimit},
	"Query.referralPaths(maxHops)": {1, graph.MaxReferralHops},
	"Query.referralPaths(k)":       {1, graph.MaxReferralPaths},
	"Query.lineage(depth)":         {1, graph.MaxLineageDepth},
	"Query.coverageGaps(maxHops)":  {1, graph.MaxCoverageHops},
}

func rangeOf(typ, field, arg string) (argRange, bool) {
	if r, ok := argRanges[typ+"."+field+"("+arg+")"]; ok {
		return r, true
	}
	r, ok := argRanges["*("+arg+")"]
	return r, ok
}

// networkQuestionFields are the Query fields MaxNetworkQuestions counts
// (the API's documented list: the questions that search the network).
var networkQuestionFields = map[string]bool{
	"findMentors": true, "mentorBoard": true, "neighborhood": true, "referralPaths": true,
	"lineage": true, "coverageGaps": true, "successors": true,
}

// generated is a request and what the generator knows about it.
type generated struct {
	body     []byte
	query    string
	mutation bool
	// depth is the operation's deepest field nesting, fragments counted
	// where they are spread; fields what its document expands to;
	// questions the network questions it asks (0 for a mutation).
	depth, fields, questions int
	// wrong: some value or variable is of the wrong type, a required
	// argument is missing or an unknown one given: the request must be
	// refused before it runs.
	wrong bool
	// bomb: the query asks for a page of 100 people with 500
	// connections each (and their skills): far past MaxComplexity.
	bomb bool
	// past are the response paths (keys from the root) of fields given an
	// argument outside its range: none of them may answer data.
	past [][]string
	// rootPast: a field at the root (always run) has such an argument, so
	// the answer must carry an error.
	rootPast bool
}

// setInfo is what the generator knows of a selection set it wrote.
type setInfo struct {
	text      string
	depth     int // deepest field nesting below (1 for leaves only)
	fields    int // fields, fragments expanded
	questions map[string]bool
	past      [][]string // relative response paths
	rootPast  bool       // a field of this set itself (not skipped) has a past argument
}

// fragment is a named fragment the generator defined.
type fragment struct {
	name, on string
	info     setInfo
}

type docGen struct {
	e      *entropy
	schema *ast.Schema
	ids    []string
	lim    server.Limits

	aliases   int
	named     int // fragments named so far
	varDefs   []string
	variables map[string]any
	fragments []*fragment
	wrong     bool
	bomb      bool
}

// generate makes one request from data.
func generate(schema *ast.Schema, ids []string, lim server.Limits, data []byte) generated {
	g := &docGen{e: &entropy{b: data}, schema: schema, ids: ids, lim: lim, variables: map[string]any{}}
	mutation := g.e.oneIn(5)
	root := schema.Query
	if mutation {
		root = schema.Mutation
	}
	// The depth the operation may reach: around MaxDepth, either side.
	budget := 1 + g.e.intn(lim.MaxDepth+4)
	deep := g.e.oneIn(2)
	var set setInfo
	if !mutation && g.e.oneIn(8) {
		g.bomb = true
		set = g.bombSet()
		more := g.selectionSet(root, budget, deep, true)
		set = merge(set, more)
	} else {
		set = g.selectionSet(root, budget, deep, true)
	}

	if !mutation && g.e.oneIn(6) {
		set = merge(set, g.questionBurst(root, budget))
	}
	if g.e.oneIn(6) {
		set = merge(set, g.fanOut(root, budget))
	}

	var q strings.Builder
	op := "query"
	if mutation {
		op = "mutation"
	}
	name := ""
	if g.e.oneIn(3) {
		name = "Fuzz"
	}
	q.WriteString(op)
	if name != "" {
		q.WriteString(" " + name)
	}
	if len(g.varDefs) > 0 {
		q.WriteString("(" + strings.Join(g.varDefs, ", ") + ")")
	}
	q.WriteString(" " + set.text + "\n")
	for _, f := range g.fragments {
		fmt.Fprintf(&q, "fragment %s on %s %s\n", f.name, f.on, f.info.text)
	}
	query := q.String()

	req := map[string]any{"query": query}
	if len(g.variables) > 0 || g.e.oneIn(4) {
		req["variables"] = g.variables
	}
	if name != "" && g.e.oneIn(2) {
		req["operationName"] = name
	}
	body, err := json.Marshal(req)
	if err != nil {
		panic(err)
	}
	// Sometimes padded (spaces in the query, which GraphQL ignores) to the
	// body size limit, or one byte past it.
	if g.e.oneIn(16) {
		body = padTo(body, lim.MaxBodyBytes+g.e.intn(2))
	}
	out := generated{
		body: body, query: query, mutation: mutation,
		depth: set.depth, fields: set.fields, wrong: g.wrong, bomb: g.bomb,
		past: set.past, rootPast: set.rootPast,
	}
	if !mutation {
		out.questions = len(set.questions)
	}
	return out
}

// padTo pads a JSON request body whose first member is "query" with
// spaces at the query's start, to n bytes.
func padTo(body []byte, n int) []byte {
	const head = `{"query":"`
	if len(body) >= n || !strings.HasPrefix(string(body), head) {
		return body
	}
	out := make([]byte, 0, n)
	out = append(out, head...)
	for range n - len(body) {
		out = append(out, ' ')
	}
	return append(out, body[len(head):]...)
}

func merge(a, b setInfo) setInfo {
	a.text = strings.TrimSuffix(a.text, " }") + " " + strings.TrimPrefix(b.text, "{ ")
	a.depth = max(a.depth, b.depth)
	a.fields += b.fields
	for k := range b.questions {
		a.questions[k] = true
	}
	a.past = appendPaths(a.past, b.past)
	a.rootPast = a.rootPast || b.rootPast
	return a
}

// bombSet is a query past MaxComplexity (TestLimitsGETAndPersistedQueries
// has it): 100 people × 500 connections × their skills.
func (g *docGen) bombSet() setInfo {
	g.aliases++
	return setInfo{
		text:      fmt.Sprintf("{ a%d: people(first: 100) { edges { node { connections(first: 500) { person { skills { skill { name } } } } } } } }", g.aliases),
		depth:     8,
		fields:    8,
		questions: map[string]bool{},
	}
}

// questionBurst asks around MaxNetworkQuestions network questions, each
// under an alias of its own.
func (g *docGen) questionBurst(query *ast.Definition, budget int) setInfo {
	only := *query
	only.Fields = nil
	for _, f := range query.Fields {
		if networkQuestionFields[f.Name] {
			only.Fields = append(only.Fields, f)
		}
	}
	info := setInfo{questions: map[string]bool{}, depth: 1}
	var parts []string
	for range g.lim.MaxNetworkQuestions - 2 + g.e.intn(5) {
		text, sub, key, _ := g.field(&only, max(budget, 2), false, true)
		parts = append(parts, text)
		info.fields += sub.fields
		info.depth = max(info.depth, sub.depth)
		info.questions[key] = true
		for _, p := range sub.past {
			info.past = append(info.past, append([]string{key}, p...))
		}
		if sub.rootPast {
			info.past = append(info.past, []string{key})
			info.rootPast = true
		}
	}
	info.text = "{ " + strings.Join(parts, " ") + " }"
	return info
}

// fanOut spreads a chain of fragments on typ, each spreading the one
// before several times: a short document that expands to many fields,
// around MaxSelections.
func (g *docGen) fanOut(typ *ast.Definition, budget int) setInfo {
	g.named++
	f := &fragment{name: fmt.Sprintf("F%d", g.named), on: typ.Name, info: g.selectionSet(typ, budget, false, true)}
	g.fragments = append(g.fragments, f)
	for range 1 + g.e.intn(4) {
		r := 2 + g.e.intn(14)
		g.named++
		next := &fragment{name: fmt.Sprintf("F%d", g.named), on: typ.Name}
		next.info = setInfo{questions: map[string]bool{}, depth: 1}
		spreads := make([]string, r)
		for i := range spreads {
			spreads[i] = "..." + f.name
			next.info = absorb(next.info, f.info, nil)
		}
		next.info.text = "{ " + strings.Join(spreads, " ") + " }"
		g.fragments = append(g.fragments, next)
		f = next
	}
	info := absorb(setInfo{questions: map[string]bool{}, depth: 1}, f.info, nil)
	info.text = "{ ..." + f.name + " }"
	return info
}

// selectionSet writes a selection set on typ, at most budget levels deep
// (budget ≥ 1); deep prefers fields with selections of their own.
func (g *docGen) selectionSet(typ *ast.Definition, budget int, deep, root bool) setInfo {
	info := setInfo{questions: map[string]bool{}, depth: 1}
	var parts []string
	for n := 0; n < 12; n++ {
		if n > 0 && g.e.intn(3) == 0 {
			break
		}
		switch k := g.e.intn(10); {
		case n > 0 && k == 8:
			// An inline fragment, with or without its type condition.
			sub := g.selectionSet(typ, budget, deep, root)
			cond := ""
			if g.e.oneIn(2) {
				cond = "on " + typ.Name + " "
			}
			parts = append(parts, "... "+cond+sub.text)
			info = absorb(info, sub, nil)
		case n > 0 && k == 9:
			f := g.namedFragment(typ, budget, deep, root)
			if f == nil {
				continue
			}
			parts = append(parts, "..."+f.name)
			info = absorb(info, f.info, nil)
		default:
			text, sub, key, ok := g.field(typ, budget, deep && n == 0, root)
			if !ok {
				continue
			}
			parts = append(parts, text)
			info.fields += sub.fields
			info.depth = max(info.depth, sub.depth)
			if root && networkQuestionFields[fieldName(text)] && typ.Name == "Query" {
				info.questions[key] = true
			}
			for _, p := range sub.past {
				info.past = append(info.past, append([]string{key}, p...))
			}
			if sub.rootPast {
				info.past = append(info.past, []string{key})
				info.rootPast = true
			}
		}
	}
	if len(parts) == 0 {
		parts = append(parts, "__typename")
		info.fields++
	}
	info.text = "{ " + strings.Join(parts, " ") + " }"
	return info
}

// absorb adds what a fragment's set holds to info (a fragment's fields sit
// at the level where it is spread).
func absorb(info, sub setInfo, _ []string) setInfo {
	info.fields += sub.fields
	info.depth = max(info.depth, sub.depth)
	for k := range sub.questions {
		info.questions[k] = true
	}
	info.past = appendPaths(info.past, sub.past)
	info.rootPast = info.rootPast || sub.rootPast
	return info
}

// appendPaths appends to paths those of more it does not hold yet (a
// fragment spread many times holds the same paths each time).
func appendPaths(paths, more [][]string) [][]string {
	have := make(map[string]bool, len(paths))
	for _, p := range paths {
		have[strings.Join(p, ".")] = true
	}
	for _, p := range more {
		if k := strings.Join(p, "."); !have[k] {
			have[k] = true
			paths = append(paths, p)
		}
	}
	return paths
}

// fieldName is the name of the field text starts with (after its alias).
func fieldName(text string) string {
	if i := strings.Index(text, ": "); i >= 0 && !strings.ContainsAny(text[:i], "({ ") {
		text = text[i+2:]
	}
	if i := strings.IndexAny(text, "( {@"); i >= 0 {
		text = text[:i]
	}
	return text
}

// namedFragment defines a fragment on typ (or, now and then, one that
// spreads an earlier fragment on typ several times: fragments that
// multiply) or reuses one.
func (g *docGen) namedFragment(typ *ast.Definition, budget int, deep, root bool) *fragment {
	var same []*fragment
	for _, f := range g.fragments {
		if f.on == typ.Name && f.info.depth <= budget {
			same = append(same, f)
		}
	}
	if len(same) > 0 && g.e.oneIn(2) {
		return same[g.e.intn(len(same))]
	}
	g.named++
	f := &fragment{name: fmt.Sprintf("F%d", g.named), on: typ.Name}
	if len(same) > 0 && g.e.oneIn(2) {
		// Spread an earlier one r times.
		inner := same[g.e.intn(len(same))]
		r := 2 + g.e.intn(11)
		info := setInfo{questions: map[string]bool{}, depth: 1}
		spreads := make([]string, r)
		for i := range spreads {
			spreads[i] = "..." + inner.name
			info = absorb(info, inner.info, nil)
		}
		info.text = "{ " + strings.Join(spreads, " ") + " }"
		f.info = info
	} else {
		f.info = g.selectionSet(typ, budget, deep, root)
	}
	g.fragments = append(g.fragments, f)
	return f
}

// field writes one field of typ: its alias, arguments, directives and
// selections. It returns the text, what it knows of the field (fields and
// depth include the field itself; rootPast: this field has an argument
// past its range and runs), and its response key.
func (g *docGen) field(typ *ast.Definition, budget int, deep, root bool) (string, setInfo, string, bool) {
	var choices []*ast.FieldDefinition
	for _, f := range typ.Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		isLeaf := g.isLeaf(f.Type)
		if !isLeaf && budget < 2 {
			continue
		}
		if deep && isLeaf && budget >= 2 && g.hasObjectField(typ) {
			continue
		}
		choices = append(choices, f)
	}
	if len(choices) == 0 {
		return "", setInfo{}, "", false
	}
	def := choices[g.e.intn(len(choices))]

	var b strings.Builder
	key := def.Name
	// Every field with arguments or selections gets an alias of its own:
	// fields of one response key must match, and random ones would not.
	if len(def.Arguments) > 0 || !g.isLeaf(def.Type) || g.e.oneIn(3) {
		g.aliases++
		key = fmt.Sprintf("a%d", g.aliases)
		b.WriteString(key + ": ")
	}
	b.WriteString(def.Name)

	past := false
	var args []string
	for _, a := range def.Arguments {
		required := a.Type.NonNull && a.DefaultValue == nil
		if !required && !g.e.oneIn(2) {
			continue
		}
		if required && g.e.oneIn(40) {
			g.wrong = true // a required argument left out
			continue
		}
		text, isPast := g.argument(typ.Name, def.Name, a)
		past = past || isPast
		args = append(args, a.Name+": "+text)
	}
	if g.e.oneIn(60) {
		g.wrong = true
		args = append(args, "noSuchArgument: 1")
	}
	if len(args) > 0 {
		b.WriteString("(" + strings.Join(args, ", ") + ")")
	}

	runs := true
	switch g.e.intn(20) {
	case 18:
		skip := g.e.oneIn(2)
		runs = !skip
		fmt.Fprintf(&b, " @skip(if: %t)", skip)
	case 19:
		include := g.e.oneIn(2)
		runs = include
		fmt.Fprintf(&b, " @include(if: %t)", include)
	}

	info := setInfo{fields: 1, depth: 1}
	if !g.isLeaf(def.Type) {
		sub := g.selectionSet(g.schema.Types[def.Type.Name()], budget-1, deep, false)
		b.WriteString(" " + sub.text)
		info.fields += sub.fields
		info.depth += sub.depth
		if runs {
			info.past = sub.past
		}
	}
	info.rootPast = past && runs
	return b.String(), info, key, true
}

func (g *docGen) isLeaf(t *ast.Type) bool {
	d := g.schema.Types[t.Name()]
	return d == nil || d.Kind == ast.Scalar || d.Kind == ast.Enum
}

func (g *docGen) hasObjectField(typ *ast.Definition) bool {
	for _, f := range typ.Fields {
		if !strings.HasPrefix(f.Name, "__") && !g.isLeaf(f.Type) {
			return true
		}
	}
	return false
}

// argument writes the value of argument a of typ.field: a literal or a
// variable. isPast: an Int outside its range (argRanges), of the right
// type, which validation lets through.
func (g *docGen) argument(typ, field string, a *ast.ArgumentDefinition) (string, bool) {
	val, isPast := g.value(a.Type, typ, field, a.Name, 0)
	if !g.e.oneIn(3) {
		if !acceptsLiteral(a.Type, g.schema, val) {
			g.wrong = true
		}
		return literal(val), isPast
	}
	// As a variable.
	name := fmt.Sprintf("v%d", len(g.varDefs))
	declared := a.Type
	switch g.e.intn(8) {
	case 0:
		// Declared with another type: the wrong one, unless it happens to
		// fit (a non-null variable for a nullable argument).
		declared = g.otherType(a.Type)
	case 1:
		if !declared.NonNull {
			d := *declared
			d.NonNull = true
			declared = &d
		}
	}
	wrong := !fits(declared, a.Type)
	g.varDefs = append(g.varDefs, "$"+name+": "+declared.String())
	switch g.e.intn(6) {
	case 0:
		// Not sent: null, wrong when the variable is required.
		wrong = wrong || declared.NonNull
		val, isPast = nil, false
	case 1:
		// Sent as JSON of another kind.
		val, isPast = jsonOfAnotherKind(g.e), false
		g.variables[name] = val
	default:
		g.variables[name] = val
	}
	if wrong || !acceptsJSON(declared, g.schema, val) {
		g.wrong = true
		return "$" + name, false
	}
	return "$" + name, isPast
}

// otherType is a type other than t for a variable: another scalar, a
// list, t without its non-null.
func (g *docGen) otherType(t *ast.Type) *ast.Type {
	switch g.e.intn(4) {
	case 0:
		return ast.NamedType([]string{"Int", "String", "Boolean", "Float", "ID"}[g.e.intn(5)], nil)
	case 1:
		return ast.ListType(t, nil)
	case 2:
		d := *t
		d.NonNull = !d.NonNull
		return &d
	default:
		return ast.NonNullNamedType("LinkKind", nil)
	}
}

// fits reports whether a variable of type v may be used where want is
// expected (GraphQL's rule: the same type, or non-null for nullable).
func fits(v, want *ast.Type) bool {
	if want.NonNull && !v.NonNull {
		return false
	}
	if (v.Elem == nil) != (want.Elem == nil) {
		return false
	}
	if v.Elem != nil {
		return fits(v.Elem, want.Elem)
	}
	return v.NamedType == want.NamedType
}

// A value is a Go value as encoding/json would give it: int, json.Number
// (an integer past 64 bits), float64, string, bool, nil, []any, map[string]any (keys sorted when written), or
// enumValue for an enum in a literal.
type enumValue string

// value is a value for type t of argument typ.field(arg) (or of an input
// field), usually of the right type; isPast: an Int outside its range.
func (g *docGen) value(t *ast.Type, typ, field, arg string, nesting int) (v any, isPast bool) {
	if g.e.oneIn(40) {
		return nil, false
	}
	if g.e.oneIn(25) {
		// A value of another kind.
		return []any{"text", 7, 1.5, true, enumValue("NOPE"), map[string]any{"x": 1}, []any{}}[g.e.intn(7)], false
	}
	if t.Elem != nil {
		if g.e.oneIn(30) {
			// A single value for a list: GraphQL makes it a list of one.
			v, _ := g.value(t.Elem, typ, field, arg, nesting+1)
			return v, false
		}
		n := g.e.intn(4)
		if g.e.oneIn(20) {
			n = 5 + g.e.intn(25) // past the lists' limits (board skills, focus skills, …)
		}
		list := make([]any, n)
		for i := range list {
			list[i], _ = g.value(t.Elem, typ, field, arg, nesting+1)
		}
		return list, false
	}
	def := g.schema.Types[t.NamedType]
	switch {
	case t.NamedType == "Int":
		if g.e.oneIn(30) {
			// Past 64 bits.
			return json.Number("-99999999999999999999"), true
		}
		if r, ok := rangeOf(typ, field, arg); ok {
			n := []int{r.lo, r.hi, r.lo - 1, r.hi + 1, 0, -1, r.hi * 1000, 1<<31 - 1, 1 << 31, -1 << 31, r.lo + g.e.intn(r.hi-r.lo+1)}[g.e.intn(11)]
			return n, n < r.lo || n > r.hi
		}
		return []int{0, 1, 3, 5, 6, -1, 100, 1<<31 - 1, 1 << 31}[g.e.intn(9)], false
	case t.NamedType == "Float":
		return []any{0.0, 0.5, 1.0, -2.5, 1e308, 3}[g.e.intn(6)], false
	case t.NamedType == "Boolean":
		return g.e.oneIn(2), false
	case t.NamedType == "ID":
		if len(g.ids) > 0 && !g.e.oneIn(4) {
			return g.ids[g.e.intn(len(g.ids))], false
		}
		return g.text(), false
	case t.NamedType == "String":
		return g.text(), false
	case t.NamedType == "Date":
		return []string{"2026-01-03", "2024", "1999-12-31", "2026-02-30", "yesterday", "", "0000-00-00", "99999-01-01"}[g.e.intn(8)], false
	case t.NamedType == "DateTime":
		return []string{"2026-11-23T11:32:40Z", "2026-11-23", "now", ""}[g.e.intn(4)], false
	case def != nil && def.Kind == ast.Enum:
		if g.e.oneIn(15) {
			return enumValue("NOT_A_VALUE"), false
		}
		return enumValue(def.EnumValues[g.e.intn(len(def.EnumValues))].Name), false
	case def != nil && def.Kind == ast.InputObject:
		obj := map[string]any{}
		if nesting > 3 {
			return obj, false
		}
		for _, f := range def.Fields {
			required := f.Type.NonNull && f.DefaultValue == nil
			if (!required && !g.e.oneIn(2)) || (required && g.e.oneIn(40)) {
				continue
			}
			obj[f.Name], _ = g.value(f.Type, def.Name, f.Name, f.Name, nesting+1)
		}
		if g.e.oneIn(40) {
			obj["noSuchField"] = 1
		}
		return obj, false
	}
	return g.text(), false
}

// acceptsLiteral reports whether v, written as a literal, is a valid value
// of type t (GraphQL's validation: ints for Int, Float and ID, a list or a
// single value for a list, every required field of an input object and
// no other). Custom scalars (Date, DateTime) take any literal here: they
// are parsed when the field runs.
func acceptsLiteral(t *ast.Type, schema *ast.Schema, v any) bool {
	return acceptsValue(t, schema, v, literalLeaf)
}

// literalLeaf is acceptsLiteral of a value that is neither null, a list
// nor an input object's map, of a named type other than a custom scalar.
func literalLeaf(t *ast.Type, d *ast.Definition, v any) bool {
	switch x := v.(type) {
	case int, json.Number:
		// gqlparser's validation takes any integer literal for an Int, not
		// only 32-bit ones; one past 64 bits fails when the field runs.
		return t.NamedType == "Int" || t.NamedType == "Float" || t.NamedType == "ID"
	case float64:
		return t.NamedType == "Float"
	case string:
		return t.NamedType == "String" || t.NamedType == "ID"
	case enumValue:
		return d != nil && d.Kind == ast.Enum && d.EnumValues.ForName(string(x)) != nil
	case bool:
		return t.NamedType == "Boolean"
	}
	return false
}

// acceptsValue reports whether v is a valid value of type t: null for a
// nullable type, a list or a single value for a list, every required
// field of an input object and no other, anything for a custom scalar
// (Date, DateTime: parsed when the field runs); leaf judges the rest.
func acceptsValue(t *ast.Type, schema *ast.Schema, v any, leaf func(t *ast.Type, d *ast.Definition, v any) bool) bool {
	if v == nil {
		return !t.NonNull
	}
	if t.Elem != nil {
		if l, ok := v.([]any); ok {
			for _, x := range l {
				if !acceptsValue(t.Elem, schema, x, leaf) {
					return false
				}
			}
			return true
		}
		return acceptsValue(t.Elem, schema, v, leaf) // a single value becomes a list of one
	}
	d := schema.Types[t.NamedType]
	if d != nil && d.Kind == ast.Scalar && !builtinScalar(t.NamedType) {
		return true
	}
	x, ok := v.(map[string]any)
	if !ok {
		return leaf(t, d, v)
	}
	if d == nil || d.Kind != ast.InputObject {
		return false
	}
	for _, f := range d.Fields {
		if _, ok := x[f.Name]; !ok && f.Type.NonNull && f.DefaultValue == nil {
			return false
		}
	}
	for k, fv := range x {
		f := d.Fields.ForName(k)
		if f == nil || !acceptsValue(f.Type, schema, fv, leaf) {
			return false
		}
	}
	return true
}

func builtinScalar(name string) bool {
	switch name {
	case "Int", "Float", "String", "Boolean", "ID":
		return true
	}
	return false
}

// text is a string: ordinary, empty, long, Lucene syntax, quotes,
// control characters and other scripts.
func (g *docGen) text() string {
	return []string{
		"ada", "", "x", "lov*", "ada~", "AND (", "\"", "\\", "a\"b\\c\n", "*", "?", "[a TO", "/regex/", "NOT",
		"ünïcödé ✓", "\u0000", strings.Repeat("z", 201), strings.Repeat("é", 300), "p-1", "2147483648", "null", "<script>",
	}[g.e.intn(22)]
}

// jsonOfAnotherKind is a JSON value likely of the wrong kind for a
// variable.
func jsonOfAnotherKind(e *entropy) any {
	return []any{"text", 1.5, 7, 1 << 31, true, nil, []any{1, "a"}, map[string]any{"x": 1}, "NOPE", -1, []any{}, map[string]any{}}[e.intn(12)]
}

// acceptsJSON reports whether v is a valid JSON value of a variable of
// type t, as gqlgen's coercion (gqlparser's VariableValues, the JSON
// decoded with UseNumber) has it. It is more lenient than the GraphQL
// spec: a JSON number is a valid String or ID, a string holding a number
// a valid Int or Float (Int and Float inside lists and input objects), an
// Int variable takes any 64-bit integer, an enum value matches in any
// case, and custom scalars (Date, DateTime) take anything: they are parsed
// when the field runs.
func acceptsJSON(t *ast.Type, schema *ast.Schema, v any) bool {
	return acceptsValue(t, schema, v, jsonLeaf)
}

// jsonLeaf is acceptsJSON of a value that is neither null, a list nor an
// input object's map, of a named type other than a custom scalar.
func jsonLeaf(t *ast.Type, d *ast.Definition, v any) bool {
	if ev, ok := v.(enumValue); ok {
		v = string(ev) // sent as a JSON string
	}
	if d != nil && d.Kind == ast.Enum {
		s, ok := v.(string)
		if !ok {
			return false
		}
		for _, e := range d.EnumValues {
			if strings.EqualFold(s, e.Name) {
				return true
			}
		}
		return false
	}
	switch x := v.(type) {
	case int:
		return t.NamedType != "Boolean" && (d == nil || d.Kind == ast.Scalar)
	case json.Number:
		switch t.NamedType {
		case "Int":
			_, err := x.Int64()
			return err == nil
		case "Float", "String", "ID":
			return true
		}
	case float64:
		switch t.NamedType {
		case "Int":
			return x == math.Trunc(x) && math.Abs(x) < 1e21
		case "Float", "String", "ID":
			return true
		}
	case string:
		switch t.NamedType {
		case "String", "ID":
			return true
		case "Int":
			_, err := strconv.ParseInt(x, 10, 64)
			return err == nil
		case "Float":
			_, err := strconv.ParseFloat(x, 64)
			return err == nil
		}
	case bool:
		return t.NamedType == "Boolean"
	}
	return false
}

// literal writes v as a GraphQL literal.
func literal(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case enumValue:
		return string(x)
	case string:
		b, _ := json.Marshal(x)
		return string(b)
	case int:
		return fmt.Sprint(x)
	case json.Number:
		return string(x)
	case float64:
		s := fmt.Sprint(x)
		if !strings.ContainsAny(s, ".e") {
			s += ".0"
		}
		return s
	case bool:
		return fmt.Sprint(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = literal(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + ": " + literal(x[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return "null"
}
