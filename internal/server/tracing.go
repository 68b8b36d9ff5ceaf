package server

import (
	"context"
	"errors"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.37.0"
	"go.opentelemetry.io/otel/trace"

	"github.com/mentorgraph/mentorgraph/graph"
)

// Tracing (OpenTelemetry), off by default: with OTEL_EXPORTER_OTLP_ENDPOINT
// (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) set, SetupTracing sends traces
// there over OTLP/HTTP, the exporter reading the standard OTEL_* variables
// (headers, timeout, OTEL_SERVICE_NAME, OTEL_TRACES_SAMPLER…). A trace
// holds a span per HTTP request ("graphql <operation>" for GraphQL, a
// child of the caller's span when it sends traceparent), one per resolver
// that does I/O (the fields with a resolver method: they call the store or
// a loader), and one per Cypher statement ("cypher <golden file name>",
// graph.EnableTracing). Spans carry names, codes and counts, never a
// query's variables, a statement's parameters or a Neo4j message.

// tracerProvider is the provider NewMux traces with; nil: no tracing.
var tracerProvider atomic.Pointer[trace.TracerProvider]

// UseTracerProvider makes servers made after it (NewMux, NewHandler) and
// every store trace with tp; nil turns tracing off.
func UseTracerProvider(tp trace.TracerProvider) {
	if tp == nil {
		tracerProvider.Store(nil)
		graph.EnableTracing(nil)
		return
	}
	tracerProvider.Store(&tp)
	graph.EnableTracing(tp)
}

func tracingProvider() trace.TracerProvider {
	if tp := tracerProvider.Load(); tp != nil {
		return *tp
	}
	return nil
}

// TracingConfigured reports whether the environment asks for traces.
func TracingConfigured() bool {
	return os.Getenv("OTEL_EXPORTER_OTLP_ENDPOINT") != "" || os.Getenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") != ""
}

// SetupTracing turns tracing on when the environment asks for it
// (TracingConfigured) and returns the function that flushes and stops it
// (a no-op when off). Only OTLP over HTTP (protobuf) is spoken.
func SetupTracing(ctx context.Context, version string) (shutdown func(context.Context) error, err error) {
	if !TracingConfigured() {
		return func(context.Context) error { return nil }, nil
	}
	if p := os.Getenv("OTEL_EXPORTER_OTLP_PROTOCOL"); p != "" && p != "http/protobuf" {
		return nil, errors.New("OTEL_EXPORTER_OTLP_PROTOCOL " + strconv.Quote(p) + ": MentorGraph sends traces as http/protobuf only")
	}
	exp, err := otlptracehttp.New(ctx)
	if err != nil {
		return nil, err
	}
	res, err := resource.Merge(resource.Default(), resource.NewSchemaless(
		semconv.ServiceName(serviceName()), semconv.ServiceVersion(version)))
	if err != nil {
		return nil, err
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp), sdktrace.WithResource(res))
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}))
	UseTracerProvider(tp)
	return func(ctx context.Context) error {
		UseTracerProvider(nil)
		return tp.Shutdown(ctx)
	}, nil
}

func serviceName() string {
	if n := os.Getenv("OTEL_SERVICE_NAME"); n != "" {
		return n
	}
	return "mentorgraph"
}

// traced gives each request a span of tp's.
func traced(tp trace.TracerProvider, next http.Handler) http.Handler {
	tracer := tp.Tracer("github.com/mentorgraph/mentorgraph/internal/server")
	prop := propagation.TraceContext{}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := prop.Extract(r.Context(), propagation.HeaderCarrier(r.Header))
		ctx, span := tracer.Start(ctx, r.Method+" "+routeOf(r.URL.Path), trace.WithSpanKind(trace.SpanKindServer),
			trace.WithAttributes(attribute.String("http.request.method", r.Method), attribute.String("http.route", routeOf(r.URL.Path))))
		defer span.End()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r.WithContext(ctx))
		span.SetAttributes(attribute.Int("http.response.status_code", sw.status), attribute.String("mentorgraph.request_id", RequestIDOf(ctx)))
		if st := statsOf(ctx); st != nil {
			st.mu.Lock()
			if st.graphql {
				op := st.operation
				if op == "" {
					op = "anonymous"
				}
				span.SetName("graphql " + op)
				span.SetAttributes(attribute.String("graphql.operation.name", op), attribute.Int64("mentorgraph.statements", st.statements.Load()))
				if len(st.codes) > 0 {
					span.SetAttributes(attribute.StringSlice("mentorgraph.error_codes", st.codes))
				}
			}
			st.mu.Unlock()
		}
		if sw.status >= 500 {
			span.SetStatus(codes.Error, http.StatusText(sw.status))
		}
	})
}

// routeOf is the route of a path: the endpoint, or "/" for the web UI's
// pages (their paths hold ids).
func routeOf(path string) string {
	switch {
	case path == "/graphql", path == "/graphiql", path == "/healthz", path == "/readyz", path == "/metrics":
		return path
	case strings.HasPrefix(path, "/auth/"):
		return path
	case strings.HasPrefix(path, "/assets/"):
		return "/assets/*"
	}
	return "/"
}

// resolverSpans is a gqlgen field middleware: a span for each field with a
// resolver method (those call the store or a loader), named Type.field.
func resolverSpans(tp trace.TracerProvider) graphql.FieldMiddleware {
	tracer := tp.Tracer("github.com/mentorgraph/mentorgraph/resolvers")
	return func(ctx context.Context, next graphql.Resolver) (any, error) {
		fc := graphql.GetFieldContext(ctx)
		if fc == nil || !fc.IsResolver {
			return next(ctx)
		}
		ctx, span := tracer.Start(ctx, fc.Object+"."+fc.Field.Name)
		defer span.End()
		res, err := next(ctx)
		if err != nil {
			span.SetStatus(codes.Error, "error")
		}
		return res, err
	}
}
