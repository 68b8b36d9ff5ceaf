package resolvers

import (
	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/internal/auth"
)

// Resolver is the root of the resolver tree: what every resolver needs,
// made once per process in cmd. Per-request state (the viewer, the
// loaders) lives in the context.
type Resolver struct {
	Store   *graph.Store
	Version string
	// Viewers caches the viewers of credentials (internal/server): role
	// changes and revoked tokens forget their account's entries. May be nil.
	Viewers *auth.Cache
	// ImportProgress, when set, gives each importRecords a progress
	// callback (internal/server's metrics). May be nil.
	ImportProgress func() func(done, total int)
}

// Directives are the implementations of the schema's directives.
func (r *Resolver) Directives() DirectiveRoot {
	return DirectiveRoot{Auth: r.Authorize}
}
