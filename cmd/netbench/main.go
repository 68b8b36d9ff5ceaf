// Command netbench measures MentorGraph's questions on generated networks:
// for each network size it starts (or uses) a Neo4j, loads a network made
// by graph/seed (with hubs of degree ≥ 1,000 from 100k people up), then
// asks each question for many random people, twice: through the store
// (the Cypher sent straight through the driver, results decoded) and
// through the GraphQL HTTP handler over loopback. It prints p50/p99 latency
// of both and the GraphQL overhead as a ratio, from the same run.
//
//	go run ./cmd/netbench -people 10000,100000 -queries 300
//
// Neo4j comes from graph/neo4jtest (NEO4J_URI, or a container); with a
// container per size, sizes do not disturb each other.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/dataset"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
	"github.com/mentorgraph/mentorgraph/graph/seed"
	"github.com/mentorgraph/mentorgraph/resolvers"
)

// question is one thing to measure: the same question asked directly of
// the store and as a GraphQL query.
type question struct {
	name   string
	direct func(ctx context.Context, s *graph.Store, p params) error
	query  string
	vars   func(p params) map[string]any
}

// params are the random inputs of one ask.
type params struct {
	person, other, skill string
}

func main() {
	sizes := flag.String("people", "10000,100000", "network sizes, comma-separated")
	queries := flag.Int("queries", 300, "asks per question and path")
	seedFlag := flag.Uint64("seed", 1, "network generator seed")
	flag.Parse()
	ctx := context.Background()
	for _, f := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 100 {
			log.Fatalf("-people: %q is not a size of at least 100", f)
		}
		if err := runSize(ctx, n, *queries, *seedFlag); err != nil {
			log.Fatal(err)
		}
	}
}

func runSize(ctx context.Context, n, queries int, seedValue uint64) error {
	opts := neo4jtest.FromEnv()
	if opts.HeapSize == "" {
		opts.HeapSize, opts.PageCacheSize = "2g", "2g"
	}
	srv, err := neo4jtest.Start(ctx, opts)
	if err != nil {
		return err
	}
	defer srv.Close()
	driver, err := srv.Driver(ctx)
	if err != nil {
		return err
	}
	defer driver.Close(ctx)
	store := graph.NewStore(driver, srv.Database)
	if err := store.ApplySchema(ctx); err != nil {
		return err
	}
	ds := seed.Generate(seed.Config{People: n, Seed: seedValue})
	start := time.Now()
	rep, err := store.Import(ctx, ds, graph.ImportOptions{})
	if err != nil {
		return err
	}
	fmt.Printf("\n%s people: loaded %s rows in %s (%s)\n", fmtInt(n), fmtInt(rep.Rows), time.Since(start).Round(time.Second), degreeSummary(ds))

	handler := resolvers.NewHandler(&resolvers.Resolver{Store: store, Version: "netbench"}, resolvers.DefaultLimits,
		slog.New(slog.NewTextHandler(io.Discard, nil)))
	ts := httptest.NewServer(handler)
	defer ts.Close()

	rng := rand.New(rand.NewPCG(seedValue, 99))
	pick := picker(ds, rng)
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "question\tdirect p50\tdirect p99\tGraphQL p50\tGraphQL p99\tp50 ratio\t")
	for _, q := range questions() {
		// Warm-up: plans compiled, caches filled.
		for range 20 {
			_ = q.direct(ctx, store, pick())
		}
		direct, gql := make([]time.Duration, 0, queries), make([]time.Duration, 0, queries)
		for range queries {
			p := pick()
			t0 := time.Now()
			if err := q.direct(ctx, store, p); err != nil {
				return fmt.Errorf("%s direct: %w", q.name, err)
			}
			direct = append(direct, time.Since(t0))
			t0 = time.Now()
			if err := post(ts.URL, q.query, q.vars(p)); err != nil {
				return fmt.Errorf("%s GraphQL: %w", q.name, err)
			}
			gql = append(gql, time.Since(t0))
		}
		d50, d99, g50, g99 := pct(direct, 50), pct(direct, 99), pct(gql, 50), pct(gql, 99)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%.2f\t\n", q.name, ms(d50), ms(d99), ms(g50), ms(g99), float64(g50)/float64(d50))
	}
	return tw.Flush()
}

// picker returns random inputs: people with at least one link, and skills
// people hold.
func picker(ds *dataset.Dataset, rng *rand.Rand) func() params {
	linked := map[string]bool{}
	for _, c := range ds.Connections {
		linked[c.PersonA], linked[c.PersonB] = true, true
	}
	var people []string
	for _, p := range ds.People {
		if linked[p.ID] {
			people = append(people, p.ID)
		}
	}
	skills := make([]string, 0, len(ds.Skills))
	for _, s := range ds.Skills {
		skills = append(skills, s.ID)
	}
	return func() params {
		return params{person: people[rng.IntN(len(people))], other: people[rng.IntN(len(people))], skill: skills[rng.IntN(len(skills))]}
	}
}

func post(url, query string, vars map[string]any) error {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var r struct {
		Errors []struct{ Message string } `json:"errors"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return err
	}
	if len(r.Errors) > 0 {
		return fmt.Errorf("%s", r.Errors[0].Message)
	}
	return nil
}

func pct(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*p/100)]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }

func fmtInt(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// degreeSummary describes the KNOWS degree distribution: mean, max, hubs.
func degreeSummary(ds *dataset.Dataset) string {
	deg := map[string]int{}
	for _, c := range ds.Connections {
		deg[c.PersonA]++
		deg[c.PersonB]++
	}
	maxDeg, hubs := 0, 0
	for _, d := range deg {
		maxDeg = max(maxDeg, d)
		if d >= 1000 {
			hubs++
		}
	}
	return fmt.Sprintf("mean degree %.1f, max %s, %d hubs of degree ≥ 1,000",
		2*float64(len(ds.Connections))/float64(len(ds.People)), fmtInt(maxDeg), hubs)
}
