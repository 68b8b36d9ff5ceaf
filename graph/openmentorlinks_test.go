package graph_test

import (
	"context"
	"slices"
	"testing"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/dataset"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// FindMentors answers "available mentors within 2 hops" from the open-mentor
// index (mentorindex.go). Every write that changes who is an open mentor
// must keep it true: availability, capacity, mentorships recorded and
// ended, skills set and removed, imports, and databases written before the
// index existed.
func TestOpenMentorIndexFollowsWrites(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := newHandNet(t)
	n.person("me", false, 0)
	n.person("bridge", false, 0)
	n.person("m", true, 1)
	n.person("y", false, 0)
	n.person("z", false, 0)
	n.skill("lead", "")
	n.skill("mgmt", "lead")
	n.has("m", "mgmt", 4)
	n.knows(t, "me", "bridge", "")
	n.knows(t, "bridge", "m", "")
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

	// A database written before the index existed: no links, no version.
	// ApplySchema builds it.
	dropIndex := `MATCH (x:Person {id: $id})-[c:CAN_MENTOR_1|CAN_MENTOR_2|CAN_MENTOR_3|CAN_MENTOR_4|CAN_MENTOR_5]->() DELETE c
	  WITH count(*) AS dropped MATCH (v:MentorGraphMeta {key: 'mentorIndex'}) DELETE v`
	run := func(step, cypher string) []*neo4j.Record {
		t.Helper()
		res, err := neo4j.ExecuteQuery(ctx, neo4jtest.Driver(t), cypher, map[string]any{"id": n.id("m"), "lead": n.id("lead")},
			neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(neo4jtest.Get(t).Database))
		must(step, err)
		return res.Records
	}
	run("drop the index", dropIndex)
	expect("index dropped: the answer comes from the index", false, 0, 0)
	must("apply the schema", s.ApplySchema(ctx))
	expect("ApplySchema rebuilt the index", true, 3, 1)

	// A database indexed by version 1: one CAN_MENTOR type with a level
	// property, here a true link and one left over, at version 1.
	// ApplySchema removes them and writes today's links.
	run("write a version 1 index", dropIndex+`
	  WITH 1 AS one MATCH (x:Person {id: $id})-[:HAS_SKILL]->(s:Skill) CREATE (x)-[:CAN_MENTOR {level: 3}]->(s)
	  WITH x MATCH (l:Skill {id: $lead}) CREATE (x)-[:CAN_MENTOR {level: 5}]->(l)
	  WITH 1 AS one LIMIT 1 CREATE (:MentorGraphMeta {key: 'mentorIndex', version: 1})`)
	expect("version 1 links are not read", false, 0, 0)
	must("apply the schema", s.ApplySchema(ctx))
	expect("ApplySchema rebuilt a version 1 index", true, 3, 1)
	links := run("read the index", `MATCH (:Person {id: $id})-[c]->(s:Skill) WHERE type(c) STARTS WITH 'CAN_MENTOR'
	  RETURN type(c) + ' ' + s.id AS link ORDER BY link`)
	var got []string
	for _, r := range links {
		got = append(got, r.Values[0].(string))
	}
	if want := []string{"CAN_MENTOR_3 " + n.id("mgmt")}; !slices.Equal(got, want) {
		t.Fatalf("m's index links after rebuilding a version 1 index: %q, want %q", got, want)
	}
}
