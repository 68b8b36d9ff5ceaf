package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/mentorgraph/mentorgraph/cmd/internal/benchnet"
	"github.com/mentorgraph/mentorgraph/graph/seed"
)

// The hostile mix (-hostile): what an ordinary client notices while others
// abuse the server. It measures an ordinary client's findMentors (open
// loop at -rate) twice, quiet and then while attackers run: clients that
// send request bodies a byte every two seconds (as many as the server's
// in-flight limit, so without the body deadline and the slot taken after
// the body they would hold every slot), and closed loops sending each
// abusive request the issue tracker has seen (oversized and invalid
// bodies, fragment fan-out, cost overflow, alias floods, oversized
// answers, oversized strings, deep nesting). It prints the ordinary
// client's p50/p99 in both phases with their ratio, how the server
// answered each attack (HTTP status and extensions.code), and the
// server's memory.

// attack is one abusive request, sent over and over.
type attack struct {
	name string
	// body makes the request body (JSON, or not: see invalidJSON).
	body func(p *picker) []byte
}

// hostileAttacks are the abusive requests of the mix.
func hostileAttacks() []attack {
	jsonBody := func(query string, vars map[string]any) []byte {
		b, err := json.Marshal(map[string]any{"query": query, "variables": vars})
		if err != nil {
			panic(err)
		}
		return b
	}
	fixed := func(b []byte) func(*picker) []byte { return func(*picker) []byte { return b } }
	return []attack{
		{"body 8 MiB", fixed(jsonBody(`query($pad: String) { __typename }`, map[string]any{"pad": strings.Repeat("x", 8<<20)}))},
		{"invalid JSON 512 KiB", fixed([]byte(`{"query": "` + strings.Repeat("{", 512<<10)))},
		{"fragment fan-out 10^10", fixed(jsonBody(fanOutQuery(10, 10), nil))},
		{"cost overflow", fixed(jsonBody(costOverflowQuery(), nil))},
		{"1000 coverageGaps", fixed(jsonBody(`{ `+aliases(1000, `coverageGaps(maxHops: 3, first: 100) { totalCount edges { node { uncovered } } }`)+` }`, nil))},
		{"50 neighborhoods", func(p *picker) []byte {
			return jsonBody(`query($id: ID!) { `+aliases(50, `neighborhood(person: $id, depth: 2, limit: 200) { nodes { person { id name headline bio } } links { kind from { id } to { id } } }`)+` }`,
				map[string]any{"id": p.one(p.people)})
		}},
		{"search 512 KiB", fixed(jsonBody(`query($s: String!) { people(filter: {search: $s}) { edges { node { id } } } }`, map[string]any{"s": strings.Repeat("ab ", 170<<10)}))},
		{"nesting 60 deep", fixed(jsonBody(deepQuery(60), nil))},
	}
}

// fanOutQuery is a small document whose fragments each spread the next
// `width` times, `levels` deep: width^levels fields once expanded.
func fanOutQuery(levels, width int) string {
	var b strings.Builder
	b.WriteString("query { ...F0 }\n")
	for i := range levels {
		fmt.Fprintf(&b, "fragment F%d on Query {", i)
		for range width {
			if i == levels-1 {
				b.WriteString(" __typename")
			} else {
				fmt.Fprintf(&b, " ...F%d", i+1)
			}
		}
		b.WriteString(" }\n")
	}
	return b.String()
}

// costOverflowQuery nests paged lists with their largest pages under many
// aliases: a cost far beyond any int if multiplied naively.
func costOverflowQuery() string {
	inner := `id`
	for range 4 {
		inner = `connections(first: 500) { person { ` + inner + ` } }`
	}
	return `{ ` + aliases(40, `people(first: 100) { edges { node { `+inner+` } } }`) + ` }`
}

// deepQuery nests a person's mentors n levels deep.
func deepQuery(n int) string {
	q := `id`
	for range n {
		q = `mentors { mentor { ` + q + ` } }`
	}
	return `{ people(first: 1) { edges { node { ` + q + ` } } } }`
}

// aliases repeats field n times under aliases a0, a1, …
func aliases(n int, field string) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "a%d: %s ", i, field)
	}
	return b.String()
}

// attackTally counts how the server answered one attack.
type attackTally struct {
	mu      sync.Mutex
	answers map[string]int // "413 REQUEST_TOO_LARGE" → count
	took    []time.Duration
}

func (t *attackTally) add(answer string, d time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.answers == nil {
		t.answers = map[string]int{}
	}
	t.answers[answer]++
	t.took = append(t.took, d)
}

// describeAnswer names an answer by its status and first error code.
func describeAnswer(status int, body []byte) string {
	var answer struct {
		Errors []struct {
			Extensions struct {
				Code string `json:"code"`
			} `json:"extensions"`
		} `json:"errors"`
	}
	code := "no errors"
	if err := json.Unmarshal(body, &answer); err != nil {
		code = "not JSON"
	} else if len(answer.Errors) > 0 {
		code = answer.Errors[0].Extensions.Code
	}
	return fmt.Sprintf("%d %s", status, code)
}

// slowBody holds one connection sending a request body a byte every
// interval, reconnecting when the server cuts it, until ctx ends. Each
// cut is tallied with what the server answered.
func slowBody(ctx context.Context, addr string, interval time.Duration, t *attackTally) {
	for ctx.Err() == nil {
		start := time.Now()
		answer := func() string {
			var d net.Dialer
			conn, err := d.DialContext(ctx, "tcp", addr)
			if err != nil {
				return "dial error"
			}
			defer conn.Close()
			stop := context.AfterFunc(ctx, func() { conn.Close() })
			defer stop()
			if _, err := fmt.Fprintf(conn, "POST /graphql HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{", addr); err != nil {
				return "write error"
			}
			got := make(chan string, 1)
			go func() {
				resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
				if err != nil {
					got <- "cut without an answer"
					return
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				got <- describeAnswer(resp.StatusCode, body)
			}()
			tick := time.NewTicker(interval)
			defer tick.Stop()
			for {
				select {
				case a := <-got:
					return a
				case <-tick.C:
					if _, err := conn.Write([]byte(" ")); err != nil {
						return <-got
					}
				}
			}
		}()
		if ctx.Err() == nil {
			t.add(answer, time.Since(start))
		}
	}
}

// runHostile measures an ordinary client's findMentors quiet and under the
// hostile mix.
func runHostile(ctx context.Context, bin string, network seed.Config, rate int, duration, warmUp time.Duration, attackers, slowClients int, pause time.Duration) error {
	b, err := startBench(ctx, bin, network)
	if err != nil {
		return err
	}
	defer b.close()
	proc, url, pk := b.proc, b.url, b.pick
	addr := strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/graphql")

	findMentors := kinds[slices.IndexFunc(kinds, func(k kind) bool { return k.name == "findMentors" })]
	ordinary := &load{client: &http.Client{Transport: benchnet.Bearer(b.token, &http.Transport{MaxIdleConnsPerHost: 16, DisableCompression: true})},
		url: url, mix: []weighted{{kind: findMentors, weight: 1}}, pick: pk, rate: rate}
	if warmUp > 0 {
		fmt.Printf("warming up: %s of findMentors at %d req/s\n", warmUp, rate)
		if _, _, err := ordinary.run(warmUp, nil); err != nil {
			return err
		}
	}
	fmt.Printf("quiet: %s of findMentors at %d req/s\n", duration, rate)
	quiet, _, err := ordinary.run(duration, nil)
	if err != nil {
		return err
	}
	idle, err := proc.memory()
	if err != nil {
		return err
	}

	attacks := hostileAttacks()
	tallies := make([]*attackTally, len(attacks))
	slow := &attackTally{}
	actx, stopAttacks := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for range slowClients {
		wg.Go(func() { slowBody(actx, addr, 2*time.Second, slow) })
	}
	var sent atomic.Int64
	for i, a := range attacks {
		tallies[i] = &attackTally{}
		for j := range attackers {
			rng := rand.New(rand.NewPCG(network.Seed, uint64(100+i*attackers+j)))
			apk := &picker{rng: rng, people: pk.people, mentees: pk.mentees, mentors: pk.mentors, skills: pk.skills}
			// Signed-in abusers: their requests reach the limits.
			client := &http.Client{Transport: benchnet.Bearer(b.token, &http.Transport{MaxIdleConnsPerHost: 1, DisableCompression: true})}
			wg.Go(func() {
				for actx.Err() == nil {
					body := a.body(apk)
					req, err := http.NewRequestWithContext(actx, http.MethodPost, url, bytes.NewReader(body))
					if err != nil {
						return
					}
					req.Header.Set("Content-Type", "application/json")
					start := time.Now()
					resp, err := client.Do(req)
					if err != nil {
						if actx.Err() == nil {
							tallies[i].add("no answer: "+strings.SplitN(err.Error(), ": ", 2)[0], time.Since(start))
						}
						continue
					}
					b, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					tallies[i].add(describeAnswer(resp.StatusCode, b), time.Since(start))
					sent.Add(1)
					select {
					case <-actx.Done():
					case <-time.After(pause):
					}
				}
			})
		}
	}
	stopSampling := sampleMemory(proc)
	fmt.Printf("hostile: %s of findMentors at %d req/s, with %d slow-body clients and %d clients per attack (%d attacks), each pausing %s between requests\n",
		duration, rate, slowClients, attackers, len(attacks), pause)
	time.Sleep(3 * time.Second) // the slow clients connect and the attacks reach their pace
	busy, _, err := ordinary.run(duration, nil)
	stopAttacks()
	wg.Wait()
	samples, sampleErr := stopSampling()
	if err != nil {
		return err
	}
	if sampleErr != nil {
		return sampleErr
	}
	final, err := proc.memory()
	if err != nil {
		return err
	}
	fmt.Printf("abusive requests answered: %d (%.0f/s)\n", sent.Load(), float64(sent.Load())/(duration+3*time.Second).Seconds())
	reportHostile(quiet, busy, attacks, tallies, slow, idle, samples, final)
	return nil
}

// reportHostile prints the ordinary client's latencies, how each attack
// was answered, and the server's memory.
func reportHostile(quiet, busy []result, attacks []attack, tallies []*attackTally, slow *attackTally, idle memory, samples []memory, final memory) {
	lat := func(rs []result) (ok []time.Duration, errs int) {
		for _, r := range rs {
			if r.err != nil {
				errs++
				continue
			}
			ok = append(ok, r.latency)
		}
		slices.Sort(ok)
		return ok, errs
	}
	q, qErrs := lat(quiet)
	b, bErrs := lat(busy)
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "ordinary findMentors\trequests\terrors\tp50\tp99\tmax\t")
	fmt.Fprintf(tw, "quiet\t%d\t%d\t%s\t%s\t%s\t\n", len(quiet), qErrs, pct(q, 50), pct(q, 99), pct(q, 100))
	fmt.Fprintf(tw, "hostile\t%d\t%d\t%s\t%s\t%s\t\n", len(busy), bErrs, pct(b, 50), pct(b, 99), pct(b, 100))
	tw.Flush()
	if len(q) > 0 && len(b) > 0 {
		p99 := func(ds []time.Duration) time.Duration { return ds[min(len(ds)-1, len(ds)*99/100)] }
		fmt.Printf("p99 hostile / quiet: %.2f (target ≤ 2)\n", float64(p99(b))/float64(p99(q)))
	}
	for _, r := range busy {
		if r.err != nil {
			fmt.Printf("ordinary client error: %v\n", r.err)
			break
		}
	}
	tw = tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "attack\trequests\tp50 answer\tanswered (HTTP status, extensions.code)")
	row := func(name string, t *attackTally) {
		t.mu.Lock()
		defer t.mu.Unlock()
		slices.Sort(t.took)
		var answers []string
		for a, n := range t.answers {
			answers = append(answers, fmt.Sprintf("%s ×%d", a, n))
		}
		slices.Sort(answers)
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", name, len(t.took), pct(t.took, 50), strings.Join(answers, ", "))
	}
	row("slow body (1 byte / 2 s)", slow)
	for i, a := range attacks {
		row(a.name, tallies[i])
	}
	tw.Flush()
	rss := make([]int64, len(samples))
	for i, s := range samples {
		rss[i] = s.rss
	}
	slices.Sort(rss)
	if len(rss) > 0 {
		fmt.Printf("server RSS: %s before the attacks; under them %s median, %s highest; peak (VmHWM) %s\n",
			mb(idle.rss), mb(rss[len(rss)/2]), mb(rss[len(rss)-1]), mb(final.hwm))
	}
}
