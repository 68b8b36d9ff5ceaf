package faults_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
	"github.com/mentorgraph/mentorgraph/internal/server"
)

// restartTimeout is the request timeout of TestNeo4jRestartedUnderLoad:
// short, so that requests bounded by it show within the test.
const restartTimeout = 3 * time.Second

// slack is what a request may take past its timeout on a loaded machine
// (the answer is written, the client reads it).
const slack = 2 * time.Second

// TestNeo4jRestartedUnderLoad stops Neo4j while clients read and write
// through the real server, keeps it down a few seconds and starts it
// again (the same container: same data). No request may hang past the
// request timeout; failures answer UNAVAILABLE (or OUTCOME_UNKNOWN, for a
// write cut while it committed), never a 500 or INTERNAL; /readyz answers
// 503 with its reason while Neo4j is down; the server stays up and
// answers again within 5 s of Neo4j being back; every write acknowledged
// to a client is stored.
//
// The driver reaches Neo4j through a neo4jtest.Relay on loopback: a
// restarted container may come back on another address (Docker gives its
// address and its published port anew at each start), as a production
// server reaches Neo4j by a DNS name that follows it.
func TestNeo4jRestartedUnderLoad(t *testing.T) {
	srv := ownNeo4j(t)
	relay := neo4jtest.NewRelay(t, srv)
	driver, store := openStore(t, srv, relay.URI())
	lim := server.DefaultLimits
	lim.Timeout = restartTimeout
	s := serve(t, store, lim)
	ctx := context.Background()
	client := newClient(restartTimeout + 30*time.Second)
	probe := newClient(restartTimeout + 30*time.Second)

	// Readers ask for a person that exists; a fresh Neo4j plans its
	// first queries slowly, so the server is warmed up first.
	targetID := "reader-target"
	if _, err := store.CreatePerson(ctx, graph.PersonInput{ID: &targetID, Name: "Reader Target"}); err != nil {
		t.Fatal(err)
	}
	if _, ok := waitFor(60*time.Second, func() bool {
		return ask(client, s.url, s.token, readQuery, map[string]any{"id": targetID}).ok() &&
			ask(client, s.url, s.token, createQuery, map[string]any{"id": "warm-up-" + time.Now().Format("150405.000"), "name": "Warm Up"}).ok()
	}); !ok {
		t.Fatal("the server does not answer before the run")
	}

	var (
		mu       sync.Mutex
		acked    []string // ids whose createPerson answered OK
		problems []string
		counts   = map[string]int{}
		stop     atomic.Bool
		seq      atomic.Int64
		wg       sync.WaitGroup
	)
	note := func(kind string, a answer) {
		mu.Lock()
		defer mu.Unlock()
		outcome := "OK"
		if !a.ok() {
			outcome = fmt.Sprintf("%d %s", a.status, a.code)
		}
		counts[kind+" "+outcome]++
		switch {
		case a.err != nil:
			problems = append(problems, fmt.Sprintf("%s: %s", kind, a))
		case a.took > restartTimeout+slack:
			problems = append(problems, fmt.Sprintf("%s hung past the request timeout (%s): %s", kind, restartTimeout, a))
		case a.ok():
		case a.code == "UNAVAILABLE" || (kind == "write" && a.code == "OUTCOME_UNKNOWN"):
			if a.message == "" || strings.Contains(a.message, "Neo.") || strings.Contains(strings.ToLower(a.message), "neo4j") {
				problems = append(problems, fmt.Sprintf("%s: unclear message: %s", kind, a))
			}
			if a.status != http.StatusOK && a.status != http.StatusServiceUnavailable {
				problems = append(problems, fmt.Sprintf("%s: status: %s", kind, a))
			}
		default:
			problems = append(problems, fmt.Sprintf("%s: %s", kind, a))
		}
	}
	for i := 0; i < 3; i++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				id := fmt.Sprintf("written-%d", seq.Add(1))
				a := ask(client, s.url, s.token, createQuery, map[string]any{"id": id, "name": "Written " + id})
				if a.ok() {
					mu.Lock()
					acked = append(acked, id)
					mu.Unlock()
				}
				note("write", a)
			}
		}()
		go func() {
			defer wg.Done()
			for !stop.Load() {
				note("read", ask(client, s.url, s.token, readQuery, map[string]any{"id": "reader-target"}))
			}
		}()
	}
	finish := func() {
		if !stop.Swap(true) {
			wg.Wait()
		}
	}
	t.Cleanup(finish)

	ackedNow := func() int { mu.Lock(); defer mu.Unlock(); return len(acked) }
	if _, ok := waitFor(30*time.Second, func() bool { return ackedNow() >= 20 }); !ok {
		t.Fatalf("the load did not get going: %d writes acknowledged", ackedNow())
	}

	if err := srv.Stop(ctx, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	down := time.Now()
	// /readyz says why while Neo4j is down (it asks Neo4j for at most 3 s).
	status, body, err := readyz(client, s.url)
	if err != nil || status != http.StatusServiceUnavailable || !strings.Contains(body, "not ready") {
		t.Errorf("/readyz with Neo4j down = %d %q, %v; want 503 saying it is not ready", status, body, err)
	} else {
		t.Logf("/readyz with Neo4j down: %d %s", status, strings.TrimSpace(body))
	}
	// Down for at least a few seconds, long enough for every client to
	// meet it.
	time.Sleep(time.Until(down.Add(4 * time.Second)))
	if err := srv.StartAgain(ctx); err != nil {
		t.Fatal(err)
	}
	if err := relay.Retarget(srv.URI); err != nil {
		t.Fatal(err)
	}
	// Neo4j is back when a server started now answers the readers'
	// question (its database comes online a while after its ports open,
	// and plans its first queries slowly): from then on, the server that
	// lived through the outage must answer as soon, give or take 5 s.
	fresh := serveFresh(t, srv, lim)
	if _, ok := waitFor(90*time.Second, func() bool {
		return ask(probe, fresh.url, fresh.token, readQuery, map[string]any{"id": "reader-target"}).ok()
	}); !ok {
		t.Fatal("Neo4j does not answer a freshly started server after its restart")
	}
	back := time.Now()
	t.Logf("Neo4j down %s, back at %s", back.Sub(down).Round(100*time.Millisecond), srv.URI)

	// Answers resume without restarting the server: a new read answers
	// OK within 5 s.
	resumed, ok := waitFor(5*time.Second, func() bool {
		a := ask(probe, s.url, s.token, readQuery, map[string]any{"id": "reader-target"})
		if !a.ok() {
			t.Logf("probe %s after Neo4j was back: %s", time.Since(back).Round(time.Millisecond), a)
		}
		return a.ok()
	})
	if !ok {
		t.Errorf("no answer OK within 5 s of Neo4j being back (%s)", resumed.Round(time.Millisecond))
	} else {
		t.Logf("answers resumed %s after Neo4j was back", resumed.Round(time.Millisecond))
	}
	status, body, err = readyz(client, s.url)
	if err != nil || status != http.StatusOK {
		t.Errorf("/readyz after Neo4j is back = %d %q, %v; want 200", status, body, err)
	}
	before := ackedNow()
	if _, ok := waitFor(30*time.Second, func() bool { return ackedNow() >= before+20 }); !ok {
		t.Errorf("writes did not resume: %d acknowledged after Neo4j was back", ackedNow()-before)
	}
	finish()

	t.Logf("answers: %v", counts)
	for _, p := range problems {
		t.Error(p)
	}
	if n := stored(t, driver, srv.Database, acked); n != len(acked) {
		t.Errorf("%d of %d acknowledged writes are stored: %d lost", n, len(acked), len(acked)-n)
	} else {
		t.Logf("all %d acknowledged writes are stored", n)
	}
	failedDuring := 0
	for k, n := range counts {
		if !strings.HasSuffix(k, " OK") {
			failedDuring += n
		}
	}
	if failedDuring == 0 {
		t.Error("no request failed while Neo4j was down: the fault did not reach the clients")
	}
}
