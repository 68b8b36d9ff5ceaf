package graph_test

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/mentorgraph/mentorgraph/graph"
)

// successionNet is the network of the Successors tests.
//
// Skills: lead ⊃ pm ⊃ hire; go; py; rust. Mentorships (mentee → mentor):
//
//	s1→L ACTIVE  s2→L ENDED  s3→L  t2→L  t1→s1  t2→s1  t3→s3  u1→t1
//	L→s1 ENDED (L and s1 mentored each other)  s4→L2  n3→n2
//
//	L   lead 4, go 4, py 3, rust 2 (key skills: go, lead, py)
//	s1  lead 4, go 2        s2  pm 5, py 3        s3  rust 5
//	t1  hire 2              t2  go 4, py 3        t3  go 5
//	u1  go 5 (three generations down)
//	n1  lead 5, go 5, py 5 (no mentorship)
//	L2  hire 4 (key skill: hire)   s4  pm 3 (broader than hire)
//	n2  go 2 (no key skill)        n3  go 5
//	n4  go 5, mentors nobody
func successionNet(t *testing.T) *testNet {
	n := newTestNet(t)
	n.skill("lead", "")
	n.skill("pm", "lead")
	n.skill("hire", "pm")
	for _, s := range []string{"go", "py", "rust"} {
		n.skill(s, "")
	}
	n.people("L", "s1", "s2", "s3", "s4", "t1", "t2", "t3", "u1", "n1", "L2", "n2", "n3", "n4")
	for _, h := range []struct {
		person, skill string
		level         int
	}{
		{"L", "lead", 4}, {"L", "go", 4}, {"L", "py", 3}, {"L", "rust", 2},
		{"s1", "lead", 4}, {"s1", "go", 2}, {"s2", "pm", 5}, {"s2", "py", 3}, {"s3", "rust", 5},
		{"t1", "hire", 2}, {"t2", "go", 4}, {"t2", "py", 3}, {"t3", "go", 5}, {"u1", "go", 5},
		{"n1", "lead", 5}, {"n1", "go", 5}, {"n1", "py", 5},
		{"L2", "hire", 4}, {"s4", "pm", 3}, {"n2", "go", 2}, {"n3", "go", 5}, {"n4", "go", 5},
	} {
		n.has(h.person, h.skill, h.level)
	}
	for _, m := range [][3]string{
		{"s1", "L", "ACTIVE"}, {"s2", "L", "ENDED"}, {"s3", "L", "ACTIVE"}, {"t2", "L", "ACTIVE"}, {"t1", "s1", "ACTIVE"},
		{"t2", "s1", "ENDED"}, {"t3", "s3", "ACTIVE"}, {"u1", "t1", "ACTIVE"}, {"L", "s1", "ENDED"},
		{"s4", "L2", "ACTIVE"}, {"n3", "n2", "ACTIVE"},
	} {
		n.mentoredBy(m[0], m[1], m[2])
	}
	return n
}

// successorRow is a Successor written with names, its score to 4 places.
type successorRow struct {
	Person     string
	Generation int
	Score      string
	// Covered as "skill held level/target gap".
	Covered []string
}

func (n *testNet) successorRows(got []graph.Successor) []successorRow {
	rows := []successorRow{}
	for _, s := range got {
		r := successorRow{Person: n.name(s.Person.ID), Generation: s.Generation, Score: fmt.Sprintf("%.4f", s.Score)}
		for _, c := range s.Covered {
			line := fmt.Sprintf("%s %s %d/%d %d", n.name(c.SkillID), n.name(c.HeldSkillID), c.Level, c.Target, c.Gap)
			if c.Skill.ID != c.SkillID || c.HeldSkill.ID != c.HeldSkillID || c.Skill.Name == "" || c.HeldSkill.Name == "" {
				line += fmt.Sprintf(" (skills %+v, %+v)", c.Skill, c.HeldSkill)
			}
			r.Covered = append(r.Covered, line)
		}
		rows = append(rows, r)
	}
	return rows
}

func TestSuccessors(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := successionNet(t)
	n.load(t, s)
	m := newNBModel(&n.ds)

	row := func(person string, gen int, score float64, covered ...string) successorRow {
		return successorRow{person, gen, fmt.Sprintf("%.4f", score), covered}
	}
	for _, tc := range []struct {
		name   string
		person string
		skills []string
		want   []successorRow
	}{
		{"key skills: a tie of 2/3 by id, the cycle and the third generation left out", "L", nil, []successorRow{
			row("s2", 1, 2.0/3, "lead pm 5/4 0", "py py 3/3 0"),
			row("t2", 1, 2.0/3, "go go 4/4 0", "py py 3/3 0"),
			row("s1", 1, 1.5/3, "go go 2/4 2", "lead lead 4/4 0"),
			row("t3", 2, 1.0/3, "go go 5/4 0"),
			row("t1", 2, 0.5/3, "lead hire 2/4 2"),
		}},
		{"one named skill", "L", []string{"go"}, []successorRow{
			row("t2", 1, 1, "go go 4/4 0"), row("t3", 2, 1, "go go 5/4 0"), row("s1", 1, 0.5, "go go 2/4 2"),
		}},
		{"a named skill held through narrower ones", "L", []string{"lead"}, []successorRow{
			row("s1", 1, 1, "lead lead 4/4 0"), row("s2", 1, 1, "lead pm 5/4 0"), row("t1", 2, 0.5, "lead hire 2/4 2"),
		}},
		{"a named skill below the key level", "L", []string{"rust"}, []successorRow{row("s3", 1, 1, "rust rust 5/2 0")}},
		{"the same skill twice counts once", "L", []string{"go", "go"}, []successorRow{
			row("t2", 1, 1, "go go 4/4 0"), row("t3", 2, 1, "go go 5/4 0"), row("s1", 1, 0.5, "go go 2/4 2"),
		}},
		{"the target through a narrower skill", "L2", []string{"lead"}, []successorRow{row("s4", 1, 0.75, "lead pm 3/4 1")}},
		{"a broader skill does not cover a key skill", "L2", nil, []successorRow{}},
		{"no key skills", "n2", nil, []successorRow{}},
		{"no mentees", "n4", nil, []successorRow{}},
		{"no links at all", "n1", nil, []successorRow{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var skills []string
			for _, sk := range tc.skills {
				skills = append(skills, n.id(sk))
			}
			got, err := s.Successors(ctx, graph.SuccessionArgs{Person: n.id(tc.person), Skills: skills})
			if err != nil {
				t.Fatal(err)
			}
			if got == nil {
				t.Error("nil successors; want an empty slice")
			}
			if diff := gocmp.Diff(tc.want, n.successorRows(got), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("successors (-want +got):\n%s", diff)
			}
			checkSuccessors(t, m, n.id(tc.person), skills, got)
		})
	}
}

// modelSuccessors ranks successors by the model: keys are the key skills.
func modelSuccessors(m *nbModel, person string, keys []string) []graph.Successor {
	var out []graph.Successor
	for p, gen := range nbGenerations(m.mentees, person, 2) {
		s := graph.Successor{Person: graph.Person{ID: p}, Generation: gen}
		for _, k := range keys {
			target := m.best(person, k)
			level, held := 0, ""
			for _, sk := range m.within[k] {
				if l := m.levels[p][sk]; l > level || (l == level && l > 0 && sk < held) {
					level, held = l, sk
				}
			}
			if level == 0 {
				continue
			}
			s.Covered = append(s.Covered, graph.SkillLevel{SkillID: k, HeldSkillID: held, Skill: graph.Skill{ID: k}, HeldSkill: graph.Skill{ID: held}, Level: level, Target: target, Gap: max(target-level, 0)})
			s.Score += float64(min(level, target)) / float64(target)
		}
		if len(s.Covered) == 0 {
			continue
		}
		s.Score /= float64(len(keys))
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b graph.Successor) int {
		if math.Abs(a.Score-b.Score) > 1e-9 {
			return cmp.Compare(b.Score, a.Score)
		}
		return cmp.Compare(a.Person.ID, b.Person.ID)
	})
	return out
}

// checkSuccessors checks got against the model; named are the named
// skills (nil: the person's skills at level 3 or more).
func checkSuccessors(t *testing.T, m *nbModel, person string, named []string, got []graph.Successor) {
	t.Helper()
	keys := slices.Clone(named)
	if len(keys) == 0 {
		for sk, l := range m.levels[person] {
			if l >= graph.KeySkillMinLevel {
				keys = append(keys, sk)
			}
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	want := modelSuccessors(m, person, keys)
	if diff := gocmp.Diff(want, got, cmpopts.EquateEmpty(), cmpopts.EquateApprox(0, 1e-9),
		gocmp.Comparer(func(a, b graph.Person) bool { return a.ID == b.ID }),
		gocmp.Comparer(func(a, b graph.Skill) bool { return a.ID == b.ID })); diff != "" {
		t.Errorf("successors of %s (-model +got):\n%s", person, diff)
	}
}

func TestSuccessorsBadInput(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := successionNet(t)
	n.load(t, s)
	tooMany := make([]string, graph.MaxSuccessionSkills+1)
	for i := range tooMany {
		tooMany[i] = n.id(fmt.Sprintf("k%d", i))
	}
	for _, tc := range []struct {
		name   string
		person string
		skills []string
		field  string
	}{
		{"empty person", "", nil, "person"},
		{"an empty skill id", n.id("L"), []string{n.id("go"), ""}, "skills[1]"},
		{"too many skills", n.id("L"), tooMany, "skills"},
		{"a skill the person does not hold", n.id("L"), []string{n.id("go"), n.id("pm")}, "skills"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.Successors(ctx, graph.SuccessionArgs{Person: tc.person, Skills: tc.skills})
			handFieldError(t, err, tc.field)
		})
	}
	t.Run("unknown person", func(t *testing.T) {
		_, err := s.Successors(ctx, graph.SuccessionArgs{Person: n.id("nobody")})
		handNotFound(t, err, n.id("nobody"), "person")
	})
	t.Run("unknown skill", func(t *testing.T) {
		_, err := s.Successors(ctx, graph.SuccessionArgs{Person: n.id("L"), Skills: []string{n.id("go"), n.id("nope")}})
		handNotFound(t, err, n.id("nope"), "skills")
	})
}

// TestSuccessorsGenerated checks Successors against the model on a
// generated network, for the people with the most mentees.
func TestSuccessorsGenerated(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	_, m := nbGeneratedModel(t, s)
	var people []string
	for p := range m.people {
		people = append(people, p)
	}
	size := map[string]int{}
	for _, p := range people {
		size[p] = len(nbGenerations(m.mentees, p, 2))
	}
	slices.SortFunc(people, func(a, b string) int { return cmp.Or(cmp.Compare(size[b], size[a]), strings.Compare(a, b)) })
	checked := 0
	for _, p := range people[:4] {
		t.Run(p[len(p)-5:], func(t *testing.T) {
			got, err := s.Successors(ctx, graph.SuccessionArgs{Person: p})
			if err != nil {
				t.Fatal(err)
			}
			checked += len(got)
			checkSuccessors(t, m, p, nil, got)
		})
	}
	if checked == 0 {
		t.Error("no successors in the generated network to compare")
	}
}
