package server

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/resolvers"
	"github.com/mentorgraph/mentorgraph/web"
)

// NewMux routes the server's endpoints: /graphql (NewHandler, within lim,
// for the viewers sec lets in), sign-in and sign-out under /auth/
// (signin.go, oidc.go), the web UI with its bundled GraphiQL and its
// sign-in page, and the health checks /healthz and /readyz (the store's
// database answers). version is what the API's server { version } says.
// The UI, the sign-in endpoints and the health checks are open to all;
// /metrics (Prometheus) to admins.
//
// Each request gets an id (X-Request-Id) and one log line (logRequests).
func NewMux(ctx context.Context, store *graph.Store, version string, lim Limits, sec Security, log *slog.Logger) (http.Handler, error) {
	mux := http.NewServeMux()
	metrics := NewMetrics(store)
	root := &resolvers.Resolver{Store: store, Version: version, ImportProgress: metrics.ImportProgress}
	g := newGuardFor(root, sec, log)
	if sec.OIDC != nil {
		p, err := newOIDCProvider(ctx, *sec.OIDC)
		if err != nil {
			return nil, err
		}
		g.oidc = p
		mux.HandleFunc("GET /auth/oidc/start", g.handleOIDCStart)
		mux.HandleFunc("GET /auth/oidc/callback", g.handleOIDCCallback)
	}
	mux.Handle("/graphql", metrics.observe(newHandler(root, lim, g, log, postTransport{})))
	mux.Handle("GET /metrics", g.adminsOnly(metrics.Handler()))
	mux.HandleFunc("GET /auth/config", g.handleConfig)
	mux.HandleFunc("POST /auth/signin", g.handleSignIn)
	mux.HandleFunc("POST /auth/signout", g.handleSignOut)
	// The web UI: its pages, hashed assets and app routes; it answers 404
	// for the endpoints here and any file it does not hold. GraphiQL is
	// bundled with it (no CDN), loaded only by its own page.
	ui, err := web.New()
	if err != nil {
		// The build is embedded at compile time (TestEmbeddedBuild keeps it whole).
		panic(err)
	}
	mux.Handle("GET /graphiql", ui.GraphiQL())
	mux.Handle("/", ui)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := store.Ping(ctx); err != nil {
			log.Warn("not ready", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintf(w, "not ready: Neo4j database %q does not answer\n", store.Database())
			return
		}
		fmt.Fprintln(w, "ready")
	})
	var h http.Handler = mux
	if tp := tracingProvider(); tp != nil {
		h = traced(tp, h)
	}
	return logRequests(log, h), nil
}
