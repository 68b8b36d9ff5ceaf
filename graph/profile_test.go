package graph_test

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
)

var (
	profileReach  = flag.Bool("profile-reach", false, "TestProfileFindMentors: profile findMentors on the network in NEO4J_URI's database")
	profilePlan   = flag.Bool("profile-plan", false, "TestProfileFindMentors: also print the plan of the costliest statement of each kind")
	profileSkill  = flag.String("profile-skill", "leadership", "TestProfileFindMentors: the skill asked for")
	profileRandom = flag.Int("profile-random", 20, "TestProfileFindMentors: how many random people to ask from")
	profileFor    = flag.String("profile-for", "", "TestProfileFindMentors: ask from this person only, and print both plans")
	profileRepeat = flag.Int("profile-repeat", 3, "TestProfileFindMentors: how often each statement is timed (the median is shown)")
)

// TestProfileFindMentors is a tool, not a check: against a database that
// holds a generated network (NEO4J_URI, e.g. loaded with `mentorgraph seed
// -shape social -people 100000`), it runs FindMentors' and CountMentors'
// statements (2 hops, first 20: the page, the page with the count, the
// count alone) under PROFILE for the 20 best-connected
// people and 20 random ones, and prints each one's db hits, rows and time,
// and with -profile-plan the costliest plans:
//
//	NEO4J_URI=bolt://… go test ./graph -run ProfileFindMentors -profile-reach -v
func TestProfileFindMentors(t *testing.T) {
	if !*profileReach {
		t.Skip("a profiling tool: run with -profile-reach against a seeded database (see its comment)")
	}
	ctx := context.Background()
	srv := neo4jtest.Get(t)
	s := graph.NewStore(neo4jtest.Driver(t), srv.Database)
	hubs, random := profileAskers(t, srv.Database)
	if *profileFor != "" {
		hubs, random = nil, []profileAsker{{id: *profileFor}}
		*profilePlan = true
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "asker\tdegree\tpage db hits\tpage ms\tpage+count db hits\tpage+count ms\tcount db hits\tcount ms\t")
	type costliest struct {
		hits int64
		who  string
		plan neo4j.ProfiledPlan
	}
	kinds := []string{"page", "page+count", "count"}
	worst := map[string]*costliest{}
	for _, k := range kinds {
		worst[k] = &costliest{hits: -1}
	}
	for _, set := range []struct {
		name   string
		askers []profileAsker
	}{{"hubs", hubs}, {"random", random}} {
		if len(set.askers) == 0 {
			continue
		}
		var sums [3]int64
		for _, a := range set.askers {
			args := graph.FindMentorsArgs{For: a.id, Skill: *profileSkill, Page: graph.PageArgs{First: 20}}
			fmt.Fprintf(w, "%s\t%d\t", a.id, a.degree)
			for i, kind := range kinds {
				// Timed unprofiled (PROFILE costs extra), then profiled.
				times := make([]time.Duration, 0, *profileRepeat)
				for range max(*profileRepeat, 1) {
					t0 := time.Now()
					var err error
					switch kind {
					case "page":
						_, err = s.FindMentors(ctx, args)
					case "page+count":
						_, _, err = s.FindMentorsWithCount(ctx, args)
					case "count":
						_, err = s.CountMentors(ctx, args)
					}
					times = append(times, time.Since(t0))
					if err != nil {
						t.Fatalf("%s: %v", a.id, err)
					}
				}
				slices.Sort(times)
				took := times[len(times)/2]
				plan, _, err := s.ProfileFindMentors(ctx, args, kind)
				if err != nil {
					t.Fatalf("%s: profile: %v", a.id, err)
				}
				hits := totalDBHits(plan)
				sums[i] += hits
				if hits > worst[kind].hits {
					*worst[kind] = costliest{hits, a.id, plan}
				}
				fmt.Fprintf(w, "%d\t%.1f\t", hits, float64(took.Microseconds())/1000)
			}
			fmt.Fprintln(w)
		}
		n := int64(len(set.askers))
		fmt.Fprintf(w, "%s: mean\t\t%d\t\t%d\t\t%d\t\t\n", set.name, sums[0]/n, sums[1]/n, sums[2]/n)
	}
	w.Flush()
	if *profilePlan {
		for _, kind := range kinds {
			c := worst[kind]
			fmt.Printf("\nthe costliest %s statement (%s, %d db hits):\n", kind, c.who, c.hits)
			printPlan(c.plan, 0)
		}
	}
}

// profileAsker is someone to ask from, with their KNOWS degree.
type profileAsker struct {
	id     string
	degree int64
}

// profileAskers returns the 20 people with the most KNOWS links, and 20
// random people with at least one.
func profileAskers(t *testing.T, database string) (hubs, random []profileAsker) {
	ctx := context.Background()
	rows, err := neo4j.ExecuteQuery(ctx, neo4jtest.Driver(t), `
MATCH (p:Person) WITH p, COUNT { (p)-[:KNOWS]-() } AS degree WHERE degree > 0
RETURN p.id AS id, degree ORDER BY degree DESC, id`, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(database))
	if err != nil {
		t.Fatal(err)
	}
	all := make([]profileAsker, 0, len(rows.Records))
	for _, r := range rows.Records {
		all = append(all, profileAsker{r.Values[0].(string), r.Values[1].(int64)})
	}
	if len(all) < 40 {
		t.Fatalf("the database holds %d linked people: load a network first", len(all))
	}
	hubs = all[:20]
	rng := rand.New(rand.NewPCG(1, 2))
	for len(random) < min(*profileRandom, len(all)) {
		if a := all[rng.IntN(len(all))]; !slices.Contains(random, a) {
			random = append(random, a)
		}
	}
	return hubs, random
}

// totalDBHits sums the db hits of a plan's operators.
func totalDBHits(p neo4j.ProfiledPlan) int64 {
	n := p.DbHits()
	for _, c := range p.Children() {
		n += totalDBHits(c)
	}
	return n
}

// printPlan prints a plan's operators as a tree: rows, db hits, details.
func printPlan(p neo4j.ProfiledPlan, depth int) {
	details, _ := p.Arguments()["Details"].(string)
	fmt.Printf("%s%s rows=%d dbHits=%d  %s\n", strings.Repeat("  ", depth), p.Operator(), p.Records(), p.DbHits(), details)
	for _, c := range p.Children() {
		printPlan(c, depth+1)
	}
}
