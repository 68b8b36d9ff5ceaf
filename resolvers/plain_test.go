package resolvers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
	"github.com/mentorgraph/mentorgraph/resolvers"
)

// TestPlainWritingMatchesGqlgen asks each network question, and queries
// mixing plain fields with resolvers, aliases, fragments, @skip/@include,
// repeated fields, nulls and fields that fail, twice: with plain writing
// (resolvers/plain.go) and with gqlgen's own marshalling. The answers must
// be the same bytes, and plain writing must have written the objects it
// can.
func TestPlainWritingMatchesGqlgen(t *testing.T) {
	a := newAPI(t)
	lead := a.skill("Leadership", "")
	mgmt := a.skill("People management", lead)
	talk := a.skill("Public speaking", "")
	me := a.person("me", map[string]any{"seekingMentorship": true})
	bob := a.person("bob", map[string]any{"availableToMentor": true, "mentorCapacity": 2, "location": "Berlin"})
	carl := a.person("carl", map[string]any{"mentorCapacity": 1}) // me's mentor, not open to more
	dana := a.person("dana", map[string]any{"availableToMentor": true, "mentorCapacity": 2})
	erin := a.person("erin", map[string]any{"availableToMentor": true, "mentorCapacity": 1})
	a.setSkill(bob, lead, 4)
	a.setSkill(bob, talk, 3)
	a.setSkill(dana, mgmt, 5)
	a.setSkill(erin, lead, 5)
	a.setSkill(carl, lead, 2)
	a.mentorship(carl, erin, lead) // erin is full
	a.mentorship(me, carl)
	a.mentorship(dana, bob, mgmt)
	const connect = `mutation($in: ConnectInput!) { connect(input: $in) { since } }`
	for _, l := range [][3]string{{me, bob, "2021-03-01"}, {me, carl, ""}, {carl, dana, "2019-12-31"}, {dana, erin, ""}, {bob, dana, ""}} {
		in := map[string]any{"a": l[0], "b": l[1]}
		if l[2] != "" {
			in["since"] = l[2]
		}
		a.ok(connect, map[string]any{"in": in})
	}

	// A person written by another tool, without createdAt, that gqlgen
	// refuses to answer as a non-null DateTime; and a headline with
	// characters to escape, control characters among them (which the API
	// refuses since, but an import or an older version may have stored).
	bare := a.id("bare")
	srv := neo4jtest.Get(t)
	_, err := neo4j.ExecuteQuery(context.Background(), neo4jtest.Driver(t),
		`MATCH (me:Person {id: $me}), (s:Skill {id: $s})
		 SET me.headline = $headline
		 CREATE (b:Person {id: $id, name: 'Bare', availableToMentor: true, mentorCapacity: 1, seekingMentorship: false})
		 CREATE (me)-[:KNOWS]->(b), (b)-[:HAS_SKILL {level: 4}]->(s)`,
		map[string]any{"me": me, "s": talk, "id": bare, "headline": "Learner \"quoted\" \u00e9\n\t\r\\ \x01\x1f <b>&amp; \u2028"},
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(srv.Database))
	if err != nil {
		t.Fatal(err)
	}

	const pathFields = `length steps { from { id name headline } to { id name location } kind direction since }`
	cases := []struct {
		name  string
		query string
		vars  map[string]any
		// wantErr says the answer must hold an error: a null where the
		// schema allows none, which plain writers leave to gqlgen.
		wantErr bool
	}{
		{"findMentors", `query($me: ID!, $s: ID!) { findMentors(for: $me, skill: $s, maxHops: 3, excludeCurrentMentors: false, availableOnly: false) {
			totalCount pageInfo { hasNextPage endCursor } edges { cursor node { __typename hops level openSlots score
			breakdown { distance level capacity sharedOrganization } skill { id name category }
			mentor { id name headline bio location timezone availableToMentor mentorCapacity openSlots seekingMentorship }
			path { ` + pathFields + ` } } } } }`, map[string]any{"me": me, "s": lead}, false},
		{"aliases, fragments, repeated fields, @skip and @include", `query($me: ID!, $s: ID!, $yes: Boolean!, $no: Boolean!) {
			findMentors(for: $me, skill: $s, maxHops: 3, availableOnly: false) { edges { node {
				who: mentor { ...who } mentor { id } again: mentor { name @include(if: $yes) headline @skip(if: $yes) }
				... on MentorMatch { hops h2: hops }
				path { steps { f: from { id } from { name } kind @include(if: $no) } length } } } } }
			fragment who on Person { id n: name openSlots @skip(if: $no) }`,
			map[string]any{"me": me, "s": lead, "yes": true, "no": false}, false},
		{"neighborhood", `query($me: ID!) { neighborhood(person: $me, depth: 2, limit: 50) { truncated
			nodes { hops person { id name headline } } links { kind from { id } to { id } since } } }`, map[string]any{"me": me}, false},
		{"referralPaths", `query($f: ID!, $t: ID!) { referralPaths(from: $f, to: $t, k: 5) { ` + pathFields + ` } }`,
			map[string]any{"f": me, "t": erin}, false},
		{"lineage", `query($p: ID!) { a: lineage(person: $p, direction: ANCESTORS) { generation status person { id name } via { from { id } to { id } kind direction since } }
			d: lineage(person: $p, direction: DESCENDANTS) { generation person { id } } }`, map[string]any{"p": carl}, false},
		{"successors", `query($p: ID!) { successors(person: $p) { generation score person { id name } covered { skill { id } level target gap } } }`,
			map[string]any{"p": bob}, false},
		{"mentorBoard", `query($me: ID!, $s: [ID!]!) { mentorBoard(for: $me, skills: $s, maxHops: 3) {
			seats { mentor { id name } skills { id name } path { ` + pathFields + ` } } uncovered { id name } } }`,
			map[string]any{"me": me, "s": []string{lead, talk, mgmt}}, false},
		{"mentorBoard, a resolver under seats' skills", `query($me: ID!, $s: [ID!]!) { mentorBoard(for: $me, skills: $s, maxHops: 3) {
			seats { mentor { id } skills { id broader { id name } } } uncovered { id broader { id } } } }`,
			map[string]any{"me": me, "s": []string{lead, talk, mgmt}}, false},
		{"coverageGaps", `{ coverageGaps(first: 5) { totalCount edges { node { skill { id name } demand supply ratio uncovered
			singlePointOfFailure overloaded { id name } uncoveredMentees { id } } } } }`, nil, false},
		{"person with resolvers under it", `query($p: ID!) { person(id: $p) { id name headline createdAt skills { level skill { id name } }
			mentors { mentor { id name } since status focus { id } } connections { since person { id } } } }`, map[string]any{"p": me}, false},
		{"a null where the schema allows none", `query($me: ID!, $s: ID!) { findMentors(for: $me, skill: $s, maxHops: 1, availableOnly: false) {
			edges { node { hops mentor { id createdAt } } } } }`, map[string]any{"me": me, "s": talk}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			restore := resolvers.SetPlainWriting(false)
			_, want := a.post(c.query, c.vars)
			restore()
			before := resolvers.PlainWrites()
			_, got := a.post(c.query, c.vars)
			if !bytes.Equal(got, want) {
				t.Errorf("plain writing answered\n%s\ngqlgen answers\n%s", got, want)
			}
			if resolvers.PlainWrites() == before {
				t.Error("plain writers wrote nothing")
			}
			var r response
			if err := json.Unmarshal(got, &r); err != nil {
				t.Fatalf("answer is not JSON: %v\n%s", err, got)
			}
			if (len(r.Errors) > 0) != c.wantErr {
				t.Errorf("errors: %+v; want some: %v", r.Errors, c.wantErr)
			}
			t.Logf("%d bytes: %.300s", len(got), got)
		})
	}
}
