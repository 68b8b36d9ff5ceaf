package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/mentorgraph/mentorgraph/graph"
)

// Nested reads: a person with the lists a profile shows, against a bare
// read of the person's name, and under concurrent clients.

// nestedQuery is the nested read of issue 30, and nestedReads what the
// store reads for it (as the resolvers plan it: names only, so no
// person's open slots, profile or privacy).
const nestedQuery = `query($id: ID!) { person(id: $id) { name skills { skill { name } } mentors { mentor { name } }
	connections(first: 20) { person { name } } } }`

var nestedReads = graph.Reads{Skip: graph.AllPersonFields, Skills: true, Mentors: &graph.Reads{Skip: graph.AllPersonFields},
	Connections: []graph.ConnectionReads{{First: 20, Person: graph.Reads{Skip: graph.AllPersonFields}}}}

// nameOnlyQuery is the bare read the nested one is compared with.
const nameOnlyQuery = `query($id: ID!) { person(id: $id) { name } }`

// concurrentPath serves GraphQL to the concurrent clients (without the
// handler timing of the one-client way, which hands each request's time
// to the asking goroutine).
const concurrentPath = "/concurrent"

// nestedFigures prints, when the run holds a question marked throughput:
// the nested GraphQL read against the name-only read, asked in turn on
// one connection (median ratio), and each way of every such question
// under -clients clients asking in a closed loop for -load-for: answers
// per second, p50 and p99.
func nestedFigures(ctx context.Context, store *graph.Store, url string, pl *pools, qs []question, asks int) error {
	if !slices.ContainsFunc(qs, func(q question) bool { return q.throughput }) {
		return nil
	}
	cl, err := dial(url + concurrentPath)
	if err != nil {
		return err
	}
	defer cl.conn.Close()
	nested, name := make([]time.Duration, 0, asks), make([]time.Duration, 0, asks)
	for i := range asks {
		p := pl.any()
		for j := range 2 {
			q, into := nestedQuery, &nested
			if (i+j)%2 == 1 {
				q, into = nameOnlyQuery, &name
			}
			_, took, err := cl.post(q, map[string]any{"id": p.person})
			if err != nil {
				return fmt.Errorf("nested against name only: %w", err)
			}
			*into = append(*into, took)
		}
	}
	fmt.Printf("nested read against a name-only read, GraphQL, in turn on one connection (%d asks each): p50 %s against %s, ratio %.2f; p99 %s against %s\n",
		asks, ms(pct(nested, 50)), ms(pct(name, 50)), float64(pct(nested, 50))/float64(pct(name, 50)), ms(pct(nested, 99)), ms(pct(name, 99)))

	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "question (%d clients, %s a way)\tway\tanswers/s\tp50\tp99\t\n", *clients, *loadFor)
	for qi, q := range qs {
		if !q.throughput {
			continue
		}
		// Inputs drawn beforehand: the pools are not safe for concurrent use.
		inputs := make([]params, 10000)
		for i := range inputs {
			inputs[i] = pl.any()
		}
		ways := []struct {
			name string
			ask  func(c *client, p params) error
		}{
			{"direct", func(_ *client, p params) error { _, err := q.direct(ctx, store, p); return err }},
			{"bare HTTP", func(c *client, p params) error { _, _, err := c.bare(qi, p); return err }},
			{"GraphQL", func(c *client, p params) error { _, _, err := c.post(q.query, q.vars(p)); return err }},
		}
		for _, way := range ways {
			rate, p50, p99, err := closedLoop(url, *clients, *loadFor, inputs, way.ask)
			if err != nil {
				return fmt.Errorf("%s, %s, %d clients: %w", q.name, way.name, *clients, err)
			}
			fmt.Fprintf(tw, "%s\t%s\t%.0f\t%s\t%s\t\n", q.name, way.name, rate, ms(p50), ms(p99))
		}
	}
	return tw.Flush()
}

// closedLoop runs clients goroutines, each with its own connection,
// asking one ask after another (inputs taken in turn) for d, and returns
// the answers per second and the latencies' p50 and p99.
func closedLoop(url string, clients int, d time.Duration, inputs []params, ask func(c *client, p params) error) (float64, time.Duration, time.Duration, error) {
	var (
		next     atomic.Int64
		mu       sync.Mutex
		took     []time.Duration
		firstErr error
		wg       sync.WaitGroup
	)
	start := time.Now()
	end := start.Add(d)
	for range clients {
		c, err := dial(url + concurrentPath)
		if err != nil {
			return 0, 0, 0, err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer c.conn.Close()
			var mine []time.Duration
			for time.Now().Before(end) {
				p := inputs[int(next.Add(1))%len(inputs)]
				t0 := time.Now()
				if err := ask(c, p); err != nil {
					mu.Lock()
					firstErr = cmpOr(firstErr, err)
					mu.Unlock()
					return
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			took = append(took, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return 0, 0, 0, firstErr
	}
	elapsed := time.Since(start)
	return float64(len(took)) / elapsed.Seconds(), pct(took, 50), pct(took, 99), nil
}

// cmpOr is a if it is set, b otherwise.
func cmpOr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}
