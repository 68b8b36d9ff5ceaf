package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/internal/auth"
	"github.com/mentorgraph/mentorgraph/loaders"
	"github.com/mentorgraph/mentorgraph/resolvers"
)

// NewHandler returns the GraphQL HTTP handler (POST and GET, automatic
// persisted queries, a parsed-query cache, introspection, the limits of
// lim, the viewer of each request as sec says, and the error presenter),
// observed as NewMux's is: a log line per request, metrics (not served:
// NewMux serves them at /metrics), traces when tracing is on. Benchmarks
// measure this stack.
func NewHandler(r *resolvers.Resolver, lim Limits, sec Security, log *slog.Logger) http.Handler {
	h := NewMetrics(r.Store).observe(newHandler(r, lim, newGuardFor(r, sec, log), log, postTransport{}))
	if tp := tracingProvider(); tp != nil {
		h = traced(tp, h)
	}
	return logRequests(log, h)
}

// newGuardFor makes the guard of r's handler, sharing r's viewer cache
// (made here when r has none).
func newGuardFor(r *resolvers.Resolver, sec Security, log *slog.Logger) *guard {
	if r.Viewers == nil {
		r.Viewers = auth.NewCache(sec.ViewerCacheTTL)
	}
	return newGuard(r.Store, sec, r.Viewers, log)
}

// newHandler is NewHandler with its guard and the transport for POST
// requests.
func newHandler(r *resolvers.Resolver, lim Limits, g *guard, log *slog.Logger, post graphql.Transport) http.Handler {
	es := resolvers.NewExecutableSchema(resolvers.Config{Resolvers: r, Directives: r.Directives(), Complexity: resolvers.Complexity()})
	srv := handler.New(es)
	srv.AddTransport(transport.GET{})
	srv.AddTransport(post)
	srv.SetQueryCache(newParsedQueryCache())
	srv.Use(extension.Introspection{})
	// Parameter mutators run in this order: the persisted query is filled
	// in before the document is checked.
	srv.Use(extension.AutomaticPersistedQuery{Cache: newPersistedQueryCache()})
	srv.Use(keepVariables{})
	srv.Use(newDocumentCheck(lim.MaxSelections, lim.MaxNetworkQuestions))
	// Operation context mutators run in this order, after validation: the
	// cheap counts before the complexity, which calls a cost function per
	// field.
	if lim.MaxDepth > 0 {
		srv.Use(depthLimit{max: lim.MaxDepth})
	}
	if lim.MaxComplexity > 0 {
		srv.Use(extension.FixedComplexityLimit(lim.MaxComplexity))
	}
	srv.Use(operationNamer{})
	if tp := tracingProvider(); tp != nil {
		srv.AroundFields(resolverSpans(tp))
	}
	schema := es.Schema()
	srv.SetErrorPresenter(func(ctx context.Context, err error) *gqlerror.Error {
		pres := resolvers.PresentError(ctx, err, log)
		if resolvers.IsRequestError(err) {
			pres = clarify(ctx, schema, pres)
		}
		code, _ := pres.Extensions["code"].(string)
		noteErrorCode(ctx, code)
		return pres
	})
	srv.SetRecoverFunc(func(ctx context.Context, v any) error {
		log.ErrorContext(ctx, "panic in resolver", "panic", v, "path", graphql.GetPath(ctx))
		return errors.New("internal error")
	})
	return answered(g.middleware(loaders.Middleware(r.Store, srv)), lim, log)
}

// timedOutAnswer is the answer to a request whose deadline passed before
// gqlgen executed any of it (gqlgen then answers a bare null).
const timedOutAnswer = `{"errors":[{"message":"` + resolvers.TimedOutMessage + `","extensions":{"code":"` + resolvers.CodeUnavailable + `"}}],"data":null}`

// busyMessage and busyAnswer answer a request that waited its whole
// timeout for a turn (Limits.MaxInFlight).
const (
	busyMessage = "the server is busy: too many requests at once; try again shortly"
	busyAnswer  = `{"errors":[{"message":"` + busyMessage + `","extensions":{"code":"` + resolvers.CodeUnavailable + `"}}],"data":null}`
)

// answered reads each request's body, serves the request within a
// deadline, and sends its answer whole.
//
// The body is read first, whole, into a buffer: at most lim.MaxBodyBytes
// (else HTTP 413, REQUEST_TOO_LARGE), within lim.BodyReadTimeout (else
// HTTP 408, REQUEST_TIMEOUT; a read deadline on the connection, so a
// client sending a byte now and then cannot hold it open). Only then does
// the request wait for a turn: clients slow to send their bodies hold
// their connections, not the turns of those whose requests are in.
//
// The deadline (lim.Timeout; none when ≤ 0) is given to the store with
// graph.WithDeadline: each Neo4j transaction gets the time left as its
// timeout, so Neo4j stops a statement that outlives the request, and the
// request's context is cancelled when the time is up (waits on loaders and
// the driver's retries stop). The request then answers UNAVAILABLE, "the
// request took too long" (presentError, or timedOutAnswer). Not a context
// deadline: the driver would race every socket read in a goroutine of its
// own, 30–70 µs a statement (netbench). Not http.TimeoutHandler either,
// which runs the handler in a goroutine of its own: 30–40 µs a request.
//
// One wait does not end at the deadline: the driver's read of a Neo4j
// connection, which has no deadline of its own. When Neo4j holds a read
// (paused, frozen, a network dropping packets), stuckAnswer answers for
// the request stuckGrace after its deadline; the handler returns, and
// frees its turn, when the read ends.
//
// At most lim.MaxInFlight requests (none when ≤ 0) are served at once;
// others wait for a turn, and answer 503 UNAVAILABLE (busyAnswer, with
// Retry-After) when their deadline passes first, or simply stop when the
// client goes away.
//
// The answer is sent in one write with its Content-Length, not in 4 KB
// chunks as net/http sends anything past 2 KB without one: one write on the
// connection, one read for the client. An answer growing past
// lim.MaxResponseBytes is dropped as it comes and replaced by a
// RESPONSE_TOO_LARGE error. Buffers come from pools; ones grown past
// maxPooledBuffer are left to the collector.
func answered(next http.Handler, lim Limits, log *slog.Logger) http.Handler {
	var turns chan struct{}
	if lim.MaxInFlight > 0 {
		turns = make(chan struct{}, lim.MaxInFlight)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		// stuck, set when the request's deadline has passed, answers for a
		// handler that has not returned stuckGrace later.
		var stuck *stuckAnswer
		if lim.Timeout > 0 {
			var cancel context.CancelFunc
			var commits atomic.Int32
			ctx, cancel = context.WithCancel(graph.WithDeadline(ctx, time.Now().Add(lim.Timeout)))
			ctx = graph.WithCommitsUnderWay(ctx, &commits)
			defer cancel()
			stuck = &stuckAnswer{ctx: ctx, w: w, commits: &commits}
			timer := time.AfterFunc(lim.Timeout, func() {
				cancel()
				time.AfterFunc(stuckGrace, stuck.answer)
			})
			defer timer.Stop()
		}

		body := pooledBuffer()
		defer recycle(body)
		if err := readBody(w, r, body, lim); err != nil {
			noteErrorCode(ctx, refuseBody(w, err, lim))
			return
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
					noteErrorCode(ctx, resolvers.CodeUnavailable)
					w.Header().Set("Content-Type", mediaJSON)
					w.Header().Set("Retry-After", "1")
					w.WriteHeader(http.StatusServiceUnavailable)
					_, _ = io.WriteString(w, busyAnswer)
					return
				}
			}
			defer func() { <-turns }()
		}
		buf := pooledBuffer()
		defer recycle(buf)
		bw := &bufferedWriter{ResponseWriter: w, header: http.Header{}, buf: buf, max: lim.MaxResponseBytes}
		r = r.WithContext(ctx)
		r.Body = &receivedBody{Reader: bytes.NewReader(body.Bytes()), b: body.Bytes()}
		r.ContentLength = int64(body.Len())
		if stuck != nil {
			stuck.serving(true)
		}
		next.ServeHTTP(bw, r)
		if stuck != nil && !stuck.serving(false) {
			// Answered already (stuckAnswer): this answer is dropped.
			return
		}
		if bw.status == 0 {
			bw.status = http.StatusOK
		}
		switch {
		case bw.tooLarge:
			log.WarnContext(ctx, "answer too large", "limit", lim.MaxResponseBytes)
			noteErrorCode(ctx, CodeResponseTooLarge)
			buf.Reset()
			buf.WriteString(tooLargeAnswer(lim.MaxResponseBytes))
			bw.status = http.StatusOK
		case graph.DeadlinePassed(ctx) && bytes.Equal(bytes.TrimSpace(buf.Bytes()), []byte("null")):
			buf.Reset()
			buf.WriteString(timedOutAnswer)
			noteErrorCode(ctx, resolvers.CodeUnavailable)
			bw.status = http.StatusServiceUnavailable
		}
		h := w.Header()
		for k, v := range bw.header {
			h[k] = v
		}
		h.Set("Content-Length", strconv.Itoa(buf.Len()))
		w.WriteHeader(bw.status)
		_, _ = w.Write(buf.Bytes())
	})
}

// stuckGrace is how long after its deadline a request's handler may take
// to return before stuckAnswer answers for it. Every wait of a request
// ends when its context is cancelled at the deadline, except one: the
// driver reads a Neo4j connection without a deadline (see answered), so a
// Neo4j that stops answering while keeping its connections open (paused,
// frozen, shutting down, a network dropping packets) holds the read until
// the connection breaks or Neo4j comes back.
const stuckGrace = time.Second

// stuckAnswer answers a request whose handler is still held stuckGrace
// after its deadline: 503 UNAVAILABLE (the request took too long), or
// OUTCOME_UNKNOWN when a write of the request had gone on to commit
// (graph.WithCommitsUnderWay), with Connection: close (the connection
// stays busy until the handler returns). The handler's own answer, when
// it comes, is dropped; it keeps its turn (MaxInFlight) until then, as it
// keeps its Neo4j connection.
type stuckAnswer struct {
	// ctx is the request's: its error code is noted there (metrics, log).
	ctx     context.Context
	w       http.ResponseWriter
	commits *atomic.Int32
	mu      sync.Mutex
	// inHandler: the handler is running; answered: stuckAnswer answered.
	inHandler, answered bool
}

// serving notes that the handler starts (true) or has returned (false);
// it reports false when the request was answered for it meanwhile.
func (s *stuckAnswer) serving(in bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.inHandler = in
	return !s.answered
}

func (s *stuckAnswer) answer() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.inHandler || s.answered {
		return
	}
	s.answered = true
	body, status, code := timedOutAnswer, http.StatusServiceUnavailable, resolvers.CodeUnavailable
	if s.commits.Load() > 0 {
		body, status, code = string(errorAnswer(resolvers.CodeOutcomeUnknown, stuckCommitMessage)), http.StatusOK, resolvers.CodeOutcomeUnknown
	}
	noteErrorCode(s.ctx, code)
	h := s.w.Header()
	h.Set("Content-Type", mediaJSON)
	h.Set("Connection", "close")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	s.w.WriteHeader(status)
	_, _ = io.WriteString(s.w, body)
	_ = http.NewResponseController(s.w).Flush()
}

// stuckCommitMessage answers a request held past its deadline while a
// write of it was committing.
const stuckCommitMessage = "the database did not answer in time while this change was being committed: " +
	"it may or may not have been saved; read it back, or repeat the request (repeating it is safe)"

// readBody reads r's body into buf: at most lim.MaxBodyBytes, within
// lim.BodyReadTimeout. When it fails, the read deadline is left in the
// past: net/http, closing the body, would otherwise wait for the rest.
func readBody(w http.ResponseWriter, r *http.Request, buf *bytes.Buffer, lim Limits) error {
	if r.Body == nil || r.Body == http.NoBody {
		return nil
	}
	rc := http.NewResponseController(w)
	max := int64(lim.MaxBodyBytes)
	if max > 0 && r.ContentLength > max {
		// Refused before reading any of it.
		_ = rc.SetReadDeadline(time.Now())
		return &http.MaxBytesError{Limit: max}
	}
	if lim.BodyReadTimeout > 0 {
		_ = rc.SetReadDeadline(time.Now().Add(lim.BodyReadTimeout))
	}
	src := r.Body
	if max > 0 {
		src = http.MaxBytesReader(w, r.Body, max)
	}
	if r.ContentLength > 0 {
		buf.Grow(int(r.ContentLength))
	}
	_, err := buf.ReadFrom(src)
	switch {
	case err != nil:
		_ = rc.SetReadDeadline(time.Now())
	case lim.BodyReadTimeout > 0:
		// net/http clears it too once it has seen the body's end.
		_ = rc.SetReadDeadline(time.Time{})
	}
	_ = r.Body.Close()
	return err
}

// refuseBody answers a request whose body could not be read: too large
// (413), too slow (408), or anything else (400; usually the client has
// gone). The connection is closed after: what is left of the body is not
// read. It returns the answer's code.
func refuseBody(w http.ResponseWriter, err error, lim Limits) string {
	var tooLarge *http.MaxBytesError
	status, code, message := http.StatusBadRequest, resolvers.CodeBadUserInput, "the request body could not be read"
	switch {
	case errors.As(err, &tooLarge):
		status, code = http.StatusRequestEntityTooLarge, CodeRequestTooLarge
		message = fmt.Sprintf("the request body is larger than %d bytes (%s), the server's limit (MaxBodyBytes); send a smaller query or fewer variables",
			tooLarge.Limit, byteSize(tooLarge.Limit))
	case errors.Is(err, os.ErrDeadlineExceeded):
		status, code = http.StatusRequestTimeout, CodeRequestTimeout
		message = fmt.Sprintf("the request body did not arrive within %s, the server's limit (BodyReadTimeout)", lim.BodyReadTimeout)
	}
	w.Header().Set("Connection", "close")
	w.Header().Set("Content-Type", mediaJSON)
	w.WriteHeader(status)
	_, _ = w.Write(errorAnswer(code, message))
	return code
}

// tooLargeAnswer is the answer to a request whose answer grew past max
// bytes.
func tooLargeAnswer(max int) string {
	return string(errorAnswer(CodeResponseTooLarge, fmt.Sprintf(
		"the answer is larger than %d bytes (%s), the server's limit (MaxResponseBytes); ask for less: fewer fields, a smaller first or limit, or page through",
		max, byteSize(int64(max)))))
}

// errorAnswer is a GraphQL answer of one error with code.
func errorAnswer(code, message string) []byte {
	type gqlError struct {
		Message    string            `json:"message"`
		Extensions map[string]string `json:"extensions"`
	}
	b, err := json.Marshal(struct {
		Errors []gqlError `json:"errors"`
		Data   any        `json:"data"`
	}{Errors: []gqlError{{message, map[string]string{"code": code}}}})
	if err != nil {
		panic(err) // strings always marshal
	}
	return b
}

// byteSize writes n bytes for people: 1 MiB, 512 KiB, 700 bytes.
func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// receivedBody is a request body answered has read: the transport takes
// its bytes as they are rather than reading them into a copy.
type receivedBody struct {
	*bytes.Reader
	b []byte
}

func (*receivedBody) Close() error { return nil }

const maxPooledBuffer = 1 << 20

var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// pooledBuffer is an empty buffer from the pool.
func pooledBuffer() *bytes.Buffer {
	b := buffers.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

// recycle puts b back in the pool unless it grew large.
func recycle(b *bytes.Buffer) {
	if b.Cap() <= maxPooledBuffer {
		buffers.Put(b)
	}
}

// bufferedWriter keeps the status and body of an answer for answered. An
// answer growing past max bytes (none when ≤ 0) is dropped, and tooLarge
// set: nothing more of it is kept.
type bufferedWriter struct {
	http.ResponseWriter
	// header is the answer's own: the connection's is written only by
	// answered, or by stuckAnswer on another goroutine.
	header   http.Header
	buf      *bytes.Buffer
	status   int
	max      int
	tooLarge bool
}

// errAnswerTooLarge is what bufferedWriter's Write returns past its max.
var errAnswerTooLarge = errors.New("answer larger than the server's limit")

func (b *bufferedWriter) Header() http.Header { return b.header }

func (b *bufferedWriter) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}

func (b *bufferedWriter) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	if b.tooLarge || (b.max > 0 && b.buf.Len()+len(p) > b.max) {
		b.tooLarge = true
		*b.buf = bytes.Buffer{} // and what it had grown to
		return 0, errAnswerTooLarge
	}
	return b.buf.Write(p)
}

// Unwrap gives http.ResponseController the connection's writer.
func (b *bufferedWriter) Unwrap() http.ResponseWriter { return b.ResponseWriter }
