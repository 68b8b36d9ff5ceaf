package faults_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/internal/server"
)

const (
	connectQuery    = `mutation Connect($a: ID!, $b: ID!) { connect(input: {a: $a, b: $b}) { a { id } b { id } } }`
	disconnectQuery = `mutation Disconnect($a: ID!, $b: ID!) { disconnect(a: $a, b: $b) }`
)

// TestConcurrentConnectDisconnect: 20 clients connect and disconnect the
// same two people through the real server for a few seconds, either way
// round, and a few pairs sharing a person with them. Writes about one
// pair wait for each other's locks, and may deadlock (Neo4j fails one of
// them, the driver retries it): no answer may carry an error code, but
// for a disconnect of a pair that is not connected (NOT_FOUND, what a
// client asking it alone would get). At the end each pair has at most one
// KNOWS link (either direction), the people's open-mentor links are what
// a recomputation gives, and one more connect of each pair leaves exactly
// one link.
func TestConcurrentConnectDisconnect(t *testing.T) {
	const (
		clients = 20
		runFor  = 5 * time.Second
	)
	srv := ownNeo4j(t)
	driver, store := openStore(t, srv, srv.URI)
	s := serve(t, store, server.DefaultLimits)
	ctx := context.Background()

	// Four people, two of them open mentors with skills (their open-mentor
	// links must survive the run unchanged), and the pairs the clients
	// work on: a–b most often, and pairs sharing a, b or c.
	skill := "connect-test-skill"
	if _, err := store.CreateSkill(ctx, graph.SkillInput{ID: &skill, Name: "Connect Test Skill", Category: "TECHNICAL"}); err != nil {
		t.Fatal(err)
	}
	ids := []string{"cc-a", "cc-b", "cc-c", "cc-d"}
	for i, id := range ids {
		in := graph.PersonInput{ID: &id, Name: "Person " + id, AvailableToMentor: i < 2, MentorCapacity: 2}
		if _, err := store.CreatePerson(ctx, in); err != nil {
			t.Fatal(err)
		}
		if _, err := store.SetPersonSkill(ctx, graph.PersonSkill{PersonID: id, SkillID: skill, Level: 3 + i%3}); err != nil {
			t.Fatal(err)
		}
	}
	pairs := [][2]string{{"cc-a", "cc-b"}, {"cc-a", "cc-b"}, {"cc-a", "cc-b"}, {"cc-a", "cc-c"}, {"cc-b", "cc-c"}, {"cc-c", "cc-d"}}
	client := newClient(time.Minute)
	if _, ok := waitFor(60*time.Second, func() bool {
		return ask(client, s.url, s.token, connectQuery, map[string]any{"a": "cc-a", "b": "cc-b"}).ok()
	}); !ok {
		t.Fatal("the server does not answer a connect")
	}

	var (
		mu       sync.Mutex
		counts   = map[string]int{}
		problems []string
		wg       sync.WaitGroup
	)
	retriesBefore := store.Retries()
	end := time.Now().Add(runFor)
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rnd := rand.New(rand.NewPCG(uint64(i), 32))
			for time.Now().Before(end) {
				p := pairs[rnd.IntN(len(pairs))]
				if rnd.IntN(2) == 0 {
					p[0], p[1] = p[1], p[0]
				}
				op, query := "connect", connectQuery
				if rnd.IntN(2) == 0 {
					op, query = "disconnect", disconnectQuery
				}
				a := ask(client, s.url, s.token, query, map[string]any{"a": p[0], "b": p[1]})
				mu.Lock()
				switch {
				case a.ok():
					counts[op+" OK"]++
				case op == "disconnect" && a.err == nil && a.code == "NOT_FOUND":
					counts[op+" NOT_FOUND"]++
				default:
					counts[op+" failed"]++
					problems = append(problems, fmt.Sprintf("%s %s %s: %s", op, p[0], p[1], a))
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	t.Logf("answers: %v; the store retried %d transactions", counts, store.Retries()-retriesBefore)
	for _, p := range problems[:min(len(problems), 20)] {
		t.Error(p)
	}
	if len(problems) > 20 {
		t.Errorf("and %d more", len(problems)-20)
	}
	if counts["connect OK"] == 0 || counts["disconnect OK"] == 0 {
		t.Errorf("answers %v: the run did not both connect and disconnect", counts)
	}

	distinct := [][2]string{{"cc-a", "cc-b"}, {"cc-a", "cc-c"}, {"cc-b", "cc-c"}, {"cc-c", "cc-d"}}
	for _, p := range distinct {
		if n := knowsLinks(t, driver, srv.Database, p); n > 1 {
			t.Errorf("%s and %s have %d KNOWS links after the run; want at most 1", p[0], p[1], n)
		}
	}
	maintained, recomputed := openMentorLinksOf(t, driver, srv.Database, ids)
	if len(recomputed) == 0 {
		t.Error("no open-mentor links to compare: the test's people are not open mentors")
	}
	if !slices.Equal(maintained, recomputed) {
		t.Errorf("open-mentor links after the run: %v; a recomputation gives %v", maintained, recomputed)
	}
	for _, p := range distinct {
		if a := ask(client, s.url, s.token, connectQuery, map[string]any{"a": p[1], "b": p[0]}); !a.ok() {
			t.Errorf("connect %s %s after the run: %s", p[1], p[0], a)
		}
		if n := knowsLinks(t, driver, srv.Database, p); n != 1 {
			t.Errorf("%s and %s have %d KNOWS links after one more connect; want 1", p[0], p[1], n)
		}
	}
}

// knowsLinks counts the KNOWS links between the two people of p, either
// direction.
func knowsLinks(t *testing.T, d neo4j.DriverWithContext, database string, p [2]string) int64 {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), d, `MATCH (:Person {id: $a})-[k:KNOWS]-(:Person {id: $b}) RETURN count(k) AS n`,
		map[string]any{"a": p[0], "b": p[1]}, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(database))
	if err != nil {
		t.Fatal(err)
	}
	n, _ := res.Records[0].Get("n")
	return n.(int64)
}

// openMentorLinksOf returns the stored open-mentor links of the people
// with ids, and the links a recomputation from their availability,
// capacity, active mentees and skills gives, each as "person TYPE skill",
// sorted (as graph/openmentorlinks_test.go recomputes them).
func openMentorLinksOf(t *testing.T, d neo4j.DriverWithContext, database string, ids []string) (maintained, recomputed []string) {
	t.Helper()
	rows := func(cypher string) []any {
		res, err := neo4j.ExecuteQuery(context.Background(), d, cypher, map[string]any{"ids": ids},
			neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(database))
		if err != nil {
			t.Fatal(err)
		}
		out := make([]any, len(res.Records))
		for i, r := range res.Records {
			out[i] = r.Values[0]
		}
		return out
	}
	for _, v := range rows(`MATCH (p:Person)-[c]->(s:Skill) WHERE p.id IN $ids AND type(c) STARTS WITH 'CAN_MENTOR'
RETURN p.id + ' ' + type(c) + ' ' + s.id`) {
		maintained = append(maintained, v.(string))
	}
	for _, v := range rows(`MATCH (p:Person)-[h:HAS_SKILL]->(s:Skill) WHERE p.id IN $ids
  AND p.availableToMentor = true AND p.mentorCapacity > COUNT { (p)<-[r:MENTORED_BY]-() WHERE r.status = 'ACTIVE' }
RETURN p.id + ' CAN_MENTOR_' + toString(h.level) + ' ' + s.id`) {
		recomputed = append(recomputed, v.(string))
	}
	slices.Sort(maintained)
	slices.Sort(recomputed)
	return maintained, recomputed
}
