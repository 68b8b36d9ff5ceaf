// Command uibench measures the web UI in a real browser, for the design
// targets "first paint ≤ 1 s, app JS ≤ 150 KB gzipped, results drawn ≤ 1 s
// after the answer". It starts Neo4j and loads a network made by
// graph/seed (cmd/internal/benchnet, as loadbench does), runs the real
// server (the mentorgraph binary's serve command) as a process of its own,
// and drives Debian's Chromium headless with chromedp:
//
//	go build -o bin/mentorgraph ./cmd/mentorgraph
//	go run ./cmd/uibench                 (100,000 people; minutes to load)
//	go run ./cmd/uibench -people 3000 -hold
//
// It prints figures, it asserts nothing:
//
//   - the app's JavaScript and CSS as sent (gzipped) by the server;
//   - first paint of / in a fresh browser profile each run (no cache; the
//     browser started and a blank page painted first): the Performance
//     API's first-contentful-paint, and when the app had built its first
//     screen (the app's mentorgraph:app-rendered mark);
//   - "Find a mentor" with 50 matches: from the end of the GraphQL
//     response (the Resource Timing entry of /graphql) to the app's
//     mentorgraph:graph-ready mark, set when the drawing of the paths is
//     ready; the response time itself beside it;
//   - the coverage view's default screen: until every heatmap column, the
//     gap table and the tables of the scope are on screen (Neo4j-bound: one
//     coverage report per column).
//
// Each figure is measured -runs times (the coverage view twice at most); it
// prints p50 and max. With -hold the server keeps running afterwards (its
// address printed) until interrupted, to look at the UI on the same
// network; with -reuse and NEO4J_URI it measures a network an earlier run
// left in that Neo4j, without importing it again.
package main

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/mentorgraph/mentorgraph/cmd/internal/benchnet"
	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/dataset"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
	"github.com/mentorgraph/mentorgraph/graph/seed"
)

func main() {
	server := flag.String("server", "bin/mentorgraph", "the mentorgraph binary to run (build it with: go build -o bin/mentorgraph ./cmd/mentorgraph)")
	people := flag.Int("people", 100000, "people in the generated network")
	seedValue := flag.Uint64("seed", 1, "network generator seed")
	runs := flag.Int("runs", 7, "measurements of each figure")
	matches := flag.Int("matches", 50, "find-mentor matches to draw (1–50)")
	chromium := flag.String("chromium", "", "the browser (default: $CHROMIUM, /usr/bin/chromium, chromium-browser or google-chrome)")
	coverage := flag.Bool("coverage", true, "also time the coverage view's default screen")
	hold := flag.Bool("hold", false, "keep serving after measuring, until interrupted")
	reuse := flag.Bool("reuse", false, "the Neo4j at NEO4J_URI already holds this -people/-seed network (an earlier run's): skip the import")
	flag.Parse()
	switch {
	case *people < 100:
		log.Fatal("-people must be at least 100")
	case *runs < 1:
		log.Fatal("-runs must be at least 1")
	case *matches < 1 || *matches > 50:
		log.Fatal("-matches must be between 1 and 50")
	}
	bin, err := exec.LookPath(*server)
	if err != nil {
		log.Fatalf("-server %s: %v (build it with: go build -o bin/mentorgraph ./cmd/mentorgraph)", *server, err)
	}
	browser := *chromium
	if browser == "" {
		browser = findChromium()
	}
	if browser == "" {
		log.Fatal("no Chromium: set -chromium or $CHROMIUM (deploy/provision.sh installs Debian's chromium)")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if *reuse && os.Getenv("NEO4J_URI") == "" {
		log.Fatal("-reuse needs NEO4J_URI: the server holding the network")
	}
	if err := run(ctx, bin, browser, *people, *seedValue, *runs, *matches, *coverage, *hold, *reuse); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, bin, browser string, people int, seedValue uint64, runs, matches int, coverage, hold, reuse bool) error {
	start := time.Now()
	var (
		srv *neo4jtest.Server
		ds  *dataset.Dataset
	)
	if reuse {
		var err error
		if srv, err = neo4jtest.Start(ctx, neo4jtest.FromEnv()); err != nil {
			return err
		}
		ds = seed.Generate(seed.Config{People: people, Seed: seedValue})
		fmt.Printf("%d people (seed %d): already in %s\n", people, seedValue, srv.URI)
	} else {
		nw, err := benchnet.Load(ctx, seed.Config{People: people, Seed: seedValue}, "2g", "1g")
		if err != nil {
			return err
		}
		defer nw.Close()
		srv, ds = nw.Server, nw.Dataset
		fmt.Printf("%d people (seed %d): loaded %d rows in %s\n", people, seedValue, nw.Rows, time.Since(start).Round(time.Second))
	}

	proc, base, err := startServer(ctx, bin, srv)
	if err != nil {
		return err
	}
	defer proc.stop()
	// The browser and the API requests are an admin's (the server is
	// locked down): a session cookie for the browser, a token for the rest.
	if creds, err = signIn(ctx, srv); err != nil {
		return err
	}

	js, css, err := assetSizes(base)
	if err != nil {
		return err
	}
	fmt.Printf("app JS: %s gzipped (%s raw); CSS: %s gzipped (budget: JS ≤ 150 KB gzipped)\n", kb(js.gz), kb(js.raw), kb(css.gz))

	me, skill, hops, err := pickQuestion(base, ds, matches)
	if err != nil {
		return err
	}
	fmt.Printf("find-mentor question: /find?me=%s&skill=%s&hops=%d&n=%d (%d matches)\n", me, skill, hops, matches, matches)

	var fcp, app, drawn, answered, cov []float64
	var shape string
	for i := range runs {
		b, err := newTab(ctx, browser)
		if err != nil {
			return err
		}
		if err := chromedp.Do(b.ctx, setSessionCookies(base)); err != nil {
			b.close()
			return fmt.Errorf("signing the browser in: %w", err)
		}
		p, err := firstPaint(b.ctx, base)
		if err == nil {
			fcp, app = append(fcp, p.FCP), append(app, p.App)
			var d drawing
			d, err = findDrawn(b.ctx, base, me, skill, hops, matches)
			if err == nil {
				drawn, answered = append(drawn, d.Drawn), append(answered, d.Response)
				shape = d.Graph
			}
		}
		b.close()
		if err != nil {
			return fmt.Errorf("run %d: %w", i+1, err)
		}
	}
	// The coverage view is Neo4j's work (a coverage report per column), a
	// figure of its own: twice at most, and a failure (a report past the
	// server's request timeout) is printed, not fatal.
	var covErr error
	for i := 0; coverage && i < min(runs, 2) && covErr == nil; i++ {
		b, err := newTab(ctx, browser)
		if err != nil {
			return err
		}
		if err := chromedp.Do(b.ctx, setSessionCookies(base)); err != nil {
			b.close()
			return fmt.Errorf("signing the browser in: %w", err)
		}
		var c float64
		if c, covErr = coverageShown(b.ctx, base); covErr == nil {
			cov = append(cov, c)
		}
		b.close()
	}
	fmt.Printf("\n%d runs, each in a fresh browser profile (Chromium headless, %s)\n", runs, filepath.Base(browser))
	fmt.Printf("%-58s %10s %10s\n", "", "p50", "max")
	row := func(name string, xs []float64) {
		if len(xs) > 0 {
			fmt.Printf("%-58s %10s %10s\n", name, ms(percentile(xs, 50)), ms(slices.Max(xs)))
		}
	}
	row("first paint of / (first-contentful-paint)", fcp)
	row("app's first screen built (mentorgraph:app-rendered)", app)
	row(fmt.Sprintf("find-mentor, %d matches: drawn after the answer", matches), drawn)
	row(fmt.Sprintf("find-mentor, %d matches: the answer (request to response end)", matches), answered)
	row("coverage view, default screen: every table on screen", cov)
	fmt.Printf("drawing: %s\n", shape)
	if covErr != nil {
		fmt.Printf("coverage view (%d runs done): %v\n", len(cov), covErr)
	}

	if hold {
		fmt.Printf("\nserving %s (Ctrl-C to stop)\n", base)
		<-ctx.Done()
	}
	return nil
}

// chromiumPaths are where a browser is looked for, after $CHROMIUM.
var chromiumPaths = []string{"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}

func findChromium() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, p := range chromiumPaths {
		if _, err := exec.LookPath(p); err == nil {
			return p
		}
	}
	return ""
}

// tab is a headless Chromium with a fresh profile (an empty cache).
type tab struct {
	ctx   context.Context
	close func()
}

// newTab starts a browser with the flags the browser tests use (see
// cmd/mentorgraph/browser_test.go): WebGL through SwiftShader, no QUIC or
// component updates, no sandbox as root.
func newTab(ctx context.Context, path string) (*tab, error) {
	dir, err := os.MkdirTemp("", "uibench-profile-*")
	if err != nil {
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.UserDataDir(dir), chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("use-angle", "swiftshader"), chromedp.Flag("enable-unsafe-swiftshader", true), chromedp.Flag("lang", "en-US"))
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox)
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	tctx, cancelTab := chromedp.NewContext(allocCtx)
	closeAll := func() {
		cancelTab()
		cancelAlloc()
		_ = os.RemoveAll(dir)
	}
	if err := chromedp.Do(tctx); err != nil {
		closeAll()
		return nil, fmt.Errorf("starting %s: %w", path, err)
	}
	// A browser a person uses is already running: paint a blank page first,
	// so the figures do not include starting the browser's GPU process.
	warm := `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`
	if err := chromedp.Do(tctx, chromedp.Navigate("about:blank"), chromedp.Evaluate[chromedp.Void](warm, chromedp.EvalAwaitPromise)); err != nil {
		closeAll()
		return nil, fmt.Errorf("warming %s up: %w", path, err)
	}
	return &tab{ctx: tctx, close: closeAll}, nil
}

// creds are the admin's credentials of this run (signIn).
var creds benchnet.Credentials

// signIn makes an admin account with a session and a token on srv.
func signIn(ctx context.Context, srv *neo4jtest.Server) (benchnet.Credentials, error) {
	d, err := srv.Driver(ctx)
	if err != nil {
		return benchnet.Credentials{}, err
	}
	defer d.Close(ctx)
	return benchnet.AdminCredentials(ctx, graph.NewStore(d, srv.Database), "uibench")
}

// setSessionCookies gives the tab the admin's session for base, as a
// signed-in browser holds it.
func setSessionCookies(base string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		for name, value := range map[string]string{"mg_session": creds.SessionID, "mg_csrf": creds.CSRF} {
			if _, err := cdp.Call(ctx, tg, network.SetCookie, network.SetCookieParams{Name: name, Value: value, URL: base}); err != nil {
				return err
			}
		}
		return nil
	})
}

// poll waits up to timeout for a JavaScript expression to be truthy.
func poll(ctx context.Context, what, expr string, timeout time.Duration) error {
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(timeout))); err != nil {
		page, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('main') || document.body).innerText.slice(0, 1500)`))
		return fmt.Errorf("waiting for %s: %w\npage says:\n%s", what, err, page)
	}
	return nil
}

type paint struct {
	FCP float64 `json:"fcp"`
	App float64 `json:"app"`
}

// firstPaint opens / and reads first-contentful-paint and the app's mark,
// in milliseconds from the start of navigation.
func firstPaint(ctx context.Context, base string) (paint, error) {
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/")); err != nil {
		return paint{}, err
	}
	expr := `performance.getEntriesByName('first-contentful-paint').length > 0 && performance.getEntriesByName('mentorgraph:app-rendered').length > 0`
	if err := poll(ctx, "first paint of /", expr, 30*time.Second); err != nil {
		return paint{}, err
	}
	return chromedp.Run(ctx, chromedp.Evaluate[paint](`({
		fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
		app: performance.getEntriesByName('mentorgraph:app-rendered')[0].startTime,
	})`))
}

type drawing struct {
	Drawn    float64 `json:"drawn"`
	Response float64 `json:"response"`
	Graph    string  `json:"graph"`
	Matches  int     `json:"matches"`
}

// findDrawn opens the find-mentor question and measures from the end of
// its GraphQL response to the graph-ready mark of its drawing.
func findDrawn(ctx context.Context, base, me, skill string, hops, matches int) (drawing, error) {
	q := url.Values{"me": {me}, "skill": {skill}, "hops": {fmt.Sprint(hops)}, "n": {fmt.Sprint(matches)}}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/find?"+q.Encode())); err != nil {
		return drawing{}, err
	}
	expr := fmt.Sprintf(`!!document.querySelector('.path-graph-canvas')?.dataset.graphReady && document.querySelectorAll('.matches > li').length === %d
		&& performance.getEntriesByName('mentorgraph:graph-ready').length > 0`, matches)
	if err := poll(ctx, "the drawn matches", expr, 60*time.Second); err != nil {
		return drawing{}, err
	}
	d, err := chromedp.Run(ctx, chromedp.Evaluate[drawing](`(() => {
		const marks = performance.getEntriesByName('mentorgraph:graph-ready');
		const ready = marks[marks.length - 1];
		const answers = performance.getEntriesByType('resource')
			.filter(e => new URL(e.name).pathname === '/graphql' && e.responseEnd <= ready.startTime);
		const answer = answers[answers.length - 1];
		return {
			drawn: ready.startTime - answer.responseEnd,
			response: answer.responseEnd - answer.requestStart,
			graph: document.querySelector('.path-graph-canvas').dataset.graphReady,
			matches: document.querySelectorAll('.matches > li').length,
		};
	})()`))
	if err != nil {
		return drawing{}, err
	}
	return d, nil
}

// coverageShown opens the coverage view's default screen (everyone, the
// largest organizations) and returns the milliseconds until every section
// has its answer.
func coverageShown(ctx context.Context, base string) (float64, error) {
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/coverage")); err != nil {
		return 0, err
	}
	expr := `['heatmap-section', 'gaps', 'overloaded', 'single'].every(c => ['ok', 'error'].includes(document.querySelector('.' + c)?.dataset.state))`
	if err := poll(ctx, "the coverage view", expr, 5*time.Minute); err != nil {
		return 0, err
	}
	state, err := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll('main [role=alert]')].map(e => e.innerText).join('; ')`))
	if err != nil {
		return 0, err
	}
	if state != "" {
		return 0, fmt.Errorf("the coverage view failed: %s", state)
	}
	return chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.now()`))
}

// size is a file as the server sends it, raw and gzipped.
type size struct{ raw, gz int }

var assetRef = regexp.MustCompile(`(?:src|href)="(/assets/[^"]+\.(js|css))"`)

// assetSizes fetches / and sums the scripts and style sheets it loads, as
// sent with and without gzip.
func assetSizes(base string) (js, css size, err error) {
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	get := func(path string, gz bool) ([]byte, error) {
		req, err := http.NewRequest("GET", base+path, nil)
		if err != nil {
			return nil, err
		}
		if gz {
			req.Header.Set("Accept-Encoding", "gzip")
		}
		res, err := client.Do(req)
		if err != nil {
			return nil, err
		}
		defer res.Body.Close()
		if res.StatusCode != 200 {
			return nil, fmt.Errorf("GET %s: %s", path, res.Status)
		}
		if gz && res.Header.Get("Content-Encoding") != "gzip" {
			return nil, fmt.Errorf("GET %s: not gzipped", path)
		}
		return io.ReadAll(res.Body)
	}
	page, err := get("/", false)
	if err != nil {
		return js, css, err
	}
	for _, m := range assetRef.FindAllStringSubmatch(string(page), -1) {
		raw, err := get(m[1], false)
		if err != nil {
			return js, css, err
		}
		gz, err := get(m[1], true)
		if err != nil {
			return js, css, err
		}
		if _, err := gzip.NewReader(bytes.NewReader(gz)); err != nil {
			return js, css, fmt.Errorf("%s: %w", m[1], err)
		}
		s := &js
		if m[2] == "css" {
			s = &css
		}
		s.raw += len(raw)
		s.gz += len(gz)
	}
	if js.raw == 0 {
		return js, css, errors.New("/ loads no script")
	}
	return js, css, nil
}

// pickQuestion finds a person and a skill whose findMentors answer (the
// view's arguments: level 3, available only) has at least matches matches:
// the network's hubs first (most links), at 2 hops, then 3.
func pickQuestion(base string, ds *dataset.Dataset, matches int) (me, skill string, hops int, err error) {
	degree := map[string]int{}
	for _, k := range ds.Connections {
		degree[k.PersonA]++
		degree[k.PersonB]++
	}
	ids := make([]string, 0, len(ds.People))
	for _, p := range ds.People {
		ids = append(ids, p.ID)
	}
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(degree[b]-degree[a], strings.Compare(a, b)) })
	// Top-level skills (their narrower skills count) by holders, most first.
	top := map[string]string{}
	parent := map[string]string{}
	for _, s := range ds.Skills {
		parent[s.ID] = s.ParentID
	}
	for id := range parent {
		r := id
		for parent[r] != "" {
			r = parent[r]
		}
		top[id] = r
	}
	held := map[string]int{}
	for _, s := range ds.PersonSkills {
		held[top[s.SkillID]]++
	}
	skills := make([]string, 0, len(held))
	for id := range held {
		skills = append(skills, id)
	}
	slices.SortFunc(skills, func(a, b string) int { return cmp.Or(held[b]-held[a], strings.Compare(a, b)) })
	skills = skills[:min(len(skills), 5)]
	for _, h := range []int{2, 3} {
		for _, id := range ids[:min(len(ids), 20)] {
			for _, s := range skills {
				n, err := countMatches(base, id, s, h, matches)
				if err != nil {
					return "", "", 0, err
				}
				if n >= matches {
					return id, s, h, nil
				}
			}
		}
	}
	return "", "", 0, fmt.Errorf("no person among the 20 best connected has %d matches for the 5 most held top-level skills within 3 hops", matches)
}

func countMatches(base, me, skill string, hops, first int) (int, error) {
	body, _ := json.Marshal(map[string]any{
		"query":     `query($me: ID!, $skill: ID!, $hops: Int!, $first: Int!) { findMentors(for: $me, skill: $skill, maxHops: $hops, minLevel: 3, first: $first) { edges { cursor } } }`,
		"variables": map[string]any{"me": me, "skill": skill, "hops": hops, "first": first},
	})
	client := &http.Client{Transport: benchnet.Bearer(creds.Token, http.DefaultTransport)}
	res, err := client.Post(base+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	var answer struct {
		Data struct {
			FindMentors struct {
				Edges []struct{} `json:"edges"`
			} `json:"findMentors"`
		} `json:"data"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.NewDecoder(res.Body).Decode(&answer); err != nil {
		return 0, err
	}
	if len(answer.Errors) > 0 {
		return 0, fmt.Errorf("findMentors: %s", answer.Errors[0].Message)
	}
	return len(answer.Data.FindMentors.Edges), nil
}

// server is the mentorgraph serve process.
type server struct {
	cmd *exec.Cmd
	log string
}

// startServer runs bin serve on a free loopback port against srv and waits
// until it answers /readyz; it returns the server's base URL.
func startServer(ctx context.Context, bin string, srv *neo4jtest.Server) (*server, string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", err
	}
	addr := ln.Addr().String()
	ln.Close()
	logFile, err := os.CreateTemp("", "uibench-server-*.log")
	if err != nil {
		return nil, "", err
	}
	cmd := exec.Command(bin, "serve")
	cmd.Env = append(os.Environ(),
		"NEO4J_URI="+srv.URI, "NEO4J_USER="+srv.User, "NEO4J_PASSWORD="+srv.Password,
		"NEO4J_DATABASE="+srv.Database, "MENTORGRAPH_LISTEN="+addr)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, "", fmt.Errorf("start %s serve: %w", bin, err)
	}
	logFile.Close()
	s := &server{cmd: cmd, log: logFile.Name()}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				fmt.Printf("server: %s serve on %s (pid %d, log %s)\n", filepath.Base(bin), addr, cmd.Process.Pid, s.log)
				return s, "http://" + addr, nil
			}
		}
		select {
		case err := <-exited:
			return nil, "", fmt.Errorf("%s serve exited (%v) before it was ready; its log: %s", bin, err, s.log)
		case <-ctx.Done():
			s.stop()
			return nil, "", ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.stop()
			return nil, "", fmt.Errorf("%s serve did not answer /readyz within a minute; its log: %s", bin, s.log)
		}
	}
}

func (s *server) stop() {
	_ = s.cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { _ = s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		_ = s.cmd.Process.Kill()
	}
}

// percentile is the p-th percentile of xs (nearest rank).
func percentile(xs []float64, p float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	i := int(math.Ceil(p/100*float64(len(s)))) - 1
	return s[max(0, min(i, len(s)-1))]
}

func ms(v float64) string {
	if v >= 1000 {
		return fmt.Sprintf("%.2f s", v/1000)
	}
	return fmt.Sprintf("%.0f ms", v)
}

func kb(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1024) }
