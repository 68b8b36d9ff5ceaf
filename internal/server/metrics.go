package server

import (
	"context"
	"net/http"
	"regexp"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/internal/auth"
	"github.com/mentorgraph/mentorgraph/loaders"
	"github.com/mentorgraph/mentorgraph/resolvers"
)

// Metrics is what /metrics shows in Prometheus's text format (the names
// and what each means: docs/operations.md): per GraphQL request its time by
// operation name, its error codes, its Neo4j statements and its loaders'
// batches; requests in flight and answers by HTTP status; the store's
// statements, transactions, retries and open transactions; the progress of
// importRecords; and Go's runtime and process figures.
type Metrics struct {
	reg        *prometheus.Registry
	duration   *prometheus.HistogramVec
	responses  *prometheus.CounterVec
	errors     *prometheus.CounterVec
	statements prometheus.Histogram
	batches    *prometheus.HistogramVec
	inFlight   prometheus.Gauge
	importDone prometheus.Gauge
	importAll  prometheus.Gauge
	imported   prometheus.Counter
	ops        operationNames
}

// NewMetrics returns the metrics of a server over store.
func NewMetrics(store *graph.Store) *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry()}
	f := func(c prometheus.Collector) { m.reg.MustRegister(c) }
	m.duration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "mentorgraph_graphql_request_duration_seconds",
		Help: "Time to answer a GraphQL request, from its body read to its answer written, by operation name (anonymous without one, other past 200 names or for a name that is not a GraphQL name).",
		// 1 ms to 10 s: the questions answer in milliseconds, the
		// timeout is 30 s by default.
		Buckets: prometheus.ExponentialBucketsRange(0.001, 10, 16),
	}, []string{"operation"})
	m.responses = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "mentorgraph_graphql_responses_total",
		Help: "GraphQL answers by HTTP status (401: no or a bad credential, 413/408: the body refused, 503: busy or timed out).",
	}, []string{"status"})
	m.errors = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "mentorgraph_graphql_errors_total",
		Help: "Errors in GraphQL answers, by extensions.code.",
	}, []string{"code"})
	m.statements = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "mentorgraph_neo4j_statements_per_request",
		Help:    "Cypher statements (Neo4j round trips) one GraphQL request sent.",
		Buckets: []float64{0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 64},
	})
	m.batches = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "mentorgraph_loader_batch_keys",
		Help:    "Keys per batch a loader fetched in one statement, by loader.",
		Buckets: []float64{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000},
	}, []string{"loader"})
	m.inFlight = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "mentorgraph_graphql_requests_in_flight",
		Help: "GraphQL requests being answered (or waiting for a turn) now.",
	})
	m.importDone = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "mentorgraph_import_rows_done",
		Help: "Rows written so far by the importRecords under way (the latest one when none is).",
	})
	m.importAll = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "mentorgraph_import_rows",
		Help: "Rows of the importRecords under way (the latest one when none is).",
	})
	m.imported = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "mentorgraph_import_rows_written_total",
		Help: "Rows importRecords wrote (created, updated or found unchanged), over all imports.",
	})
	for _, c := range []prometheus.Collector{m.duration, m.responses, m.errors, m.statements, m.batches, m.inFlight, m.importDone, m.importAll, m.imported} {
		f(c)
	}
	f(prometheus.NewCounterFunc(prometheus.CounterOpts{
		Name: "mentorgraph_neo4j_statements_total", Help: "Cypher statements the store sent.",
	}, func() float64 { return float64(store.Statements()) }))
	f(prometheus.NewCounterFunc(prometheus.CounterOpts{
		Name: "mentorgraph_neo4j_transactions_total", Help: "Transactions the store ran (each attempt of a retried one).",
	}, func() float64 { return float64(store.Transactions()) }))
	f(prometheus.NewCounterFunc(prometheus.CounterOpts{
		Name: "mentorgraph_neo4j_retries_total", Help: "Transaction attempts after a transient error (deadlocks, leader changes).",
	}, func() float64 { return float64(store.Retries()) }))
	f(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "mentorgraph_neo4j_transactions_open",
		Help: "Transactions under way, each holding a driver connection (the Go driver reports no pool figures of its own).",
	}, func() float64 { return float64(store.OpenTransactions()) }))
	f(collectors.NewGoCollector())
	f(collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the metrics.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// ImportProgress is importRecords' progress callback (graph.ImportOptions).
func (m *Metrics) ImportProgress() func(done, total int) {
	var last atomic.Int64
	return func(done, total int) {
		m.importDone.Set(float64(done))
		m.importAll.Set(float64(total))
		m.imported.Add(float64(int64(done) - last.Swap(int64(done))))
	}
}

// requestStats is what a request's metrics collect while it is answered.
type requestStats struct {
	statements atomic.Int64
	mu         sync.Mutex
	graphql    bool
	operation  string
	codes      []string
	// account is the viewer's account id, once resolved.
	account string
}

// statsOf returns the request's stats (nil outside a request).
func statsOf(ctx context.Context) *requestStats {
	st, _ := ctx.Value(requestStatsKey{}).(*requestStats)
	return st
}

// noteAccount records the viewer's account id in the request's stats.
func noteAccount(ctx context.Context, account string) {
	if st := statsOf(ctx); st != nil {
		st.mu.Lock()
		st.account = account
		st.mu.Unlock()
	}
}

type requestStatsKey struct{}

// observe wraps the GraphQL handler: each request's time, status, error
// codes, statements and loader batches.
func (m *Metrics) observe(next http.Handler) http.Handler {
	batch := func(loader string, keys int) { m.batches.WithLabelValues(loader).Observe(float64(keys)) }
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		m.inFlight.Inc()
		defer m.inFlight.Dec()
		ctx := r.Context()
		st := statsOf(ctx)
		if st == nil {
			st = &requestStats{}
			ctx = context.WithValue(ctx, requestStatsKey{}, st)
		}
		st.mu.Lock()
		st.graphql = true
		st.mu.Unlock()
		ctx = graph.WithStatementCount(ctx, &st.statements)
		ctx = loaders.ObserveBatches(ctx, batch)
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r.WithContext(ctx))
		st.mu.Lock()
		defer st.mu.Unlock()
		m.duration.WithLabelValues(m.ops.label(st.operation)).Observe(time.Since(start).Seconds())
		m.responses.WithLabelValues(strconv.Itoa(sw.status)).Inc()
		m.statements.Observe(float64(st.statements.Load()))
		for _, c := range st.codes {
			m.errors.WithLabelValues(c).Inc()
		}
	})
}

// noteErrorCode adds an error code to the request's metrics (nothing
// outside a request observed by Metrics).
func noteErrorCode(ctx context.Context, code string) {
	if st := statsOf(ctx); st != nil {
		if code == "" {
			code = resolvers.CodeInternal
		}
		st.mu.Lock()
		st.codes = append(st.codes, code)
		st.mu.Unlock()
	}
}

// statusWriter remembers the status and the size of what a handler
// wrote.
type statusWriter struct {
	http.ResponseWriter
	status, bytes int
}

func (w *statusWriter) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

func (w *statusWriter) WriteHeader(status int) {
	w.status = status
	w.ResponseWriter.WriteHeader(status)
}

// Unwrap lets http.ResponseController reach the connection (read
// deadlines on the body).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// operationNamer is a gqlgen extension that gives the request's metrics
// its operation's name.
type operationNamer struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = operationNamer{}

func (operationNamer) ExtensionName() string { return "OperationName" }

func (operationNamer) Validate(graphql.ExecutableSchema) error { return nil }

func (operationNamer) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if st := statsOf(ctx); st != nil {
		name := oc.OperationName
		if name == "" && oc.Operation != nil {
			name = oc.Operation.Name
		}
		st.mu.Lock()
		st.operation = name
		st.mu.Unlock()
	}
	return nil
}

// operationNames bounds the operation label: a client names its
// operations, and each name would be a series of its own.
type operationNames struct {
	mu   sync.Mutex
	seen map[string]bool
}

const maxOperationNames = 200

var graphQLName = regexp.MustCompile(`^[_A-Za-z][_0-9A-Za-z]{0,63}$`)

// label is the operation label of name: anonymous, the name, or other
// (past maxOperationNames names, or not a GraphQL name of at most 64
// characters).
func (o *operationNames) label(name string) string {
	if name == "" {
		return "anonymous"
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.seen[name] {
		return name
	}
	if len(o.seen) >= maxOperationNames || !graphQLName.MatchString(name) {
		return "other"
	}
	if o.seen == nil {
		o.seen = map[string]bool{}
	}
	o.seen[name] = true
	return name
}

// adminsOnly serves next to admins (an admin's API token, as a Prometheus
// scrape sends it with `authorization: {credentials: …}`, or session).
func (g *guard) adminsOnly(next http.Handler) http.Handler {
	return g.middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if v := auth.FromContext(r.Context()); v == nil || !v.IsAdmin {
			writeError(w, http.StatusForbidden, resolvers.CodeForbidden, "the metrics are for admins: send an admin's API token as Authorization: Bearer")
			return
		}
		next.ServeHTTP(w, r)
	}))
}
