package graph_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/dataset"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
	"github.com/mentorgraph/mentorgraph/graph/seed"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// FindMentors answers "available mentors within 2 hops" from the open-mentor
// links (openmentorlinks.go). Every write that changes who is an open mentor
// must keep it true: availability, capacity, mentorships recorded and
// ended, skills set and removed, imports, and databases written before the
// links existed.
func TestOpenMentorLinksFollowWrites(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := newTestNet(t)
	n.person("me", false, 0)
	n.person("bridge", false, 0)
	n.person("m", true, 1)
	n.person("y", false, 0)
	n.person("z", false, 0)
	n.skill("lead", "")
	n.skill("mgmt", "lead")
	n.has("m", "mgmt", 4)
	n.knowsSince(t, "me", "bridge", "")
	n.knowsSince(t, "bridge", "m", "")
	n.load(t, s)

	// expect checks whether m is found for me in lead (2 hops, level 3 and
	// up, available only: the defaults), and with what level and slots.
	expect := func(step string, found bool, level, open int) {
		t.Helper()
		page, err := s.FindMentors(ctx, graph.FindMentorsArgs{For: n.id("me"), Skill: n.id("lead"), Page: graph.PageArgs{First: 10}})
		if err != nil {
			t.Fatalf("%s: FindMentors: %v", step, err)
		}
		var got *graph.MentorMatch
		for i, m := range page.Items {
			if m.Mentor.ID == n.id("m") {
				got = &page.Items[i]
			}
		}
		switch {
		case !found && got != nil:
			t.Fatalf("%s: m is still listed as an open mentor (level %d, %d open slots)", step, got.Level, got.OpenSlots)
		case found && got == nil:
			t.Fatalf("%s: m is not listed; matches: %v", step, page.Items)
		case found && (got.Level != level || got.OpenSlots != open || got.Hops != 2):
			t.Fatalf("%s: m listed at level %d with %d open slots, %d hops; want level %d, %d open, 2 hops",
				step, got.Level, got.OpenSlots, got.Hops, level, open)
		}
	}
	must := func(step string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	capacity := func(c int) graph.PersonPatch {
		return graph.PersonPatch{MentorCapacity: graph.Optional[int]{Set: true, Value: &c}}
	}
	available := func(a bool) graph.PersonPatch {
		return graph.PersonPatch{AvailableToMentor: graph.Optional[bool]{Set: true, Value: &a}}
	}

	expect("after the import", true, 4, 1)
	_, err := s.RecordMentorship(ctx, graph.Mentorship{MenteeID: n.id("y"), MentorID: n.id("m")})
	must("record a mentorship", err)
	expect("capacity 1 with one active mentee", false, 0, 0)
	_, err = s.UpdatePerson(ctx, n.id("m"), capacity(2))
	must("raise the capacity", err)
	expect("capacity raised to 2", true, 4, 1)
	_, err = s.RecordMentorship(ctx, graph.Mentorship{MenteeID: n.id("z"), MentorID: n.id("m")})
	must("record a second mentorship", err)
	expect("capacity 2 with two active mentees", false, 0, 0)
	_, err = s.EndMentorship(ctx, n.id("z"), n.id("m"), nil)
	must("end a mentorship", err)
	expect("a mentorship ended", true, 4, 1)
	_, err = s.UpdatePerson(ctx, n.id("m"), available(false))
	must("make unavailable", err)
	expect("not available", false, 0, 0)
	_, err = s.UpdatePerson(ctx, n.id("m"), available(true))
	must("make available", err)
	expect("available again", true, 4, 1)
	_, err = s.SetPersonSkill(ctx, graph.PersonSkill{PersonID: n.id("m"), SkillID: n.id("mgmt"), Level: 2})
	must("lower the level", err)
	expect("level 2, below the minimum 3", false, 0, 0)
	_, err = s.SetPersonSkill(ctx, graph.PersonSkill{PersonID: n.id("m"), SkillID: n.id("lead"), Level: 5})
	must("add a broader skill", err)
	expect("lead at 5 added", true, 5, 1)
	_, err = s.RemovePersonSkill(ctx, n.id("m"), n.id("lead"))
	must("remove a skill", err)
	expect("lead removed, mgmt at 2 left", false, 0, 0)

	// An import that raises the level of a skill m already holds: an
	// update, not a creation.
	up := dataset.Dataset{PersonSkills: []dataset.PersonSkill{{PersonID: n.id("m"), SkillID: n.id("mgmt"), Level: 3}}}
	_, err = s.Import(ctx, &up, graph.ImportOptions{})
	must("import a higher level", err)
	expect("level 3 imported", true, 3, 1)

	// A database written before the links existed: no links, its schema
	// version the one before the links' migration. ApplySchema builds them.
	dropLinks := `MATCH (x:Person {id: $id})-[c:CAN_MENTOR_1|CAN_MENTOR_2|CAN_MENTOR_3|CAN_MENTOR_4|CAN_MENTOR_5]->() DELETE c
	  WITH count(*) AS dropped MATCH (v:SchemaVersion) SET v.version = $before`
	before := graph.MigrationVersion("open-mentor links") - 1
	run := func(step, cypher string) []*neo4j.Record {
		t.Helper()
		res, err := neo4j.ExecuteQuery(ctx, neo4jtest.Driver(t), cypher, map[string]any{"id": n.id("m"), "lead": n.id("lead"), "before": before},
			neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(neo4jtest.Get(t).Database))
		must(step, err)
		return res.Records
	}
	run("drop the links", dropLinks)
	expect("links dropped: the answer comes from the links", false, 0, 0)
	must("apply the schema", s.ApplySchema(ctx))
	expect("ApplySchema rebuilt the links", true, 3, 1)

	// A database with version 1 links: one CAN_MENTOR type with a level
	// property, here a true link and one left over, its schema version
	// the one before the links' migration. ApplySchema removes them and
	// writes today's links.
	run("write version 1 links", dropLinks+`
	  WITH 1 AS one MATCH (x:Person {id: $id})-[:HAS_SKILL]->(s:Skill) CREATE (x)-[:CAN_MENTOR {level: 3}]->(s)
	  WITH x MATCH (l:Skill {id: $lead}) CREATE (x)-[:CAN_MENTOR {level: 5}]->(l)`)
	expect("version 1 links are not read", false, 0, 0)
	must("apply the schema", s.ApplySchema(ctx))
	expect("ApplySchema rebuilt version 1 links", true, 3, 1)
	links := run("read the links", `MATCH (:Person {id: $id})-[c]->(s:Skill) WHERE type(c) STARTS WITH 'CAN_MENTOR'
	  RETURN type(c) + ' ' + s.id AS link ORDER BY link`)
	var got []string
	for _, r := range links {
		got = append(got, r.Values[0].(string))
	}
	if want := []string{"CAN_MENTOR_3 " + n.id("mgmt")}; !slices.Equal(got, want) {
		t.Fatalf("m's open-mentor links after rebuilding version 1 links: %q, want %q", got, want)
	}
}

// TestOpenMentorLinksMatchARecomputation makes a random sequence of writes
// that change what the open-mentor links depend on (availability,
// capacity, skills, mentorships recorded and ended, people deleted,
// imports) and after each one compares the maintained links with links
// computed from scratch, in Go, from the people, their skills and their
// active mentees.
func TestOpenMentorLinksMatchARecomputation(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := newTestNet(t)
	const people, skills = 8, 3
	name := func(prefix string, i int) string { return prefix + strconv.Itoa(i) }
	for i := range people {
		n.person(name("p", i), i%2 == 0, i%3)
	}
	for i := range skills {
		n.skill(name("s", i), "")
	}
	n.has("p0", "s0", 4)
	n.load(t, s)

	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 29))
	alive := make([]string, people)
	for i := range alive {
		alive[i] = n.id(name("p", i))
	}
	pick := func() string { return alive[rng.IntN(len(alive))] }
	skill := func() string { return n.id(name("s", rng.IntN(skills))) }
	// expected are the errors a random write may meet: a full mentor, a
	// mentorship that exists or does not, a person or skill link that is
	// not there.
	expected := func(err error) bool {
		return err == nil || errors.Is(err, graph.ErrCapacityFull) || errors.Is(err, graph.ErrConflict) ||
			errors.Is(err, graph.ErrNotFound) || errors.Is(err, graph.ErrInvalid)
	}
	for step := range 60 {
		var what string
		var err error
		switch k := rng.IntN(10); {
		case k == 0:
			a := rng.IntN(2) == 0
			id := pick()
			what = fmt.Sprintf("%s available %v", n.name(id), a)
			_, err = s.UpdatePerson(ctx, id, graph.PersonPatch{AvailableToMentor: graph.Optional[bool]{Set: true, Value: &a}})
		case k == 1:
			c := rng.IntN(4)
			id := pick()
			what = fmt.Sprintf("%s capacity %d", n.name(id), c)
			_, err = s.UpdatePerson(ctx, id, graph.PersonPatch{MentorCapacity: graph.Optional[int]{Set: true, Value: &c}})
		case k <= 3:
			ps := graph.PersonSkill{PersonID: pick(), SkillID: skill(), Level: 1 + rng.IntN(5)}
			what = fmt.Sprintf("%s has %s at %d", n.name(ps.PersonID), n.name(ps.SkillID), ps.Level)
			_, err = s.SetPersonSkill(ctx, ps)
		case k == 4:
			p, sk := pick(), skill()
			what = fmt.Sprintf("%s loses %s", n.name(p), n.name(sk))
			_, err = s.RemovePersonSkill(ctx, p, sk)
		case k <= 6:
			m := graph.Mentorship{MenteeID: pick(), MentorID: pick()}
			what = fmt.Sprintf("%s mentored by %s", n.name(m.MenteeID), n.name(m.MentorID))
			_, err = s.RecordMentorship(ctx, m)
		case k == 7:
			mentee, mentor := pick(), pick()
			what = fmt.Sprintf("%s no longer mentored by %s", n.name(mentee), n.name(mentor))
			_, err = s.EndMentorship(ctx, mentee, mentor, nil)
		case k == 8 && len(alive) > 4:
			i := rng.IntN(len(alive))
			what = "delete " + n.name(alive[i])
			err = s.DeletePerson(ctx, alive[i])
			alive = slices.Delete(alive, i, i+1)
		default:
			ds := dataset.Dataset{
				PersonSkills: []dataset.PersonSkill{{PersonID: pick(), SkillID: skill(), Level: 1 + rng.IntN(5)}},
				Mentorships:  []dataset.Mentorship{{MenteeID: pick(), MentorID: pick(), Status: []string{"ACTIVE", "ENDED"}[rng.IntN(2)]}},
			}
			what = fmt.Sprintf("import %+v %+v", ds.PersonSkills[0], ds.Mentorships[0])
			if ds.Mentorships[0].MenteeID == ds.Mentorships[0].MentorID {
				ds.Mentorships = nil
			}
			_, err = s.Import(ctx, &ds, graph.ImportOptions{})
			var problems dataset.Problems
			if errors.As(err, &problems) {
				err = nil // a random row the import refuses writes nothing
			}
		}
		if !expected(err) {
			t.Fatalf("step %d, %s: %v", step, what, err)
		}
		if diff := cmp.Diff(recomputedOpenMentorLinks(t, n.prefix), maintainedOpenMentorLinks(t, n.prefix)); diff != "" {
			t.Fatalf("step %d, %s (seed %d): the maintained links differ from a recomputation (-recomputed +maintained):\n%s", step, what, seed, diff)
		}
	}
}

// queryRows runs cypher on the test database with $prefix and returns the
// first value of each row.
func queryRows(t *testing.T, cypher, prefix string) []any {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), neo4jtest.Driver(t), cypher, map[string]any{"prefix": prefix},
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(neo4jtest.Get(t).Database))
	if err != nil {
		t.Fatal(err)
	}
	out := make([]any, len(res.Records))
	for i, r := range res.Records {
		out[i] = r.Values[0]
	}
	return out
}

// maintainedOpenMentorLinks are the stored open-mentor links of the people
// whose ids start with prefix, as "person TYPE skill", with the mentor
// keys of their skill links, sorted.
func maintainedOpenMentorLinks(t *testing.T, prefix string) []string {
	return maintainedOpenMentorLinksBy(func(cypher string) []any { return queryRows(t, cypher, prefix) })
}

// maintainedOpenMentorLinksBy is maintainedOpenMentorLinks with the
// queries (given $prefix) run by rows.
func maintainedOpenMentorLinksBy(rows func(cypher string) []any) []string {
	var out []string
	for _, v := range rows(`MATCH (p:Person)-[c]->(s:Skill) WHERE p.id STARTS WITH $prefix AND type(c) STARTS WITH 'CAN_MENTOR'
	  RETURN p.id + ' ' + type(c) + ' ' + s.id`) {
		out = append(out, v.(string))
	}
	for _, v := range rows(`MATCH (p:Person)-[h:HAS_SKILL]->(s:Skill) WHERE p.id STARTS WITH $prefix
	  AND (h.mentorSkill IS NOT NULL OR h.mentorPerson IS NOT NULL)
	  RETURN p.id + ' mentor keys ' + coalesce(h.mentorSkill, '-') + ' ' + coalesce(h.mentorPerson, '-') + ' on ' + s.id`) {
		out = append(out, v.(string))
	}
	slices.Sort(out)
	return out
}

// recomputedOpenMentorLinks are the open-mentor links the people whose ids
// start with prefix should have, worked out from their availability,
// capacity, active mentees and skills, as "person TYPE skill", with the
// mentor keys their skill links should carry, sorted.
func recomputedOpenMentorLinks(t *testing.T, prefix string) []string {
	return recomputedOpenMentorLinksBy(func(cypher string) []any { return queryRows(t, cypher, prefix) })
}

// recomputedOpenMentorLinksBy is recomputedOpenMentorLinks with the
// queries (given $prefix) run by rows.
func recomputedOpenMentorLinksBy(rows func(cypher string) []any) []string {
	open, available := map[string]bool{}, map[string]bool{}
	for _, v := range rows(`MATCH (p:Person) WHERE p.id STARTS WITH $prefix
	  RETURN [p.id, p.availableToMentor, p.mentorCapacity, COUNT { (p)<-[r:MENTORED_BY]-() WHERE r.status = 'ACTIVE' }]`) {
		row := v.([]any)
		a, _ := row[1].(bool)
		capacity, _ := row[2].(int64)
		available[row[0].(string)] = a
		open[row[0].(string)] = a && capacity > row[3].(int64)
	}
	var out []string
	for _, v := range rows(`MATCH (p:Person)-[h:HAS_SKILL]->(s:Skill) WHERE p.id STARTS WITH $prefix RETURN [p.id, h.level, s.id]`) {
		row := v.([]any)
		if open[row[0].(string)] {
			out = append(out, fmt.Sprintf("%s CAN_MENTOR_%d %s", row[0], row[1], row[2]))
		}
		// The mentor keys of the skill links (skill_people.go).
		if available[row[0].(string)] {
			out = append(out, fmt.Sprintf("%s mentor keys %s %s on %s", row[0], row[2], row[0], row[2]))
		}
	}
	slices.Sort(out)
	return out
}

// TestImportedNetworkHasItsOpenMentorLinks: a network the import creates
// (people available to mentor or not, with skills and mentees) gets the
// open-mentor links a recomputation gives, and so does importing it again
// after its people's availability changed in the files.
func TestImportedNetworkHasItsOpenMentorLinks(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	p := neo4jtest.Prefix(t)
	net := prefixed(seed.Generate(seed.Config{People: 300, Seed: 5}), p)
	if _, err := s.Import(ctx, net, graph.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	links := maintainedOpenMentorLinks(t, p)
	if len(links) == 0 {
		t.Fatal("the imported network has no open-mentor links: the test proves nothing")
	}
	if diff := cmp.Diff(recomputedOpenMentorLinks(t, p), links); diff != "" {
		t.Fatalf("after the import (-recomputed +maintained):\n%s", diff)
	}
	for i := range net.People {
		flipped := net.People[i].AvailableToMentor == nil || !*net.People[i].AvailableToMentor
		net.People[i].AvailableToMentor = &flipped
	}
	if _, err := s.Import(ctx, net, graph.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(recomputedOpenMentorLinks(t, p), maintainedOpenMentorLinks(t, p)); diff != "" {
		t.Errorf("after importing everyone's availability flipped (-recomputed +maintained):\n%s", diff)
	}
}
