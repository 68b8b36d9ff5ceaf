package server

import (
	"log/slog"
	"net/http"

	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/mentorgraph/mentorgraph/resolvers"
)

// NewHandlerWithGqlgenPOST is NewHandler with gqlgen's own POST transport
// (transport.POST) in place of postTransport, to compare the two.
func NewHandlerWithGqlgenPOST(r *resolvers.Resolver, lim Limits, log *slog.Logger) http.Handler {
	return newHandler(r, lim, newGuardFor(r, DefaultSecurity, log), log, transport.POST{})
}
