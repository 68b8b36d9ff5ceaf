package resolvers

import (
	"context"
	"errors"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/mentorgraph/mentorgraph/graph"
)

// Codes of extensions.code that clients can rely on.
const (
	CodeNotFound     = "NOT_FOUND"
	CodeConflict     = "CONFLICT"
	CodeBadUserInput = "BAD_USER_INPUT"
	CodeForbidden    = "FORBIDDEN"
	CodeUnavailable  = "UNAVAILABLE"
	CodeInternal     = "INTERNAL"
)

// presentError maps the store's error kinds to extensions.code in one place.
// Messages of known kinds are written for people and pass through; anything
// else is logged and shown as "internal error", so no raw Neo4j text reaches
// a client.
func presentError(ctx context.Context, err error, log *slog.Logger) *gqlerror.Error {
	var gqlErr *gqlerror.Error
	if errors.As(err, &gqlErr) && gqlErr.Err == nil {
		// Parse and validation errors made by gqlgen itself.
		if gqlErr.Extensions == nil {
			gqlErr.Extensions = map[string]any{}
		}
		if _, ok := gqlErr.Extensions["code"]; !ok {
			gqlErr.Extensions["code"] = CodeBadUserInput
		}
		return gqlErr
	}
	pres := graphql.DefaultErrorPresenter(ctx, err)
	if pres.Extensions == nil {
		pres.Extensions = map[string]any{}
	}
	var inv *graph.InputError
	switch {
	case errors.As(err, &inv):
		pres.Message = inv.Error()
		pres.Extensions["code"] = CodeBadUserInput
		if inv.Field != "" {
			pres.Extensions["field"] = inv.Field
		}
	case errors.Is(err, graph.ErrNotFound):
		pres.Message = graph.Message(err)
		pres.Extensions["code"] = CodeNotFound
	case errors.Is(err, graph.ErrConflict):
		pres.Message = graph.Message(err)
		pres.Extensions["code"] = CodeConflict
	case errors.Is(err, graph.ErrInvalid):
		pres.Message = graph.Message(err)
		pres.Extensions["code"] = CodeBadUserInput
	case errors.Is(err, graph.ErrUnavailable):
		log.Warn("database unavailable", "err", err, "path", pres.Path)
		pres.Message = "the database is unavailable or the request took too long; try again"
		pres.Extensions["code"] = CodeUnavailable
	default:
		log.Error("internal error", "err", err, "path", pres.Path)
		pres.Message = "internal error"
		pres.Extensions["code"] = CodeInternal
	}
	return pres
}
