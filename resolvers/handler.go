package resolvers

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/mentorgraph/mentorgraph/graph"
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
	// MaxInFlight caps the requests worked on at once (0: no cap). More
	// wait, holding only their connection, until one is done or their
	// Timeout passes (then: 503, UNAVAILABLE). A request in flight holds
	// its query, its answer and a Neo4j connection; this keeps memory from
	// growing with the number of clients asking at once.
	MaxInFlight int
}

// DefaultLimits are the limits used when the server is not told otherwise.
// MaxInFlight matches the driver's default connection pool (100): more
// requests at once would only wait there, holding what they have read.
var DefaultLimits = Limits{MaxDepth: 12, MaxComplexity: 50000, Timeout: 30 * time.Second, MaxInFlight: 100}

// NewHandler returns the GraphQL HTTP handler (POST and GET, automatic
// persisted queries, a parsed-query cache, introspection, depth and
// complexity limits, and the error presenter).
func NewHandler(r *Resolver, lim Limits, log *slog.Logger) http.Handler {
	return newHandler(r, lim, log, postTransport{})
}

// newHandler is NewHandler with the transport for POST requests.
func newHandler(r *Resolver, lim Limits, log *slog.Logger, post graphql.Transport) http.Handler {
	srv := handler.New(NewExecutableSchema(Config{Resolvers: r, Complexity: complexity()}))
	srv.AddTransport(transport.GET{})
	srv.AddTransport(post)
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
	return answered(loaders.Middleware(r.Store, srv), lim.Timeout, lim.MaxInFlight)
}

// timedOutAnswer is the answer to a request whose deadline passed before
// gqlgen executed any of it (gqlgen then answers a bare null).
const timedOutAnswer = `{"errors":[{"message":"` + timedOutMessage + `","extensions":{"code":"` + CodeUnavailable + `"}}],"data":null}`

// busyMessage and busyAnswer answer a request that waited its whole
// timeout for a turn (Limits.MaxInFlight).
const (
	busyMessage = "the server is busy: too many requests at once; try again shortly"
	busyAnswer  = `{"errors":[{"message":"` + busyMessage + `","extensions":{"code":"` + CodeUnavailable + `"}}],"data":null}`
)

// answered serves each request within a deadline, and sends its answer
// whole.
//
// The deadline (none when timeout ≤ 0) is given to the store with
// graph.WithDeadline: each Neo4j transaction gets the time left as its
// timeout, so Neo4j stops a statement that outlives the request, and the
// request's context is cancelled when the time is up (waits on loaders and
// the driver's retries stop). The request then answers UNAVAILABLE, "the
// request took too long" (presentError, or timedOutAnswer). Not a context
// deadline: the driver would race every socket read in a goroutine of its
// own, 30–70 µs a statement (netbench). Not http.TimeoutHandler either,
// which runs the handler in a goroutine of its own: 30–40 µs a request.
//
// At most maxInFlight requests (none when ≤ 0) are served at once; others
// wait for a turn before anything of them is read past their headers, and
// answer 503 UNAVAILABLE (busyAnswer, with Retry-After) when their deadline
// passes first, or simply stop when the client goes away.
//
// The answer is sent in one write with its Content-Length, not in 4 KB
// chunks as net/http sends anything past 2 KB without one: one write on the
// connection, one read for the client. Buffers come from a pool; ones grown
// past maxPooledAnswer are left to the collector.
func answered(next http.Handler, timeout time.Duration, maxInFlight int) http.Handler {
	var turns chan struct{}
	if maxInFlight > 0 {
		turns = make(chan struct{}, maxInFlight)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		if timeout > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithCancel(graph.WithDeadline(ctx, time.Now().Add(timeout)))
			defer cancel()
			timer := time.AfterFunc(timeout, cancel)
			defer timer.Stop()
		}
		if turns != nil {
			// A free turn is taken even when the deadline has passed: the
			// request then says it took too long, not that the server is busy.
			select {
			case turns <- struct{}{}:
			default:
				select {
				case turns <- struct{}{}:
				case <-ctx.Done():
					w.Header().Set("Content-Type", mediaJSON)
					w.Header().Set("Retry-After", "1")
					w.WriteHeader(http.StatusServiceUnavailable)
					_, _ = io.WriteString(w, busyAnswer)
					return
				}
			}
			defer func() { <-turns }()
		}
		buf := answerBuffers.Get().(*bytes.Buffer)
		buf.Reset()
		defer func() {
			if buf.Cap() <= maxPooledAnswer {
				answerBuffers.Put(buf)
			}
		}()
		bw := &bufferedWriter{ResponseWriter: w, buf: buf}
		next.ServeHTTP(bw, r.WithContext(ctx))
		if bw.status == 0 {
			bw.status = http.StatusOK
		}
		if graph.DeadlinePassed(ctx) && bytes.Equal(bytes.TrimSpace(buf.Bytes()), []byte("null")) {
			buf.Reset()
			buf.WriteString(timedOutAnswer)
			bw.status = http.StatusServiceUnavailable
		}
		w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
		w.WriteHeader(bw.status)
		_, _ = w.Write(buf.Bytes())
	})
}

const maxPooledAnswer = 1 << 20

var answerBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// bufferedWriter keeps the status and body of an answer for answered.
type bufferedWriter struct {
	http.ResponseWriter
	buf    *bytes.Buffer
	status int
}

func (b *bufferedWriter) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}

func (b *bufferedWriter) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.buf.Write(p)
}

// Unwrap gives http.ResponseController the connection's writer.
func (b *bufferedWriter) Unwrap() http.ResponseWriter { return b.ResponseWriter }

// GraphiQL returns the GraphiQL page for the endpoint at path.
func GraphiQL(path string) http.Handler {
	return playground.Handler("MentorGraph GraphiQL", path)
}
