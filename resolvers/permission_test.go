package resolvers_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
	"github.com/mentorgraph/mentorgraph/internal/apitest"
	"github.com/mentorgraph/mentorgraph/resolvers"
)

// The permission matrix: every role × every field with @auth in the
// schema (every mutation, and the queries that need a role) × an object
// of the viewer's own, someone else's, and another organization's →
// allowed or denied. An allowed request must answer without errors; a
// denied one must answer FORBIDDEN (UNAUTHENTICATED when anonymous) and
// change nothing: the database's node and relationship counts and every
// property of the test's nodes and their links are compared before and
// after. The fields are read from the schema: one without cases here
// fails the test.

// roles of the matrix.
const (
	anonymous = "anonymous"
	member    = "member"
	organizer = "organizer of A"
	admin     = "admin"
	readOnly  = "read-only token (admin)"
)

var roles = []string{anonymous, member, organizer, admin, readOnly}

// matrixFixture is the test's world: organizations A and B; people with
// accounts (me: a member; orgz: the organizer of A and a member of it;
// boss: the admin), and people without (other: no organization; outsider:
// a member of B); skill s1; a bystander account.
type matrixFixture struct {
	a                              *apitest.API
	orgA, orgB, skill              string
	me, orgz, boss, other, outside string
	tokens                         map[string]string
	accounts                       map[string]string // role → account id
	bystander                      string            // login
	n                              int
}

// fresh returns a new id of the test, for an object made for one case.
func (f *matrixFixture) fresh(what string) string {
	f.n++
	return f.a.ID(fmt.Sprintf("%s-%d", what, f.n))
}

// person creates a fresh person, optionally a member of org.
func (f *matrixFixture) person(org string) string {
	id := f.fresh("p")
	f.a.OK(apitest.CreatePersonMutation, map[string]any{"in": map[string]any{"id": id, "name": "P", "availableToMentor": true, "mentorCapacity": 5}})
	if org != "" {
		f.a.Join(id, org)
	}
	return id
}

// own is the person of the role's account.
func (f *matrixFixture) own(role string) string {
	switch role {
	case member:
		return f.me
	case organizer:
		return f.orgz
	}
	return f.boss
}

// target is whose object a case is about.
type target string

const (
	own      target = "own"
	other    target = "other"
	otherOrg target = "other organization"
	none     target = "new"
)

// personOf is the person a target names for role.
func (f *matrixFixture) personOf(role string, t target) string {
	switch t {
	case own:
		return f.own(role)
	case otherOrg:
		return f.outside
	}
	return f.other
}

// orgOf is the organization a target names: A (the organizer's own) or B.
func (f *matrixFixture) orgOf(t target) string {
	if t == otherOrg {
		return f.orgB
	}
	return f.orgA
}

// matrixCase is one field (a mutation, or a query with @auth) about one
// target: the query, and its variables for a role (made by prep, which
// may write through the admin's token first: a goal to update, a link to
// end).
type matrixCase struct {
	field  string
	target target
	query  string
	prep   func(f *matrixFixture, role string) map[string]any
	// allowed lists the roles that may.
	allowed []string
	// last: the case deletes what other cases use; it runs after them.
	last bool
}

var (
	everyone    = []string{member, organizer, admin}
	organizers  = []string{organizer, admin}
	adminsOnly  = []string{admin}
	ownOrAdmins = func(t target) []string {
		if t == own {
			return everyone
		}
		return adminsOnly
	}
	orgOrAdmins = func(t target) []string {
		if t == own {
			return organizers
		}
		return adminsOnly
	}
	// A query asks nothing a READ_ONLY token may not: the admin's
	// read-only token may what the admin may.
	orgOrAdminsReading = func(t target) []string {
		return append(orgOrAdmins(t), readOnly)
	}
)

func matrixCases() []matrixCase {
	var cs []matrixCase
	add := func(c matrixCase) { cs = append(cs, c) }
	people := []target{own, other, otherOrg}
	for _, t := range people {
		add(matrixCase{"updatePerson", t, `mutation($in: UpdatePersonInput!) { updatePerson(input: $in) { id } }`,
			func(f *matrixFixture, role string) map[string]any {
				return map[string]any{"in": map[string]any{"id": f.personOf(role, t), "headline": "by " + role}}
			}, ownOrAdmins(t), false})
		add(matrixCase{"setPrivacy", t, `mutation($in: SetPrivacyInput!) { setPrivacy(input: $in) { id } }`,
			func(f *matrixFixture, role string) map[string]any {
				return map[string]any{"in": map[string]any{"personId": f.personOf(role, t), "profileVisibility": "CONNECTIONS"}}
			}, ownOrAdmins(t), false})
		add(matrixCase{"setPersonSkill", t, `mutation($in: SetPersonSkillInput!) { setPersonSkill(input: $in) { id } }`,
			func(f *matrixFixture, role string) map[string]any {
				return map[string]any{"in": map[string]any{"personId": f.personOf(role, t), "skillId": f.skill, "level": 4}}
			}, ownOrAdmins(t), false})
		add(matrixCase{"removePersonSkill", t, `mutation($p: ID!, $s: ID!) { removePersonSkill(personId: $p, skillId: $s) { id } }`,
			func(f *matrixFixture, role string) map[string]any {
				f.a.SetSkill(f.personOf(role, t), f.skill, 3)
				return map[string]any{"p": f.personOf(role, t), "s": f.skill}
			}, ownOrAdmins(t), false})
		add(matrixCase{"connect", t, `mutation($in: ConnectInput!) { connect(input: $in) { since } }`,
			func(f *matrixFixture, role string) map[string]any {
				return map[string]any{"in": map[string]any{"a": f.personOf(role, t), "b": f.person("")}}
			}, ownOrAdmins(t), false})
		add(matrixCase{"disconnect", t, `mutation($a: ID!, $b: ID!) { disconnect(a: $a, b: $b) }`,
			func(f *matrixFixture, role string) map[string]any {
				b := f.person("")
				f.a.OK(`mutation($in: ConnectInput!) { connect(input: $in) { since } }`, map[string]any{"in": map[string]any{"a": f.personOf(role, t), "b": b}})
				return map[string]any{"a": b, "b": f.personOf(role, t)}
			}, ownOrAdmins(t), false})
		add(matrixCase{"recordMentorship", t, `mutation($in: RecordMentorshipInput!) { recordMentorship(input: $in) { status } }`,
			func(f *matrixFixture, role string) map[string]any {
				return map[string]any{"in": map[string]any{"menteeId": f.personOf(role, t), "mentorId": f.person("")}}
			}, adminsOnly, false})
		add(matrixCase{"requestMentorship", t, `mutation($in: RequestMentorshipInput!) { requestMentorship(input: $in) { requestedAt } }`,
			func(f *matrixFixture, role string) map[string]any {
				return map[string]any{"in": map[string]any{"menteeId": f.personOf(role, t), "mentorId": f.person("")}}
			}, ownOrAdmins(t), false})
		// A fresh mentor asks the target to be their mentee: the target is
		// the side asked.
		asked := func(f *matrixFixture, role string) map[string]any {
			mentor := f.person("")
			ctx := graph.WithAudience(context.Background(), graph.Audience{PersonID: mentor, Member: true})
			if _, err := f.a.Store.RequestMentorship(ctx, graph.MentorshipRequest{MenteeID: f.personOf(role, t), MentorID: mentor}); err != nil {
				f.a.T.Fatal(err)
			}
			return map[string]any{"mentee": f.personOf(role, t), "mentor": mentor}
		}
		add(matrixCase{"acceptMentorshipRequest", t, `mutation($mentee: ID!, $mentor: ID!) { acceptMentorshipRequest(menteeId: $mentee, mentorId: $mentor) { status } }`,
			asked, ownOrAdmins(t), false})
		add(matrixCase{"declineMentorshipRequest", t, `mutation($mentee: ID!, $mentor: ID!) { declineMentorshipRequest(menteeId: $mentee, mentorId: $mentor) { requestedAt } }`,
			asked, ownOrAdmins(t), false})
		add(matrixCase{"endMentorship", t, `mutation($in: EndMentorshipInput!) { endMentorship(input: $in) { status } }`,
			func(f *matrixFixture, role string) map[string]any {
				mentor := f.person("")
				f.a.Mentorship(f.personOf(role, t), mentor)
				return map[string]any{"in": map[string]any{"menteeId": f.personOf(role, t), "mentorId": mentor}}
			}, ownOrAdmins(t), false})
		add(matrixCase{"addGoal", t, `mutation($in: AddGoalInput!) { addGoal(input: $in) { id } }`,
			func(f *matrixFixture, role string) map[string]any {
				return map[string]any{"in": map[string]any{"id": f.fresh("goal"), "personId": f.personOf(role, t), "skillId": f.skill, "title": "Learn"}}
			}, ownOrAdmins(t), false})
		goal := func(f *matrixFixture, role string) string {
			id := f.fresh("goal")
			f.a.OK(`mutation($in: AddGoalInput!) { addGoal(input: $in) { id } }`,
				map[string]any{"in": map[string]any{"id": id, "personId": f.personOf(role, t), "skillId": f.skill, "title": "Learn"}})
			return id
		}
		add(matrixCase{"updateGoal", t, `mutation($in: UpdateGoalInput!) { updateGoal(input: $in) { id } }`,
			func(f *matrixFixture, role string) map[string]any {
				return map[string]any{"in": map[string]any{"id": goal(f, role), "title": "Learn more"}}
			}, ownOrAdmins(t), false})
		add(matrixCase{"removeGoal", t, `mutation($id: ID!) { removeGoal(id: $id) }`,
			func(f *matrixFixture, role string) map[string]any { return map[string]any{"id": goal(f, role)} },
			ownOrAdmins(t), false})
		// Nobody but an admin deletes a person, not even their own.
		add(matrixCase{"deletePerson", t, `mutation($id: ID!) { deletePerson(id: $id) }`,
			func(f *matrixFixture, role string) map[string]any { return map[string]any{"id": f.personOf(role, t)} },
			adminsOnly, true})
	}
	add(matrixCase{"createPerson", none, apitest.CreatePersonMutation,
		func(f *matrixFixture, role string) map[string]any {
			return map[string]any{"in": map[string]any{"id": f.fresh("new"), "name": "New"}}
		}, adminsOnly, false})

	// The skill catalogue: admins.
	add(matrixCase{"createSkill", none, `mutation($in: CreateSkillInput!) { createSkill(input: $in) { id } }`,
		func(f *matrixFixture, role string) map[string]any {
			return map[string]any{"in": map[string]any{"id": f.fresh("skill"), "name": "Skill", "category": "CAREER"}}
		}, adminsOnly, false})
	add(matrixCase{"updateSkill", other, `mutation($in: UpdateSkillInput!) { updateSkill(input: $in) { id } }`,
		func(f *matrixFixture, role string) map[string]any {
			return map[string]any{"in": map[string]any{"id": f.skill, "description": "by " + role}}
		}, adminsOnly, false})
	add(matrixCase{"deleteSkill", other, `mutation($id: ID!) { deleteSkill(id: $id) }`,
		func(f *matrixFixture, role string) map[string]any {
			return map[string]any{"id": f.a.Skill(f.fresh("skill"), "")}
		},
		adminsOnly, false})

	// Organizations: admins create and delete them; an organizer changes
	// theirs and its memberships and imports into it.
	add(matrixCase{"createOrganization", none, `mutation($in: CreateOrganizationInput!) { createOrganization(input: $in) { id } }`,
		func(f *matrixFixture, role string) map[string]any {
			return map[string]any{"in": map[string]any{"id": f.fresh("org"), "name": "Org", "kind": "COMPANY"}}
		}, adminsOnly, false})
	for _, t := range []target{own, otherOrg} {
		add(matrixCase{"updateOrganization", t, `mutation($in: UpdateOrganizationInput!) { updateOrganization(input: $in) { id } }`,
			func(f *matrixFixture, role string) map[string]any {
				return map[string]any{"in": map[string]any{"id": f.orgOf(t), "name": "Org by " + role}}
			}, orgOrAdmins(t), false})
		add(matrixCase{"deleteOrganization", t, `mutation($id: ID!) { deleteOrganization(id: $id) }`,
			func(f *matrixFixture, role string) map[string]any { return map[string]any{"id": f.orgOf(t)} },
			adminsOnly, true})
		add(matrixCase{"addAffiliation", t, `mutation($in: AddAffiliationInput!) { addAffiliation(input: $in) { role } }`,
			func(f *matrixFixture, role string) map[string]any {
				return map[string]any{"in": map[string]any{"personId": f.person(""), "organizationId": f.orgOf(t)}}
			}, orgOrAdmins(t), false})
		add(matrixCase{"endAffiliation", t, `mutation($in: EndAffiliationInput!) { endAffiliation(input: $in) { until } }`,
			func(f *matrixFixture, role string) map[string]any {
				return map[string]any{"in": map[string]any{"personId": f.person(f.orgOf(t)), "organizationId": f.orgOf(t)}}
			}, orgOrAdmins(t), false})
		add(matrixCase{"importRecords", t, `mutation($nd: String!) { importRecords(ndjson: $nd) { changed } }`,
			func(f *matrixFixture, role string) map[string]any {
				p := f.fresh("imported")
				return map[string]any{"nd": fmt.Sprintf(`{"kind":"person","id":%q,"name":"Imported"}`+"\n"+`{"kind":"affiliation","person_id":%q,"organization_id":%q}`, p, p, f.orgOf(t))}
			}, orgOrAdmins(t), false})
	}
	// Queries with @auth: an organization's coverage and export are its
	// organizers'; the whole network's, admins'.
	for _, t := range []target{own, otherOrg, none} {
		org := func(f *matrixFixture) map[string]any {
			if t == none {
				return nil
			}
			return map[string]any{"org": f.orgOf(t)}
		}
		add(matrixCase{"exportRecords", t, `query($org: ID) { exportRecords(organization: $org) }`,
			func(f *matrixFixture, role string) map[string]any { return org(f) }, orgOrAdminsReading(t), false})
		add(matrixCase{"coverageGaps", t, `query($org: ID) { coverageGaps(organization: $org, maxHops: 1) { totalCount } }`,
			func(f *matrixFixture, role string) map[string]any { return org(f) }, orgOrAdminsReading(t), false})
	}

	// An import that changes what is not the organization's: admins.
	add(matrixCase{"importRecords", other, `mutation($nd: String!) { importRecords(ndjson: $nd) { changed } }`,
		func(f *matrixFixture, role string) map[string]any {
			return map[string]any{"nd": fmt.Sprintf(`{"kind":"person","id":%q,"name":"Renamed by %s"}`+"\n"+`{"kind":"affiliation","person_id":%q,"organization_id":%q}`, f.outside, role, f.outside, f.orgA)}
		}, adminsOnly, false})

	// API tokens: their owner's; roles: admins grant them.
	add(matrixCase{"createApiToken", own, `mutation { createApiToken(name: "matrix", scope: READ_ONLY, expiresIn: "1h") { secret } }`,
		func(f *matrixFixture, role string) map[string]any { return nil }, everyone, false})
	for _, t := range []target{own, other} {
		add(matrixCase{"revokeApiToken", t, `mutation($id: ID!) { revokeApiToken(id: $id) }`,
			func(f *matrixFixture, role string) map[string]any {
				owner := f.accounts[admin]
				if acc, ok := f.accounts[role]; ok && t == own {
					owner = acc
				}
				if t == other {
					owner = f.accounts["bystander"]
				}
				secret := f.a.NewToken(owner, "READ_ONLY", time.Hour)
				tokens, err := f.a.Store.APITokensOf(context.Background(), owner)
				if err != nil || len(tokens) == 0 {
					f.a.T.Fatalf("tokens of %s: %v", owner, err)
				}
				_ = secret
				return map[string]any{"id": tokens[0].ID}
			}, ownOrAdmins(t), false})
	}
	add(matrixCase{"grantRole", other, `mutation($login: String!, $org: ID) { grantRole(login: $login, role: ORGANIZER, organization: $org) { id } }`,
		func(f *matrixFixture, role string) map[string]any {
			return map[string]any{"login": f.bystander, "org": f.orgB}
		},
		adminsOnly, false})
	add(matrixCase{"revokeRole", other, `mutation($login: String!, $org: ID) { revokeRole(login: $login, role: ORGANIZER, organization: $org) { id } }`,
		func(f *matrixFixture, role string) map[string]any {
			f.a.OK(`mutation($login: String!, $org: ID) { grantRole(login: $login, role: ORGANIZER, organization: $org) { id } }`,
				map[string]any{"login": f.bystander, "org": f.orgB})
			return map[string]any{"login": f.bystander, "org": f.orgB}
		}, adminsOnly, false})
	slices.SortStableFunc(cs, func(x, y matrixCase) int {
		switch {
		case x.last == y.last:
			return 0
		case x.last:
			return 1
		}
		return -1
	})
	return cs
}

func newMatrixFixture(t *testing.T) *matrixFixture {
	a := apitest.New(t)
	ctx := context.Background()
	f := &matrixFixture{a: a, tokens: map[string]string{}, accounts: map[string]string{}}
	f.orgA, f.orgB = a.Organization("orga"), a.Organization("orgb")
	f.skill = a.Skill("s1", "")
	f.me, f.orgz, f.boss = a.Person("me", nil), a.Person("orgz", nil), a.Person("boss", nil)
	f.other, f.outside = a.Person("other", nil), a.Person("outsider", nil)
	a.Join(f.orgz, f.orgA)
	a.Join(f.outside, f.orgB)
	m := a.Account("member", f.me, false)
	o := a.Account("organizer", f.orgz, false)
	if _, err := a.Store.SetOrganizer(ctx, o.ID, f.orgA, true); err != nil {
		t.Fatal(err)
	}
	b := a.Account("boss", f.boss, true)
	by := a.Account("bystander", "", false)
	f.bystander = by.Login
	f.accounts = map[string]string{member: m.ID, organizer: o.ID, admin: b.ID, readOnly: b.ID, "bystander": by.ID}
	f.tokens = map[string]string{
		anonymous: "",
		member:    a.NewToken(m.ID, "READ_WRITE", time.Hour),
		organizer: a.NewToken(o.ID, "READ_WRITE", time.Hour),
		admin:     a.NewToken(b.ID, "READ_WRITE", time.Hour),
		readOnly:  a.NewToken(b.ID, "READ_ONLY", time.Hour),
	}
	return f
}

// snapshot is what a denied request must leave as it was: the counts of
// the whole database, and the test's nodes with their links, as text.
func snapshot(t *testing.T, prefix string) string {
	t.Helper()
	ctx := context.Background()
	db := neo4j.ExecuteQueryWithDatabase(neo4jtest.Get(t).Database)
	var b strings.Builder
	for _, q := range []string{
		`MATCH (n) RETURN count(n) AS n`,
		`MATCH ()-[r]->() RETURN count(r) AS n`,
		`MATCH (n) WHERE n.id STARTS WITH $p
		 RETURN n.id AS id, labels(n) AS labels, properties(n) AS props,
		   COLLECT { MATCH (n)-[r]-(m) RETURN [type(r), startNode(r) = n, coalesce(m.id, m.login, m.hash, ''), properties(r)] } AS links
		 ORDER BY id`,
	} {
		res, err := neo4j.ExecuteQuery(ctx, neo4jtest.Driver(t), q, map[string]any{"p": prefix}, neo4j.EagerResultTransformer, db)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res.Records {
			for _, v := range r.Values {
				if links, ok := v.([]any); ok {
					slices.SortFunc(links, func(x, y any) int { return strings.Compare(fmt.Sprint(x), fmt.Sprint(y)) })
				}
			}
			j, _ := json.Marshal(r.AsMap())
			b.Write(j)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func TestPermissionMatrix(t *testing.T) {
	f := newMatrixFixture(t)
	a := f.a
	cases := matrixCases()

	// Every mutation of the schema, and every query with @auth, has cases.
	covered := map[string]bool{}
	for _, c := range cases {
		covered[c.field] = true
	}
	schema := resolvers.NewExecutableSchema(resolvers.Config{}).Schema()
	for _, field := range schema.Mutation.Fields {
		if strings.HasPrefix(field.Name, "__") {
			continue
		}
		if !covered[field.Name] {
			t.Errorf("mutation %s has no case in the permission matrix: add its cases (who may, on whose object)", field.Name)
		}
	}
	for _, field := range schema.Query.Fields {
		if field.Directives.ForName("auth") != nil && !covered[field.Name] {
			t.Errorf("query %s has @auth but no case in the permission matrix: add its cases (who may, on whose object)", field.Name)
		}
	}

	unexpectedAllows := 0
	for _, c := range cases {
		for _, role := range roles {
			name := fmt.Sprintf("%s/%s/%s", c.field, c.target, role)
			vars := c.prep(f, role)
			want := slices.Contains(c.allowed, role)
			if want {
				r := a.As(f.tokens[role]).Do(c.query, vars)
				if len(r.Errors) > 0 {
					t.Errorf("%s: want allowed, got %s: %s", name, r.Errors[0].Extensions["code"], r.Errors[0].Message)
				}
				continue
			}
			before := snapshot(t, a.Prefix)
			r := a.As(f.tokens[role]).Do(c.query, vars)
			after := snapshot(t, a.Prefix)
			wantCode := resolvers.CodeForbidden
			if role == anonymous {
				wantCode = resolvers.CodeUnauthenticated
			}
			switch {
			case len(r.Errors) == 0:
				unexpectedAllows++
				t.Errorf("%s: UNEXPECTED ALLOW: %v", name, r.Data)
			case r.Errors[0].Extensions["code"] != wantCode:
				t.Errorf("%s: denied with %v (%s), want %s", name, r.Errors[0].Extensions["code"], r.Errors[0].Message, wantCode)
			}
			if before != after {
				t.Errorf("%s: a denied request changed the database:\nbefore %s\nafter  %s", name, before, after)
			}
		}
	}
	if unexpectedAllows > 0 {
		t.Errorf("%d unexpected allows", unexpectedAllows)
	}
}

// TestEveryMutationHasARule: every mutation of the schema carries @auth
// and has a rule in resolvers/policy.go (no Neo4j needed).
func TestEveryMutationHasARule(t *testing.T) {
	schema := resolvers.NewExecutableSchema(resolvers.Config{}).Schema()
	rules := resolvers.RuledFields()
	for _, field := range schema.Mutation.Fields {
		if strings.HasPrefix(field.Name, "__") {
			continue
		}
		if field.Directives.ForName("auth") == nil {
			t.Errorf("mutation %s has no @auth directive", field.Name)
		}
		if !slices.Contains(rules, field.Name) {
			t.Errorf("mutation %s has no rule in resolvers/policy.go", field.Name)
		}
	}
	for _, typ := range []string{"Query", "Mutation"} {
		for _, field := range schema.Types[typ].Fields {
			if field.Directives.ForName("auth") != nil && !slices.Contains(rules, field.Name) {
				t.Errorf("%s.%s has @auth but no rule", typ, field.Name)
			}
		}
	}
}
