package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/internal/server"
)

// version is the module version of this build, or "devel".
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// openStore makes the process's one driver, verifies it can reach Neo4j and
// returns a store on the configured database. The caller closes the driver.
func openStore(ctx context.Context, c Config) (neo4j.DriverWithContext, *graph.Store, error) {
	auth := neo4j.NoAuth()
	if c.Neo4jUser != "" {
		auth = neo4j.BasicAuth(c.Neo4jUser, c.Neo4jPassword, "")
	}
	driver, err := neo4j.NewDriverWithContext(c.Neo4jURI, auth)
	if err != nil {
		return nil, nil, fmt.Errorf("neo4j driver: %w", err)
	}
	vctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := driver.VerifyConnectivity(vctx); err != nil {
		_ = driver.Close(ctx)
		return nil, nil, fmt.Errorf("cannot reach Neo4j at %s (check NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD): %w", c.Neo4jURI, err)
	}
	return driver, graph.NewStore(driver, c.Neo4jDatabase), nil
}

// maxHeaderBytes bounds a request's line and headers (net/http's default
// is 1 MiB): room for a GET query of tens of kilobytes; larger queries go
// by POST.
const maxHeaderBytes = 64 << 10

// applySchema applies the schema migrations the store's database has not
// had, logging each, and what the duplicate-link migration merged, the one
// time it runs on a database.
func applySchema(ctx context.Context, store *graph.Store, database string, log *slog.Logger) error {
	ctx = graph.WithMigrationLog(ctx, func(version int, name string, took time.Duration) {
		log.Info("applied schema migration", "database", database, "version", version, "name", name, "took", took.Round(time.Millisecond))
	})
	report, err := store.ApplySchemaReport(ctx)
	if err != nil {
		return fmt.Errorf("apply schema to database %q: %w", database, err)
	}
	if report.MergedLinks {
		m := report.Merged
		log.Info("merged duplicate links", "mentoredBy", m.MentoredBy, "knows", m.Knows, "affiliations", m.Affiliations)
	}
	return nil
}

func runServe(ctx context.Context, args []string) error {
	c, err := parseServeConfig(args)
	if err != nil {
		return err
	}
	log, err := server.NewLogger(os.Stderr, c.LogFormat)
	if err != nil {
		return err
	}
	stopTracing, err := server.SetupTracing(ctx, version())
	if err != nil {
		return fmt.Errorf("tracing: %w", err)
	}
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := stopTracing(sctx); err != nil {
			log.Warn("flushing traces", "err", err)
		}
	}()
	driver, store, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer driver.Close(context.Background())
	if err := applySchema(ctx, store, c.Neo4jDatabase, log); err != nil {
		return err
	}
	if interrupted, err := store.RestoreInterrupted(ctx); err != nil {
		return err
	} else if interrupted {
		return fmt.Errorf("database %q: %w", c.Neo4jDatabase, graph.ErrInterruptedRestore)
	}

	if n, err := store.CountAdmins(ctx); err == nil && n == 0 {
		log.Warn("no admin account yet: create the first one with `mentorgraph admin create -login ... -person ...`")
	}
	mux, err := newMux(ctx, store, c, log)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", c.Listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", c.Listen, err)
	}
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 10 * time.Second,
		// The request line and headers: a GET request's query is in its
		// URL, so this bounds it (net/http answers 431 past it).
		MaxHeaderBytes: maxHeaderBytes,
		// Counted from the end of the headers. A request's Timeout counts
		// from there too, and its body is read within BodyReadTimeout.
		WriteTimeout: max(c.Limits.Timeout, c.Limits.BodyReadTimeout) + 5*time.Second,
		IdleTimeout:  2 * time.Minute,
	}
	scheme := "http://"
	if c.TLSCert != "" {
		scheme = "https://"
	}
	log.Info("serving", "url", scheme+displayAddr(ln.Addr()), "neo4j", c.Neo4jURI, "database", c.Neo4jDatabase,
		"publicDirectory", c.Security.PublicDirectory, "oidc", c.Security.OIDC != nil)
	errc := make(chan error, 1)
	go func() {
		if c.TLSCert != "" {
			errc <- srv.ServeTLS(ln, c.TLSCert, c.TLSKey)
			return
		}
		errc <- srv.Serve(ln)
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), c.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// displayAddr turns a listener address into one a person can open.
func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

// newMux routes the server's endpoints (internal/server) with c's limits
// and security settings.
func newMux(ctx context.Context, store *graph.Store, c Config, log *slog.Logger) (http.Handler, error) {
	return server.NewMux(ctx, store, version(), c.Limits, c.Security, log)
}
