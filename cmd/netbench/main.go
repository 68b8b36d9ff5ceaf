// Command netbench measures MentorGraph's questions on generated networks:
// for each network size it starts (or uses) a Neo4j, loads a network made
// by graph/seed (with hubs of degree ≥ 1,000 from 100k people up), then
// asks each question for many random people, three ways: through the
// store (the Cypher sent straight through the driver, results decoded),
// through the GraphQL HTTP handler over loopback (one keep-alive connection,
// a minimal HTTP/1.1 client: see client), and through a bare HTTP handler
// on the same server that makes the same store call and answers only the
// item count (bare.go: what any HTTP endpoint costs at the least). It
// prints p50/p99 latency of the first two and the GraphQL overhead as a
// ratio, from the same run (of the p50s, and the median of each ask's own
// ratio, the "paired ratio"); the p50 of the handler's own time (request
// in to answer written: the rest of the GraphQL time is the trip over
// loopback and the client) with its ratio to the direct p50; and the bare
// p50 with its ratio to the direct p50 (what HTTP alone adds) and the
// GraphQL p50 over the bare p50 (what the GraphQL layer adds over HTTP).
//
//	go run ./cmd/netbench -people 10000,100000 -queries 300
//	go run ./cmd/netbench -people 2000 -queries 20 -questions referral,lineage
//	go run ./cmd/netbench -shape social -set hubs -people 40000,100000 -queries 300 -warmup 300
//
// -shape social loads a network with bigger hubs (graph/seed's
// ShapeSocial: the biggest knows about a quarter of everyone); -set hubs
// asks the reach questions from random people and from the best-connected
// people instead of the standard questions (hubs.go).
//
// Slow questions (coverage of the whole network) take fewer asks. The
// last columns are the share of asks with a non-empty answer, the median
// number of items in an answer and the median size of the GraphQL answer
// (what the server writes and the client reads, which the direct path does
// not); each GraphQL answer must hold as many items as the store's, and any
// error (a store error, a GraphQL errors entry) stops the run.
//
// Every GraphQL request is asked as a viewer: with -viewer token (the
// default) an admin account's API token goes in each request's
// Authorization header, so the figures include resolving it and the
// @auth checks; with -viewer member a member's token (who sees people of
// the default visibility, MEMBERS, so the answers are the admin's, with
// every privacy condition evaluated); with -viewer none the server is a
// public directory and the requests are anonymous (they see only PUBLIC
// people: none on a seeded network). The direct and bare ways ask the
// store as the same audience, so all three answer alike. Run them to see
// what authorization and privacy add:
//
//	go run ./cmd/netbench -people 100000 -questions findMentors -viewer token
//	go run ./cmd/netbench -people 100000 -questions findMentors -viewer member
//
// Neo4j comes from graph/neo4jtest (NEO4J_URI, or a container); with a
// container per size, sizes do not disturb each other.
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/mentorgraph/mentorgraph/cmd/internal/benchnet"
	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/dataset"
	"github.com/mentorgraph/mentorgraph/graph/seed"
	"github.com/mentorgraph/mentorgraph/internal/auth"
	"github.com/mentorgraph/mentorgraph/internal/server"
	"github.com/mentorgraph/mentorgraph/resolvers"
)

// question is one thing to measure: the same question asked directly of
// the store and as a GraphQL query.
type question struct {
	name string
	// asks, when set, caps the asks of a slow question below -queries; it
	// also shortens the warm-up, to warm when that is set.
	asks, warm int
	// pick draws the inputs of one ask; nil draws pools.any.
	pick func(pl *pools) params
	// direct asks the store and returns how many items came back (the
	// length of the list that list names in the GraphQL answer).
	direct func(ctx context.Context, s *graph.Store, p params) (int, error)
	query  string
	vars   func(p params) map[string]any
	// list is the dotted path of the GraphQL answer's list (or object,
	// counting 1, or null, counting 0) whose length must equal the direct
	// count, so both paths are seen to answer the same.
	list string
	// throughput, when set, also measures the question under -clients
	// concurrent clients, each way (nested.go).
	throughput bool
}

// cpuProfile is the -cpuprofile file, if any; warmUp the -warmup asks;
// networkShape the -shape of the networks.
var (
	cpuProfile   *string
	warmUp       *int
	clients      *int
	loadFor      *time.Duration
	networkShape seed.Shape
	viewer       *string
	// authHeader is the Authorization header every GraphQL request
	// sends ("" with -viewer none).
	authHeader string
)

// profileAsks starts a CPU profile into *cpuProfile when asked for; the
// returned func stops it.
func profileAsks() (stop func(), err error) {
	if *cpuProfile == "" {
		return func() {}, nil
	}
	f, err := os.Create(*cpuProfile)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// params are the random inputs of one ask.
type params struct {
	person, other, skill, org string
}

// defaultWarmUp is -warmup's default. Neo4j's JIT compiles its hot paths
// only after thousands of statements: measured 2026-12-04 at 100k people,
// findMentors took p50 2.51 ms, p99 12.65 ms after 100 warm-up asks and
// 1.37 ms, 6.34 ms after 3,000, and the floor's empty transaction 1.05 and
// 0.59 ms at p50, run after run on the same build. A server that has been
// answering for a minute is warm, so that is what the targets are
// measured against.
const defaultWarmUp = 2000

func main() {
	sizes := flag.String("people", "10000,100000", "network sizes, comma-separated")
	queries := flag.Int("queries", 300, "asks per question and path")
	seedFlag := flag.Uint64("seed", 1, "network generator seed")
	only := flag.String("questions", "", "run only the questions whose name contains one of these comma-separated substrings (default: all)")
	warmUp = flag.Int("warmup", defaultWarmUp, "asks per question before measuring, each way (plans compiled, caches and Neo4j's JIT warmed)")
	clients = flag.Int("clients", 8, "concurrent clients of the throughput figures (nested reads)")
	loadFor = flag.Duration("load-for", 20*time.Second, "how long each way of a throughput figure runs")
	viewer = flag.String("viewer", "token", "who asks the GraphQL requests: token (an admin's API token in each request), member (a member's), or none (anonymous, the server a public directory)")
	cpuProfile = flag.String("cpuprofile", "", "write a CPU profile of the asks (not the loading) to this file, for `go tool pprof`")
	shape := flag.String("shape", string(seed.ShapeDefault), "the networks' shape: default, or social (hubs knowing up to a quarter of everyone)")
	set := flag.String("set", "standard", "the questions: standard, or hubs (findMentors and referralPaths from random people and from the top 20 hubs)")
	flag.Parse()
	if *queries < 1 {
		log.Fatal("-queries must be at least 1")
	}
	if *warmUp < 0 {
		log.Fatal("-warmup must be 0 or more")
	}
	if *viewer != "token" && *viewer != "member" && *viewer != "none" {
		log.Fatal("-viewer must be token, member or none")
	}
	var err error
	if networkShape, err = seed.ParseShape(*shape); err != nil {
		log.Fatalf("-shape: %v", err)
	}
	var all []question
	switch *set {
	case "standard":
		all = questions()
	case "hubs":
		all = hubQuestions()
	default:
		log.Fatalf("-set %q: use standard or hubs", *set)
	}
	qs := selectQuestions(all, *only)
	if len(qs) == 0 {
		log.Fatalf("-questions %q matches no question", *only)
	}
	ctx := context.Background()
	for _, f := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 100 {
			log.Fatalf("-people: %q is not a size of at least 100", f)
		}
		if err := runSize(ctx, n, *queries, *seedFlag, qs); err != nil {
			log.Fatal(err)
		}
	}
}

// selectQuestions keeps the questions whose name contains one of the
// comma-separated substrings of only; all of them when only is empty.
func selectQuestions(qs []question, only string) []question {
	var subs []string
	for _, f := range strings.Split(only, ",") {
		if f = strings.TrimSpace(f); f != "" {
			subs = append(subs, f)
		}
	}
	if len(subs) == 0 {
		return qs
	}
	return slices.DeleteFunc(qs, func(q question) bool {
		return !slices.ContainsFunc(subs, func(sub string) bool { return strings.Contains(q.name, sub) })
	})
}

func runSize(ctx context.Context, n, queries int, seedValue uint64, qs []question) error {
	nw, err := benchnet.Load(ctx, seed.Config{People: n, Seed: seedValue, Shape: networkShape}, "2g", "2g")
	if err != nil {
		return err
	}
	defer nw.Close()
	store, ds := nw.Store, nw.Dataset
	shape := ""
	if networkShape != seed.ShapeDefault {
		shape = " (" + string(networkShape) + " shape)"
	}
	fmt.Printf("\n%s people%s: loaded %s rows in %s (%s)\n", fmtInt(n), shape, fmtInt(nw.Rows), nw.Took.Round(time.Second), degreeSummary(ds))

	sec := server.DefaultSecurity
	authHeader = ""
	// The direct and bare ways ask as the same audience as the GraphQL
	// requests' viewer.
	audience := graph.Audience{}
	if *viewer == "none" {
		sec.PublicDirectory = true
	} else {
		admin := *viewer == "token"
		token, err := accountToken(ctx, store, admin)
		if err != nil {
			return err
		}
		authHeader = "Authorization: Bearer " + token + "\r\n"
		audience = graph.Audience{Member: true, Admin: admin}
	}
	ctx = graph.WithAudience(ctx, audience)
	fmt.Printf("GraphQL requests asked by: %s\n", *viewer)
	// The server's logger, as serve makes it (a JSON line per request),
	// writing nowhere.
	logger, err := server.NewLogger(io.Discard, "json")
	if err != nil {
		return err
	}
	handler := server.NewHandler(&resolvers.Resolver{Store: store, Version: "netbench"}, server.DefaultLimits, sec, logger)
	// served hands back how long the handler took for each request, to
	// tell the server's own time from the trip over loopback.
	served := make(chan time.Duration, 1)
	gqlServed := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t0 := time.Now()
		handler.ServeHTTP(w, r)
		served <- time.Since(t0)
	})
	mux := http.NewServeMux()
	mux.Handle("/", gqlServed)
	mux.Handle(bareHTTPPath, bareHandler(store, qs, audience))
	mux.Handle(concurrentPath, handler)
	ts := httptest.NewServer(mux)
	defer ts.Close()
	cl, err := dial(ts.URL)
	if err != nil {
		return err
	}
	defer cl.conn.Close()

	stop, err := profileAsks()
	if err != nil {
		return err
	}
	defer stop()
	pl := newPools(ds, rand.New(rand.NewPCG(seedValue, 99)))
	if slices.ContainsFunc(qs, func(q question) bool { return strings.Contains(q.name, "hubs)") }) {
		fmt.Println(pl.hubsSummary)
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "question\tasks\tdirect p50\tdirect p99\tGraphQL p50\tGraphQL p99\tp50 ratio\tpaired ratio\thandler p50\thandler ratio\tbare HTTP p50\tbare ratio\tGraphQL/bare\tnon-empty\titems p50\tanswer p50\t")
	for qi, q := range qs {
		pick := pl.any
		if q.pick != nil {
			pick = func() params { return q.pick(pl) }
		}
		asks, warm := queries, *warmUp
		if q.asks > 0 {
			asks, warm = min(queries, q.asks), max(2, q.asks/5)
		}
		if q.warm > 0 {
			warm = q.warm
		}
		// Warm-up, both ways: plans compiled, caches filled (Neo4j's, the
		// parsed-query cache), code paths warm.
		for range warm {
			p := pick()
			if _, err := q.direct(ctx, store, p); err != nil {
				return fmt.Errorf("%s direct (warm-up, %+v): %w", q.name, p, err)
			}
			if _, _, err := cl.post(q.query, q.vars(p)); err != nil {
				return fmt.Errorf("%s GraphQL (warm-up, %+v): %w", q.name, p, err)
			}
			<-served
			if _, _, err := cl.bare(qi, p); err != nil {
				return fmt.Errorf("%s bare HTTP (warm-up, %+v): %w", q.name, p, err)
			}
		}
		direct, gql, handled, bare := make([]time.Duration, 0, asks), make([]time.Duration, 0, asks), make([]time.Duration, 0, asks), make([]time.Duration, 0, asks)
		nonEmpty := 0
		items, sizes := make([]int, 0, asks), make([]int, 0, asks)
		for i := range asks {
			p := pick()
			// Each ask goes the three ways in turn, starting one further
			// each time, so that no way gains from coming later (Neo4j's
			// caches holding what an earlier one read) or loses from it.
			var count, bareCount int
			var body []byte
			for j := range 3 {
				switch (i + j) % 3 {
				case 0:
					t0 := time.Now()
					n, err := q.direct(ctx, store, p)
					if err != nil {
						return fmt.Errorf("%s direct (%+v): %w", q.name, p, err)
					}
					direct = append(direct, time.Since(t0))
					count = n
				case 1:
					b, took, err := cl.post(q.query, q.vars(p))
					if err != nil {
						return fmt.Errorf("%s GraphQL (%+v): %w", q.name, p, err)
					}
					gql = append(gql, took)
					handled = append(handled, <-served)
					body = b
				case 2:
					n, took, err := cl.bare(qi, p)
					if err != nil {
						return fmt.Errorf("%s bare HTTP (%+v): %w", q.name, p, err)
					}
					bare = append(bare, took)
					bareCount = n
				}
			}
			if bareCount != count {
				return fmt.Errorf("%s (%+v): the bare HTTP handler counted %d items, the store %d", q.name, p, bareCount, count)
			}
			if q.list != "" {
				got, err := countAt(body, q.list)
				if err != nil {
					return fmt.Errorf("%s GraphQL (%+v): %w", q.name, p, err)
				}
				if got != count {
					return fmt.Errorf("%s (%+v): GraphQL answered %d items at %s, the store %d", q.name, p, got, q.list, count)
				}
			}
			if count > 0 {
				nonEmpty++
			}
			items, sizes = append(items, count), append(sizes, len(body))
		}
		d50, d99, g50, g99 := pct(direct, 50), pct(direct, 99), pct(gql, 50), pct(gql, 99)
		h50, b50 := pct(handled, 50), pct(bare, 50)
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%.2f\t%.2f\t%s\t%.2f\t%s\t%.2f\t%.2f\t%d%%\t%d\t%s\t\n", q.name, asks, ms(d50), ms(d99), ms(g50), ms(g99),
			float64(g50)/float64(d50), pairedRatio(direct, gql), ms(h50), float64(h50)/float64(d50),
			ms(b50), float64(b50)/float64(d50), float64(g50)/float64(b50), 100*nonEmpty/asks, pct(items, 50), kb(pct(sizes, 50)))
		// The table prints when every question is done; say how far it got.
		fmt.Fprintf(os.Stderr, "netbench: %s done (direct p50 %s, GraphQL p50 %s)\n", q.name, ms(d50), ms(g50))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if err := nestedFigures(ctx, store, ts.URL, pl, qs, queries); err != nil {
		return err
	}
	if err := coverageFigures(ctx, store, pl, qs); err != nil {
		return err
	}
	// After the questions, when Neo4j is warm and done with the import's
	// after-work (right after loading, an empty transaction was measured
	// slower than a lineage question).
	floor50, floor99, err := floor(ctx, store, queries)
	if err != nil {
		return err
	}
	fmt.Printf("floor, the day's speed: an empty read transaction (Store.Ping, RETURN 1) took p50 %s, p99 %s over %d asks\n",
		ms(floor50), ms(floor99), queries)
	return nil
}

// floor times n pings of the store after as many unmeasured ones: the
// cost of one read transaction that reads nothing (two Bolt round trips,
// Neo4j's transaction handling), which moves with the machine's speed, so
// the questions' figures can be read against the day's.
func floor(ctx context.Context, store *graph.Store, n int) (p50, p99 time.Duration, err error) {
	took := make([]time.Duration, 0, n)
	for i := range 2 * n {
		t0 := time.Now()
		if err := store.Ping(ctx); err != nil {
			return 0, 0, fmt.Errorf("floor (ping): %w", err)
		}
		if i >= n {
			took = append(took, time.Since(t0))
		}
	}
	return pct(took, 50), pct(took, 99), nil
}

// pools are the random inputs netbench draws from, taken from the dataset.
type pools struct {
	rng *rand.Rand
	// linked are the people with at least one KNOWS link.
	linked []string
	// mentees have a mentor, mentors a mentee (mentorships of any status).
	mentees, mentors []string
	skills, orgs     []string
	// mostHeld are the mostHeldSkills skills with the most holders of
	// them or a narrower skill.
	mostHeld []string
	// coverageOrgs are the organizations whose coverage is asked: up to
	// coverageOrgCount drawn from orgs (their reports are kept).
	coverageOrgs []string
	// ids and adj are the people and their links, KNOWS and MENTORED_BY
	// either way, by index; seen and stamp are the scratch of within.
	ids   []string
	index map[string]int32
	adj   [][]int32
	seen  []uint32
	stamp uint32
	// hubs are the topHubs best-connected people (KNOWS links), described
	// by hubsSummary.
	hubs        []string
	hubsSummary string
}

func newPools(ds *dataset.Dataset, rng *rand.Rand) *pools {
	pl := &pools{rng: rng, index: make(map[string]int32, len(ds.People))}
	for i, p := range ds.People {
		pl.ids = append(pl.ids, p.ID)
		pl.index[p.ID] = int32(i)
	}
	pl.adj = make([][]int32, len(pl.ids))
	pl.seen = make([]uint32, len(pl.ids))
	link := func(a, b string) {
		i, j := pl.index[a], pl.index[b]
		pl.adj[i] = append(pl.adj[i], j)
		pl.adj[j] = append(pl.adj[j], i)
	}
	linked := map[string]bool{}
	for _, c := range ds.Connections {
		linked[c.PersonA], linked[c.PersonB] = true, true
		link(c.PersonA, c.PersonB)
	}
	mentee, mentor := map[string]bool{}, map[string]bool{}
	for _, m := range ds.Mentorships {
		mentee[m.MenteeID], mentor[m.MentorID] = true, true
		link(m.MenteeID, m.MentorID)
	}
	for _, p := range ds.People {
		if linked[p.ID] {
			pl.linked = append(pl.linked, p.ID)
		}
		if mentee[p.ID] {
			pl.mentees = append(pl.mentees, p.ID)
		}
		if mentor[p.ID] {
			pl.mentors = append(pl.mentors, p.ID)
		}
	}
	for _, s := range ds.Skills {
		pl.skills = append(pl.skills, s.ID)
	}
	for _, o := range ds.Organizations {
		pl.orgs = append(pl.orgs, o.ID)
	}
	pl.coverageOrgs = slices.Clone(pl.orgs)
	rng.Shuffle(len(pl.coverageOrgs), func(i, j int) { pl.coverageOrgs[i], pl.coverageOrgs[j] = pl.coverageOrgs[j], pl.coverageOrgs[i] })
	pl.coverageOrgs = pl.coverageOrgs[:min(len(pl.coverageOrgs), coverageOrgCount)]
	pl.mostHeld = mostHeldSkills(ds, 5)
	pl.hubs, pl.hubsSummary = bestConnected(ds, topHubs)
	return pl
}

// mostHeldSkills returns the n skills held by the most people, counting a
// holder of a narrower skill as a holder of each broader one.
func mostHeldSkills(ds *dataset.Dataset, n int) []string {
	parent := map[string]string{}
	for _, s := range ds.Skills {
		parent[s.ID] = s.ParentID
	}
	holders := map[string]int{}
	for _, ps := range ds.PersonSkills {
		for id, depth := ps.SkillID, 0; id != "" && depth < 10; id, depth = parent[id], depth+1 {
			holders[id]++
		}
	}
	ids := make([]string, 0, len(holders))
	for id := range holders {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(cmp.Compare(holders[b], holders[a]), cmp.Compare(a, b)) })
	return ids[:min(n, len(ids))]
}

// one draws from a pool, which must not be empty.
func (pl *pools) one(pool []string, what string) string {
	if len(pool) == 0 {
		log.Fatalf("the network has no %s to pick", what)
	}
	return pool[pl.rng.IntN(len(pool))]
}

// any draws two different linked people, a skill and an organization.
func (pl *pools) any() params {
	if len(pl.linked) < 2 {
		log.Fatal("the network has fewer than two linked people to pick")
	}
	p := params{person: pl.one(pl.linked, "linked people"),
		skill: pl.one(pl.skills, "skills"), org: pl.one(pl.orgs, "organizations")}
	for p.other = p.person; p.other == p.person; {
		p.other = pl.one(pl.linked, "linked people")
	}
	return p
}

// near draws as any, with other a person lo..hi hops from person over
// KNOWS and MENTORED_BY links either way (so reachable within hi hops).
func (pl *pools) near(lo, hi int) params {
	for range 1000 {
		p := pl.any()
		if found := pl.within(p.person, lo, hi); len(found) > 0 {
			p.other = pl.ids[found[pl.rng.IntN(len(found))]]
			return p
		}
	}
	log.Fatalf("no person has anyone %d–%d hops away", lo, hi)
	return params{}
}

// within returns the people whose distance from id is lo..hi hops, by a
// breadth-first search.
func (pl *pools) within(id string, lo, hi int) []int32 {
	pl.stamp++
	start := pl.index[id]
	pl.seen[start] = pl.stamp
	var found []int32
	frontier := []int32{start}
	for d := 1; d <= hi && len(frontier) > 0; d++ {
		var next []int32
		for _, i := range frontier {
			for _, j := range pl.adj[i] {
				if pl.seen[j] != pl.stamp {
					pl.seen[j] = pl.stamp
					next = append(next, j)
				}
			}
		}
		if d >= lo {
			found = append(found, next...)
		}
		frontier = next
	}
	return found
}

// halfFrom draws as any, with person from pool half of the time.
func (pl *pools) halfFrom(pool []string, what string) params {
	p := pl.any()
	if pl.rng.IntN(2) == 0 {
		p.person = pl.one(pool, what)
	}
	return p
}

// post sends a GraphQL query and returns the answer's body, after checking
// it holds no errors, and the time the server took to give it.
func (c *client) post(query string, vars map[string]any) ([]byte, time.Duration, error) {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		return nil, 0, err
	}
	// Timed: from sending the request to having read the whole answer.
	// Encoding the request and decoding the answer are the client's work.
	t0 := time.Now()
	resp, body, err := c.roundTrip(c.path, body)
	took := time.Since(t0)
	if err != nil {
		return nil, 0, err
	}
	var r struct {
		Errors []struct {
			Message string `json:"message"`
			Path    []any  `json:"path"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, 0, fmt.Errorf("HTTP %d: %w: %.200s", resp.StatusCode, err, body)
	}
	if len(r.Errors) > 0 {
		msgs := make([]string, len(r.Errors))
		for i, e := range r.Errors {
			msgs[i] = e.Message
			if len(e.Path) > 0 {
				msgs[i] = fmt.Sprintf("%v: %s", e.Path, e.Message)
			}
		}
		return nil, 0, fmt.Errorf("%d errors: %s", len(r.Errors), strings.Join(msgs, "; "))
	}
	if resp.StatusCode != http.StatusOK {
		return nil, 0, fmt.Errorf("HTTP %d: %.200s", resp.StatusCode, body)
	}
	return body, took, nil
}

// countAt returns the length of the list at the dotted path under data in
// a GraphQL answer: 1 for an object, 0 for null.
func countAt(body []byte, path string) (int, error) {
	var r struct {
		Data map[string]any `json:"data"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return 0, err
	}
	var v any = r.Data
	for _, key := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return 0, fmt.Errorf("no object above %q in data.%s", key, path)
		}
		if v, ok = m[key]; !ok {
			return 0, fmt.Errorf("no %q in data.%s", key, path)
		}
	}
	switch v := v.(type) {
	case []any:
		return len(v), nil
	case map[string]any:
		return 1, nil
	case nil:
		return 0, nil
	}
	return 0, fmt.Errorf("data.%s is %T, not a list", path, v)
}

func pct[T int | time.Duration](ds []T, p int) T {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*p/100)]
}

// pairedRatio is the median, over the asks, of one ask's GraphQL time
// over its direct time (the same input, asked back to back): the overhead
// with what moves both sides alike (the input's own cost, the machine
// being slower for a while) divided out. direct and gql are in ask order.
func pairedRatio(direct, gql []time.Duration) float64 {
	ratios := make([]float64, min(len(direct), len(gql)))
	for i := range ratios {
		ratios[i] = float64(gql[i]) / float64(max(direct[i], 1))
	}
	if len(ratios) == 0 {
		return 0
	}
	slices.Sort(ratios)
	return ratios[len(ratios)/2]
}

// kb formats a size in bytes as KB with one decimal.
func kb(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1000) }

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

// client is a minimal HTTP/1.1 client on one keep-alive connection: the
// request is one write and the answer is read in the asking goroutine, so
// the GraphQL time holds the server's work and the trip over loopback, not
// the hand-offs between goroutines of net/http's client.
type client struct {
	conn       net.Conn
	r          *bufio.Reader
	host, path string
	buf        bytes.Buffer
}

func dial(rawURL string) (*client, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	conn, err := net.Dial("tcp", u.Host)
	if err != nil {
		return nil, err
	}
	path := u.Path
	if path == "" {
		path = "/"
	}
	return &client{conn: conn, r: bufio.NewReaderSize(conn, 64<<10), host: u.Host, path: path}, nil
}

// roundTrip posts body as JSON to path and reads the whole answer.
func (c *client) roundTrip(path string, body []byte) (*http.Response, []byte, error) {
	c.buf.Reset()
	fmt.Fprintf(&c.buf, "POST %s HTTP/1.1\r\nHost: %s\r\n%sContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", path, c.host, authHeader, len(body))
	c.buf.Write(body)
	if _, err := c.conn.Write(c.buf.Bytes()); err != nil {
		return nil, nil, err
	}
	resp, err := http.ReadResponse(c.r, nil)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	if resp.ContentLength < 0 {
		b, err := io.ReadAll(resp.Body)
		return resp, b, err
	}
	// The server sends a Content-Length: read that much, in one buffer.
	b := make([]byte, resp.ContentLength)
	_, err = io.ReadFull(resp.Body, b)
	return resp, b, err
}

// accountToken makes an account for this run (a login of its own; an
// admin when admin is set) and
// returns a READ_WRITE API token of it.
func accountToken(ctx context.Context, store *graph.Store, admin bool) (string, error) {
	a, err := store.CreateAccount(ctx, graph.AccountInput{Login: fmt.Sprintf("netbench-%d", time.Now().UnixNano()), Admin: admin})
	if err != nil {
		return "", fmt.Errorf("netbench account: %w", err)
	}
	token := auth.NewToken()
	_, err = store.CreateAPIToken(ctx, graph.APITokenInput{AccountID: a.ID, Hash: auth.HashSecret(token), Name: "netbench", Scope: "READ_WRITE", ExpiresAt: time.Now().Add(24 * time.Hour)})
	if err != nil {
		return "", fmt.Errorf("netbench token: %w", err)
	}
	return token, nil
}
