package resolvers_test

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/mentorgraph/mentorgraph/internal/apitest"
)

func TestFindMentorsThroughGraphQL(t *testing.T) {
	a := apitest.New(t)
	lead := a.Skill("Leadership", "")
	mgmt := a.Skill("People management", lead)
	me := a.Person("me", map[string]any{"seekingMentorship": true})
	bob := a.Person("bob", map[string]any{"availableToMentor": true, "mentorCapacity": 2})
	carl := a.Person("carl", nil)
	dana := a.Person("dana", map[string]any{"availableToMentor": true, "mentorCapacity": 2})
	erin := a.Person("erin", map[string]any{"availableToMentor": true, "mentorCapacity": 2})
	full := a.Person("full", map[string]any{"availableToMentor": true, "mentorCapacity": 1})
	a.SetSkill(bob, lead, 4)
	a.SetSkill(dana, mgmt, 5)
	a.SetSkill(erin, lead, 5)
	a.SetSkill(full, lead, 5)
	a.Mentorship(carl, full) // full has no open slot left
	const connect = `mutation($in: ConnectInput!) { connect(input: $in) { since } }`
	for _, l := range [][3]string{{me, bob, "2021-03-01"}, {me, carl, ""}, {carl, dana, ""}, {dana, erin, ""}} {
		in := map[string]any{"a": l[0], "b": l[1]}
		if l[2] != "" {
			in["since"] = l[2]
		}
		a.OK(connect, map[string]any{"in": in})
	}

	const q = `query($me: ID!, $skill: ID!, $hops: Int) { findMentors(for: $me, skill: $skill, maxHops: $hops) {
		totalCount edges { node { mentor { id } hops level skill { id } openSlots score
			breakdown { distance level capacity sharedOrganization }
			path { length steps { from { id } to { id } kind direction since } } } } } }`
	d := a.OK(q, map[string]any{"me": me, "skill": lead})
	edges := apitest.At(d, "findMentors", "edges").([]any)
	if len(edges) != 2 || apitest.At(d, "findMentors", "totalCount") != 2.0 {
		t.Fatalf("mentors within 2 hops: %v", edges)
	}
	// bob: 1 hop, level 4: 0.4·1 + 0.3·4/5 + 0.2·2/3 = 0.7733; dana: 2 hops, level 5 via narrower skill: 0.2 + 0.3 + 0.1333.
	want := []struct {
		id    string
		hops  float64
		skill string
		score float64
	}{{bob, 1, lead, 0.4 + 0.24 + 0.4/3}, {dana, 2, mgmt, 0.2 + 0.3 + 0.4/3}}
	for i, w := range want {
		n := apitest.At(edges, i, "node")
		if apitest.At(n, "mentor", "id") != w.id || apitest.At(n, "hops") != w.hops || apitest.At(n, "skill", "id") != w.skill {
			t.Errorf("match %d: %v, want %s at %v hops via %s", i, n, w.id, w.hops, w.skill)
		}
		if s := apitest.At(n, "score").(float64); math.Abs(s-w.score) > 1e-9 {
			t.Errorf("match %d score %v, want %v", i, s, w.score)
		}
	}
	steps := apitest.At(edges, 1, "node", "path", "steps").([]any)
	if len(steps) != 2 || apitest.At(steps, 0, "from", "id") != me || apitest.At(steps, 0, "to", "id") != carl ||
		apitest.At(steps, 1, "to", "id") != dana || apitest.At(steps, 1, "kind") != "CONNECTION" || apitest.At(steps, 1, "direction") != "FORWARD" {
		t.Errorf("path to dana: %v", steps)
	}
	if apitest.At(edges, 0, "node", "path", "steps", 0, "since") != "2021-03-01" {
		t.Errorf("path to bob: %v", apitest.At(edges, 0, "node", "path"))
	}
	// The page, its mentors, skills and the people on every path come in one
	// Cypher statement: nothing is fetched a second time to name them.
	const named = `query($me: ID!, $skill: ID!) { findMentors(for: $me, skill: $skill) { edges { node {
		mentor { name openSlots } skill { name } path { steps { from { id name } to { id name } } } } } } }`
	before := a.Store.Statements()
	d = a.OK(named, map[string]any{"me": me, "skill": lead})
	if n := a.Store.Statements() - before; n != 1 {
		t.Errorf("findMentors with named paths cost %d Cypher statements, want 1", n)
	}
	if apitest.At(d, "findMentors", "edges", 1, "node", "path", "steps", 0, "to", "name") != "Carl" ||
		apitest.At(d, "findMentors", "edges", 1, "node", "skill", "name") == nil {
		t.Errorf("named path to dana: %v", apitest.At(d, "findMentors", "edges", 1))
	}
	// totalCount comes with the page, in the same statement, and counts
	// every match whatever the page's size.
	before = a.Store.Statements()
	d = a.OK(`query($me: ID!, $skill: ID!) { findMentors(for: $me, skill: $skill, first: 1) { total: totalCount edges { node { mentor { id } } } } }`,
		map[string]any{"me": me, "skill": lead})
	if n := a.Store.Statements() - before; n != 1 {
		t.Errorf("findMentors with totalCount cost %d Cypher statements, want 1", n)
	}
	if apitest.At(d, "findMentors", "total") != 2.0 || len(apitest.At(d, "findMentors", "edges").([]any)) != 1 {
		t.Errorf("first 1 with totalCount: %v, want one edge of 2 in all", apitest.At(d, "findMentors"))
	}
	// Three hops reach erin too.
	d = a.OK(q, map[string]any{"me": me, "skill": lead, "hops": 3})
	if apitest.At(d, "findMentors", "totalCount") != 3.0 {
		t.Errorf("within 3 hops: %v", apitest.At(d, "findMentors"))
	}
	for _, hops := range []int{0, 5} {
		e := a.Fails("BAD_USER_INPUT", q, map[string]any{"me": me, "skill": lead, "hops": hops})
		if e.Extensions["field"] != "maxHops" {
			t.Errorf("maxHops %d: %+v", hops, e)
		}
	}
	e := a.Fails("NOT_FOUND", q, map[string]any{"me": a.ID("ghost"), "skill": lead})
	if !strings.Contains(e.Message, "ghost") {
		t.Errorf("unknown person: %s", e.Message)
	}
}

func TestMentorBoardAndNeighborhoodThroughGraphQL(t *testing.T) {
	a := apitest.New(t)
	lead, neg := a.Skill("Leadership", ""), a.Skill("Negotiation", "")
	k8s := a.Skill("Kubernetes", "")
	me := a.Person("me", nil)
	both := a.Person("both", map[string]any{"availableToMentor": true, "mentorCapacity": 1})
	one := a.Person("one", map[string]any{"availableToMentor": true, "mentorCapacity": 1})
	a.SetSkill(both, lead, 4)
	a.SetSkill(both, neg, 3)
	a.SetSkill(one, lead, 5)
	for _, p := range []string{both, one} {
		a.OK(`mutation($in: ConnectInput!) { connect(input: $in) { since } }`, map[string]any{"in": map[string]any{"a": me, "b": p}})
	}
	d := a.OK(`query($me: ID!, $s: [ID!]!) { mentorBoard(for: $me, skills: $s) { seats { mentor { id } skills { id name } hops path { length } } uncovered { id name } } }`,
		map[string]any{"me": me, "s": []string{lead, neg, k8s}})
	seats := apitest.At(d, "mentorBoard", "seats").([]any)
	if len(seats) != 1 || apitest.At(seats, 0, "mentor", "id") != both || len(apitest.At(seats, 0, "skills").([]any)) != 2 ||
		apitest.At(seats, 0, "skills", 0, "id") != lead || apitest.At(seats, 0, "skills", 0, "name") != "Leadership" ||
		apitest.At(seats, 0, "skills", 1, "name") != "Negotiation" ||
		apitest.At(d, "mentorBoard", "uncovered", 0, "id") != k8s || apitest.At(d, "mentorBoard", "uncovered", 0, "name") != "Kubernetes" {
		t.Errorf("board: %v", d)
	}
	d = a.OK(`query($me: ID!) { neighborhood(person: $me, depth: 1, limit: 2) { truncated nodes { hops person { id } } links { from { id } to { id } kind } } }`,
		map[string]any{"me": me})
	if apitest.At(d, "neighborhood", "truncated") != true || len(apitest.At(d, "neighborhood", "nodes").([]any)) != 2 ||
		apitest.At(d, "neighborhood", "nodes", 0, "person", "id") != me {
		t.Errorf("neighborhood: %v", d)
	}
	// Links carry their two people and, for a mentorship, its status.
	a.Mentorship(me, one)
	d = a.OK(`query($me: ID!) { neighborhood(person: $me) { links { from { id name } to { id } kind status } } }`, map[string]any{"me": me})
	got := map[string]bool{}
	for _, l := range apitest.At(d, "neighborhood", "links").([]any) {
		from, to := apitest.At(l, "from", "id"), apitest.At(l, "to", "id")
		if name, _ := apitest.At(l, "from", "name").(string); name == "" {
			t.Errorf("link from %v has no name: %v", from, l)
		}
		got[fmt.Sprintf("%v %v>%v %v", apitest.At(l, "kind"), from, to, apitest.At(l, "status"))] = true
	}
	for _, want := range []string{"MENTORSHIP " + me + ">" + one + " ACTIVE", "CONNECTION " + me + ">" + both + " <nil>", "CONNECTION " + me + ">" + one + " <nil>"} {
		if !got[want] {
			t.Errorf("neighborhood links lack %q: %v", want, got)
		}
	}
	if len(got) != 3 {
		t.Errorf("neighborhood links: %v, want 3", got)
	}
}

func TestReferralLineageSuccessorsCoverageThroughGraphQL(t *testing.T) {
	a := apitest.New(t)
	lead := a.Skill("Leadership", "")
	boss := a.Person("boss", map[string]any{"availableToMentor": true, "mentorCapacity": 3})
	mid := a.Person("mid", map[string]any{"availableToMentor": true, "mentorCapacity": 1})
	junior := a.Person("junior", map[string]any{"seekingMentorship": true})
	a.SetSkill(boss, lead, 5)
	a.SetSkill(mid, lead, 3)
	a.Mentorship(mid, boss, lead)   // mid is mentored by boss
	a.Mentorship(junior, mid, lead) // junior is mentored by mid

	d := a.OK(`query($f: ID!, $t: ID!) { referralPaths(from: $f, to: $t) { length steps { from { id } to { id } kind direction } } }`,
		map[string]any{"f": junior, "t": boss})
	paths := d["referralPaths"].([]any)
	if len(paths) != 1 || apitest.At(paths, 0, "length") != 2.0 || apitest.At(paths, 0, "steps", 0, "to", "id") != mid ||
		apitest.At(paths, 0, "steps", 0, "kind") != "MENTORSHIP" || apitest.At(paths, 0, "steps", 0, "direction") != "FORWARD" {
		t.Errorf("referral paths: %v", paths)
	}
	a.Fails("BAD_USER_INPUT", `query($f: ID!) { referralPaths(from: $f, to: $f) { length } }`, map[string]any{"f": junior})

	d = a.OK(`query($p: ID!) { lineage(person: $p, direction: ANCESTORS) { generation status person { id } via { from { id } to { id } } } }`,
		map[string]any{"p": junior})
	entries := d["lineage"].([]any)
	if len(entries) != 2 || apitest.At(entries, 0, "person", "id") != mid || apitest.At(entries, 1, "person", "id") != boss ||
		apitest.At(entries, 1, "generation") != 2.0 || apitest.At(entries, 1, "via", "from", "id") != mid || apitest.At(entries, 0, "status") != "ACTIVE" {
		t.Errorf("lineage: %v", entries)
	}
	a.Fails("BAD_USER_INPUT", `query($p: ID!) { lineage(person: $p, direction: DESCENDANTS, depth: 7) { generation } }`, map[string]any{"p": boss})

	d = a.OK(`query($p: ID!) { successors(person: $p) { generation score person { id } covered { skill { id } level target gap } } }`,
		map[string]any{"p": boss})
	succ := d["successors"].([]any)
	if len(succ) != 1 || apitest.At(succ, 0, "person", "id") != mid || apitest.At(succ, 0, "covered", 0, "gap") != 2.0 ||
		math.Abs(apitest.At(succ, 0, "score").(float64)-0.6) > 1e-9 {
		t.Errorf("successors: %v", succ)
	}

	org := a.ID("org")
	a.OK(`mutation($in: CreateOrganizationInput!) { createOrganization(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"id": org, "name": "Org", "kind": "COMPANY"}})
	for _, p := range []string{boss, mid, junior} {
		a.OK(`mutation($in: AddAffiliationInput!) { addAffiliation(input: $in) { role } }`,
			map[string]any{"in": map[string]any{"personId": p, "organizationId": org}})
	}
	a.OK(`mutation($in: AddGoalInput!) { addGoal(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"personId": junior, "skillId": lead, "title": "Lead", "targetLevel": 3}})
	d = a.OK(`query($o: ID!) { coverageGaps(organization: $o) { totalCount edges { node { skill { id } demand supply uncovered singlePointOfFailure overloaded { id } } } } }`,
		map[string]any{"o": org})
	n := apitest.At(d, "coverageGaps", "edges", 0, "node")
	// Supply: boss (open slots 2) and mid (full: junior fills its one slot). Junior reaches boss in 2 hops.
	if apitest.At(n, "skill", "id") != lead || apitest.At(n, "demand") != 1.0 || apitest.At(n, "supply") != 2.0 || apitest.At(n, "uncovered") != 0.0 ||
		apitest.At(n, "overloaded", 0, "id") != mid {
		t.Errorf("coverage: %v", d)
	}
	// Without boss (junior's only mentor with an open slot), junior is uncovered.
	d = a.OK(`query($o: ID!, $w: ID) { coverageGaps(organization: $o, without: $w) { edges { node { supply uncovered uncoveredMentees { id } } } } }`,
		map[string]any{"o": org, "w": boss})
	if n := apitest.At(d, "coverageGaps", "edges", 0, "node"); apitest.At(n, "supply") != 1.0 || apitest.At(n, "uncovered") != 1.0 || apitest.At(n, "uncoveredMentees", 0, "id") != junior {
		t.Errorf("coverage without boss: %v", d)
	}
	a.Fails("NOT_FOUND", `query($o: ID!, $w: ID) { coverageGaps(organization: $o, without: $w) { totalCount } }`, map[string]any{"o": org, "w": a.ID("nobody")})
	// Ids alone come with the report's statements; names are fetched.
	statements := func(query string) (int64, map[string]any) {
		before := a.Store.Statements()
		d := a.OK(query, map[string]any{"o": org})
		return a.Store.Statements() - before, d
	}
	report, _ := statements(`query($o: ID!) { coverageGaps(organization: $o) { edges { node { demand } } } }`)
	withIDs, d := statements(`query($o: ID!) { coverageGaps(organization: $o) { edges { node { uncoveredMentees { id } overloaded { id __typename } } } } }`)
	if withIDs != report {
		t.Errorf("coverage with the ids of overloaded mentors cost %d Cypher statements, the report alone %d", withIDs, report)
	}
	if apitest.At(d, "coverageGaps", "edges", 0, "node", "overloaded", 0, "id") != mid {
		t.Errorf("coverage, ids only: %v", d)
	}
	d = a.OK(`query($o: ID!) { coverageGaps(organization: $o) { edges { node { overloaded { id ... on Person { name } } } } } }`, map[string]any{"o": org})
	if apitest.At(d, "coverageGaps", "edges", 0, "node", "overloaded", 0, "name") != "Mid" {
		t.Errorf("coverage with the names of overloaded mentors: %v", d)
	}
}

// TestCoverageFreshnessThroughGraphQL: coverageGaps says when its report
// was computed and whether a write came since; after a write, fresh: true
// answers with the write, and an answer allowing staleness is either the
// new report or the old one marked stale with the old computedAt.
func TestCoverageFreshnessThroughGraphQL(t *testing.T) {
	a := apitest.New(t)
	lead := a.Skill("Leadership", "")
	mentor := a.Person("mentor", map[string]any{"availableToMentor": true, "mentorCapacity": 2})
	mentee := a.Person("mentee", map[string]any{"seekingMentorship": true})
	a.SetSkill(mentor, lead, 4)
	org := a.Organization("org")
	a.Join(mentor, org)
	a.Join(mentee, org)
	a.OK(`mutation($in: AddGoalInput!) { addGoal(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"personId": mentee, "skillId": lead, "title": "Lead"}})
	const q = `query($o: ID!, $f: Boolean) { coverageGaps(organization: $o, fresh: $f) { computedAt stale edges { node { uncovered } } } }`
	type report struct {
		computedAt time.Time
		stale      bool
		uncovered  float64
	}
	ask := func(fresh bool) report {
		t.Helper()
		d := a.OK(q, map[string]any{"o": org, "f": fresh})
		at, err := time.Parse(time.RFC3339Nano, apitest.At(d, "coverageGaps", "computedAt").(string))
		if err != nil {
			t.Fatalf("computedAt: %v", err)
		}
		return report{at, apitest.At(d, "coverageGaps", "stale").(bool), apitest.At(d, "coverageGaps", "edges", 0, "node", "uncovered").(float64)}
	}
	before := time.Now()
	first := ask(false)
	if first.stale || first.uncovered != 1 || first.computedAt.Before(before.Add(-time.Second)) {
		t.Fatalf("the first report: %+v, want the mentee uncovered, computed now, not stale", first)
	}
	if again := ask(false); again != first {
		t.Errorf("asked again with no write: %+v, want the same report %+v", again, first)
	}
	a.OK(`mutation($in: ConnectInput!) { connect(input: $in) { since } }`, map[string]any{"in": map[string]any{"a": mentor, "b": mentee}})
	switch r := ask(false); {
	case r.stale && (r.computedAt != first.computedAt || r.uncovered != 1):
		t.Errorf("a stale answer after the connection: %+v, want the first report %+v", r, first)
	case !r.stale && r.uncovered != 0:
		t.Errorf("an answer not marked stale after the connection: %+v, want the mentee covered", r)
	}
	if r := ask(true); r.stale || r.uncovered != 0 || !r.computedAt.After(first.computedAt) {
		t.Errorf("fresh after the connection: %+v, want the mentee covered, computed after %v", r, first.computedAt)
	}
}
