package resolvers

import "github.com/mentorgraph/mentorgraph/graph"

// Resolver is the root of the resolver tree: what every resolver needs,
// made once per process in cmd. Per-request state lives in the context.
type Resolver struct {
	Store   *graph.Store
	Version string
}
