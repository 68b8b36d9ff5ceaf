package resolvers

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/mentorgraph/mentorgraph/loaders"
)

// Limits bound what one GraphQL request may ask for.
type Limits struct {
	// MaxDepth is the deepest field nesting a query may have.
	MaxDepth int
	// MaxComplexity caps the query's cost, where list fields weigh their
	// `first`/`limit` argument times the cost of their children.
	MaxComplexity int
	// Timeout bounds the time one request may take.
	Timeout time.Duration
}

// DefaultLimits are the limits used when the server is not told otherwise.
var DefaultLimits = Limits{MaxDepth: 12, MaxComplexity: 50000, Timeout: 30 * time.Second}

// NewHandler returns the GraphQL HTTP handler (POST and GET, automatic
// persisted queries, a parsed-query cache, introspection, depth and
// complexity limits, and the error presenter).
func NewHandler(r *Resolver, lim Limits, log *slog.Logger) http.Handler {
	srv := handler.New(NewExecutableSchema(Config{Resolvers: r, Complexity: complexity()}))
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	srv.Use(depthLimit{max: lim.MaxDepth})
	srv.Use(extension.FixedComplexityLimit(lim.MaxComplexity))
	srv.SetErrorPresenter(func(ctx context.Context, err error) *gqlerror.Error {
		return presentError(ctx, err, log)
	})
	srv.SetRecoverFunc(func(ctx context.Context, v any) error {
		log.Error("panic in resolver", "panic", v, "path", graphql.GetPath(ctx))
		return errors.New("internal error")
	})
	return withTimeout(loaders.Middleware(r.Store, srv), lim.Timeout)
}

// withTimeout bounds each request by a deadline on its context: the
// store's statements stop when it passes, and the request answers
// UNAVAILABLE, "the request took too long" (presentError). A deadline rather
// than http.TimeoutHandler, which runs the handler in a goroutine of its own
// and buffers the whole answer before writing it: 30–40 µs a request
// (netbench), 3 % of a 1 ms question. Everything a request waits on (Neo4j,
// the loaders) stops at the deadline.
func withTimeout(next http.Handler, d time.Duration) http.Handler {
	if d <= 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// GraphiQL returns the GraphiQL page for the endpoint at path.
func GraphiQL(path string) http.Handler {
	return playground.Handler("MentorGraph GraphiQL", path)
}
