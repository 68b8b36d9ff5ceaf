package graph

import (
	"context"
	"errors"
	"sync/atomic"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// statementTracer, when set (EnableTracing), gives each statement the
// store sends a span: "cypher <golden name>", a child of the request's
// span. It carries the statement's golden file name, never its text's
// parameters' values.
var statementTracer atomic.Pointer[trace.Tracer]

// EnableTracing makes every store give each statement a span of tp's;
// nil turns it off.
func EnableTracing(tp trace.TracerProvider) {
	if tp == nil {
		statementTracer.Store(nil)
		return
	}
	t := tp.Tracer("github.com/mentorgraph/mentorgraph/graph")
	statementTracer.Store(&t)
}

// traceStatement starts the span of a statement when tracing is on; end
// ends it with the statement's outcome.
func traceStatement(ctx context.Context, cypher string) (context.Context, func(error)) {
	t := statementTracer.Load()
	if t == nil {
		return ctx, func(error) {}
	}
	name := StatementName(cypher)
	ctx, span := (*t).Start(ctx, "cypher "+name, trace.WithSpanKind(trace.SpanKindClient), trace.WithAttributes(
		attribute.String("db.system.name", "neo4j"), attribute.String("db.query.summary", name)))
	return ctx, func(err error) {
		if err != nil {
			// The error's code, not its message: Neo4j's messages may
			// quote values.
			code := "error"
			var n4j *neo4j.Neo4jError
			if errors.As(err, &n4j) {
				code = n4j.Code
			}
			span.SetStatus(codes.Error, code)
		}
		span.End()
	}
}
