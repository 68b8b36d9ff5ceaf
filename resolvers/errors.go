package resolvers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// Codes of extensions.code that clients can rely on.
const (
	CodeNotFound     = "NOT_FOUND"
	CodeConflict     = "CONFLICT"
	CodeBadUserInput = "BAD_USER_INPUT"
	CodeForbidden    = "FORBIDDEN"
	// CodeUnauthenticated: no signed-in viewer, or a credential that is
	// malformed, unknown, expired or revoked.
	CodeUnauthenticated = "UNAUTHENTICATED"
	CodeUnavailable     = "UNAVAILABLE"
	CodeInternal        = "INTERNAL"
	// CodeCapacityFull: a new active mentorship for a mentor with no open
	// slot; extensions.capacity and extensions.active say why.
	CodeCapacityFull = "CAPACITY_FULL"
	// CodeOutcomeUnknown: the connection to the database was lost while a
	// change was being committed; it may or may not be saved, and
	// repeating the request is safe.
	CodeOutcomeUnknown = "OUTCOME_UNKNOWN"
)

// outcomeUnknownMessage is what a write whose commit went unanswered says.
const outcomeUnknownMessage = "the connection to the database was lost while this change was being committed: " +
	"it may or may not have been saved; read it back, or repeat the request (repeating it is safe)"

// PresentError maps the store's error kinds to extensions.code in one place
// (the server's error presenter calls it for every error).
// Messages of known kinds are written for people and pass through; anything
// else is logged and shown as "internal error", so no raw Neo4j text reaches
// a client.
func PresentError(ctx context.Context, err error, log *slog.Logger) *gqlerror.Error {
	pres := graphql.DefaultErrorPresenter(ctx, err)
	if pres.Extensions == nil {
		pres.Extensions = map[string]any{}
	}
	var inv *graph.InputError
	var problems dataset.Problems
	var capacity *graph.CapacityError
	var denied *ForbiddenError
	switch {
	case errors.Is(err, ErrUnauthenticated):
		pres.Message = ErrUnauthenticated.Error()
		pres.Extensions["code"] = CodeUnauthenticated
	case errors.As(err, &denied):
		pres.Message = denied.Msg
		pres.Extensions["code"] = CodeForbidden
	case errors.As(err, &problems):
		pres.Message = fmt.Sprintf("%d problem(s) in the records; nothing was written", len(problems))
		pres.Extensions["code"] = CodeBadUserInput
		list := make([]map[string]any, len(problems))
		for i, p := range problems {
			list[i] = map[string]any{"line": p.Line, "column": p.Column, "message": p.Message}
		}
		pres.Extensions["problems"] = list
	case errors.As(err, &inv):
		pres.Message = inv.Error()
		pres.Extensions["code"] = CodeBadUserInput
		pres.Extensions["field"] = inv.Field
		if inv.Field == "" {
			pres.Extensions["field"] = pathField(pres.Path)
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
	case errors.As(err, &capacity):
		pres.Message = graph.Message(err)
		pres.Extensions["code"] = CodeCapacityFull
		pres.Extensions["capacity"] = capacity.Capacity
		pres.Extensions["active"] = capacity.Active
	case errors.Is(err, graph.ErrOutcomeUnknown):
		// Before the deadline's case: a commit cut off by the deadline
		// is still of unknown outcome, not "took too long".
		log.WarnContext(ctx, "write outcome unknown", "err", err, "path", pres.Path)
		pres.Message = outcomeUnknownMessage
		pres.Extensions["code"] = CodeOutcomeUnknown
	case graph.DeadlinePassed(ctx) && !IsRequestError(err):
		// The request's deadline (answered) passed while it waited.
		log.WarnContext(ctx, "request timed out", "err", err, "path", pres.Path)
		pres.Message = TimedOutMessage
		pres.Extensions["code"] = CodeUnavailable
	case errors.Is(err, graph.ErrUnavailable):
		log.WarnContext(ctx, "database unavailable", "err", err, "path", pres.Path)
		pres.Message = "the database is unavailable or the request took too long; try again"
		pres.Extensions["code"] = CodeUnavailable
	case IsRequestError(err):
		// Parse and validation errors made by gqlgen itself: they describe
		// the request, so they pass through.
		if _, ok := pres.Extensions["code"]; !ok {
			pres.Extensions["code"] = CodeBadUserInput
		}
	default:
		log.ErrorContext(ctx, "internal error", "err", err, "path", pres.Path)
		pres.Message = "internal error"
		pres.Extensions = map[string]any{"code": CodeInternal}
	}
	return pres
}

// TimedOutMessage is what a request whose deadline passed answers.
const TimedOutMessage = "the request took too long (longer than the server's request timeout)"

// IsRequestError reports whether err is gqlgen's own error about the
// request (no underlying error from a resolver).
func IsRequestError(err error) bool {
	var gqlErr *gqlerror.Error
	return errors.As(err, &gqlErr) && gqlErr.Err == nil
}

// pathField renders the argument path of an input error, e.g.
// "input.since", dropping the field name a path starts with.
func pathField(path ast.Path) string {
	var parts []string
	for _, el := range path {
		if n, ok := el.(ast.PathName); ok {
			parts = append(parts, string(n))
		}
	}
	if len(parts) > 1 {
		parts = parts[1:]
	}
	return strings.Join(parts, ".")
}
