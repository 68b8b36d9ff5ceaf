package graph_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/dataset"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
)

// TestConcurrentHierarchyChangesKeepItWhole: moves of skills asked at
// once, which together would close a cycle (of two skills or of three, the
// latter sharing no skill between two of the writes) or make the hierarchy
// deeper than MaxSkillLevels, are decided one after the other: the last
// one is refused with the error it gets alone, and the hierarchy stays
// acyclic and within its depth. Without the hierarchy's lock both checks
// read a hierarchy lacking the other's link, and both writes pass.
func TestConcurrentHierarchyChangesKeepItWhole(t *testing.T) {
	ctx := context.Background()
	const rounds = 15
	x := newIntegrity(t)
	skill := func(name string) string {
		t.Helper()
		id := graph.Slug(x.id(name))
		if _, err := x.s.CreateSkill(ctx, graph.SkillInput{ID: &id, Name: name, Category: "TECHNICAL"}); err != nil {
			t.Fatalf("create %s: %v", name, err)
		}
		return id
	}
	under := func(id, broader string) error {
		_, err := x.s.UpdateSkill(ctx, id, graph.SkillPatch{BroaderID: graph.Optional[string]{Set: true, Value: &broader}})
		return err
	}
	// cyclic counts the skills of ids on a cycle.
	cyclic := func(ids []string) int64 {
		return x.count(`MATCH (s:Skill) WHERE s.id IN $ids AND EXISTS { (s)-[:PART_OF*1..7]->(s) } RETURN count(s)`,
			map[string]any{"ids": ids})
	}
	// refusals checks that exactly one of errs is an ErrInvalid saying
	// want, and the others nil.
	refusals := func(t *testing.T, round int, errs []error, want string) {
		t.Helper()
		refused := 0
		for i, err := range errs {
			switch {
			case err == nil:
			case errors.Is(err, graph.ErrInvalid) && strings.Contains(graph.Message(err), want):
				refused++
			default:
				t.Errorf("round %d, request %d: %v", round, i, err)
			}
		}
		if refused != 1 {
			t.Errorf("round %d: %d requests refused with %q, want 1", round, refused, want)
		}
	}

	for _, size := range []int{2, 3} {
		t.Run(fmt.Sprintf("cycle of %d", size), func(t *testing.T) {
			for round := range rounds {
				ids := make([]string, size)
				for i := range ids {
					ids[i] = skill(fmt.Sprintf("c%d-r%d-%d", size, round, i))
				}
				// Each skill under the next, the last under the first.
				errs := parallel(size, func(i int) error { return under(ids[i], ids[(i+1)%size]) })
				refusals(t, round, errs, "(a cycle)")
				if n := cyclic(ids); n != 0 {
					t.Fatalf("round %d: %d skills on a cycle", round, n)
				}
			}
		})
	}

	t.Run("depth", func(t *testing.T) {
		// a1 > a2 > a3 and b1 > b2 > b3 (each skill under the one before),
		// and c: c under b3 and a1 under c are each fine alone (4 levels),
		// together b1 … a3 would be 7.
		for round := range rounds {
			chain := func(name string) []string {
				ids := []string{skill(fmt.Sprintf("%s1-r%d", name, round))}
				for i := 2; i <= 3; i++ {
					ids = append(ids, skill(fmt.Sprintf("%s%d-r%d", name, i, round)))
					if err := under(ids[i-1], ids[i-2]); err != nil {
						t.Fatal(err)
					}
				}
				return ids
			}
			a, b, c := chain("a"), chain("b"), skill(fmt.Sprintf("c-r%d", round))
			errs := parallel(2, func(i int) error {
				if i == 0 {
					return under(c, b[2])
				}
				return under(a[0], c)
			})
			refusals(t, round, errs, "levels deep; the limit is 6")
			depth := x.count(`MATCH p = (:Skill {id: $bottom})-[:PART_OF*0..7]->(top:Skill)
				WHERE NOT EXISTS { (top)-[:PART_OF]->() } RETURN max(length(p)) + 1`, map[string]any{"bottom": a[2]})
			if depth > graph.MaxSkillLevels {
				t.Fatalf("round %d: the hierarchy is %d levels deep", round, depth)
			}
		}
	})
}

// TestImportTakesTheHierarchyLock: an import's links to broader skills
// (written a batch a transaction, not all at once) wait for the skill
// hierarchy's lock like the API's writes, so an import does not write the
// hierarchy while an API write checks it.
func TestImportTakesTheHierarchyLock(t *testing.T) {
	ctx := context.Background()
	x := newIntegrity(t)
	broad, narrow := graph.Slug(x.id("broad")), graph.Slug(x.id("narrow"))
	ds := &dataset.Dataset{Skills: []dataset.Skill{
		{ID: broad, Name: "Broad", Category: "TECHNICAL"},
		{ID: narrow, Name: "Narrow", Category: "TECHNICAL", ParentID: broad},
	}}

	// Another transaction holds the lock, as an API write of the
	// hierarchy would between its check and its commit.
	sess := neo4jtest.Driver(t).NewSession(ctx, neo4j.SessionConfig{DatabaseName: neo4jtest.Get(t).Database})
	defer sess.Close(ctx)
	holder, err := sess.BeginTransaction(ctx)
	if err != nil {
		t.Fatal(err)
	}
	res, err := holder.Run(ctx, `MATCH (m:MentorGraphMeta {key: 'skillHierarchy'}) SET m._lock = true REMOVE m._lock RETURN count(m)`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rec, err := res.Single(ctx); err != nil || rec.Values[0].(int64) != 1 {
		t.Fatalf("locking the hierarchy: %v, %v", rec, err)
	}
	short, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	if _, err := x.s.Import(short, ds, graph.ImportOptions{}); err == nil {
		t.Error("the import wrote the hierarchy while another transaction held its lock")
	}
	if err := holder.Rollback(ctx); err != nil {
		t.Fatal(err)
	}

	if _, err := x.s.Import(ctx, ds, graph.ImportOptions{}); err != nil {
		t.Fatalf("the import once the lock is free: %v", err)
	}
	if got := x.query(`MATCH (:Skill {id: $id})-[:PART_OF]->(b:Skill) RETURN b.id`, map[string]any{"id": narrow}); len(got) != 1 || got[0] != broad {
		t.Errorf("narrow is part of %v, want [%s]", got, broad)
	}
}
