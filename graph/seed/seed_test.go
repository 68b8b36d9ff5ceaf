package seed

import (
	"crypto/sha256"
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// generated caches datasets by config: several tests read the same one.
var generated sync.Map

func generate(t testing.TB, cfg Config) *dataset.Dataset {
	t.Helper()
	if d, ok := generated.Load(cfg); ok {
		return d.(*dataset.Dataset)
	}
	d := Generate(cfg)
	generated.Store(cfg, d)
	return d
}

// digest hashes every field of every record, following pointers, in order.
func digest(d *dataset.Dataset) string {
	h := sha256.New()
	date := func(x *dataset.Date) string {
		if x == nil {
			return "-"
		}
		return fmt.Sprintf("%04d-%02d-%02d/%v", x.Year, x.Month, x.Day, x.YearOnly)
	}
	b := func(x *bool) string {
		if x == nil {
			return "-"
		}
		return fmt.Sprint(*x)
	}
	i := func(x *int) string {
		if x == nil {
			return "-"
		}
		return fmt.Sprint(*x)
	}
	for _, p := range d.People {
		fmt.Fprintf(h, "P|%s|%s|%s|%s|%s|%s|%s|%s|%s\n", p.ID, p.Name, p.Headline, p.Bio, p.Location, p.Timezone, b(p.AvailableToMentor), i(p.MentorCapacity), b(p.SeekingMentorship))
	}
	for _, s := range d.Skills {
		fmt.Fprintf(h, "S|%s|%s|%s|%s|%s\n", s.ID, s.Name, s.Category, s.ParentID, s.Description)
	}
	for _, o := range d.Organizations {
		fmt.Fprintf(h, "O|%s|%s|%s\n", o.ID, o.Name, o.Kind)
	}
	for _, s := range d.PersonSkills {
		fmt.Fprintf(h, "PS|%s|%s|%d|%s\n", s.PersonID, s.SkillID, s.Level, i(s.Years))
	}
	for _, a := range d.Affiliations {
		fmt.Fprintf(h, "A|%s|%s|%s|%s|%s\n", a.PersonID, a.OrganizationID, a.Role, date(a.Since), date(a.Until))
	}
	for _, m := range d.Mentorships {
		fmt.Fprintf(h, "M|%s|%s|%s|%s|%s|%s\n", m.MenteeID, m.MentorID, date(m.Since), date(m.Until), strings.Join(m.Focus, ";"), m.Status)
	}
	for _, c := range d.Connections {
		fmt.Fprintf(h, "C|%s|%s|%s\n", c.PersonA, c.PersonB, date(c.Since))
	}
	for _, g := range d.Goals {
		fmt.Fprintf(h, "G|%s|%s|%s|%s|%s|%s|%s\n", g.ID, g.PersonID, g.SkillID, g.Title, i(g.TargetLevel), date(g.DueDate), g.Status)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

func TestGenerateIsDeterministic(t *testing.T) {
	cfg := Config{People: 5_000, Seed: 42}
	a, b := Generate(cfg), Generate(cfg)
	if da, db := digest(a), digest(b); da != db {
		t.Fatalf("two runs of %+v differ: %s vs %s", cfg, da, db)
	}
	other := Generate(Config{People: 5_000, Seed: 43})
	if digest(a) == digest(other) {
		t.Fatal("seeds 42 and 43 produced the same dataset")
	}
	// Different seeds differ throughout, not just somewhere.
	same := 0
	for i := range a.People {
		if a.People[i].Name == other.People[i].Name {
			same++
		}
	}
	if same > len(a.People)/20 {
		t.Errorf("seeds 42 and 43 share %d of %d names", same, len(a.People))
	}
	if a.Connections[0] == other.Connections[0] {
		t.Errorf("seeds 42 and 43 start with the same connection %+v", a.Connections[0])
	}
}

// index holds lookups over a dataset for the checks below.
type index struct {
	d        *dataset.Dataset
	person   map[string]int
	skill    map[string]int
	org      map[string]int
	level    map[[2]string]int // (person, skill) → level
	degree   map[string]int
	neigh    map[string][]string
	employer map[string]string // current employer
}

func newIndex(t *testing.T, d *dataset.Dataset) *index {
	t.Helper()
	ix := &index{d: d, person: map[string]int{}, skill: map[string]int{}, org: map[string]int{},
		level: map[[2]string]int{}, degree: map[string]int{}, neigh: map[string][]string{}, employer: map[string]string{}}
	for i, p := range d.People {
		if _, dup := ix.person[p.ID]; dup {
			t.Errorf("duplicate person id %s", p.ID)
		}
		ix.person[p.ID] = i
	}
	for i, s := range d.Skills {
		if _, dup := ix.skill[s.ID]; dup {
			t.Errorf("duplicate skill id %s", s.ID)
		}
		ix.skill[s.ID] = i
	}
	for i, o := range d.Organizations {
		if _, dup := ix.org[o.ID]; dup {
			t.Errorf("duplicate organization id %s", o.ID)
		}
		ix.org[o.ID] = i
	}
	for _, s := range d.PersonSkills {
		k := [2]string{s.PersonID, s.SkillID}
		if _, dup := ix.level[k]; dup {
			t.Errorf("person %s holds skill %s twice", s.PersonID, s.SkillID)
		}
		ix.level[k] = s.Level
	}
	for _, c := range d.Connections {
		ix.degree[c.PersonA]++
		ix.degree[c.PersonB]++
		ix.neigh[c.PersonA] = append(ix.neigh[c.PersonA], c.PersonB)
		ix.neigh[c.PersonB] = append(ix.neigh[c.PersonB], c.PersonA)
	}
	for _, a := range d.Affiliations {
		if a.Until == nil && d.Organizations[ix.org[a.OrganizationID]].Kind == KindCompany {
			ix.employer[a.PersonID] = a.OrganizationID
		}
	}
	return ix
}

var (
	personIDPattern = regexp.MustCompile(`^p\d{8}$`)
	goalIDPattern   = regexp.MustCompile(`^g\d{8}$`)
	orgIDPattern    = regexp.MustCompile(`^o\d{6}$`)
	slugPattern     = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
)

func validDate(t *testing.T, what string, d *dataset.Date) {
	t.Helper()
	if d == nil {
		return
	}
	back := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	if d.Year < 2010 || d.Year > 2027 || back.Month() != d.Month || back.Day() != d.Day || d.YearOnly {
		t.Errorf("%s: invalid date %+v", what, *d)
	}
}

func before(a, b *dataset.Date) bool {
	return time.Date(a.Year, a.Month, a.Day, 0, 0, 0, 0, time.UTC).Before(time.Date(b.Year, b.Month, b.Day, 0, 0, 0, 0, time.UTC))
}

func TestGenerateIntegrity(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
	}{
		{"empty", Config{People: 0, Seed: 1}},
		{"one person", Config{People: 1, Seed: 1}},
		{"two people", Config{People: 2, Seed: 7}},
		{"tiny", Config{People: 40, Seed: 3}},
		{"small", Config{People: 3_000, Seed: 5}},
		{"medium", Config{People: 30_000, Seed: 11}},
		{"no isolation, no overload, no cycles", Config{People: 3_000, Seed: 9, IsolatedShare: -1, OverloadShare: -1, Cycles: -1}},
		{"dense and flat", Config{People: 2_000, Seed: 13, MeanDegree: 40, DegreeExponent: 3.5, LocalShare: 0.9}},
		{"social, tiny", Config{People: 40, Seed: 3, Shape: ShapeSocial}},
		{"social", Config{People: 30_000, Seed: 11, Shape: ShapeSocial}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := generate(t, tc.cfg)
			checkIntegrity(t, d, tc.cfg.WithDefaults())
		})
	}
}

func checkIntegrity(t *testing.T, d *dataset.Dataset, cfg Config) {
	ix := newIndex(t, d)
	if len(d.People) != cfg.People {
		t.Fatalf("got %d people, want %d", len(d.People), cfg.People)
	}
	if len(d.Skills) < 60 || len(d.Skills) > 80 {
		t.Errorf("catalogue has %d skills, want 60–80", len(d.Skills))
	}
	linked := map[string]bool{}
	for i, p := range d.People {
		if want := PersonID(i + 1); p.ID != want || !personIDPattern.MatchString(p.ID) {
			t.Errorf("person %d has id %q, want %q", i, p.ID, want)
		}
		if p.Name == "" || p.Headline == "" || p.Location == "" || p.Timezone == "" {
			t.Errorf("person %s lacks a name, headline, location or time zone: %+v", p.ID, p)
		}
		if _, err := time.LoadLocation(p.Timezone); err != nil {
			t.Errorf("person %s: time zone %q: %v", p.ID, p.Timezone, err)
		}
		if p.AvailableToMentor == nil || p.SeekingMentorship == nil {
			t.Fatalf("person %s: availableToMentor or seekingMentorship unset", p.ID)
		}
		if p.MentorCapacity != nil && (*p.MentorCapacity < 0 || *p.MentorCapacity > 5) {
			t.Errorf("person %s: capacity %d", p.ID, *p.MentorCapacity)
		}
		if *p.AvailableToMentor && (p.MentorCapacity == nil || *p.MentorCapacity < 1) {
			t.Errorf("person %s is available to mentor without capacity", p.ID)
		}
	}
	for _, o := range d.Organizations {
		if !orgIDPattern.MatchString(o.ID) || o.Name == "" || !slices.Contains(kindNames[:], o.Kind) {
			t.Errorf("bad organization %+v", o)
		}
	}
	held := map[string]int{}
	for _, s := range d.PersonSkills {
		if _, ok := ix.person[s.PersonID]; !ok {
			t.Errorf("person skill names unknown person %s", s.PersonID)
		}
		if _, ok := ix.skill[s.SkillID]; !ok {
			t.Errorf("person skill names unknown skill %s", s.SkillID)
		}
		if s.Level < 1 || s.Level > 5 {
			t.Errorf("person %s holds %s at level %d", s.PersonID, s.SkillID, s.Level)
		}
		if s.Years != nil && (*s.Years < 0 || *s.Years > 45) {
			t.Errorf("person %s holds %s for %d years", s.PersonID, s.SkillID, *s.Years)
		}
		held[s.PersonID]++
	}
	top := map[string]int{} // person → highest level held
	for _, s := range d.PersonSkills {
		top[s.PersonID] = max(top[s.PersonID], s.Level)
	}
	skillByName := map[string]string{}
	for _, s := range d.Skills {
		skillByName[s.Name] = s.ID
	}
	for _, p := range d.People {
		if n := held[p.ID]; n < 1 || n > 6 {
			t.Errorf("person %s holds %d skills, want 1–6", p.ID, n)
		}
		// The headline is "<title> | <top skill>".
		_, name, ok := strings.Cut(p.Headline, " | ")
		if level := ix.level[[2]string{p.ID, skillByName[name]}]; !ok || level != top[p.ID] {
			t.Errorf("person %s: headline %q should name a skill held at their top level %d", p.ID, p.Headline, top[p.ID])
		}
	}
	affs := map[[2]string]bool{}
	for _, a := range d.Affiliations {
		if _, ok := ix.person[a.PersonID]; !ok {
			t.Errorf("affiliation names unknown person %s", a.PersonID)
		}
		if _, ok := ix.org[a.OrganizationID]; !ok {
			t.Errorf("affiliation names unknown organization %s", a.OrganizationID)
		}
		if k := [2]string{a.PersonID, a.OrganizationID}; affs[k] {
			t.Errorf("person %s affiliated with %s twice", a.PersonID, a.OrganizationID)
		} else {
			affs[k] = true
		}
		if a.Role == "" {
			t.Errorf("affiliation %+v has no role", a)
		}
		validDate(t, "affiliation since", a.Since)
		validDate(t, "affiliation until", a.Until)
		if a.Since != nil && a.Until != nil && before(a.Until, a.Since) {
			t.Errorf("affiliation %s→%s ends %v before it starts %v", a.PersonID, a.OrganizationID, *a.Until, *a.Since)
		}
		linked[a.PersonID] = true
	}
	pairs := map[[2]string]bool{}
	for _, c := range d.Connections {
		_, okA := ix.person[c.PersonA]
		_, okB := ix.person[c.PersonB]
		if !okA || !okB {
			t.Errorf("connection names unknown person: %+v", c)
		}
		if c.PersonA == c.PersonB {
			t.Errorf("self connection %s", c.PersonA)
		}
		k := [2]string{min(c.PersonA, c.PersonB), max(c.PersonA, c.PersonB)}
		if pairs[k] {
			t.Errorf("duplicate connection %v", k)
		}
		pairs[k] = true
		if c.Since == nil {
			t.Errorf("connection %v has no since", k)
		}
		validDate(t, "connection since", c.Since)
		linked[c.PersonA], linked[c.PersonB] = true, true
	}
	mentorships := map[[2]string]bool{}
	for _, m := range d.Mentorships {
		_, okA := ix.person[m.MenteeID]
		mentor, okB := ix.person[m.MentorID]
		if !okA || !okB {
			t.Fatalf("mentorship names unknown person: %+v", m)
		}
		if m.MenteeID == m.MentorID {
			t.Errorf("self mentorship %s", m.MenteeID)
		}
		k := [2]string{m.MenteeID, m.MentorID}
		if mentorships[k] {
			t.Errorf("duplicate mentorship %v", k)
		}
		mentorships[k] = true
		if !*d.People[mentor].AvailableToMentor {
			t.Errorf("mentor %s of %s is not available to mentor", m.MentorID, m.MenteeID)
		}
		if len(m.Focus) < 1 || len(m.Focus) > 2 || (len(m.Focus) == 2 && m.Focus[0] == m.Focus[1]) {
			t.Errorf("mentorship %v has focus %v, want 1–2 distinct skills", k, m.Focus)
		}
		for _, f := range m.Focus {
			if _, ok := ix.skill[f]; !ok {
				t.Errorf("mentorship %v focuses on unknown skill %s", k, f)
			}
		}
		if m.Since == nil {
			t.Errorf("mentorship %v has no since", k)
		}
		validDate(t, "mentorship since", m.Since)
		validDate(t, "mentorship until", m.Until)
		switch m.Status {
		case MentorshipActive:
			if m.Until != nil {
				t.Errorf("active mentorship %v has an end %v", k, *m.Until)
			}
		case MentorshipEnded:
			if m.Until == nil || before(m.Until, m.Since) {
				t.Errorf("ended mentorship %v: since %v until %v", k, m.Since, m.Until)
			}
		default:
			t.Errorf("mentorship %v has status %q", k, m.Status)
		}
		linked[m.MenteeID], linked[m.MentorID] = true, true
	}
	goals := map[string]bool{}
	for i, g := range d.Goals {
		if !goalIDPattern.MatchString(g.ID) || goals[g.ID] {
			t.Errorf("goal %d has bad or duplicate id %q", i, g.ID)
		}
		goals[g.ID] = true
		if _, ok := ix.person[g.PersonID]; !ok {
			t.Errorf("goal %s names unknown person %s", g.ID, g.PersonID)
		}
		skill, ok := ix.skill[g.SkillID]
		if !ok {
			t.Fatalf("goal %s names unknown skill %s", g.ID, g.SkillID)
		}
		if g.TargetLevel == nil || *g.TargetLevel < 1 || *g.TargetLevel > 5 || g.DueDate == nil {
			t.Fatalf("goal %s: target %v due %v", g.ID, g.TargetLevel, g.DueDate)
		}
		validDate(t, "goal due", g.DueDate)
		cur := ix.level[[2]string{g.PersonID, g.SkillID}]
		switch g.Status {
		case GoalOpen, GoalAbandoned:
			if *g.TargetLevel <= cur {
				t.Errorf("goal %s (%s) targets level %d in %s, already held at %d", g.ID, g.Status, *g.TargetLevel, g.SkillID, cur)
			}
		case GoalAchieved:
			if *g.TargetLevel != cur {
				t.Errorf("achieved goal %s targets level %d in %s, held at %d", g.ID, *g.TargetLevel, g.SkillID, cur)
			}
		default:
			t.Errorf("goal %s has status %q", g.ID, g.Status)
		}
		name := d.Skills[skill].Name
		ym := fmt.Sprintf("%04d-%02d", g.DueDate.Year, g.DueDate.Month)
		if !strings.Contains(g.Title, name) || !strings.HasSuffix(g.Title, " by "+ym) {
			t.Errorf("goal %s title %q should name %q and end with the due month %s", g.ID, g.Title, name, ym)
		}
	}
	if cfg.People >= 1_000 {
		isolated := 0
		for _, p := range d.People {
			if !linked[p.ID] {
				isolated++
			}
		}
		if want := 0.8 * cfg.IsolatedShare * float64(cfg.People); float64(isolated) < want {
			t.Errorf("%d people without links, want at least %.0f (%.0f%% of %d, less some slack)", isolated, want, 100*cfg.IsolatedShare, cfg.People)
		}
	}
}

func TestMentorsHoldFocusSkillsHigher(t *testing.T) {
	d := generate(t, Config{People: 30_000, Seed: 11})
	ix := newIndex(t, d)
	if len(d.Mentorships) < len(d.People)/10 {
		t.Fatalf("only %d mentorships among %d people", len(d.Mentorships), len(d.People))
	}
	for _, m := range d.Mentorships {
		for _, f := range m.Focus {
			mentor := ix.level[[2]string{m.MentorID, f}]
			mentee := ix.level[[2]string{m.MenteeID, f}]
			if mentor <= mentee {
				t.Errorf("%s mentors %s in %s at level %d, mentee holds %d", m.MentorID, m.MenteeID, f, mentor, mentee)
			}
		}
	}
}

// activeLoad counts each mentor's active mentees and the available mentors.
func activeLoad(ix *index) (load map[string]int, available int) {
	load = map[string]int{}
	for _, m := range ix.d.Mentorships {
		if m.Status == MentorshipActive {
			load[m.MentorID]++
		}
	}
	for _, p := range ix.d.People {
		if *p.AvailableToMentor {
			available++
		}
	}
	return load, available
}

func TestActiveMentorshipsWithinCapacity(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
	}{
		{"default overload", Config{People: 30_000, Seed: 11}},
		{"no overload", Config{People: 3_000, Seed: 9, IsolatedShare: -1, OverloadShare: -1, Cycles: -1}},
		{"heavier overload", Config{People: 20_000, Seed: 2, OverloadShare: 0.05}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := tc.cfg.WithDefaults()
			d := generate(t, tc.cfg)
			ix := newIndex(t, d)
			load, available := activeLoad(ix)
			over := 0
			for _, p := range d.People {
				if load[p.ID] > 0 && load[p.ID] > *p.MentorCapacity {
					over++
				}
			}
			allowed := int(math.Round(max(cfg.OverloadShare, 0) * float64(available)))
			if cfg.OverloadShare > 0 {
				allowed = max(allowed, 1)
			}
			t.Logf("%d of %d available mentors over capacity (allowed %d)", over, available, allowed)
			if over > allowed {
				t.Errorf("%d mentors over capacity, only %d (%.1f%% of %d) may be", over, allowed, 100*cfg.OverloadShare, available)
			}
			if allowed > 0 && over < allowed/2 {
				t.Errorf("only %d mentors over capacity, want about %d for coverage reports to find", over, allowed)
			}
		})
	}
}

// mentorsOf maps each mentee to their mentors.
func mentorsOf(d *dataset.Dataset) map[string][]string {
	up := map[string][]string{}
	for _, m := range d.Mentorships {
		up[m.MenteeID] = append(up[m.MenteeID], m.MentorID)
	}
	return up
}

func TestMentorshipLineage(t *testing.T) {
	d := generate(t, Config{People: 100_000, Seed: 1})
	up := mentorsOf(d)
	// Longest chain of mentors above each mentee (bounded: the graph has cycles).
	depth := map[string]int{}
	var climb func(p string, seen map[string]bool) int
	climb = func(p string, seen map[string]bool) int {
		if d, ok := depth[p]; ok {
			return d
		}
		best := 0
		seen[p] = true
		for _, m := range up[p] {
			if !seen[m] {
				best = max(best, 1+climb(m, seen))
			}
		}
		delete(seen, p)
		depth[p] = best
		return best
	}
	longest, mentoredMentors := 0, 0
	for _, p := range d.People {
		longest = max(longest, climb(p.ID, map[string]bool{}))
	}
	for p := range up {
		for _, m := range up[p] {
			if len(up[m]) > 0 {
				mentoredMentors++
				break
			}
		}
	}
	t.Logf("longest lineage %d generations; %d mentees have a mentor who is mentored", longest, mentoredMentors)
	if longest < 3 {
		t.Errorf("longest mentorship lineage is %d generations, want ≥ 3", longest)
	}

	// Cycles: people on a cycle are in a strongly connected component of
	// more than one person; there should be some, but few.
	onCycle := peopleOnCycles(d)
	t.Logf("%d people on lineage cycles among %d mentees", onCycle, len(up))
	if onCycle == 0 {
		t.Error("no lineage cycle, want a rare few")
	}
	if onCycle > len(up)/100 {
		t.Errorf("%d people on lineage cycles, want fewer than 1%% of %d mentees", onCycle, len(up))
	}
}

// peopleOnCycles counts people in non-trivial strongly connected components
// of the MENTORED_BY graph (Tarjan's algorithm, iterative).
func peopleOnCycles(d *dataset.Dataset) int {
	id := map[string]int{}
	for i, p := range d.People {
		id[p.ID] = i
	}
	n := len(d.People)
	adj := make([][]int, n)
	for _, m := range d.Mentorships {
		adj[id[m.MenteeID]] = append(adj[id[m.MenteeID]], id[m.MentorID])
	}
	index, low := make([]int, n), make([]int, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int
	next, count := 0, 0
	type frame struct{ v, edge int }
	for root := range n {
		if index[root] >= 0 {
			continue
		}
		call := []frame{{root, 0}}
		index[root], low[root] = next, next
		next++
		stack = append(stack, root)
		onStack[root] = true
		for len(call) > 0 {
			f := &call[len(call)-1]
			if f.edge < len(adj[f.v]) {
				w := adj[f.v][f.edge]
				f.edge++
				if index[w] < 0 {
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					onStack[w] = true
					call = append(call, frame{w, 0})
				} else if onStack[w] {
					low[f.v] = min(low[f.v], index[w])
				}
				continue
			}
			v := f.v
			call = call[:len(call)-1]
			if len(call) > 0 {
				u := call[len(call)-1].v
				low[u] = min(low[u], low[v])
			}
			if low[v] == index[v] {
				size := 0
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					size++
					if w == v {
						break
					}
				}
				if size > 1 {
					count += size
				}
			}
		}
	}
	return count
}

func TestMenteesPreferNearbyMentors(t *testing.T) {
	d := generate(t, Config{People: 30_000, Seed: 11})
	ix := newIndex(t, d)
	// Baseline: had each mentee taken a random qualified mentor (available,
	// holding the first focus skill above the mentee), how often would that
	// mentor have been near?
	qualified := map[string][]string{} // skill → available holders
	for _, s := range d.PersonSkills {
		if *d.People[ix.person[s.PersonID]].AvailableToMentor {
			qualified[s.SkillID] = append(qualified[s.SkillID], s.PersonID)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	near := func(a, b string) bool {
		return ix.withinTwoHops(a, b) || (ix.employer[a] != "" && ix.employer[a] == ix.employer[b])
	}
	actual, baseline, active := 0, 0, 0
	for _, m := range d.Mentorships {
		if m.Status != MentorshipActive {
			continue
		}
		active++
		if near(m.MenteeID, m.MentorID) {
			actual++
		}
		focus, own := m.Focus[0], ix.level[[2]string{m.MenteeID, m.Focus[0]}]
		for range 100 {
			c := qualified[focus][r.IntN(len(qualified[focus]))]
			if c != m.MenteeID && ix.level[[2]string{c, focus}] > own {
				if near(m.MenteeID, c) {
					baseline++
				}
				break
			}
		}
	}
	share, base := float64(actual)/float64(active), float64(baseline)/float64(active)
	t.Logf("%.0f%% of %d active mentors within two hops or at the mentee's employer; %.0f%% of random qualified mentors would be", 100*share, active, 100*base)
	if share < 2*base || share < 0.3 {
		t.Errorf("%.0f%% of active mentors are near their mentee, against %.0f%% at random: want a clear preference", 100*share, 100*base)
	}
	if share > 0.98 {
		t.Errorf("%.0f%% of active mentors are near their mentee, want some from afar", 100*share)
	}
}

func (ix *index) withinTwoHops(a, b string) bool {
	for _, x := range ix.neigh[a] {
		if x == b || slices.Contains(ix.neigh[x], b) {
			return true
		}
	}
	return false
}

func TestDegreeDistributionHasHubs(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 100k people")
	}
	d := generate(t, Config{People: 100_000, Seed: 1})
	ix := newIndex(t, d)
	degrees := make([]int, len(d.People))
	for i, p := range d.People {
		degrees[i] = ix.degree[p.ID]
	}
	slices.Sort(degrees)
	n := len(degrees)
	mean := float64(2*len(d.Connections)) / float64(n)
	median := degrees[n/2]
	hubs := n - countBelow(degrees, 1000)
	t.Logf("degree max %d, mean %.2f, median %d, %d people ≥ 1,000, top ten %v", degrees[n-1], mean, median, hubs, degrees[n-10:])
	if hubs < 3 {
		t.Errorf("%d people with degree ≥ 1,000, want ≥ 3", hubs)
	}
	if mean < 8 || mean > 12 {
		t.Errorf("mean degree %.2f, want 8–12", mean)
	}
	if float64(median) > 0.8*mean {
		t.Errorf("median degree %d is not well below the mean %.2f", median, mean)
	}
}

func TestSocialShape(t *testing.T) {
	sizes := []int{40_000, 100_000}
	if testing.Short() {
		sizes = sizes[:1]
	}
	for _, n := range sizes {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			cfg := Config{People: n, Seed: 1, Shape: ShapeSocial}
			d := generate(t, cfg)
			ix := newIndex(t, d)
			degrees := make([]int, len(d.People))
			for i, p := range d.People {
				degrees[i] = ix.degree[p.ID]
			}
			slices.Sort(degrees)
			median, top := degrees[n/2], degrees[n-1]
			reach := float64(top) / float64(n)
			t.Logf("median degree %d, mean %.1f, top hubs %v (the biggest knows %.1f%% of people)",
				median, float64(2*len(d.Connections))/float64(n), degrees[n-8:], 100*reach)
			if median < 5 || median > 7 {
				t.Errorf("median degree %d, want about 6 (5–7)", median)
			}
			if reach < 0.20 || reach > 0.30 {
				t.Errorf("the biggest hub knows %.1f%% of people, want 20–30%%", 100*reach)
			}
			// A heavy tail, not a few hubs over a flat crowd: between the
			// median and the hubs, people with hundreds of links.
			if p99 := degrees[n*99/100]; p99 < 10*median {
				t.Errorf("99th percentile degree %d, want at least ten times the median %d", p99, median)
			}
			if second := degrees[n-2]; second >= top || second < top/4 {
				t.Errorf("second hub has %d links, want fewer than the biggest's %d but not far fewer", second, top)
			}
		})
	}
	t.Run("deterministic", func(t *testing.T) {
		cfg := Config{People: 5_000, Seed: 42, Shape: ShapeSocial}
		a := Generate(cfg)
		if da, db := digest(a), digest(Generate(cfg)); da != db {
			t.Fatalf("two runs of %+v differ: %s vs %s", cfg, da, db)
		}
		if digest(a) == digest(Generate(Config{People: 5_000, Seed: 43, Shape: ShapeSocial})) {
			t.Error("seeds 42 and 43 produced the same social network")
		}
		if digest(a) == digest(Generate(Config{People: 5_000, Seed: 42})) {
			t.Error("the social shape produced the default shape's network")
		}
	})
}

func TestDefaultShapeIsTheZeroShape(t *testing.T) {
	a := Generate(Config{People: 2_000, Seed: 3})
	if da, db := digest(a), digest(Generate(Config{People: 2_000, Seed: 3, Shape: ShapeDefault})); da != db {
		t.Errorf("Shape %q and no shape give different networks", ShapeDefault)
	}
}

func TestParseShape(t *testing.T) {
	for _, tc := range []struct {
		name string
		want Shape
		ok   bool
	}{{"", ShapeDefault, true}, {"default", ShapeDefault, true}, {"social", ShapeSocial, true}, {"Social", "", false}, {"hubs", "", false}} {
		got, err := ParseShape(tc.name)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("ParseShape(%q) = %q, %v; want %q (ok %v)", tc.name, got, err, tc.want, tc.ok)
		}
	}
}

// countBelow returns the number of sorted values below x.
func countBelow(sorted []int, x int) int {
	i, _ := slices.BinarySearch(sorted, x)
	return i
}

func TestSkillCatalogue(t *testing.T) {
	skills := Skills()
	byID := map[string]dataset.Skill{}
	for _, s := range skills {
		if _, dup := byID[s.ID]; dup {
			t.Errorf("duplicate skill id %s", s.ID)
		}
		byID[s.ID] = s
		if !slugPattern.MatchString(s.ID) || s.Name == "" || s.Description == "" {
			t.Errorf("skill %+v: want a slug id, a name and a description", s)
		}
		if !slices.Contains([]string{CategoryTechnical, CategoryLeadership, CategoryBusiness, CategoryCareer, CategoryInterpersonal}, s.Category) {
			t.Errorf("skill %s has category %q", s.ID, s.Category)
		}
	}
	depth, roots := 0, map[string]bool{}
	for _, s := range skills {
		seen := map[string]bool{s.ID: true}
		d := 0
		for cur := s; cur.ParentID != ""; d++ {
			parent, ok := byID[cur.ParentID]
			if !ok {
				t.Fatalf("skill %s has unknown parent %s", cur.ID, cur.ParentID)
			}
			if parent.Category != cur.Category {
				t.Errorf("skill %s (%s) is part of %s (%s)", cur.ID, cur.Category, parent.ID, parent.Category)
			}
			if seen[parent.ID] {
				t.Fatalf("skill hierarchy has a cycle through %s", parent.ID)
			}
			seen[parent.ID] = true
			cur = parent
		}
		depth = max(depth, d)
		if s.ParentID == "" {
			roots[s.Category] = true
		}
	}
	if depth < 2 {
		t.Errorf("skill hierarchy is %d levels deep, want ≥ 2", depth)
	}
	if len(roots) != 5 {
		t.Errorf("root categories %v, want all five", roots)
	}
	// The popularity ranking covers exactly the holdable (non-root) skills.
	var holdable []string
	for _, s := range skills {
		if s.ParentID != "" {
			holdable = append(holdable, s.ID)
		}
	}
	ranked := slices.Clone(popularity)
	slices.Sort(ranked)
	slices.Sort(holdable)
	if !slices.Equal(ranked, holdable) {
		t.Errorf("popularity ranks %v,\nwant the non-root skills %v", ranked, holdable)
	}
	// Skills returns a copy.
	skills[0].Name = "changed"
	if Skills()[0].Name == "changed" {
		t.Error("Skills shares its slice with the catalogue")
	}
}

func TestSkillsAndLevelsAreSkewed(t *testing.T) {
	d := generate(t, Config{People: 30_000, Seed: 11})
	bySkill := map[string]int{}
	levels := make([]int, 6)
	for _, s := range d.PersonSkills {
		bySkill[s.SkillID]++
		levels[s.Level]++
	}
	counts := make([]int, 0, len(bySkill))
	for _, s := range d.Skills { // catalogue order, not map order
		counts = append(counts, bySkill[s.ID])
	}
	slices.Sort(counts)
	slices.Reverse(counts)
	top := 0
	for _, c := range counts[:len(counts)/10] {
		top += c
	}
	share := float64(top) / float64(len(d.PersonSkills))
	t.Logf("top 10%% of skills hold %.0f%% of holdings; levels 1–5: %v", 100*share, levels[1:])
	if share < 0.3 {
		t.Errorf("the most popular 10%% of skills hold only %.0f%% of holdings, want a skewed popularity", 100*share)
	}
	if !(levels[3] > levels[4] && levels[4] > levels[5]) {
		t.Errorf("levels 3, 4, 5 held %d, %d, %d times; want higher levels rarer", levels[3], levels[4], levels[5])
	}
}

func TestPersonID(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{{1, "p00000001"}, {123_456, "p00123456"}, {10_000_000, "p10000000"}} {
		if got := PersonID(tc.n); got != tc.want {
			t.Errorf("PersonID(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestWithDefaultsIsIdempotent(t *testing.T) {
	for _, cfg := range []Config{{}, {People: 10, OverloadShare: -1, Hubs: -2}, {People: 5, DegreeExponent: 1, MentorShare: 3}, {Shape: ShapeSocial}} {
		once := cfg.WithDefaults()
		if twice := once.WithDefaults(); twice != once {
			t.Errorf("WithDefaults(%+v) = %+v, then %+v", cfg, once, twice)
		}
	}
}
