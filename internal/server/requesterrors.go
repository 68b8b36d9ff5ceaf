package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
)

// Clearer messages for requests gqlgen refuses, written by the error
// presenter (clarify, for gqlgen's own errors about the request: parse
// and validation errors, limits, the transport's) from what gqlgen and
// gqlparser report:
//
//   - a variable of the wrong type: gqlparser says "cannot use value 0 as
//     Int" for {"first": 1.5} (it prints the integer it failed to make);
//     clarify says "variable $first: 1.5 is not an Int (a whole number)",
//     with the value the client sent (kept by keepVariables) and the
//     variable's type;
//   - a literal of the wrong type: "Int cannot represent non-integer
//     value: 1.5" becomes "first: 1.5 is not an Int (a whole number) at
//     line 1, column 17", naming the argument found at the error's
//     location in the document;
//   - each of these messages quotes at most maxQuoted bytes of any one
//     quoted string, and is at most maxMessage bytes long, so no error
//     echoes a large piece of the request.
//
// The operation-name messages come from documentCheck.

const (
	// maxQuoted is the most of one quoted piece of the request an error
	// message repeats.
	maxQuoted = 64
	// maxMessage is the longest error message.
	maxMessage = 1024
)

// clip cuts s to maxQuoted bytes (at a character boundary), marking the
// cut with "…".
func clip(s string) string {
	if len(s) <= maxQuoted {
		return s
	}
	return cutAt(s, maxQuoted) + "…"
}

// cutAt is the longest prefix of s of at most n bytes that does not split
// a UTF-8 character.
func cutAt(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// clipMessage shortens every double-quoted piece of m longer than
// maxQuoted bytes, then m itself to maxMessage bytes.
func clipMessage(m string) string {
	if len(m) <= maxQuoted {
		return m
	}
	var b strings.Builder
	for {
		open := strings.IndexByte(m, '"')
		if open < 0 {
			break
		}
		end := closingQuote(m, open+1)
		if end < 0 {
			break
		}
		b.WriteString(m[:open+1])
		b.WriteString(clipQuoted(m[open+1 : end]))
		b.WriteByte('"')
		m = m[end+1:]
	}
	b.WriteString(m)
	out := b.String()
	if len(out) > maxMessage {
		out = cutAt(out, maxMessage) + "…"
	}
	return out
}

// clipQuoted is clip for the inside of a Go-quoted string: its length
// is what it stands for (\" is one byte), and a cut keeps escapes whole.
func clipQuoted(q string) string {
	if !strings.Contains(q, `\`) {
		return clip(q)
	}
	if s, err := strconv.Unquote(`"` + q + `"`); err == nil && len(s) <= maxQuoted {
		return q
	}
	n, i := 0, 0
	for ; i < len(q) && n < maxQuoted; i++ {
		if q[i] == '\\' {
			i++
		}
		n++
	}
	if i >= len(q) {
		return q
	}
	return cutAt(q, i) + "…"
}

// closingQuote is the index of the first unescaped '"' in m from i, or -1.
func closingQuote(m string, i int) int {
	for ; i < len(m); i++ {
		switch m[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

// clarify rewrites gqlgen's messages about the request (see above).
func clarify(ctx context.Context, schema *ast.Schema, e *gqlerror.Error) *gqlerror.Error {
	if e.Extensions["code"] == errcode.ValidationFailed && graphql.HasOperationContext(ctx) {
		oc := graphql.GetOperationContext(ctx)
		if len(e.Path) >= 2 && e.Path[0] == ast.PathName("variable") {
			if m := explainVariable(oc, schema, e); m != "" {
				e.Message = m
			}
		} else if m := literalTypeError.FindStringSubmatch(e.Message); m != nil && len(e.Locations) == 1 {
			e.Message = explainLiteral(oc.RawQuery, m, e.Locations[0])
		}
	}
	e.Message = clipMessage(e.Message)
	return e
}

// literalTypeError matches gqlparser's message about a literal of the
// wrong scalar type: the type, the kind of complaint, the value.
var literalTypeError = regexp.MustCompile(`(?s)^(Int|Float|String|Boolean|ID) cannot represent (.*?)value: (.*)$`)

// scalarMeaning says what a value of each built-in scalar is.
var scalarMeaning = map[string]string{
	"Int":     "an Int (a whole number)",
	"Float":   "a Float (a number)",
	"String":  "a String (text in double quotes)",
	"Boolean": "a Boolean (true or false)",
	"ID":      "an ID (a string or a whole number)",
}

// explainLiteral says which argument has a literal of the wrong type, and
// what the type wants.
func explainLiteral(query string, m []string, at gqlerror.Location) string {
	typ, complaint, value := m[1], m[2], clip(m[3])
	where := "the value"
	if doc, err := parser.ParseQuery(&ast.Source{Input: query}); err == nil {
		if w := argumentAt(doc, at); w != "" {
			where = w
		}
	}
	what := "is not " + scalarMeaning[typ]
	if strings.Contains(complaint, "32-bit") {
		what = "is out of range for an Int (a whole number from -2147483648 to 2147483647)"
	}
	return fmt.Sprintf("%s: %s %s at line %d, column %d", where, value, what, at.Line, at.Column)
}

// argumentAt names the argument (with the path into its value, e.g.
// input.mentorCapacity, skills[1]) or the variable default whose value is
// at position at, or "".
func argumentAt(doc *ast.QueryDocument, at gqlerror.Location) string {
	var inValue func(v *ast.Value, path string) string
	inValue = func(v *ast.Value, path string) string {
		if v == nil {
			return ""
		}
		if v.Position != nil && v.Position.Line == at.Line && v.Position.Column == at.Column {
			return path
		}
		for i, c := range v.Children {
			sub := path + "." + c.Name
			if v.Kind == ast.ListValue {
				sub = fmt.Sprintf("%s[%d]", path, i)
			}
			if p := inValue(c.Value, sub); p != "" {
				return p
			}
		}
		return ""
	}
	inArgs := func(args ast.ArgumentList, prefix string) string {
		for _, a := range args {
			if p := inValue(a.Value, prefix+a.Name); p != "" {
				return p
			}
		}
		return ""
	}
	inDirectives := func(ds ast.DirectiveList) string {
		for _, d := range ds {
			if p := inArgs(d.Arguments, "@"+d.Name+"("); p != "" {
				return p + ")"
			}
		}
		return ""
	}
	var inSet func(ast.SelectionSet) string
	inSet = func(set ast.SelectionSet) string {
		for _, sel := range set {
			var p string
			switch s := sel.(type) {
			case *ast.Field:
				p = inArgs(s.Arguments, "")
				if p == "" {
					p = inDirectives(s.Directives)
				}
				if p == "" {
					p = inSet(s.SelectionSet)
				}
			case *ast.InlineFragment:
				if p = inDirectives(s.Directives); p == "" {
					p = inSet(s.SelectionSet)
				}
			case *ast.FragmentSpread:
				p = inDirectives(s.Directives)
			}
			if p != "" {
				return p
			}
		}
		return ""
	}
	for _, op := range doc.Operations {
		for _, v := range op.VariableDefinitions {
			if p := inValue(v.DefaultValue, "$"+v.Variable); p != "" {
				return "the default of " + p
			}
		}
		if p := inDirectives(op.Directives); p != "" {
			return p
		}
		if p := inSet(op.SelectionSet); p != "" {
			return p
		}
	}
	for _, f := range doc.Fragments {
		if p := inDirectives(f.Directives); p != "" {
			return p
		}
		if p := inSet(f.SelectionSet); p != "" {
			return p
		}
	}
	return ""
}

// keepVariables keeps the variables as the client sent them, for
// explainVariable: gqlgen's operation context holds only the coerced ones,
// and none when coercion failed.
type keepVariables struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = keepVariables{}

const sentVariables = "SentVariables"

func (keepVariables) ExtensionName() string                   { return "KeepVariables" }
func (keepVariables) Validate(graphql.ExecutableSchema) error { return nil }
func (keepVariables) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	graphql.GetOperationContext(ctx).Stats.SetExtension(sentVariables, p.Variables)
	return nil
}

// explainVariable rewrites gqlparser's message about a variable's value
// (its path is variable, the name, then fields and indexes into the
// value): it names the variable and the place in its value, shows the
// value sent and says what its type wants. "" when the variable is not
// found.
func explainVariable(oc *graphql.OperationContext, schema *ast.Schema, e *gqlerror.Error) string {
	name, ok := e.Path[1].(ast.PathName)
	if !ok || oc.Operation == nil {
		return ""
	}
	def := oc.Operation.VariableDefinitions.ForName(string(name))
	if def == nil {
		return ""
	}
	sent, _ := oc.Stats.GetExtension(sentVariables).(map[string]any)
	value, found := sent[string(name)]
	typ, parent := def.Type, (*ast.Type)(nil)
	where := "variable $" + string(name)
	for _, el := range e.Path[2:] {
		parent = typ
		switch el := el.(type) {
		case ast.PathName:
			where += "." + string(el)
			m, _ := value.(map[string]any)
			value, found = m[string(el)]
			if t := schema.Types[typ.Name()]; t != nil {
				if f := t.Fields.ForName(string(el)); f != nil {
					typ = f.Type
				}
			}
		case ast.PathIndex:
			where += fmt.Sprintf("[%d]", el)
			l, _ := value.([]any)
			found = int(el) < len(l)
			if found {
				value = l[el]
			}
			if typ.Elem != nil {
				typ = typ.Elem
			}
		}
	}
	shown := ""
	if found {
		b, err := json.Marshal(value)
		if err == nil {
			shown = " " + clip(string(b))
		}
	}
	switch msg := e.Message; {
	case strings.HasPrefix(msg, "cannot use "):
		if n, ok := value.(json.Number); ok && typ.Name() == "Int" && outOfRange(string(n)) {
			return fmt.Sprintf("%s:%s is out of range for an Int", where, shown)
		}
		return fmt.Sprintf("%s:%s is not %s", where, shown, typeMeaning(schema, typ))
	case msg == "must be defined":
		return fmt.Sprintf("%s is missing; it is required (%s)", where, typ)
	case msg == "cannot be null":
		return fmt.Sprintf("%s is null; it is required (%s)", where, typ)
	case msg == "unknown field" && parent != nil:
		return fmt.Sprintf("%s: %s has no such field", where, parent.Name())
	case strings.HasSuffix(msg, " is not a valid "+typ.Name()):
		return fmt.Sprintf("%s:%s is not %s", where, shown, typeMeaning(schema, typ))
	default:
		return fmt.Sprintf("%s: %s", where, msg)
	}
}

// outOfRange reports whether n is a whole number too large for an int.
func outOfRange(n string) bool {
	_, err := strconv.ParseInt(n, 10, 64)
	return errors.Is(err, strconv.ErrRange)
}

// typeMeaning says what a value of typ is: "an Int (a whole number)", "a
// LinkKind (one of CONNECTION, MENTORSHIP)", "a list of …".
func typeMeaning(schema *ast.Schema, typ *ast.Type) string {
	if typ.Elem != nil {
		return "a list (" + typ.String() + ")"
	}
	if m, ok := scalarMeaning[typ.NamedType]; ok {
		return m
	}
	t := schema.Types[typ.NamedType]
	switch {
	case t != nil && t.Kind == ast.Enum:
		names := make([]string, len(t.EnumValues))
		for i, v := range t.EnumValues {
			names[i] = v.Name
		}
		return fmt.Sprintf("a %s (one of %s)", t.Name, strings.Join(names, ", "))
	case t != nil && t.Kind == ast.InputObject:
		return fmt.Sprintf("a %s (an object)", t.Name)
	}
	return "a " + typ.NamedType
}
