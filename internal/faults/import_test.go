package faults_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
)

// The import's fault tests: `mentorgraph import` (the built binary) of a
// seeded network, cut short mid-way, then run again to completion. The
// graph it leaves must be the one an uninterrupted import of the same
// files makes: the same export (mentorgraph export, as NDJSON) and the
// same open-mentor links (derived, never exported: findMentors reads them).

const (
	// importPeople makes a network of about 35,000 rows (15,000
	// connections); at importBatch rows a transaction the import commits
	// a few hundred transactions, so there is a "mid-way" to cut it at.
	importPeople = 3000
	importBatch  = 100
	// seededConnections is how many connections the seeded network has
	// (seed 7, 3,000 people): the test checks it cut the import before
	// the last of them.
	seededConnections = 15000
)

// TestImportKilledMidway: the import process is killed (SIGKILL) once some
// of its connections are committed; running the same import again gives
// the graph of an uninterrupted import.
func TestImportKilledMidway(t *testing.T) {
	srv := ownNeo4j(t)
	driver, _ := openStore(t, srv, srv.URI)
	bin := buildMentorgraph(t)
	files := seededFiles(t, bin)
	want := uninterruptedImport(t, bin, srv, driver, files)

	imp := startImport(t, bin, srv.URI, srv, files)
	knows := waitForConnections(t, driver, srv.Database, imp)
	if err := imp.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-imp.done
	after := countConnections(t, driver, srv.Database)
	t.Logf("killed the import at %d connections stored (%d once it stopped)", knows, after)
	if after >= seededConnections {
		t.Fatalf("the import stored all %d connections before it was killed: it was not cut mid-way", after)
	}

	importAll(t, bin, srv.URI, srv, files)
	compareGraphs(t, want, graphOf(t, bin, srv, driver))
}

// TestImportNeo4jRestartedMidway: Neo4j is stopped while an import writes
// its connections, and started again; the import fails (or, if its driver
// outlasted the restart, completes), and running the same import again
// gives the graph of an uninterrupted import.
//
// The interrupted import reaches Neo4j through a neo4jtest.Relay, as
// TestNeo4jRestartedUnderLoad's server does: the restarted container may
// come back on another address.
func TestImportNeo4jRestartedMidway(t *testing.T) {
	srv := ownNeo4j(t)
	driver, _ := openStore(t, srv, srv.URI)
	bin := buildMentorgraph(t)
	files := seededFiles(t, bin)
	want := uninterruptedImport(t, bin, srv, driver, files)

	relay := neo4jtest.NewRelay(t, srv)
	imp := startImport(t, bin, relay.URI(), srv, files)
	knows := waitForConnections(t, driver, srv.Database, imp)
	ctx := context.Background()
	if err := srv.Stop(ctx, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	t.Logf("stopped Neo4j at %d connections stored", knows)
	if err := srv.StartAgain(ctx); err != nil {
		t.Fatal(err)
	}
	if err := relay.Retarget(srv.URI); err != nil {
		t.Fatal(err)
	}
	select {
	case <-imp.done:
	case <-time.After(3 * time.Minute):
		t.Fatal("the interrupted import neither failed nor completed within 3 minutes of Neo4j's restart")
	}
	t.Logf("the interrupted import ended: %v\n%s", imp.err, lastLines(imp.out.String(), 4))

	// The driver made before the restart may hold an address that is gone.
	driver = freshDriver(t, srv)
	after := countConnections(t, driver, srv.Database)
	if imp.err == nil {
		t.Logf("the import outlived the restart (its driver retried): %d connections stored", after)
	} else if after >= seededConnections {
		t.Fatalf("the import failed but all %d connections are stored: it was not cut mid-way", after)
	}
	importAll(t, bin, srv.URI, srv, files)
	compareGraphs(t, want, graphOf(t, bin, srv, driver))
}

// seededFiles writes the seeded network as CSV files into a folder of the
// test's and returns the folder.
func seededFiles(t *testing.T, bin string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "network")
	out, err := exec.Command(bin, "seed", "-people", fmt.Sprint(importPeople), "-seed", "7", "-out", dir).CombinedOutput()
	if err != nil {
		t.Fatalf("mentorgraph seed: %v\n%s", err, out)
	}
	return dir
}

// graphState is what the tests compare: the export as NDJSON, and the
// open-mentor links as "person TYPE skill", sorted.
type graphState struct {
	export []byte
	links  []string
}

// uninterruptedImport imports files into srv's empty database in one
// run, reads the graph it made, and empties the database again.
func uninterruptedImport(t *testing.T, bin string, srv *neo4jtest.Server, d neo4j.DriverWithContext, files string) graphState {
	t.Helper()
	importAll(t, bin, srv.URI, srv, files)
	g := graphOf(t, bin, srv, d)
	if len(g.links) == 0 || countConnections(t, d, srv.Database) != seededConnections {
		t.Fatalf("the uninterrupted import made %d open-mentor links and %d connections: not the network the test expects",
			len(g.links), countConnections(t, d, srv.Database))
	}
	emptyDatabase(t, d, srv.Database)
	return g
}

// toolEnv is the environment of a mentorgraph command reaching srv at uri.
func toolEnv(uri string, srv *neo4jtest.Server) []string {
	return []string{"PATH=/usr/bin:/bin", "NEO4J_URI=" + uri, "NEO4J_USER=" + srv.User,
		"NEO4J_PASSWORD=" + srv.Password, "NEO4J_DATABASE=" + srv.Database}
}

// runningImport is a `mentorgraph import` started in the background; done
// is closed when it has exited, with err and out (stdout and stderr) set.
type runningImport struct {
	cmd  *exec.Cmd
	out  *bytes.Buffer
	err  error
	done chan struct{}
}

func startImport(t *testing.T, bin, uri string, srv *neo4jtest.Server, files string) *runningImport {
	t.Helper()
	r := &runningImport{out: &bytes.Buffer{}, done: make(chan struct{})}
	r.cmd = exec.Command(bin, "import", "-batch-size", fmt.Sprint(importBatch), files)
	r.cmd.Env = toolEnv(uri, srv)
	r.cmd.Stdout, r.cmd.Stderr = r.out, r.out
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		r.err = r.cmd.Wait()
		close(r.done)
	}()
	t.Cleanup(func() {
		select {
		case <-r.done:
		default:
			_ = r.cmd.Process.Kill()
			<-r.done
		}
	})
	return r
}

// importAll runs the import of files to completion.
func importAll(t *testing.T, bin, uri string, srv *neo4jtest.Server, files string) {
	t.Helper()
	cmd := exec.Command(bin, "import", "-batch-size", fmt.Sprint(importBatch), files)
	cmd.Env = toolEnv(uri, srv)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("mentorgraph import: %v\n%s", err, out)
	}
	t.Logf("mentorgraph import:\n%s", lastLines(string(out), 14))
}

// waitForConnections polls the connections stored until the running
// import has committed some, and returns how many; it fails t when the
// import ends first.
func waitForConnections(t *testing.T, d neo4j.DriverWithContext, database string, imp *runningImport) int64 {
	t.Helper()
	deadline := time.Now().Add(5 * time.Minute)
	for time.Now().Before(deadline) {
		select {
		case <-imp.done:
			t.Fatalf("the import ended (%v) before it was interrupted:\n%s", imp.err, lastLines(imp.out.String(), 14))
		default:
		}
		if n := countConnections(t, d, database); n > 0 {
			return n
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("the import stored no connection within 5 minutes:\n%s", lastLines(imp.out.String(), 14))
	return 0
}

func countConnections(t *testing.T, d neo4j.DriverWithContext, database string) int64 {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), d, `MATCH ()-[k:KNOWS]->() RETURN count(k) AS n`, nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(database))
	if err != nil {
		t.Fatal(err)
	}
	n, _ := res.Records[0].Get("n")
	return n.(int64)
}

// graphOf exports the graph (mentorgraph export -ndjson) and reads its
// open-mentor links.
func graphOf(t *testing.T, bin string, srv *neo4jtest.Server, d neo4j.DriverWithContext) graphState {
	t.Helper()
	file := filepath.Join(t.TempDir(), "export.ndjson")
	cmd := exec.Command(bin, "export", "-ndjson", file)
	cmd.Env = toolEnv(srv.URI, srv)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("mentorgraph export: %v\n%s", err, out)
	}
	export, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	res, err := neo4j.ExecuteQuery(context.Background(), d, `
MATCH (p:Person)-[c]->(s:Skill) WHERE type(c) STARTS WITH 'CAN_MENTOR'
RETURN p.id + ' ' + type(c) + ' ' + s.id AS link`, nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(srv.Database))
	if err != nil {
		t.Fatal(err)
	}
	var links []string
	for _, r := range res.Records {
		links = append(links, r.Values[0].(string))
	}
	slices.Sort(links)
	return graphState{export: export, links: links}
}

// compareGraphs reports how got differs from want: the export's lines
// one has and the other lacks (the first few), and the open-mentor links.
func compareGraphs(t *testing.T, want, got graphState) {
	t.Helper()
	if !bytes.Equal(want.export, got.export) {
		w, g := exportLines(want.export), exportLines(got.export)
		missing, extra := linesOnlyIn(w, g), linesOnlyIn(g, w)
		t.Errorf("the export after the rerun differs from an uninterrupted import's (%d lines, want %d): %d lines missing, %d extra\nmissing (first 10):\n%s\nextra (first 10):\n%s",
			len(g), len(w), len(missing), len(extra), strings.Join(missing[:min(10, len(missing))], "\n"), strings.Join(extra[:min(10, len(extra))], "\n"))
	} else {
		t.Logf("the export after the rerun is the uninterrupted import's: %d lines", len(exportLines(got.export)))
	}
	if !slices.Equal(want.links, got.links) {
		missing, extra := linesOnlyIn(want.links, got.links), linesOnlyIn(got.links, want.links)
		t.Errorf("the open-mentor links after the rerun differ from an uninterrupted import's (%d, want %d): %d missing, %d extra; first missing %v, first extra %v",
			len(got.links), len(want.links), len(missing), len(extra), missing[:min(5, len(missing))], extra[:min(5, len(extra))])
	}
}

func exportLines(b []byte) []string { return strings.Split(strings.TrimSpace(string(b)), "\n") }

// linesOnlyIn returns the lines of a that b does not have (as many times
// as a has them more often).
func linesOnlyIn(a, b []string) []string {
	count := map[string]int{}
	for _, l := range b {
		count[l]++
	}
	var out []string
	for _, l := range a {
		if count[l] > 0 {
			count[l]--
			continue
		}
		out = append(out, l)
	}
	return out
}

// emptyDatabase deletes every node of the model (in transactions of their
// own: CALL IN TRANSACTIONS needs an auto-commit transaction).
func emptyDatabase(t *testing.T, d neo4j.DriverWithContext, database string) {
	t.Helper()
	ctx := context.Background()
	sess := d.NewSession(ctx, neo4j.SessionConfig{DatabaseName: database})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, `
MATCH (n) WHERE n:Person OR n:Skill OR n:Organization OR n:Goal
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS`, nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		t.Fatal(err)
	}
	if n := countConnections(t, d, database); n != 0 {
		t.Fatalf("%d connections left after emptying the database", n)
	}
}

// freshDriver opens a driver to srv as it is now, once it answers a query.
func freshDriver(t *testing.T, srv *neo4jtest.Server) neo4j.DriverWithContext {
	t.Helper()
	ctx := context.Background()
	d := openDriver(t, srv, srv.URI)
	if _, ok := waitFor(90*time.Second, func() bool {
		_, err := neo4j.ExecuteQuery(ctx, d, `RETURN 1`, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(srv.Database))
		return err == nil
	}); !ok {
		t.Fatal("Neo4j does not answer a query after its restart")
	}
	return d
}

// lastLines returns the last n lines of s.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
