package graph_test

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
)

// mentorRow is a SkillMentors row as the tests compare it: names.
type mentorRow struct {
	Person, Skill string
	Level         int
}

// allSkillMentors pages through the mentors of skill, first at a time.
func allSkillMentors(t *testing.T, s *graph.Store, n *testNet, skill string, args graph.SkillMentorsArgs) []mentorRow {
	t.Helper()
	var out []mentorRow
	for pages := 0; ; pages++ {
		if pages > 100 {
			t.Fatal("more than 100 pages")
		}
		got, err := s.SkillMentors(context.Background(), []string{n.id(skill)}, args)
		if err != nil {
			t.Fatalf("mentors of %s %+v: %v", skill, args, err)
		}
		p := got[n.id(skill)]
		for _, m := range p.Items {
			out = append(out, mentorRow{n.name(m.Person.ID), n.name(m.SkillID), m.Level})
		}
		if !p.HasNext {
			return out
		}
		c := p.Cursors[len(p.Cursors)-1]
		args.Page.After = &c
	}
}

// TestSkillMentorsMatchASort gives random people random levels in a
// skill hierarchy (some through the import, some through SetPersonSkill
// and RemovePersonSkill afterwards, with people turning available and
// unavailable) and pages through the mentors of each
// skill, with and without narrower skills, at several levels and page
// sizes: the pages together are every available person's best level
// among the skills (the first skill by id at that level), strongest first
// and then by id, as sorting every holder gives it.
func TestSkillMentorsMatchASort(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := newTestNet(t)
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 20))
	const people = 40
	name := func(i int) string { return fmt.Sprintf("p%02d", i) }
	available := map[string]bool{}
	for i := range people {
		available[name(i)] = rng.IntN(3) > 0
		n.person(name(i), available[name(i)], 1)
	}
	// lead ⊃ pm ⊃ hire, lead ⊃ coach; go alone.
	broader := map[string]string{"lead": "", "pm": "lead", "hire": "pm", "coach": "lead", "go": ""}
	skillNames := []string{"lead", "pm", "hire", "coach", "go"}
	for _, sk := range skillNames {
		n.skill(sk, broader[sk])
	}
	levels := map[[2]string]int{}
	for i := range people {
		for _, sk := range skillNames {
			if rng.IntN(3) == 0 {

				l := 1 + rng.IntN(5)
				levels[[2]string{name(i), sk}] = l
				n.has(name(i), sk, l)
			}
		}
	}
	n.load(t, s)
	for range 40 {
		p, sk := name(rng.IntN(people)), skillNames[rng.IntN(len(skillNames))]
		if rng.IntN(4) == 0 {
			a := !available[p]
			available[p] = a
			if _, err := s.UpdatePerson(ctx, n.id(p), graph.PersonPatch{AvailableToMentor: graph.Optional[bool]{Set: true, Value: &a}}); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if _, held := levels[[2]string{p, sk}]; held && rng.IntN(4) == 0 {
			delete(levels, [2]string{p, sk})
			if _, err := s.RemovePersonSkill(ctx, n.id(p), n.id(sk)); err != nil {
				t.Fatal(err)
			}
			continue
		}
		l := 1 + rng.IntN(5)
		levels[[2]string{p, sk}] = l
		if _, err := s.SetPersonSkill(ctx, graph.PersonSkill{PersonID: n.id(p), SkillID: n.id(sk), Level: l}); err != nil {
			t.Fatal(err)
		}
	}
	within := func(target string, narrower bool) []string {
		var out []string
		for _, sk := range skillNames {
			for b := sk; b != ""; b = broader[b] {
				if b == target && (narrower || sk == target) {
					out = append(out, sk)
					break
				}
			}
		}
		slices.Sort(out)
		return out
	}
	want := func(target string, narrower bool, minLevel int) []mentorRow {
		var out []mentorRow
		for i := range people {
			p := name(i)
			if !available[p] {
				continue
			}
			best := mentorRow{Person: p}
			for _, sk := range within(target, narrower) {
				if l := levels[[2]string{p, sk}]; l >= minLevel && l > best.Level {
					best.Level, best.Skill = l, sk
				}
			}
			if best.Level > 0 {
				out = append(out, best)
			}
		}
		slices.SortFunc(out, func(a, b mentorRow) int {
			return cmp.Or(cmp.Compare(b.Level, a.Level), cmp.Compare(a.Person, b.Person))
		})
		return out
	}
	for _, sk := range skillNames {
		for _, narrower := range []bool{true, false} {
			for _, minLevel := range []int{1, 3, 5} {
				for _, first := range []int{1, 3, 7, 100} {
					args := graph.SkillMentorsArgs{MinLevel: minLevel, IncludeNarrower: narrower, Page: graph.PageArgs{First: first}}
					if diff := gocmp.Diff(want(sk, narrower, minLevel), allSkillMentors(t, s, n, sk, args)); diff != "" {
						t.Errorf("%s, narrower %v, level ≥ %d, pages of %d (seed %d) (-sort +pages):\n%s", sk, narrower, minLevel, first, seed, diff)
					}
				}
			}
		}
	}
}

// TestApplySchemaSetsMentorKeys: skill links stored before their mentor
// keys existed (written here without them, on a database whose schema
// version is set back to the one before their migration, as an older
// MentorGraph left it) are listed among a skill's mentors once
// ApplySchema has run.
func TestApplySchemaSetsMentorKeys(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := newTestNet(t)
	for i := range 3 {
		n.person("m"+strconv.Itoa(i), true, 1)
	}
	n.skill("go", "")
	n.load(t, s)
	_, err := neo4j.ExecuteQuery(ctx, neo4jtest.Driver(t), `
MATCH (sk:Skill {id: $skill})
UNWIND $people AS pl
MATCH (p:Person {id: pl[0]})
CREATE (p)-[:HAS_SKILL {level: pl[1]}]->(sk)
WITH count(*) AS made
MATCH (v:SchemaVersion) SET v.version = $before`,
		map[string]any{"skill": n.id("go"), "people": [][]any{{n.id("m0"), 3}, {n.id("m1"), 5}, {n.id("m2"), 3}},
			"before": graph.MigrationVersion("mentor keys on skill links and the has_skill_mentor_order index") - 1},
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(neo4jtest.Get(t).Database))
	if err != nil {
		t.Fatal(err)
	}
	args := graph.SkillMentorsArgs{MinLevel: 1, Page: graph.PageArgs{First: 10}}
	if got := allSkillMentors(t, s, n, "go", args); len(got) != 0 {
		t.Fatalf("before ApplySchema the links without mentor keys are listed: %v", got)
	}
	if err := s.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	want := []mentorRow{{"m1", "go", 5}, {"m0", "go", 3}, {"m2", "go", 3}}
	if diff := gocmp.Diff(want, allSkillMentors(t, s, n, "go", args)); diff != "" {
		t.Errorf("after ApplySchema (-want +got):\n%s", diff)
	}
}
