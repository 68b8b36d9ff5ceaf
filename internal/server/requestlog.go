package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"time"
)

// Logs: one line per HTTP request (logRequests), and every line logged
// while a request is answered carries its request id (ContextHandler).
// Lines hold no personal data and no secrets: the path without its query
// string (a GET query's variables may name people), never a body, a
// header's value, a login or a token; the account id (opaque) of the
// viewer. TestRequestLogs checks it.

// NewLogger returns the server's logger writing to w: format "json" (one
// JSON object per line) or "text" (slog's key=value lines), with the
// request id of the context of each line.
func NewLogger(w io.Writer, format string) (*slog.Logger, error) {
	var h slog.Handler
	switch format {
	case "json":
		h = slog.NewJSONHandler(w, nil)
	case "text":
		h = slog.NewTextHandler(w, nil)
	default:
		return nil, fmt.Errorf("log format %q: want json or text", format)
	}
	return slog.New(ContextHandler{h}), nil
}

// ContextHandler adds the request id of a line's context (logRequests)
// to the line.
type ContextHandler struct{ slog.Handler }

func (h ContextHandler) Handle(ctx context.Context, r slog.Record) error {
	if id, ok := ctx.Value(requestIDKey{}).(string); ok {
		r.AddAttrs(slog.String("request_id", id))
	}
	return h.Handler.Handle(ctx, r)
}

func (h ContextHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return ContextHandler{h.Handler.WithAttrs(as)}
}

func (h ContextHandler) WithGroup(name string) slog.Handler {
	return ContextHandler{h.Handler.WithGroup(name)}
}

type requestIDKey struct{}

// RequestIDOf returns the request id of ctx ("" outside a request).
func RequestIDOf(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// requestIDHeader carries the request id both ways: a proxy's id is kept
// (when it is a plain token of at most 64 characters), otherwise one is
// made; the answer says which.
const requestIDHeader = "X-Request-Id"

var plainRequestID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

func newRequestID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// logRequests gives each request an id and logs one line when it is
// answered: method, path, status, bytes, time, and for GraphQL requests
// the operation name, the statements sent and the error codes (collected
// in requestStats). The health checks log at debug level (probes ask every
// few seconds); answers of 5xx at error level, 503 at warn.
func logRequests(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get(requestIDHeader)
		if !plainRequestID.MatchString(id) {
			id = newRequestID()
		}
		w.Header().Set(requestIDHeader, id)
		st := &requestStats{}
		ctx := context.WithValue(context.WithValue(r.Context(), requestIDKey{}, id), requestStatsKey{}, st)
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r.WithContext(ctx))

		level := slog.LevelInfo
		switch {
		case r.URL.Path == "/healthz" || r.URL.Path == "/readyz":
			level = slog.LevelDebug
		case sw.status == http.StatusServiceUnavailable:
			level = slog.LevelWarn
		case sw.status >= 500:
			level = slog.LevelError
		}
		attrs := []slog.Attr{
			slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Int("status", sw.status),
			slog.Int("bytes", sw.bytes), slog.Float64("ms", float64(time.Since(start).Microseconds())/1000),
		}
		st.mu.Lock()
		if st.graphql {
			op := st.operation
			if op == "" {
				op = "anonymous"
			}
			attrs = append(attrs, slog.String("operation", op), slog.Int64("statements", st.statements.Load()))
			if len(st.codes) > 0 {
				attrs = append(attrs, slog.Any("errors", st.codes))
			}
		}
		if st.account != "" {
			attrs = append(attrs, slog.String("account", st.account))
		}
		st.mu.Unlock()
		log.LogAttrs(ctx, level, "request", attrs...)
	})
}
