// Command loadbench measures the server under a steady request rate, for
// the design target "server memory ≤ 100 MB RSS under 1,000 req/s". It
// starts Neo4j (graph/neo4jtest, as netbench does), loads a network made
// by graph/seed, runs the real server (the mentorgraph binary's serve
// command) as a process of its own, and sends it GraphQL requests at a
// fixed rate while sampling the server process's resident memory
// (/proc/PID/status: VmRSS, and VmHWM for the peak).
//
//	go build -o bin/mentorgraph ./cmd/mentorgraph
//	go run ./cmd/loadbench -rate 1000 -duration 30s
//
// The load is open loop: request i leaves at start + i/rate whether or not
// earlier ones have come back, and its latency counts from that moment, so
// a server that falls behind shows it in the latencies instead of slowing
// the load down. At most -conns requests are in flight at once (one
// keep-alive connection each); a request waiting for a free connection
// keeps its clock running. Each request is one question of the mix (see
// kinds), for random people, skills and pairs of the generated network.
//
// It prints, per question and overall: requests, errors, p50/p99/max
// latency; the rate achieved; and the server's RSS when idle, its median
// and highest sample under load, and the kernel's high-water mark. Any
// GraphQL error or HTTP failure is counted, and the first few are printed.
//
// With -hostile it runs the hostile mix instead (hostile.go): an ordinary
// client's findMentors at -rate, quiet and then while abusive clients run,
// and prints both p99s with their ratio and how each abuse was answered:
//
//	go run ./cmd/loadbench -hostile -people 100000 -rate 20 -duration 60s
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/mentorgraph/mentorgraph/cmd/internal/benchnet"
	"github.com/mentorgraph/mentorgraph/graph/dataset"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
	"github.com/mentorgraph/mentorgraph/graph/seed"
)

func main() {
	server := flag.String("server", "bin/mentorgraph", "the mentorgraph binary to run (build it with: go build -o bin/mentorgraph ./cmd/mentorgraph)")
	people := flag.Int("people", 10000, "people in the generated network")
	seedValue := flag.Uint64("seed", 1, "network generator seed")
	shapeFlag := flag.String("shape", string(seed.ShapeDefault), "the network's shape: default, or social (hubs knowing up to a quarter of everyone; see graph/seed)")
	rate := flag.Int("rate", 1000, "requests per second")
	duration := flag.Duration("duration", 30*time.Second, "how long to measure")
	warmUp := flag.Duration("warmup", 5*time.Second, "load before measuring (plans compiled, caches warm), at the same rate")
	conns := flag.Int("conns", 64, "most requests in flight at once (keep-alive connections)")
	mixFlag := flag.String("mix", defaultMix, "questions and their weights, name=weight,… (names: "+strings.Join(kindNames(), ", ")+")")
	hostile := flag.Bool("hostile", false, "the hostile mix instead: an ordinary client's findMentors at -rate, quiet and then while abusive clients run (see hostile.go)")
	attackers := flag.Int("attackers", 2, "with -hostile: clients per kind of abusive request")
	slowClients := flag.Int("slow-clients", 100, "with -hostile: clients sending a body a byte every 2 s (default: the server's in-flight limit)")
	attackPause := flag.Duration("attack-pause", 100*time.Millisecond, "with -hostile: each abusive client's pause between requests (0: a flood, which measures how fast the machine refuses rather than whether abuse starves others)")
	flag.Parse()

	mix, err := parseMix(*mixFlag)
	if err != nil {
		log.Fatalf("-mix: %v", err)
	}
	shape, err := seed.ParseShape(*shapeFlag)
	if err != nil {
		log.Fatalf("-shape: %v", err)
	}
	network := seed.Config{People: *people, Seed: *seedValue, Shape: shape}
	switch {
	case *people < 100:
		log.Fatal("-people must be at least 100")
	case *rate < 1:
		log.Fatal("-rate must be at least 1")
	case *duration < time.Second:
		log.Fatal("-duration must be at least 1s")
	case *warmUp < 0:
		log.Fatal("-warmup must not be negative")
	case *conns < 1:
		log.Fatal("-conns must be at least 1")
	}
	bin, err := exec.LookPath(*server)
	if err != nil {
		log.Fatalf("-server %s: %v (build it with: go build -o bin/mentorgraph ./cmd/mentorgraph, or run make loadbench)", *server, err)
	}
	if *hostile {
		if *attackers < 1 || *slowClients < 0 || *attackPause < 0 {
			log.Fatal("-attackers must be at least 1, -slow-clients and -attack-pause not negative")
		}
		if err := runHostile(context.Background(), bin, network, *rate, *duration, *warmUp, *attackers, *slowClients, *attackPause); err != nil {
			log.Fatal(err)
		}
		return
	}
	if err := run(context.Background(), bin, network, *rate, *duration, *warmUp, *conns, mix); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, bin string, network seed.Config, rate int, duration, warmUp time.Duration, conns int, mix []weighted) error {
	b, err := startBench(ctx, bin, network)
	if err != nil {
		return err
	}
	defer b.close()
	idle, err := b.proc.memory()
	if err != nil {
		return err
	}

	client := &http.Client{Transport: benchnet.Bearer(b.token, &http.Transport{
		MaxConnsPerHost:     conns,
		MaxIdleConnsPerHost: conns,
		IdleConnTimeout:     time.Minute,
		DisableCompression:  true,
	})}
	l := &load{client: client, url: b.url, mix: mix, pick: b.pick, rate: rate}
	if warmUp > 0 {
		fmt.Printf("warming up: %s at %d req/s\n", warmUp, rate)
		if _, _, err := l.run(warmUp, nil); err != nil {
			return err
		}
	}
	fmt.Printf("measuring: %s at %d req/s, at most %d in flight, mix %s\n", duration, rate, conns, mixString(mix))
	stopSampling := sampleMemory(b.proc)
	res, took, err := l.run(duration, os.Stderr)
	samples, sampleErr := stopSampling()
	if err != nil {
		return err
	}
	if sampleErr != nil {
		return sampleErr
	}
	final, err := b.proc.memory()
	if err != nil {
		return err
	}
	report(res, took, idle, samples, final)
	return nil
}

// bench is a seeded network in a fresh Neo4j with the server running on it.
type bench struct {
	nw   *benchnet.Network
	proc *server
	url  string
	pick *picker
	// token is an admin's API token every request sends.
	token string
}

// startBench loads the network graph/seed makes for network and starts
// bin serve on it.
func startBench(ctx context.Context, bin string, network seed.Config) (*bench, error) {
	nw, err := benchnet.Load(ctx, network, "2g", "1g")
	if err != nil {
		return nil, err
	}
	shape := ""
	if network.Shape == seed.ShapeSocial {
		shape = " (social shape)"
	}
	fmt.Printf("%d people%s: loaded %d rows in %s\n", network.People, shape, nw.Rows, nw.Took.Round(time.Second))
	creds, err := benchnet.AdminCredentials(ctx, nw.Store, "loadbench")
	if err != nil {
		nw.Close()
		return nil, err
	}
	proc, url, err := startServer(ctx, bin, nw.Server)
	if err != nil {
		nw.Close()
		return nil, err
	}
	return &bench{nw: nw, proc: proc, url: url, pick: newPicker(nw.Dataset, rand.New(rand.NewPCG(network.Seed, 7))), token: creds.Token}, nil
}

func (b *bench) close() {
	b.proc.stop()
	b.nw.Close()
}

// sampleMemory samples proc's memory every 100 ms until the returned
// function is called, which returns the samples (and the first error, after
// which sampling stopped).
func sampleMemory(proc *server) func() ([]memory, error) {
	var samples []memory
	var sampleErr error
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				m, err := proc.memory()
				if err != nil {
					sampleErr = err
					return
				}
				samples = append(samples, m)
			}
		}
	}()
	return func() ([]memory, error) {
		close(stop)
		<-done
		return samples, sampleErr
	}
}

// server is the mentorgraph serve process.
type server struct {
	cmd *exec.Cmd
	log string
}

// startServer runs bin serve on a free loopback port against srv, waits
// until it answers /readyz, and returns it with its GraphQL URL.
func startServer(ctx context.Context, bin string, srv *neo4jtest.Server) (*server, string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", err
	}
	addr := ln.Addr().String()
	ln.Close()
	logFile, err := os.CreateTemp("", "loadbench-server-*.log")
	if err != nil {
		return nil, "", err
	}
	cmd := exec.CommandContext(ctx, bin, "serve")
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
				return s, "http://" + addr + "/graphql", nil
			}
		}
		select {
		case err := <-exited:
			return nil, "", fmt.Errorf("%s serve exited (%v) before it was ready; its log: %s", bin, err, s.log)
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

// memory is what /proc/PID/status says of a process's memory, in bytes.
type memory struct {
	rss, hwm int64
}

func (s *server) memory() (memory, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return memory{}, fmt.Errorf("reading the server's memory (loadbench needs Linux's /proc): %w", err)
	}
	var m memory
	for _, line := range strings.Split(string(b), "\n") {
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		var p *int64
		switch name {
		case "VmRSS":
			p = &m.rss
		case "VmHWM":
			p = &m.hwm
		default:
			continue
		}
		kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(value), " kB"), 10, 64)
		if err != nil {
			return memory{}, fmt.Errorf("/proc/%d/status: %s: %w", s.cmd.Process.Pid, line, err)
		}
		*p = kb << 10
	}
	return m, nil
}

// load sends the mix at rate.
type load struct {
	client *http.Client
	url    string
	mix    []weighted
	pick   *picker
	rate   int
}

// result is one answered (or failed) request.
type result struct {
	kind    string
	latency time.Duration
	err     error
}

// maxBacklog stops a run whose server has fallen this far behind: the
// answers would only measure the queue.
const maxBacklog = 20000

// run sends requests for d and returns their results; progress, when not
// nil, gets a line a second.
func (l *load) run(d time.Duration, progress io.Writer) ([]result, time.Duration, error) {
	n := int(d.Seconds() * float64(l.rate))
	interval := time.Second / time.Duration(l.rate)
	results := make([]result, n)
	var wg sync.WaitGroup
	var inFlight atomic.Int64
	start := time.Now()
	for i := range n {
		due := start.Add(time.Duration(i) * interval)
		if wait := time.Until(due); wait > 0 {
			time.Sleep(wait)
		}
		if inFlight.Load() > maxBacklog {
			wg.Wait()
			return nil, 0, fmt.Errorf("the server fell %d requests behind at %d req/s: lower -rate or make the mix lighter", maxBacklog, l.rate)
		}
		k := l.pickKind()
		body, err := json.Marshal(map[string]any{"query": k.query, "variables": k.vars(l.pick)})
		if err != nil {
			return nil, 0, err
		}
		inFlight.Add(1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer inFlight.Add(-1)
			err := l.post(body)
			results[i] = result{kind: k.name, latency: time.Since(due), err: err}
		}()
		if progress != nil && i > 0 && i%l.rate == 0 {
			fmt.Fprintf(progress, "loadbench: %ds, %d in flight\n", i/l.rate, inFlight.Load())
		}
	}
	wg.Wait()
	return results, time.Since(start), nil
}

// post sends one GraphQL request and checks its answer holds data and no
// errors.
func (l *load) post(body []byte) error {
	resp, err := l.client.Post(l.url, "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	var answer struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(b, &answer); err != nil {
		return fmt.Errorf("HTTP %d: %w: %.200s", resp.StatusCode, err, b)
	}
	if len(answer.Errors) > 0 {
		return fmt.Errorf("HTTP %d: %s", resp.StatusCode, answer.Errors[0].Message)
	}
	if resp.StatusCode != http.StatusOK || len(answer.Data) == 0 || string(answer.Data) == "null" {
		return fmt.Errorf("HTTP %d without data: %.200s", resp.StatusCode, b)
	}
	return nil
}

func (l *load) pickKind() kind {
	total := 0
	for _, w := range l.mix {
		total += w.weight
	}
	r := l.pick.rng.IntN(total)
	for _, w := range l.mix {
		if r < w.weight {
			return w.kind
		}
		r -= w.weight
	}
	return l.mix[len(l.mix)-1].kind
}

// report prints the latencies per question and overall, the rate achieved
// (requests over the time from the first leaving to the last answered),
// and the memory.
func report(res []result, took time.Duration, idle memory, samples []memory, final memory) {
	byKind := map[string][]result{}
	var names []string
	for _, r := range res {
		if _, ok := byKind[r.kind]; !ok {
			names = append(names, r.kind)
		}
		byKind[r.kind] = append(byKind[r.kind], r)
	}
	slices.Sort(names)
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "question\trequests\terrors\tp50\tp99\tmax\t")
	row := func(name string, rs []result) {
		lat := make([]time.Duration, 0, len(rs))
		for _, r := range rs {
			if r.err == nil {
				lat = append(lat, r.latency)
			}
		}
		slices.Sort(lat)
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\t\n", name, len(rs), len(rs)-len(lat), pct(lat, 50), pct(lat, 99), pct(lat, 100))
	}
	for _, name := range names {
		row(name, byKind[name])
	}
	row("all", res)
	tw.Flush()
	shown := 0
	for _, r := range res {
		if r.err != nil && shown < 5 {
			fmt.Printf("error (%s): %v\n", r.kind, r.err)
			shown++
		}
	}
	rss := make([]int64, len(samples))
	for i, s := range samples {
		rss[i] = s.rss
	}
	slices.Sort(rss)
	fmt.Printf("rate: %d requests answered in %s (%.0f req/s)\n", len(res), took.Round(time.Millisecond), float64(len(res))/took.Seconds())
	if len(rss) == 0 {
		fmt.Println("server RSS: no samples")
		return
	}
	fmt.Printf("server RSS: %s idle before the load; under load %s median, %s highest of %d samples; peak (VmHWM) %s\n",
		mb(idle.rss), mb(rss[len(rss)/2]), mb(rss[len(rss)-1]), len(rss), mb(final.hwm))
}

func pct(ds []time.Duration, p int) string {
	if len(ds) == 0 {
		return "-"
	}
	d := ds[min(len(ds)-1, len(ds)*p/100)]
	return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000)
}

func mb(b int64) string { return fmt.Sprintf("%.1f MB", float64(b)/(1<<20)) }

// picker draws random inputs from the network.
type picker struct {
	rng                      *rand.Rand
	people, mentees, mentors []string
	skills                   []string
}

func newPicker(ds *dataset.Dataset, rng *rand.Rand) *picker {
	p := &picker{rng: rng}
	for _, x := range ds.People {
		p.people = append(p.people, x.ID)
	}
	for _, m := range ds.Mentorships {
		p.mentees = append(p.mentees, m.MenteeID)
		p.mentors = append(p.mentors, m.MentorID)
	}
	for _, s := range ds.Skills {
		p.skills = append(p.skills, s.ID)
	}
	if len(p.mentees) == 0 {
		p.mentees, p.mentors = p.people, p.people
	}
	return p
}

func (p *picker) one(from []string) string { return from[p.rng.IntN(len(from))] }

// pair draws two different people.
func (p *picker) pair() (string, string) {
	a := p.one(p.people)
	for {
		if b := p.one(p.people); b != a {
			return a, b
		}
	}
}
