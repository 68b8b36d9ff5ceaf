package graph_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
)

// Tests of the rules that keep links whole: a mentor's capacity, one link
// per pair, idempotent repeats — one request at a time, and many at once
// against the real Neo4j (a check-then-create without locks passes both
// checks of two concurrent transactions).

// integrity is a store with helpers to make people and read links.
type integrity struct {
	t *testing.T
	s *graph.Store
	p string
}

func newIntegrity(t *testing.T) *integrity {
	return &integrity{t: t, s: newStore(t), p: neo4jtest.Prefix(t)}
}

func (x *integrity) id(name string) string { return x.p + name }

// person creates a person; capacity < 0 leaves mentorCapacity at its
// default (0).
func (x *integrity) person(name string, capacity int) string {
	x.t.Helper()
	id := x.id(name)
	in := graph.PersonInput{ID: &id, Name: name, AvailableToMentor: capacity > 0, MentorCapacity: max(capacity, 0)}
	if _, err := x.s.CreatePerson(context.Background(), in); err != nil {
		x.t.Fatalf("create %s: %v", name, err)
	}
	return id
}

// query runs cypher with the driver (not the store) and returns the first
// value of each row.
func (x *integrity) query(cypher string, params map[string]any) []any {
	x.t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), neo4jtest.Driver(x.t), cypher, params,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(neo4jtest.Get(x.t).Database))
	if err != nil {
		x.t.Fatalf("%s: %v", cypher, err)
	}
	var out []any
	for _, r := range res.Records {
		out = append(out, r.Values[0])
	}
	return out
}

// count runs a counting query.
func (x *integrity) count(cypher string, params map[string]any) int64 {
	x.t.Helper()
	v := x.query(cypher, params)
	if len(v) != 1 {
		x.t.Fatalf("%s: %d rows", cypher, len(v))
	}
	return v[0].(int64)
}

func (x *integrity) mentorships(mentee, mentor string) int64 {
	return x.count(`MATCH (:Person {id: $a})-[m:MENTORED_BY]->(:Person {id: $b}) RETURN count(m)`, map[string]any{"a": mentee, "b": mentor})
}

func (x *integrity) activeMentees(mentor string) int64 {
	return x.count(`MATCH (:Person {id: $id})<-[m:MENTORED_BY {status: 'ACTIVE'}]-() RETURN count(m)`, map[string]any{"id": mentor})
}

func (x *integrity) connections(a, b string) int64 {
	return x.count(`MATCH (:Person {id: $a})-[k:KNOWS]-(:Person {id: $b}) RETURN count(k)`, map[string]any{"a": a, "b": b})
}

func (x *integrity) currentMemberships(person, org string) int64 {
	return x.count(`MATCH (:Person {id: $p})-[a:AFFILIATED_WITH]->(:Organization {id: $o}) WHERE a.until IS NULL RETURN count(a)`,
		map[string]any{"p": person, "o": org})
}

func (x *integrity) updatedAt(id string) time.Time {
	x.t.Helper()
	return x.query(`MATCH (p:Person {id: $id}) RETURN p.updatedAt`, map[string]any{"id": id})[0].(time.Time)
}

func date(t *testing.T, s string) *graph.Date {
	t.Helper()
	d, err := graph.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return &d
}

// parallel runs f(i) for i in [0, n) on n goroutines started together and
// returns their errors by i.
func parallel(n int, f func(i int) error) []error {
	errs := make([]error, n)
	var start, done sync.WaitGroup
	start.Add(1)
	for i := range n {
		done.Add(1)
		go func() {
			defer done.Done()
			start.Wait()
			errs[i] = f(i)
		}()
	}
	start.Done()
	done.Wait()
	return errs
}

// TestRecordMentorshipNeedsAnOpenSlot: a new active mentorship needs the
// mentor to have an open slot; the refusal says the capacity and the
// active count; an ended mentorship needs none; a capacity may still be
// lowered below the active count.
func TestRecordMentorshipNeedsAnOpenSlot(t *testing.T) {
	ctx := context.Background()
	x := newIntegrity(t)
	two := x.person("two", 2)
	zero := x.person("zero", -1)
	var mentees []string
	for i := range 5 {
		mentees = append(mentees, x.person(fmt.Sprintf("mentee%d", i), -1))
	}
	for _, m := range mentees[:2] {
		if _, err := x.s.RecordMentorship(ctx, graph.Mentorship{MenteeID: m, MentorID: two}); err != nil {
			t.Fatalf("a mentorship within capacity: %v", err)
		}
	}
	cases := []struct {
		name             string
		in               graph.Mentorship
		capacity, active int // of the refusal; -1: recorded
	}{
		{"capacity 2, 2 active", graph.Mentorship{MenteeID: mentees[2], MentorID: two}, 2, 2},
		{"capacity 2, 2 active, a start date", graph.Mentorship{MenteeID: mentees[2], MentorID: two, Since: date(t, "2025-01-01")}, 2, 2},
		{"capacity unset (0)", graph.Mentorship{MenteeID: mentees[3], MentorID: zero}, 0, 0},
		{"ended: no slot needed", graph.Mentorship{MenteeID: mentees[4], MentorID: two, Since: date(t, "2020-01-01"), Until: date(t, "2021-01-01")}, -1, -1},
		{"ended, capacity unset", graph.Mentorship{MenteeID: mentees[4], MentorID: zero, Since: date(t, "2020-01-01"), Until: date(t, "2021-01-01")}, -1, -1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, err := x.s.RecordMentorship(ctx, c.in)
			if c.capacity < 0 {
				if err != nil || m.Status != "ENDED" {
					t.Fatalf("got %+v, %v; want an ENDED mentorship", m, err)
				}
				return
			}
			var ce *graph.CapacityError
			if !errors.Is(err, graph.ErrCapacityFull) || !errors.As(err, &ce) {
				t.Fatalf("got %+v, %v; want ErrCapacityFull", m, err)
			}
			if ce.Capacity != c.capacity || ce.Active != c.active || ce.Mentor != c.in.MentorID {
				t.Errorf("refusal says %+v; want capacity %d, %d active", ce, c.capacity, c.active)
			}
			want := fmt.Sprintf("mentor %q has no open slot: capacity %d, %d active mentees", c.in.MentorID, c.capacity, c.active)
			if msg := graph.Message(err); msg != want {
				t.Errorf("message %q, want %q", msg, want)
			}
			if n := x.mentorships(c.in.MenteeID, c.in.MentorID); n != 0 {
				t.Errorf("a refused mentorship was stored (%d links)", n)
			}
		})
	}
	// Lowering the capacity below the active count is allowed: coverage
	// shows such a mentor as overloaded.
	one := 1
	p, err := x.s.UpdatePerson(ctx, two, graph.PersonPatch{MentorCapacity: graph.Optional[int]{Set: true, Value: &one}})
	if err != nil || p.MentorCapacity != 1 || p.OpenSlots != 0 {
		t.Fatalf("lowering the capacity below the active count: %+v, %v", p, err)
	}
	if n := x.activeMentees(two); n != 2 {
		t.Errorf("active mentees after lowering the capacity: %d, want 2", n)
	}
}

// TestConcurrentClaimsOfOneSlot: 20 mentees ask for the last open slot of
// a mentor at once; exactly one gets it.
func TestConcurrentClaimsOfOneSlot(t *testing.T) {
	ctx := context.Background()
	x := newIntegrity(t)
	mentor := x.person("mentor", 2)
	first := x.person("first", -1)
	if _, err := x.s.RecordMentorship(ctx, graph.Mentorship{MenteeID: first, MentorID: mentor}); err != nil {
		t.Fatal(err)
	}
	const n = 20
	var mentees []string
	for i := range n {
		mentees = append(mentees, x.person(fmt.Sprintf("m%02d", i), -1))
	}
	errs := parallel(n, func(i int) error {
		_, err := x.s.RecordMentorship(ctx, graph.Mentorship{MenteeID: mentees[i], MentorID: mentor})
		return err
	})
	ok, full := 0, 0
	for i, err := range errs {
		switch {
		case err == nil:
			ok++
		case errors.Is(err, graph.ErrCapacityFull):
			full++
		default:
			t.Errorf("mentee %d: %v", i, err)
		}
	}
	if ok != 1 || full != n-1 {
		t.Errorf("%d recorded and %d refused as full; want 1 and %d", ok, full, n-1)
	}
	if active := x.activeMentees(mentor); active != 2 {
		t.Errorf("the mentor (capacity 2) has %d active mentees", active)
	}
}

// TestConcurrentLinkRequestsStoreOneLink: the same link asked for 20 times
// at once is stored once, and every request succeeds (the repeats find it
// stored).
func TestConcurrentLinkRequestsStoreOneLink(t *testing.T) {
	ctx := context.Background()
	const n = 20
	t.Run("recordMentorship", func(t *testing.T) {
		x := newIntegrity(t)
		mentee, mentor := x.person("mentee", -1), x.person("mentor", 3)
		errs := parallel(n, func(int) error {
			_, err := x.s.RecordMentorship(ctx, graph.Mentorship{MenteeID: mentee, MentorID: mentor, Since: date(t, "2025-03-01")})
			return err
		})
		for i, err := range errs {
			if err != nil {
				t.Errorf("request %d: %v", i, err)
			}
		}
		if got := x.mentorships(mentee, mentor); got != 1 {
			t.Errorf("%d MENTORED_BY links stored, want 1", got)
		}
	})
	t.Run("connect, both directions", func(t *testing.T) {
		x := newIntegrity(t)
		a, b := x.person("a", -1), x.person("b", -1)
		errs := parallel(n, func(i int) error {
			if i%2 == 0 {
				_, err := x.s.Connect(ctx, a, b, nil)
				return err
			}
			_, err := x.s.Connect(ctx, b, a, nil)
			return err
		})
		for i, err := range errs {
			if err != nil {
				t.Errorf("request %d: %v", i, err)
			}
		}
		if got := x.connections(a, b); got != 1 {
			t.Errorf("%d KNOWS links stored, want 1", got)
		}
	})
	t.Run("addAffiliation", func(t *testing.T) {
		x := newIntegrity(t)
		p := x.person("p", -1)
		org := x.id("org")
		if _, err := x.s.CreateOrganization(ctx, graph.OrganizationInput{ID: &org, Name: "Org", Kind: "COMPANY"}); err != nil {
			t.Fatal(err)
		}
		role := "Engineer"
		errs := parallel(n, func(int) error {
			_, err := x.s.AddAffiliation(ctx, graph.Affiliation{PersonID: p, OrganizationID: org, Role: &role})
			return err
		})
		for i, err := range errs {
			if err != nil {
				t.Errorf("request %d: %v", i, err)
			}
		}
		if got := x.currentMemberships(p, org); got != 1 {
			t.Errorf("%d current memberships stored, want 1", got)
		}
	})
	t.Run("setPersonSkill", func(t *testing.T) {
		x := newIntegrity(t)
		p := x.person("p", -1)
		sk := graph.Slug(x.id("skill"))
		if _, err := x.s.CreateSkill(ctx, graph.SkillInput{ID: &sk, Name: "Skill", Category: "TECHNICAL"}); err != nil {
			t.Fatal(err)
		}
		errs := parallel(n, func(i int) error {
			_, err := x.s.SetPersonSkill(ctx, graph.PersonSkill{PersonID: p, SkillID: sk, Level: 1 + i%5})
			return err
		})
		for i, err := range errs {
			if err != nil {
				t.Errorf("request %d: %v", i, err)
			}
		}
		if got := x.count(`MATCH (:Person {id: $p})-[h:HAS_SKILL]->(:Skill {id: $s}) RETURN count(h)`, map[string]any{"p": p, "s": sk}); got != 1 {
			t.Errorf("%d HAS_SKILL links stored, want 1", got)
		}
	})
	t.Run("updateSkill broader", func(t *testing.T) {
		x := newIntegrity(t)
		ids := map[string]string{}
		for _, name := range []string{"narrow", "wide1", "wide2"} {
			id := graph.Slug(x.id(name))
			ids[name] = id
			if _, err := x.s.CreateSkill(ctx, graph.SkillInput{ID: &id, Name: name, Category: "TECHNICAL"}); err != nil {
				t.Fatal(err)
			}
		}
		errs := parallel(n, func(i int) error {
			b := ids[[]string{"wide1", "wide2"}[i%2]]
			_, err := x.s.UpdateSkill(ctx, ids["narrow"], graph.SkillPatch{BroaderID: graph.Optional[string]{Set: true, Value: &b}})
			return err
		})
		for i, err := range errs {
			if err != nil {
				t.Errorf("request %d: %v", i, err)
			}
		}
		if got := x.count(`MATCH (:Skill {id: $s})-[r:PART_OF]->() RETURN count(r)`, map[string]any{"s": ids["narrow"]}); got != 1 {
			t.Errorf("the skill is PART_OF %d skills, want 1", got)
		}
	})
}

// TestRepeatedLinkRequests: a request identical to the stored link (an
// omitted since matching any) returns it and writes nothing; one that
// differs is CONFLICT naming the stored link.
func TestRepeatedLinkRequests(t *testing.T) {
	ctx := context.Background()
	x := newIntegrity(t)
	mentee, mentor, past := x.person("mentee", -1), x.person("mentor", 5), x.person("past", 5)
	sk := graph.Slug(x.id("go"))
	if _, err := x.s.CreateSkill(ctx, graph.SkillInput{ID: &sk, Name: "Go", Category: "TECHNICAL"}); err != nil {
		t.Fatal(err)
	}
	org := x.id("org")
	if _, err := x.s.CreateOrganization(ctx, graph.OrganizationInput{ID: &org, Name: "Org", Kind: "COMPANY"}); err != nil {
		t.Fatal(err)
	}
	role, other := "Engineer", "Manager"
	must := func(step string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	_, err := x.s.RecordMentorship(ctx, graph.Mentorship{MenteeID: mentee, MentorID: mentor, Since: date(t, "2026-01-03"), Focus: []string{sk}})
	must("record", err)
	_, err = x.s.RecordMentorship(ctx, graph.Mentorship{MenteeID: mentee, MentorID: past, Since: date(t, "2020-01-01"), Until: date(t, "2021-06-30")})
	must("record an ended mentorship", err)
	_, err = x.s.Connect(ctx, mentee, mentor, date(t, "2019-05-01"))
	must("connect", err)
	_, err = x.s.AddAffiliation(ctx, graph.Affiliation{PersonID: mentee, OrganizationID: org, Role: &role, Since: date(t, "2022-02-01")})
	must("affiliate", err)
	_, err = x.s.AddAffiliation(ctx, graph.Affiliation{PersonID: mentee, OrganizationID: org, Role: &other, Since: date(t, "2018-01-01"), Until: date(t, "2019-01-01")})
	must("add a past membership", err)
	links := func() string {
		return fmt.Sprint(x.mentorships(mentee, mentor), x.mentorships(mentee, past), x.connections(mentee, mentor),
			x.count(`MATCH (:Person {id: $p})-[a:AFFILIATED_WITH]->() RETURN count(a)`, map[string]any{"p": mentee}))
	}
	before, stamp := links(), x.updatedAt(mentee)

	cases := []struct {
		name string
		do   func() (any, error)
		want any    // the link returned, for a repeat
		msg  string // the CONFLICT message, for a differing request
	}{
		{"mentorship, same", func() (any, error) {
			return x.s.RecordMentorship(ctx, graph.Mentorship{MenteeID: mentee, MentorID: mentor, Since: date(t, "2026-01-03"), Focus: []string{sk, sk}})
		}, "2026-01-03 ACTIVE", ""},
		{"mentorship, since left out", func() (any, error) {
			return x.s.RecordMentorship(ctx, graph.Mentorship{MenteeID: mentee, MentorID: mentor, Focus: []string{sk}})
		}, "2026-01-03 ACTIVE", ""},
		{"mentorship, ended, same", func() (any, error) {
			return x.s.RecordMentorship(ctx, graph.Mentorship{MenteeID: mentee, MentorID: past, Since: date(t, "2020-01-01"), Until: date(t, "2021-06-30")})
		}, "2020-01-01 ENDED", ""},
		{"mentorship, another since", func() (any, error) {
			return x.s.RecordMentorship(ctx, graph.Mentorship{MenteeID: mentee, MentorID: mentor, Since: date(t, "2026-02-01"), Focus: []string{sk}})
		}, nil, fmt.Sprintf("%q is already mentored by %q (ACTIVE since 2026-01-03); end it first", mentee, mentor)},
		{"mentorship, another focus", func() (any, error) {
			return x.s.RecordMentorship(ctx, graph.Mentorship{MenteeID: mentee, MentorID: mentor})
		}, nil, fmt.Sprintf("%q is already mentored by %q (ACTIVE since 2026-01-03); end it first", mentee, mentor)},
		{"mentorship, ended, asked active", func() (any, error) {
			return x.s.RecordMentorship(ctx, graph.Mentorship{MenteeID: mentee, MentorID: past})
		}, nil, fmt.Sprintf("%q was already mentored by %q (ENDED from 2020-01-01 to 2021-06-30); a pair keeps one mentorship record", mentee, past)},
		{"connection, same", func() (any, error) { return x.s.Connect(ctx, mentor, mentee, date(t, "2019-05-01")) }, "2019-05-01 " + mentee, ""},
		{"connection, since left out", func() (any, error) { return x.s.Connect(ctx, mentee, mentor, nil) }, "2019-05-01 " + mentor, ""},
		{"connection, another since", func() (any, error) { return x.s.Connect(ctx, mentee, mentor, date(t, "2020-01-01")) },
			nil, fmt.Sprintf("%q and %q are already connected (since 2019-05-01); disconnect them first to record another date", mentee, mentor)},
		{"membership, same", func() (any, error) {
			return x.s.AddAffiliation(ctx, graph.Affiliation{PersonID: mentee, OrganizationID: org, Role: &role, Since: date(t, "2022-02-01")})
		}, "2022-02-01 Engineer", ""},
		{"membership, since left out", func() (any, error) {
			return x.s.AddAffiliation(ctx, graph.Affiliation{PersonID: mentee, OrganizationID: org, Role: &role})
		}, "2022-02-01 Engineer", ""},
		{"past membership, same", func() (any, error) {
			return x.s.AddAffiliation(ctx, graph.Affiliation{PersonID: mentee, OrganizationID: org, Role: &other, Since: date(t, "2018-01-01"), Until: date(t, "2019-01-01")})
		}, "2018-01-01 Manager", ""},
		{"membership, another role", func() (any, error) {
			return x.s.AddAffiliation(ctx, graph.Affiliation{PersonID: mentee, OrganizationID: org, Role: &other})
		}, nil, fmt.Sprintf("%q is already a current member of %q (role \"Engineer\" since 2022-02-01); end that membership first", mentee, org)},
		{"membership, no role", func() (any, error) {
			return x.s.AddAffiliation(ctx, graph.Affiliation{PersonID: mentee, OrganizationID: org})
		}, nil, fmt.Sprintf("%q is already a current member of %q (role \"Engineer\" since 2022-02-01); end that membership first", mentee, org)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := c.do()
			if c.msg != "" {
				if !errors.Is(err, graph.ErrConflict) || graph.Message(err) != c.msg {
					t.Fatalf("got %v (%v); want CONFLICT %q", got, err, c.msg)
				}
				return
			}
			if err != nil {
				t.Fatalf("a repeat failed: %v", err)
			}
			var desc any
			switch l := got.(type) {
			case graph.Mentorship:
				desc = fmt.Sprintf("%s %s", l.Since, l.Status)
			case graph.Affiliation:
				desc = fmt.Sprintf("%s %s", l.Since, *l.Role)
			case graph.Connection:
				desc = fmt.Sprintf("%s %s", l.Since, l.PersonID)
			}
			if desc != c.want {
				t.Errorf("returned %v, want the stored %v", desc, c.want)
			}
		})
	}
	if after := links(); after != before {
		t.Errorf("links (mentorships, ended, connections, memberships): %s before the repeats, %s after", before, after)
	}
	if after := x.updatedAt(mentee); !after.Equal(stamp) {
		t.Errorf("the repeats wrote to the mentee: updatedAt %v, then %v", stamp, after)
	}
	// An ended membership may be added beside the current one.
	_, err = x.s.AddAffiliation(ctx, graph.Affiliation{PersonID: mentee, OrganizationID: org, Since: date(t, "2010-01-01"), Until: date(t, "2011-01-01")})
	must("another past membership", err)
	if n := x.currentMemberships(mentee, org); n != 1 {
		t.Errorf("%d current memberships, want 1", n)
	}
}

// TestStoreRefusesBadCharacters: every text a store method stores (or
// searches with) is checked, and the refusal names the field and where the
// character is.
func TestStoreRefusesBadCharacters(t *testing.T) {
	ctx := context.Background()
	x := newIntegrity(t)
	bad := "Ada\x00"      // NUL at character 4
	rlo := "Ada\u202eoL"  // an override at character 4
	nl := "Ada\nLovelace" // a newline at character 4
	long := strings.Repeat("a", graph.MaxSearchLen+1)
	page := graph.PageArgs{First: 10}
	id := x.id("p")
	cases := []struct {
		name, field, msg string
		do               func() error
	}{
		{"createPerson id", "input.id", "contains a control character (U+0000) at character 4", func() error {
			_, err := x.s.CreatePerson(ctx, graph.PersonInput{ID: &bad, Name: "Ada"})
			return err
		}},
		{"createPerson name", "input.name", "contains a control character (U+0000) at character 4", func() error {
			_, err := x.s.CreatePerson(ctx, graph.PersonInput{ID: &id, Name: bad})
			return err
		}},
		{"createPerson headline", "input.headline", "contains a control character (U+000A) at character 4", func() error {
			_, err := x.s.CreatePerson(ctx, graph.PersonInput{ID: &id, Name: "Ada", Headline: &nl})
			return err
		}},
		{"createPerson bio", "input.bio", "contains a bidirectional text control (U+202E) at character 4", func() error {
			_, err := x.s.CreatePerson(ctx, graph.PersonInput{ID: &id, Name: "Ada", Bio: &rlo})
			return err
		}},
		{"createPerson location", "input.location", "contains a control character (U+0000) at character 4", func() error {
			_, err := x.s.CreatePerson(ctx, graph.PersonInput{ID: &id, Name: "Ada", Location: &bad})
			return err
		}},
		{"updatePerson timezone", "input.timezone", "contains a bidirectional text control (U+202E) at character 4", func() error {
			_, err := x.s.UpdatePerson(ctx, id, graph.PersonPatch{Timezone: graph.Optional[string]{Set: true, Value: &rlo}})
			return err
		}},
		{"createSkill name", "input.name", "contains a control character (U+0000) at character 4", func() error {
			sk := "ada"
			_, err := x.s.CreateSkill(ctx, graph.SkillInput{ID: &sk, Name: bad, Category: "TECHNICAL"})
			return err
		}},
		{"updateSkill description", "input.description", "contains a bidirectional text control (U+202E) at character 4", func() error {
			_, err := x.s.UpdateSkill(ctx, "ada", graph.SkillPatch{Description: graph.Optional[string]{Set: true, Value: &rlo}})
			return err
		}},
		{"createOrganization name", "input.name", "contains a bidirectional text control (U+202E) at character 4", func() error {
			_, err := x.s.CreateOrganization(ctx, graph.OrganizationInput{ID: &id, Name: rlo, Kind: "COMPANY"})
			return err
		}},
		{"addAffiliation role", "input.role", "contains a control character (U+000A) at character 4", func() error {
			_, err := x.s.AddAffiliation(ctx, graph.Affiliation{PersonID: id, OrganizationID: id, Role: &nl})
			return err
		}},
		{"addGoal title", "input.title", "contains a control character (U+0000) at character 4", func() error {
			_, err := x.s.AddGoal(ctx, graph.Goal{PersonID: id, SkillID: "ada", Title: bad, Status: "OPEN"})
			return err
		}},
		{"recordMentorship mentor", "input.mentorId", "contains a bidirectional text control (U+202E) at character 4", func() error {
			_, err := x.s.RecordMentorship(ctx, graph.Mentorship{MenteeID: id, MentorID: rlo})
			return err
		}},
		{"people search", "filter.search", "filter.search is 201 characters long; the limit is 200", func() error {
			_, err := x.s.People(ctx, graph.PeopleFilter{Search: &long}, page)
			return err
		}},
		{"count people search", "filter.search", "filter.search is 201 characters long; the limit is 200", func() error {
			_, err := x.s.CountPeople(ctx, graph.PeopleFilter{Search: &long})
			return err
		}},
		{"skills search", "filter.search", "filter.search is 201 characters long; the limit is 200", func() error {
			_, err := x.s.Skills(ctx, graph.SkillFilter{Search: &long}, page)
			return err
		}},
		{"organizations search", "filter.search", "filter.search is 201 characters long; the limit is 200", func() error {
			_, err := x.s.Organizations(ctx, graph.OrganizationFilter{Search: &long}, page)
			return err
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.do()
			var ie *graph.InputError
			if !errors.As(err, &ie) || ie.Field != c.field || !strings.Contains(ie.Msg, c.msg) {
				t.Errorf("got %v; want BAD_USER_INPUT on %s saying %q", err, c.field, c.msg)
			}
		})
	}
	// A 20 MB id that names nothing comes back as a short prefix.
	huge := strings.Repeat("x", 20<<20)
	_, err := x.s.EndMentorship(ctx, huge, id, nil)
	if msg := graph.Message(err); !errors.Is(err, graph.ErrNotFound) || len(msg) > 200 {
		t.Errorf("an unknown 20 MB id: %v, a %d-byte message: %.200q", errors.Is(err, graph.ErrNotFound), len(msg), msg)
	}
}

// TestConcurrentMentorshipRequests: 20 mentees ask one mentor (capacity 3)
// at once and each request is stored; one mentee asking 20 times at once
// stores one request; the mentor accepting all 20 at once records exactly
// as many mentorships as there are open slots, refuses the rest as full,
// and leaves those requests pending, the accepted ones gone.
func TestConcurrentMentorshipRequests(t *testing.T) {
	ctx := context.Background()
	x := newIntegrity(t)
	mentor := x.person("mentor", 3)
	const n = 20
	var mentees []string
	for i := range n {
		mentees = append(mentees, x.person(fmt.Sprintf("m%02d", i), -1))
	}
	as := func(p string) context.Context {
		return graph.WithAudience(ctx, graph.Audience{PersonID: p, Member: true})
	}
	for i, err := range parallel(n, func(i int) error {
		_, err := x.s.RequestMentorship(as(mentees[i]), graph.MentorshipRequest{MenteeID: mentees[i], MentorID: mentor})
		return err
	}) {
		if err != nil {
			t.Errorf("mentee %d asking: %v", i, err)
		}
	}
	for i, err := range parallel(n, func(int) error {
		_, err := x.s.RequestMentorship(as(mentees[0]), graph.MentorshipRequest{MenteeID: mentees[0], MentorID: mentor})
		return err
	}) {
		if err != nil {
			t.Errorf("repeat %d of one request: %v", i, err)
		}
	}
	received, err := x.s.MentorshipRequestsOf(as(mentor), mentor, true)
	if err != nil || len(received) != n {
		t.Fatalf("the mentor has %d requests (%v), want %d", len(received), err, n)
	}

	ok, full := 0, 0
	for i, err := range parallel(n, func(i int) error {
		_, err := x.s.AcceptMentorshipRequest(as(mentor), mentees[i], mentor, nil)
		return err
	}) {
		switch {
		case err == nil:
			ok++
		case errors.Is(err, graph.ErrCapacityFull):
			full++
		default:
			t.Errorf("accepting mentee %d: %v", i, err)
		}
	}
	if ok != 3 || full != n-3 {
		t.Errorf("%d accepted and %d refused as full; want 3 and %d", ok, full, n-3)
	}
	if active := x.activeMentees(mentor); active != 3 {
		t.Errorf("the mentor (capacity 3) has %d active mentees", active)
	}
	left, err := x.s.MentorshipRequestsOf(as(mentor), mentor, true)
	if err != nil || len(left) != n-3 {
		t.Errorf("%d requests left pending (%v), want %d", len(left), err, n-3)
	}
}
