package graph_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/dataset"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
	"github.com/mentorgraph/mentorgraph/graph/seed"
)

var (
	phasesPeople = flag.Int("phases-people", 2400, "people in the network BenchmarkImportPhases imports")
	phasesBase   = flag.Int("phases-base", 100000, "people stored before BenchmarkImportPhases' imports into a database holding data")
	phasesRuns   = flag.Int("phases-runs", 5, "imports of each case in BenchmarkImportPhases (the median is shown)")
)

// BenchmarkImportPhases shows where the time of a small import goes. It
// writes a seeded network (-phases-people; the default makes 28,446 rows)
// as CSV files, then imports them as `mentorgraph import` does (read the
// files, apply the schema, Import) into two Neo4j containers of its own,
// and prints a table of phases by case:
//
//   - new server: the first import into the empty database of the new
//     container (its schema applied, as a server's start leaves it): Java
//     has not compiled Neo4j's code yet, and no statement is planned;
//   - empty, cold: into the empty database again, with Neo4j's query
//     caches cleared first (as the first import after Neo4j has been
//     running for a while);
//   - again: the same files once more: every row unchanged;
//   - empty: into the empty database again (the network deleted), plans
//     cached (but Neo4j plans a statement again once the counts it was
//     planned with have changed much, as they have here);
//   - stored, cold / stored: into the other database, which holds another
//     network (-phases-base people, other ids, the same skills).
//
// It imports the cases in turn, -phases-runs times, and shows for each
// case its import of median total time. A statement's time runs from
// sending it to reading its last record; a commit's from the end of the
// transaction's work to the driver's return. Batches written side by side
// add up, so a kind's statements can sum to more than its wall time.
//
//	go test ./graph -run '^$' -bench ImportPhases -benchtime=1x -timeout 60m
func BenchmarkImportPhases(b *testing.B) {
	if os.Getenv("NEO4J_URI") != "" {
		b.Skip("needs databases of its own (containers), not the one at NEO4J_URI")
	}
	neo4jtest.Get(b) // skips without Docker
	ctx := context.Background()
	empty, stored := phaseDatabase(b), phaseDatabase(b)

	// The imported network's people, organizations and goals get ids of
	// their own, so it never meets the stored one but for the skills.
	const prefix = "new-"
	own := regexp.MustCompile(`^[pog][0-9]+$`)
	net := mapIDs(seed.Generate(seed.Config{People: *phasesPeople, Seed: 7}), func(id string) string {
		if own.MatchString(id) {
			return prefix + id
		}
		return id
	})
	dir := filepath.Join(b.TempDir(), "network")
	if err := dataset.WriteDir(dir, net); err != nil {
		b.Fatal(err)
	}
	// The database as a server's start leaves it: the schema in place.
	for _, db := range []phaseDB{empty, stored} {
		if err := db.store.ApplySchema(ctx); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := stored.store.Import(ctx, seed.Generate(seed.Config{People: *phasesBase, Seed: 42}), graph.ImportOptions{}); err != nil {
		b.Fatal(err)
	}

	runs := map[string][]phaseCase{}
	var names []string
	importFiles := func(db phaseDB, name string) {
		b.Helper()
		if _, ok := runs[name]; !ok {
			names = append(names, name)
		}
		c := phaseCase{name: name, times: newPhaseTimes()}
		start := time.Now()
		ds, _, err := dataset.ReadDir(dir)
		if err != nil {
			b.Fatal(err)
		}
		c.times.add("read CSV files", time.Since(start))
		s := db.store
		statements, transactions, retries := s.Statements(), s.Transactions(), s.Retries()
		t := time.Now()
		if err := s.ApplySchema(ctx); err != nil {
			b.Fatal(err)
		}
		c.times.add("apply schema", time.Since(t))
		graph.TraceImports(c.times.add)
		rep, err := s.Import(ctx, ds, graph.ImportOptions{})
		graph.TraceImports(nil)
		if err != nil {
			b.Fatal(err)
		}
		c.times.add("import (Store.Import)", rep.Duration)
		c.times.add(phaseAll, time.Since(start))
		c.rows = rep.Rows
		c.statements, c.transactions, c.retries = int(s.Statements()-statements), int(s.Transactions()-transactions), int(s.Retries()-retries)
		for _, k := range rep.Kinds {
			c.times.add(string(k.Kind), k.Duration)
		}
		c.times.add("open-mentor links", rep.OpenMentorLinksDuration)
		runs[name] = append(runs[name], c)
	}
	// wipe deletes all data, not what ApplySchema made; deleteImported the
	// imported network but its skills (the stored network's too).
	wipe := func(db phaseDB) { db.run(b, `MATCH (n) WHERE NOT n:MentorGraphMeta DETACH DELETE n`, nil) }
	deleteImported := func(db phaseDB) {
		db.run(b, `MATCH (n) WHERE (n:Person OR n:Organization OR n:Goal) AND n.id STARTS WITH $prefix DETACH DELETE n`, map[string]any{"prefix": prefix})
	}
	clearPlans := func(db phaseDB) { db.run(b, `CALL db.clearQueryCaches()`, nil) }

	b.ResetTimer()
	for i := range b.N * *phasesRuns {
		wipe(empty)
		clearPlans(empty)
		if i == 0 {
			importFiles(empty, "new server")
		} else {
			importFiles(empty, "empty, cold")
		}
		importFiles(empty, "again")
		wipe(empty)
		importFiles(empty, "empty")
		deleteImported(stored)
		clearPlans(stored)
		importFiles(stored, "stored, cold")
		deleteImported(stored)
		importFiles(stored, "stored")
	}
	b.StopTimer()
	var cases []phaseCase
	for _, name := range names {
		rs := slices.Clone(runs[name])
		slices.SortFunc(rs, func(x, y phaseCase) int { return int(x.times.sum[phaseAll] - y.times.sum[phaseAll]) })
		median := rs[len(rs)/2]
		median.name = fmt.Sprintf("%s (%d)", name, len(rs))
		median.spread = [2]time.Duration{rs[0].times.sum[phaseAll], rs[len(rs)-1].times.sum[phaseAll]}
		for _, r := range rs {
			if r.retries > 0 {
				median.retried++
			}
		}
		cases = append(cases, median)
	}
	printPhases(os.Stdout, cases, *phasesBase)
}

// phaseDB is a Neo4j container of BenchmarkImportPhases and a store on it.
type phaseDB struct {
	store    *graph.Store
	driver   neo4j.DriverWithContext
	database string
}

// phaseDatabase starts a Neo4j container for BenchmarkImportPhases.
func phaseDatabase(b *testing.B) phaseDB {
	ctx := context.Background()
	srv, err := neo4jtest.Start(ctx, neo4jtest.FromEnv())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = srv.Close() })
	drv, err := srv.Driver(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = drv.Close(ctx) })
	return phaseDB{store: graph.NewStore(drv, srv.Database), driver: drv, database: srv.Database}
}

// run runs cypher on db outside the store.
func (db phaseDB) run(b *testing.B, cypher string, params map[string]any) {
	b.Helper()
	if _, err := neo4j.ExecuteQuery(context.Background(), db.driver, cypher, params, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db.database)); err != nil {
		b.Fatal(err)
	}
}

// phaseAll names the time of a whole case: reading the files, applying
// the schema and importing.
const phaseAll = "all (read, schema, import)"

// phaseCase is one import of BenchmarkImportPhases: its phase times, rows
// and statements sent.
type phaseCase struct {
	name                           string
	times                          *phaseTimes
	rows, statements, transactions int
	// retries are the transactions the driver retried; of a median case,
	// retried says in how many of its runs it did, and spread gives the
	// fastest and slowest run.
	retries, retried int
	spread           [2]time.Duration
}

// phaseTimes sums the time of each phase an import reports, and counts
// how often it was reported.
type phaseTimes struct {
	mu    sync.Mutex
	sum   map[string]time.Duration
	count map[string]int
}

func newPhaseTimes() *phaseTimes {
	return &phaseTimes{sum: map[string]time.Duration{}, count: map[string]int{}}
}

func (p *phaseTimes) add(phase string, d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.sum[phase] += d
	p.count[phase]++
}

// phaseOrder sorts phase names as an import runs them: reading, schema,
// validation, plan, the kinds in import order (each kind's wall time
// first, then its parts), the open-mentor links, then the totals.
func phaseOrder(name string) (int, string) {
	fixed := []string{"read CSV files", "apply schema", "validate: look up", "validate: check", "plan"}
	if i := slices.Index(fixed, name); i >= 0 {
		return i, ""
	}
	kinds := []string{"person", "skill", "skill_parent", "organization", "person_skill", "affiliation", "mentorship", "connection", "goal", "open-mentor links"}
	kind, part, _ := strings.Cut(name, ": ")
	if i := slices.Index(kinds, kind); i >= 0 {
		return 10 + i, part
	}
	switch name {
	case "import (Store.Import)":
		return 100, ""
	case phaseAll:
		return 101, ""
	}
	return 99, name
}

// printPhases writes the phases of cases as a table, a column per case:
// a phase reported once shows its time, one reported n times "n× total".
func printPhases(w *os.File, cases []phaseCase, base int) {
	seen := map[string]bool{}
	var phases []string
	for _, c := range cases {
		for p := range c.times.sum {
			if !seen[p] {
				seen[p] = true
				phases = append(phases, p)
			}
		}
	}
	sort.Slice(phases, func(i, j int) bool {
		a, ap := phaseOrder(phases[i])
		b, bp := phaseOrder(phases[j])
		if a != b {
			return a < b
		}
		return ap < bp
	})
	fmt.Fprintf(w, "\nImport of %d rows (%d people), time by phase (the median import of each case, of the number in brackets);\n\"stored\": into a database holding %d other people\n\n", cases[0].rows, *phasesPeople, base)
	fmt.Fprintf(w, "%-30s", "phase")
	for _, c := range cases {
		fmt.Fprintf(w, " %18s", c.name)
	}
	fmt.Fprintln(w)
	for _, p := range phases {
		label := p
		if kind, part, ok := strings.Cut(p, ": "); ok {
			if !seen[kind] { // a step the report does not time: skill_parent
				seen[kind] = true
				fmt.Fprintln(w, kind)
			}
			label = "  " + part
		}
		fmt.Fprintf(w, "%-30s", label)
		for _, c := range cases {
			cell := ""
			if n := c.times.count[p]; n == 1 {
				cell = ms(c.times.sum[p])
			} else if n > 1 {
				cell = fmt.Sprintf("%d× %s", n, ms(c.times.sum[p]))
			}
			fmt.Fprintf(w, " %18s", cell)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%-30s", "statements (schema, import)")
	for _, c := range cases {
		fmt.Fprintf(w, " %18d", c.statements)
	}
	fmt.Fprintf(w, "\n%-30s", "transactions")
	for _, c := range cases {
		fmt.Fprintf(w, " %18d", c.transactions)
	}
	fmt.Fprintf(w, "\n%-30s", "retried (deadlocks)")
	for _, c := range cases {
		fmt.Fprintf(w, " %18d", c.retries)
	}
	fmt.Fprintf(w, "\n%-30s", "runs with a retry")
	for _, c := range cases {
		fmt.Fprintf(w, " %18d", c.retried)
	}
	fmt.Fprintf(w, "\n%-30s", "all: fastest-slowest run")
	for _, c := range cases {
		fmt.Fprintf(w, " %18s", fmt.Sprintf("%.0f-%.0f ms", float64(c.spread[0])/1e6, float64(c.spread[1])/1e6))
	}
	fmt.Fprintf(w, "\n%-30s", "rows/s (import)")
	for _, c := range cases {
		fmt.Fprintf(w, " %18.0f", float64(c.rows)/c.times.sum["import (Store.Import)"].Seconds())
	}
	fmt.Fprintln(w)
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond)) }
