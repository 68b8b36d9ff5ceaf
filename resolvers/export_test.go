package resolvers

import (
	"log/slog"
	"net/http"

	"github.com/99designs/gqlgen/graphql/handler/transport"
)

// SetPlainWriting switches plain writing (plain.go) on or off for a test,
// and returns how to restore it.
func SetPlainWriting(on bool) (restore func()) {
	was := plainWriting
	plainWriting = on
	return func() { plainWriting = was }
}

// PlainWrites returns how many objects plain writers have written.
func PlainWrites() int64 { return plainWrites.Load() }

// NewHandlerWithGqlgenPOST is NewHandler with gqlgen's own POST transport
// (transport.POST) in place of postTransport, to compare the two.
func NewHandlerWithGqlgenPOST(r *Resolver, lim Limits, log *slog.Logger) http.Handler {
	return newHandler(r, lim, log, transport.POST{})
}
