package neo4jtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

var (
	current    *Server
	skipReason string

	driverOnce sync.Once
	driver     neo4j.DriverWithContext
	driverErr  error
)

// RunMain is a test package's TestMain body: it starts one Neo4j for the
// package, runs the tests and removes the container.
//
//	func TestMain(m *testing.M) { os.Exit(neo4jtest.RunMain(m)) }
//
// Without a Docker engine (and without NEO4J_URI) the package's Neo4j tests
// are skipped with a message saying how to enable them, except in CI
// (CI=true), where a missing Neo4j fails the run.
func RunMain(m *testing.M) int {
	ctx := context.Background()
	srv, err := Start(ctx, FromEnv())
	switch {
	case err == nil:
		current = srv
		shareWithFuzzWorkers(srv)
	case errors.Is(err, ErrNoDocker) && os.Getenv("CI") != "true":
		skipReason = fmt.Sprintf("no Neo4j: %v. Run `make test` (it installs and starts Docker on Debian), start Docker, or set NEO4J_URI=bolt://host:7687", err)
		fmt.Fprintln(os.Stderr, "neo4jtest: SKIPPING Neo4j tests:", skipReason)
	default:
		fmt.Fprintln(os.Stderr, "neo4jtest: FAIL: no Neo4j for the tests:", err)
		return 1
	}
	code := m.Run()
	if driver != nil {
		_ = driver.Close(ctx)
	}
	if current != nil {
		if err := current.Close(); err != nil {
			fmt.Fprintln(os.Stderr, "neo4jtest: removing the container:", err)
		}
	}
	return code
}

// shareWithFuzzWorkers points the worker processes of `go test -fuzz`
// at srv: each worker is the test binary again, running TestMain, and
// would otherwise start a container of its own. The coordinator starts
// its workers once TestMain has run, with its environment (NEO4J_URI and
// the rest, which FromEnv reads), and removes the container when they are
// done.
func shareWithFuzzWorkers(srv *Server) {
	if !flag.Parsed() {
		flag.Parse()
	}
	if f := flag.Lookup("test.fuzz"); f == nil || f.Value.String() == "" {
		return
	}
	for k, v := range map[string]string{"NEO4J_URI": srv.URI, "NEO4J_USER": srv.User, "NEO4J_PASSWORD": srv.Password, "NEO4J_DATABASE": srv.Database} {
		_ = os.Setenv(k, v)
	}
}

// Get returns the package's Neo4j, or skips the test when there is none.
func Get(tb testing.TB) *Server {
	tb.Helper()
	if current == nil {
		if skipReason == "" {
			tb.Fatal("neo4jtest: no Neo4j; call neo4jtest.RunMain from TestMain")
		}
		tb.Skip(skipReason)
	}
	return current
}

// Driver returns the package's shared driver to its Neo4j.
func Driver(tb testing.TB) neo4j.DriverWithContext {
	tb.Helper()
	srv := Get(tb)
	driverOnce.Do(func() { driver, driverErr = srv.Driver(context.Background()) })
	if driverErr != nil {
		tb.Fatal(driverErr)
	}
	return driver
}

var unsafeID = regexp.MustCompile(`[^a-zA-Z0-9]+`)

// Prefix returns a prefix unique to this test run, for the ids of the data a
// test writes, so tests sharing one database never see each other's data.
func Prefix(tb testing.TB) string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	name := strings.ToLower(strings.Trim(unsafeID.ReplaceAllString(tb.Name(), "-"), "-"))
	if len(name) > 40 {
		name = name[len(name)-40:]
	}
	return name + "-" + hex.EncodeToString(b[:]) + "-"
}
