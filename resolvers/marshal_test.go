package resolvers

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// listField parses query against the schema and returns the first field
// named name, at any depth.
func listField(t *testing.T, query, name string) *ast.Field {
	t.Helper()
	schema := NewExecutableSchema(Config{Resolvers: &Resolver{}}).Schema()
	doc, errs := gqlparser.LoadQuery(schema, query)
	if errs != nil {
		t.Fatalf("query does not validate: %v", errs)
	}
	var find func(ast.SelectionSet) *ast.Field
	find = func(set ast.SelectionSet) *ast.Field {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				if s.Name == name {
					return s
				}
				if f := find(s.SelectionSet); f != nil {
					return f
				}
			case *ast.InlineFragment:
				if f := find(s.SelectionSet); f != nil {
					return f
				}
			}
		}
		return nil
	}
	f := find(doc.Operations[0].SelectionSet)
	if f == nil {
		t.Fatalf("no field %s in %s", name, query)
	}
	return f
}

func TestListSelectionReachesConcurrentFields(t *testing.T) {
	cases := []struct {
		name, query, list string
		want              bool
	}{
		{"a findMentors page with paths", `{ findMentors(for: "p", skill: "s") { edges { node { hops score mentor { id name openSlots } skill { name }
			path { length steps { from { id name } to { id } kind direction since } } } } } }`, "edges", false},
		{"a mentor's skills, through a loader", `{ findMentors(for: "p", skill: "s") { edges { node { mentor { id skills { level } } } } } }`, "edges", true},
		{"a loader field in a fragment", `query { findMentors(for: "p", skill: "s") { edges { node { mentor { ...M } } } } } fragment M on Person { mentors { since } }`, "edges", true},
		{"a loader field in an inline fragment", `{ lineage(person: "p", direction: ANCESTORS) { person { ... on Person { goals { title } } } } }`, "lineage", true},
		{"a lineage with the mentorship status", `{ lineage(person: "p", direction: ANCESTORS) { generation status person { id name } via { kind since } } }`, "lineage", false},
		{"a neighbourhood", `{ neighborhood(person: "p") { nodes { hops person { id name } } links { kind status from { id } to { id } } } }`, "links", false},
		{"only __typename", `{ lineage(person: "p", direction: DESCENDANTS) { __typename } }`, "lineage", false},
		{"people's skills", `{ people { edges { node { skills { level skill { id } } } } } }`, "edges", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := listField(t, c.query, c.list)
			if got := selectionReaches(f.SelectionSet, 0); got != c.want {
				t.Errorf("selection under %s reaches a concurrent field: %v, want %v", c.list, got, c.want)
			}
		})
	}
}

// marshalContext is the context gqlgen gives a list field's marshaller.
func marshalContext(f *ast.Field) context.Context {
	ctx := graphql.WithResponseContext(context.Background(), graphql.DefaultErrorPresenter,
		func(ctx context.Context, v any) error { return fmt.Errorf("recovered: %v", v) })
	return graphql.WithFieldContext(ctx, &graphql.FieldContext{Field: graphql.CollectedField{Field: f, Selections: f.SelectionSet}})
}

func TestMarshalListLoopsWhenNothingBelowIsConcurrent(t *testing.T) {
	f := listField(t, `{ lineage(person: "p", direction: ANCESTORS) { generation person { id } } }`, "lineage")
	ctx := marshalContext(f)
	var order []int
	var running, most atomic.Int32
	out := marshalList(ctx, 5, 0, false, func(ctx context.Context, i int) graphql.Marshaler {
		most.Store(max(most.Load(), running.Add(1)))
		defer running.Add(-1)
		if idx := graphql.GetFieldContext(ctx).Index; idx == nil || *idx != i {
			t.Errorf("element %d has field context index %v", i, idx)
		}
		order = append(order, i)
		if i == 3 {
			panic("element 3 broke")
		}
		return graphql.MarshalInt(i)
	})
	if len(order) != 5 {
		t.Fatalf("elements marshalled: %v", order)
	}
	for i, got := range order {
		if got != i {
			t.Fatalf("elements marshalled in the order %v, want 0..4 one after another", order)
		}
	}
	if most.Load() != 1 {
		t.Errorf("%d elements marshalled at once, want 1", most.Load())
	}
	if out[3] != graphql.Null || out[4] == graphql.Null {
		t.Errorf("after a panic in element 3: %v", out)
	}
	if errs := graphql.GetErrors(ctx); len(errs) != 1 || !strings.Contains(errs[0].Message, "recovered: element 3 broke") {
		t.Errorf("errors after a panic in element 3: %v", errs)
	}
}

func TestMarshalListStaysConcurrentForResolvers(t *testing.T) {
	f := listField(t, `{ people { edges { node { skills { level } } } } }`, "edges")
	ctx := marshalContext(f)
	// Every element waits for all the others to start: only elements
	// marshalled side by side get through.
	const n = 4
	var started sync.WaitGroup
	started.Add(n)
	all := make(chan struct{})
	go func() { started.Wait(); close(all) }()
	out := marshalList(ctx, n, 0, false, func(ctx context.Context, i int) graphql.Marshaler {
		started.Done()
		select {
		case <-all:
			return graphql.MarshalInt(i)
		case <-time.After(5 * time.Second):
			return graphql.Null
		}
	})
	for i, v := range out {
		if v == graphql.Null {
			t.Fatalf("element %d did not see the others start: the list was not marshalled concurrently", i)
		}
	}
}

// TestGeneratedCodeMarshalsListsThroughMarshalList guards against
// generated.go written by plain `gqlgen generate` (go generate ./... runs
// resolvers/internal/generate, which rewrites the calls).
func TestGeneratedCodeMarshalsListsThroughMarshalList(t *testing.T) {
	src, err := os.ReadFile("generated.go")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(src), "graphql.MarshalSliceConcurrently(") || !strings.Contains(string(src), "marshalList(") {
		t.Error("generated.go calls graphql.MarshalSliceConcurrently directly: regenerate with `go generate ./...`, not `gqlgen generate`")
	}
}
