package server

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/mentorgraph/mentorgraph/resolvers"
)

// depthLimit refuses operations whose field nesting is deeper than max.
// Fragments count at the depth where they are spread; introspection fields
// (__schema, __type) are exempt so tools can always read the schema.
type depthLimit struct{ max int }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = depthLimit{}

func (depthLimit) ExtensionName() string                   { return "DepthLimit" }
func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }
func (d depthLimit) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if depth := selectionDepth(oc.Operation.SelectionSet, 0, map[string]bool{}); depth > d.max {
		err := gqlerror.Errorf("query is nested %d levels deep; the limit is %d", depth, d.max)
		err.Extensions = map[string]any{"code": resolvers.CodeBadUserInput}
		return err
	}
	return nil
}

// selectionDepth is the deepest field nesting under set; visiting guards
// against fragment cycles (which validation rejects, but cheaply here too).
func selectionDepth(set ast.SelectionSet, depth int, visiting map[string]bool) int {
	deepest := depth
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			if s.Name == "__schema" || s.Name == "__type" {
				continue
			}
			d = selectionDepth(s.SelectionSet, depth+1, visiting)
		case *ast.InlineFragment:
			d = selectionDepth(s.SelectionSet, depth, visiting)
		case *ast.FragmentSpread:
			if s.Definition == nil || visiting[s.Name] {
				continue
			}
			visiting[s.Name] = true
			d = selectionDepth(s.Definition.SelectionSet, depth, visiting)
			delete(visiting, s.Name)
		default:
			panic(fmt.Sprintf("unknown selection %T", sel))
		}
		deepest = max(deepest, d)
	}
	return deepest
}
