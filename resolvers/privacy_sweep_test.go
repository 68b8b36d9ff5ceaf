package resolvers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/internal/apitest"
	"github.com/mentorgraph/mentorgraph/internal/server"
	"github.com/mentorgraph/mentorgraph/resolvers"
)

// The privacy sweep (issue 31): for a network holding people of every
// visibility, every query of the schema, asked as every kind of viewer,
// never answers a person the viewer may not see, nor a field of theirs the
// viewer may not read — anywhere in the answer, paths included.
//
// The network (sweepPeople has everyone's settings):
//
//	KNOWS        me ─ con (CONNECTIONS), pub (PUBLIC), priv (PRIVATE),
//	                  optout (closed to introductions), mem, memprivprof
//	                  (profile PRIVATE), pubcon (profile CONNECTIONS)
//	             pub ─ priv, pubout (PUBLIC, closed), pubmem, con, top
//	             priv ─ far1   optout ─ far2 ─ pubout   mem ─ con2 ─ far3
//	             boss (the organizer) ─ mem
//	MENTORED_BY  me ← con, pub   priv, optout, mem, con ← top
//	             leaf1 ← priv   leaf2 ← optout   leaf3 ← mem   leaf4 ← con
//	             loner, lonepub and lonepriv (PRIVATE) know nobody.
//
// Every hidden person sits between visible ones: far1 is reached from me
// only through priv, far3 only through con2, far2 only through people
// closed to introductions; leaf1 descends from top only through priv.
//
// What each viewer may see is computed from the rules of
// docs/design/privacy.md (sweepFixture.sees), not written per question.
// Each query's document is generated from the schema (sweepDocs): every
// field of every type the answer holds, people's lists included, so a
// field added later is swept too. A query field without a sweep case
// fails the test.
func TestPrivacySweep(t *testing.T) {
	// The sweep's documents are big (every field, people's lists within
	// people's lists): the size limits are not what this test is about.
	lim := server.DefaultLimits
	lim.MaxDepth, lim.MaxComplexity, lim.MaxSelections, lim.MaxNetworkQuestions = 0, 0, 0, 0
	lim.MaxResponseBytes = 64 << 20
	a := apitest.NewWith(t, lim)
	f := newSweepFixture(t, a)
	sec := server.DefaultSecurity
	sec.PublicDirectory = true
	public := apitest.NewWithSecurity(t, lim, sec)
	viewers := f.viewers(public)

	schema := resolvers.NewExecutableSchema(resolvers.Config{}).Schema()
	gen := newSweepDocs(schema)
	cases := f.cases()
	var fields []string
	for _, fd := range schema.Query.Fields {
		if strings.HasPrefix(fd.Name, "__") {
			continue
		}
		fields = append(fields, fd.Name)
		if _, ok := cases[fd.Name]; !ok {
			t.Errorf("query %s has no privacy sweep case: add one to sweepFixture.cases", fd.Name)
		}
	}
	for name := range cases {
		if !slices.Contains(fields, name) {
			t.Errorf("sweep case %s: no such query field", name)
		}
	}

	for _, name := range fields {
		c, ok := cases[name]
		if !ok {
			continue
		}
		t.Run(name, func(t *testing.T) {
			doc := gen.document(schema.Query.Fields.ForName(name), c.budget, c.vars)
			var sawPeople atomic.Bool
			// The viewers ask at once (each in a parallel subtest); this
			// subtest waits for them all.
			t.Run("as", func(t *testing.T) {
				for _, v := range viewers {
					t.Run(v.name, func(t *testing.T) {
						t.Parallel()
						for _, vars := range c.vars {
							ans := f.ask(t, v, doc, vars)
							problems, people := f.check(v, ans, vars)
							for _, p := range problems {
								t.Errorf("%s(%s): %s", name, f.show(vars), p)
							}
							if p := f.compareWithGhost(t, v, doc, vars, ans); p != "" {
								t.Errorf("%s(%s): %s", name, f.show(vars), p)
							}
							if people > 0 {
								sawPeople.Store(true)
							}
						}
					})
				}
			})
			if !sawPeople.Load() && !c.noPeople {
				t.Errorf("%s named no person of the network to any viewer: the sweep proves nothing about it", name)
			}
			// Without a public directory, an anonymous request gets nothing.
			status, raw := a.As("").Post(doc, c.vars[0])
			var r sweepRaw
			_ = json.Unmarshal(raw, &r)
			if status != http.StatusUnauthorized || len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != resolvers.CodeUnauthenticated ||
				(len(r.Data) > 0 && string(r.Data) != "null") {
				t.Errorf("anonymous, no public directory: HTTP %d %.300s; want 401 UNAUTHENTICATED and no data", status, raw)
			}
		})
	}
	t.Run("lists are exactly what each viewer may see", func(t *testing.T) {
		for _, v := range viewers {
			f.checkLists(t, v)
		}
	})
}

// sweepPerson is one person of the sweep's network and their settings.
type sweepPerson struct {
	key string
	// vis and profile: "" is the default, MEMBERS.
	vis, profile string
	// closed: not open to introductions.
	closed bool
	// capacity > 0: available to mentor with that many slots.
	capacity int
	seeking  bool
}

var sweepPeople = []sweepPerson{
	{key: "me", seeking: true},
	{key: "loner"},
	{key: "boss"},
	{key: "pub", vis: "PUBLIC", profile: "PUBLIC", capacity: 3},
	{key: "pubcon", vis: "PUBLIC", profile: "CONNECTIONS", capacity: 3},
	{key: "pubmem", vis: "PUBLIC", capacity: 3},
	{key: "pubout", vis: "PUBLIC", profile: "PUBLIC", closed: true},
	{key: "mem", capacity: 3},
	{key: "memprivprof", profile: "PRIVATE", capacity: 3},
	{key: "con", vis: "CONNECTIONS", profile: "CONNECTIONS", capacity: 2, seeking: true},
	{key: "con2", vis: "CONNECTIONS", capacity: 3, seeking: true},
	{key: "priv", vis: "PRIVATE", profile: "PRIVATE", capacity: 3, seeking: true},
	{key: "optout", closed: true, capacity: 3},
	{key: "far1", vis: "PUBLIC", profile: "PUBLIC", capacity: 3},
	{key: "far2", vis: "PUBLIC", profile: "PUBLIC", capacity: 3},
	{key: "far3", vis: "PUBLIC", profile: "PUBLIC", capacity: 3},
	{key: "top", vis: "PUBLIC", profile: "PUBLIC", capacity: 5},
	{key: "leaf1", vis: "PUBLIC", profile: "PUBLIC", seeking: true},
	{key: "leaf2", vis: "PUBLIC", profile: "PUBLIC"},
	{key: "leaf3", vis: "PUBLIC", profile: "PUBLIC"},
	{key: "leaf4", vis: "PUBLIC", profile: "PUBLIC"},
	{key: "lonepriv", vis: "PRIVATE", seeking: true},
	{key: "lonepub", vis: "PUBLIC", profile: "PUBLIC", seeking: true},
}

var sweepKnows = [][2]string{
	{"me", "con"}, {"me", "pub"}, {"me", "priv"}, {"me", "optout"}, {"me", "mem"}, {"me", "memprivprof"}, {"me", "pubcon"},
	{"priv", "far1"}, {"pub", "priv"}, {"optout", "far2"}, {"pub", "pubout"}, {"pubout", "far2"}, {"pub", "pubmem"},
	{"pub", "con"}, {"mem", "con2"}, {"con2", "far3"}, {"boss", "mem"}, {"top", "pub"},
}

// sweepMentorships are mentee, mentor pairs (all active).
var sweepMentorships = [][2]string{
	{"me", "con"}, {"me", "pub"}, {"priv", "top"}, {"leaf1", "priv"}, {"optout", "top"}, {"leaf2", "optout"},
	{"mem", "top"}, {"leaf3", "mem"}, {"con", "top"}, {"leaf4", "con"},
}

// sweepLevels: levels in the skill "lead" (and, for pubmem and leaf1, in
// its narrower skill "coach").
var sweepLevels = map[string]int{
	"me": 1, "pub": 4, "pubcon": 3, "pubout": 4, "mem": 3, "memprivprof": 5, "con": 4, "con2": 4, "priv": 4, "optout": 4,
	"far1": 5, "far2": 5, "far3": 5, "top": 5, "leaf2": 2, "leaf3": 2, "leaf4": 2,
}
var sweepNarrowLevels = map[string]int{"pubmem": 4, "leaf1": 2}

// sweepGoals: people with an open goal about "lead".
var sweepGoals = []string{"me", "priv", "con", "con2", "lonepriv", "lonepub", "leaf1"}

// sweepOther: the current members of the second organization (everyone
// but loner belongs to the first).
var sweepOther = []string{"priv", "pub"}

// sweepFixture is the sweep's network as written through the API, and
// what each viewer may see of it.
type sweepFixture struct {
	t     *testing.T
	a     *apitest.API
	tok   string // a word in every name, to search for
	byKey map[string]sweepPerson
	keyOf map[string]string // person id → key
	knows map[[2]string]bool
	lead  string
	coach string
	org   string
	other string
}

func (f *sweepFixture) id(key string) string       { return f.a.ID("p-" + key) }
func (f *sweepFixture) name(key string) string     { return f.tok + " " + key }
func (f *sweepFixture) headline(key string) string { return "Headline of " + key + " " + f.tok }
func (f *sweepFixture) bio(key string) string      { return "Bio of " + key + " " + f.tok }
func (f *sweepFixture) location(key string) string { return "Location of " + key + " " + f.tok }
func (f *sweepFixture) timezone(key string) string { return "Zone/" + key + "-" + f.tok }
func (f *sweepFixture) goalID(key string) string   { return f.a.ID("goal-" + key) }
func (f *sweepFixture) goal(key string) string     { return "Goal of " + key + " " + f.tok }
func (f *sweepFixture) role(key string) string     { return "Role of " + key + " " + f.tok }

func newSweepFixture(t *testing.T, a *apitest.API) *sweepFixture {
	t.Helper()
	tok := "sw" + strings.ReplaceAll(strings.TrimSuffix(a.Prefix[strings.LastIndex(strings.TrimSuffix(a.Prefix, "-"), "-")+1:], "-"), "-", "")
	f := &sweepFixture{t: t, a: a, tok: tok, byKey: map[string]sweepPerson{}, keyOf: map[string]string{}, knows: map[[2]string]bool{}}
	f.lead, f.coach = graph.Slug(a.ID("lead")), graph.Slug(a.ID("coach"))
	a.OK(`mutation($in: CreateSkillInput!) { createSkill(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"id": f.lead, "name": tok + " Lead", "category": "LEADERSHIP"}})
	a.OK(`mutation($in: CreateSkillInput!) { createSkill(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"id": f.coach, "name": tok + " Coach", "category": "LEADERSHIP", "broader": f.lead}})
	f.org, f.other = a.ID("org"), a.ID("other")
	for _, o := range []struct{ id, name string }{{f.org, tok + " Org"}, {f.other, tok + " Other"}} {
		a.OK(`mutation($in: CreateOrganizationInput!) { createOrganization(input: $in) { id } }`,
			map[string]any{"in": map[string]any{"id": o.id, "name": o.name, "kind": "COMMUNITY"}})
	}
	for _, p := range sweepPeople {
		f.byKey[p.key] = p
		f.keyOf[f.id(p.key)] = p.key
		a.OK(apitest.CreatePersonMutation, map[string]any{"in": map[string]any{
			"id": f.id(p.key), "name": f.name(p.key), "headline": f.headline(p.key), "bio": f.bio(p.key),
			"location": f.location(p.key), "timezone": f.timezone(p.key),
			"availableToMentor": p.capacity > 0, "mentorCapacity": p.capacity, "seekingMentorship": p.seeking,
		}})
		in := map[string]any{"personId": f.id(p.key), "openToIntroductions": !p.closed}
		if p.vis != "" {
			in["visibility"] = p.vis
		}
		if p.profile != "" {
			in["profileVisibility"] = p.profile
		}
		a.OK(`mutation($in: SetPrivacyInput!) { setPrivacy(input: $in) { id } }`, map[string]any{"in": in})
		if p.key != "loner" {
			a.OK(`mutation($in: AddAffiliationInput!) { addAffiliation(input: $in) { role } }`,
				map[string]any{"in": map[string]any{"personId": f.id(p.key), "organizationId": f.org, "role": f.role(p.key)}})
		}
	}
	for _, k := range sweepOther {
		a.Join(f.id(k), f.other)
	}
	for _, k := range sweepKnows {
		f.knows[k], f.knows[[2]string{k[1], k[0]}] = true, true
		a.OK(`mutation($a: ID!, $b: ID!) { connect(input: {a: $a, b: $b}) { since } }`, map[string]any{"a": f.id(k[0]), "b": f.id(k[1])})
	}
	for k, l := range sweepLevels {
		a.SetSkill(f.id(k), f.lead, l)
	}
	for k, l := range sweepNarrowLevels {
		a.SetSkill(f.id(k), f.coach, l)
	}
	for _, m := range sweepMentorships {
		a.Mentorship(f.id(m[0]), f.id(m[1]), f.lead)
	}
	for _, k := range sweepGoals {
		a.OK(`mutation($in: AddGoalInput!) { addGoal(input: $in) { id } }`, map[string]any{"in": map[string]any{
			"id": f.goalID(k), "personId": f.id(k), "skillId": f.lead, "title": f.goal(k), "targetLevel": 4}})
	}
	return f
}

// sweepViewer is who asks: their API (token), person (key) and standing.
type sweepViewer struct {
	name   string
	api    *apitest.API
	person string
	member bool
	admin  bool
}

// viewers are every kind of viewer: an anonymous visitor of a public
// directory (public), members with and without a person and links, an
// organizer, hidden people themselves, an admin.
func (f *sweepFixture) viewers(public *apitest.API) []sweepViewer {
	a := f.a
	member := func(login, person string) *apitest.API {
		pid := ""
		if person != "" {
			pid = f.id(person)
		}
		return a.As(a.NewToken(a.Account(login, pid, false).ID, "READ_ONLY", time.Hour))
	}
	boss := a.Account("boss", f.id("boss"), false)
	if _, err := a.Store.SetOrganizer(context.Background(), boss.ID, f.org, true); err != nil {
		f.t.Fatal(err)
	}
	return []sweepViewer{
		{name: "anonymous (public directory)", api: public.As("")},
		{name: "member without a person", api: member("nobody", ""), member: true},
		{name: "member with no links (loner)", api: member("loner", "loner"), person: "loner", member: true},
		{name: "member connected to con (me)", api: member("me", "me"), person: "me", member: true},
		{name: "organizer (boss)", api: a.As(a.NewToken(boss.ID, "READ_ONLY", time.Hour)), person: "boss", member: true},
		{name: "priv (PRIVATE) themself", api: member("priv", "priv"), person: "priv", member: true},
		{name: "con (CONNECTIONS) themself", api: member("con", "con"), person: "con", member: true},
		{name: "admin", api: a, member: true, admin: true},
	}
}

// level is true when v may see what the visibility level guards on the
// person key (graph/audience.go's levelSeen, written again).
func (f *sweepFixture) level(v sweepViewer, key, level string) bool {
	if v.admin || v.person == key {
		return true
	}
	switch level {
	case "PUBLIC":
		return true
	case "", "MEMBERS":
		return v.member
	case "CONNECTIONS":
		return v.member && v.person != "" && f.knows[[2]string{key, v.person}]
	}
	return false
}

func (f *sweepFixture) sees(v sweepViewer, key string) bool {
	return f.level(v, key, f.byKey[key].vis)
}

func (f *sweepFixture) seesProfile(v sweepViewer, key string) bool {
	return f.sees(v, key) && f.level(v, key, f.byKey[key].profile)
}

// passable: v may see key on the inside of a path.
func (f *sweepFixture) passable(v sweepViewer, key string) bool {
	return !f.byKey[key].closed && f.sees(v, key)
}

// hiddenValues are the JSON strings of what v may not see: the ids, names
// and every value of hidden people; the profile values of people seen
// without their profile.
func (f *sweepFixture) hiddenValues(v sweepViewer) map[string]string {
	out := map[string]string{}
	add := func(what, s string) {
		b, _ := json.Marshal(s)
		out[string(b)] = what
	}
	for _, p := range sweepPeople {
		k := p.key
		if !f.sees(v, k) {
			add("the id of hidden "+k, f.id(k))
			add("the name of hidden "+k, f.name(k))
			add("the goal id of hidden "+k, f.goalID(k))
			add("the goal of hidden "+k, f.goal(k))
			add("the role of hidden "+k, f.role(k))
		}
		if !f.seesProfile(v, k) {
			add("the headline of "+k, f.headline(k))
			add("the bio of "+k, f.bio(k))
			add("the location of "+k, f.location(k))
			add("the timezone of "+k, f.timezone(k))
		}
	}
	return out
}

// sweepCase is how the sweep asks one query field: the variables of each
// asking, and how many levels of people's lists its document selects
// (sweepDocs).
type sweepCase struct {
	budget int
	vars   []map[string]any
	// noPeople: the field holds no person (its answers are still checked).
	noPeople bool
}

// cases are the sweep's questions per query field. Network questions are
// asked from every person of the network, hidden ones included: an
// asker the viewer may not see must answer as an unknown id would.
func (f *sweepFixture) cases() map[string]sweepCase {
	each := func(mk func(id string) []map[string]any) []map[string]any {
		var out []map[string]any
		for _, p := range sweepPeople {
			out = append(out, mk(f.id(p.key))...)
		}
		return out
	}
	one := func(m map[string]any) []map[string]any { return []map[string]any{m} }
	search := map[string]any{"search": f.tok}
	targets := []string{"far1", "far2", "far3", "leaf1", "con", "priv", "top", "pubcon"}
	return map[string]sweepCase{
		"server": {budget: 1, vars: one(map[string]any{}), noPeople: true},
		"me":     {budget: 1, vars: one(map[string]any{})},
		"person": {budget: 2, vars: each(func(id string) []map[string]any { return one(map[string]any{"id": id}) })},
		"people": {budget: 1, vars: []map[string]any{
			{"first": 100, "filter": search},
			{"first": 3, "filter": search},
			{"first": 100, "filter": map[string]any{"organization": f.org}},
			{"first": 100, "filter": map[string]any{"skill": f.lead, "minLevel": 1}},
			{"first": 100, "filter": map[string]any{"skill": f.lead, "availableToMentor": true, "seekingMentorship": false}},
		}},
		"findMentors": {budget: 1, vars: each(func(id string) []map[string]any {
			return []map[string]any{
				{"for": id, "skill": f.lead},
				{"for": id, "skill": f.lead, "maxHops": 3, "minLevel": 1, "availableOnly": false, "excludeCurrentMentors": false, "first": 50},
				{"for": id, "skill": f.lead, "maxHops": 2, "via": []string{"MENTORSHIP"}, "availableOnly": false, "minLevel": 1},
			}
		})},
		"mentorBoard": {budget: 1, vars: each(func(id string) []map[string]any {
			return []map[string]any{{"for": id, "skills": []string{f.lead, f.coach}}, {"for": id, "skills": []string{f.lead}, "maxHops": 3}}
		})},
		"neighborhood": {budget: 1, vars: each(func(id string) []map[string]any {
			return []map[string]any{{"person": id, "depth": 1}, {"person": id, "depth": 3}}
		})},
		"referralPaths": {budget: 1, vars: each(func(id string) []map[string]any {
			var out []map[string]any
			for _, to := range targets {
				if f.id(to) != id {
					out = append(out, map[string]any{"from": id, "to": f.id(to), "maxHops": 5, "k": 10})
				}
			}
			return out
		})},
		"lineage": {budget: 1, vars: each(func(id string) []map[string]any {
			return []map[string]any{{"person": id, "direction": "ANCESTORS", "depth": 4}, {"person": id, "direction": "DESCENDANTS", "depth": 4}}
		})},
		"successors": {budget: 1, vars: append(each(func(id string) []map[string]any { return one(map[string]any{"person": id}) }),
			map[string]any{"person": f.id("top"), "skills": []string{f.lead}})},
		"coverageGaps": {budget: 1, vars: []map[string]any{
			{"organization": f.org},
			{"organization": f.org, "maxHops": 4, "minLevel": 1},
			{"organization": f.org, "without": f.id("con")},
			{"organization": f.org, "without": f.id("priv")},
			{"organization": f.other},
			{"first": 100},
		}},
		"organization":  {budget: 1, vars: []map[string]any{{"id": f.org}, {"id": f.other}}},
		"organizations": {budget: 1, vars: one(map[string]any{"first": 100, "filter": search})},
		"skill":         {budget: 1, vars: []map[string]any{{"id": f.lead}, {"id": f.coach}}},
		"skills":        {budget: 1, vars: one(map[string]any{"first": 100, "filter": search})},
		// An organization's records as NDJSON text: the bytes are swept
		// for hidden people (it holds no Person objects to count; what each
		// viewer's export holds is TestExportRecords').
		"exportRecords": {budget: 1, vars: []map[string]any{{"organization": f.org}, {"organization": f.other}, {}}, noPeople: true},
	}
}

// sweepRaw is an answer as sent: its data kept as bytes.
type sweepRaw struct {
	Data   json.RawMessage    `json:"data"`
	Errors []apitest.GQLError `json:"errors"`
}

// sweepAnswer is one answer of the sweep.
type sweepAnswer struct {
	status int
	raw    []byte
	r      sweepRaw
	data   any
}

func (f *sweepFixture) ask(t *testing.T, v sweepViewer, doc string, vars map[string]any) sweepAnswer {
	t.Helper()
	api := *v.api
	api.T = t
	status, raw := api.Post(doc, vars)
	ans := sweepAnswer{status: status, raw: raw}
	if err := json.Unmarshal(raw, &ans.r); err != nil {
		t.Fatalf("as %s: the answer is not JSON (%d): %.300s", v.name, status, raw)
	}
	if len(ans.r.Data) > 0 {
		if err := json.Unmarshal(ans.r.Data, &ans.data); err != nil {
			t.Fatal(err)
		}
	}
	return ans
}

func (f *sweepFixture) show(vars map[string]any) string {
	b, _ := json.Marshal(vars)
	return strings.ReplaceAll(string(b), f.a.Prefix, "")
}

// check returns what is wrong with ans, asked as v with vars, and how
// many persons of the network it names.
func (f *sweepFixture) check(v sweepViewer, ans sweepAnswer, vars map[string]any) ([]string, int) {
	var problems []string
	// The whole answer, byte for byte: no value v may not see, wherever it
	// sits (errors may repeat the ids the request itself sent).
	asked, _ := json.Marshal(vars)
	hidden := f.hiddenValues(v)
	for _, s := range slices.Sorted(maps.Keys(hidden)) {
		if bytes.Contains(ans.r.Data, []byte(s)) {
			problems = append(problems, "the answer holds "+hidden[s])
		}
		for _, e := range ans.r.Errors {
			// Messages quote ids and values: "…".
			ext, _ := json.Marshal(e.Extensions)
			if (strings.Contains(e.Message, s) || bytes.Contains(ext, []byte(s))) && !bytes.Contains(asked, []byte(s)) {
				problems = append(problems, "an error holds "+hidden[s]+": "+e.Message)
			}
		}
	}
	for _, e := range ans.r.Errors {
		switch code := e.Extensions["code"]; {
		case v.admin:
			problems = append(problems, fmt.Sprintf("an admin's question failed: %v %s", code, e.Message))
		case code == resolvers.CodeUnauthenticated && !v.member:
			// What needs an account (coverageGaps) in a public directory.
		case code != resolvers.CodeNotFound && code != resolvers.CodeForbidden:
			problems = append(problems, fmt.Sprintf("unexpected error %v: %s", code, e.Message))
		}
	}
	w := sweepWalk{f: f, v: v, vars: vars}
	w.walk(ans.data, "")
	return append(problems, w.problems...), w.people
}

// compareWithGhost asks again with every person id in vars that v may
// not see replaced by an id nobody has: the answers must be the same (a
// hidden person answers as an unknown id would).
func (f *sweepFixture) compareWithGhost(t *testing.T, v sweepViewer, doc string, vars map[string]any, ans sweepAnswer) string {
	ghostOf := map[string]string{}
	for _, val := range vars {
		ids := []string{}
		switch x := val.(type) {
		case string:
			ids = append(ids, x)
		case []string:
			ids = x
		}
		for _, id := range ids {
			if k, ok := f.keyOf[id]; ok && !f.sees(v, k) {
				ghostOf[id] = f.a.ID("ghost-" + k)
			}
		}
	}
	if len(ghostOf) == 0 {
		return ""
	}
	gv := map[string]any{}
	for k, val := range vars {
		if s, ok := val.(string); ok && ghostOf[s] != "" {
			val = ghostOf[s]
		}
		gv[k] = val
	}
	g := f.ask(t, v, doc, gv)
	graw := g.raw
	for id, ghost := range ghostOf {
		graw = bytes.ReplaceAll(graw, []byte(ghost), []byte(id))
	}
	if g.status != ans.status || !bytes.Equal(graw, ans.raw) {
		return fmt.Sprintf("a hidden person answers otherwise than an unknown id:\n hidden: HTTP %d %.400s\n unknown: HTTP %d %.400s",
			ans.status, strings.ReplaceAll(string(ans.raw), f.a.Prefix, ""), g.status, strings.ReplaceAll(string(graw), f.a.Prefix, ""))
	}
	return ""
}

// sweepWalk checks the structure of an answer: each person, path, lineage
// entry, neighbourhood and page in it.
type sweepWalk struct {
	f        *sweepFixture
	v        sweepViewer
	vars     map[string]any
	problems []string
	people   int
}

func (w *sweepWalk) fail(format string, args ...any) {
	w.problems = append(w.problems, strings.ReplaceAll(fmt.Sprintf(format, args...), w.f.a.Prefix, ""))
}

// key returns the key of the person object o (a map with __typename
// Person), "" when it is no person of the network.
func (w *sweepWalk) key(o any) string {
	m, _ := o.(map[string]any)
	id, _ := m["id"].(string)
	return w.f.keyOf[id]
}

// asked reports whether id is one of the request's arguments.
func (w *sweepWalk) asked(id string) bool {
	for _, val := range w.vars {
		if val == id {
			return true
		}
	}
	return false
}

func (w *sweepWalk) walk(x any, at string) {
	switch x := x.(type) {
	case []any:
		for i, e := range x {
			w.walk(e, fmt.Sprintf("%s[%d]", at, i))
		}
	case map[string]any:
		w.object(x, at)
		for k, e := range x {
			if s, ok := e.(string); ok && (k == "cursor" || k == "startCursor" || k == "endCursor") {
				if c, err := graph.DecodeCursor(k, s); err == nil {
					if key, ok := w.f.keyOf[c.ID]; ok && !w.f.sees(w.v, key) {
						w.fail("%s.%s: a cursor holds hidden %s", at, k, key)
					}
				}
			}
			w.walk(e, at+"."+k)
		}
	}
}

func (w *sweepWalk) object(o map[string]any, at string) {
	f, v := w.f, w.v
	switch o["__typename"] {
	case "Person":
		k := w.key(o)
		if k == "" {
			return
		}
		w.people++
		if !f.sees(v, k) {
			w.fail("%s: hidden person %s", at, k)
		}
		if !f.seesProfile(v, k) {
			for _, field := range []string{"headline", "bio", "location", "timezone"} {
				if o[field] != nil {
					w.fail("%s: %s's %s, whose profile is hidden", at, k, field)
				}
			}
		}
		if o["privacy"] != nil && !v.admin && v.person != k {
			w.fail("%s: %s's privacy settings", at, k)
		}
	case "Path":
		steps, _ := o["steps"].([]any)
		for i := 0; i+1 < len(steps); i++ {
			if k := w.key(apitest.At(steps[i], "to")); k != "" && !f.passable(v, k) {
				w.fail("%s.steps[%d]: a path through %s, who may not carry it", at, i, k)
			}
		}
	case "LineageEntry":
		entry := w.key(o["person"])
		from, to := apitest.At(o, "via", "from", "id"), apitest.At(o, "via", "to", "id")
		for _, id := range []any{from, to} {
			s, _ := id.(string)
			if k := f.keyOf[s]; k != "" && k != entry && !w.asked(s) && !f.passable(v, k) {
				w.fail("%s: %s reached through %s, who may not carry a path", at, entry, k)
			}
		}
	case "Neighborhood":
		hops := map[string]int{}
		for _, n := range asList(o["nodes"]) {
			id, _ := apitest.At(n, "person", "id").(string)
			h, _ := apitest.At(n, "hops").(float64)
			hops[id] = int(h)
		}
		for id, h := range hops {
			if h < 2 || f.keyOf[id] == "" {
				continue
			}
			reached := false
			for _, l := range asList(o["links"]) {
				a, _ := apitest.At(l, "from", "id").(string)
				b, _ := apitest.At(l, "to", "id").(string)
				for _, pair := range [][2]string{{a, b}, {b, a}} {
					if pair[0] == id {
						if hb, ok := hops[pair[1]]; ok && hb == h-1 && (hb == 0 || f.keyOf[pair[1]] == "" || f.passable(v, f.keyOf[pair[1]])) {
							reached = true
						}
					}
				}
			}
			if !reached {
				w.fail("%s: %s at %d hops, with no one nearer who may carry a path to them", at, f.keyOf[id], h)
			}
		}
	}
	// A whole list in one page: its count is that of what it shows.
	if n, ok := o["totalCount"].(float64); ok && o["edges"] != nil &&
		apitest.At(o, "pageInfo", "hasNextPage") == false && apitest.At(o, "pageInfo", "hasPreviousPage") == false {
		if edges := asList(o["edges"]); int(n) != len(edges) {
			w.fail("%s: totalCount %v, %d edges on the only page", at, n, len(edges))
		}
	}
}

func asList(x any) []any {
	l, _ := x.([]any)
	return l
}

// checkLists asks v for the network's lists and compares them with what
// v may see: the sweep cannot pass by answering nothing.
func (f *sweepFixture) checkLists(t *testing.T, v sweepViewer) {
	t.Helper()
	api := *v.api
	api.T = t
	const q = `query($search: String!, $org: ID!, $lead: ID!) {
  people(first: 100, filter: {search: $search}) { totalCount edges { node { id } } }
  organization(id: $org) { members(first: 100) { totalCount edges { node { id } } } }
  skill(id: $lead) {
    holderCount mentorCount learnerCount
    mentors(first: 100) { totalCount edges { node { id } } }
    learners(first: 100) { totalCount edges { node { id } } }
  }
}`
	d := api.OK(q, map[string]any{"search": f.tok, "org": f.org, "lead": f.lead})
	keys := func(path ...any) []string {
		var out []string
		for _, e := range asList(apitest.At(d, path...)) {
			id, _ := apitest.At(e, "node", "id").(string)
			out = append(out, f.keyOf[id])
		}
		slices.Sort(out)
		return out
	}
	want := func(ok func(p sweepPerson) bool) []string {
		var out []string
		for _, p := range sweepPeople {
			if f.sees(v, p.key) && ok(p) {
				out = append(out, p.key)
			}
		}
		slices.Sort(out)
		return out
	}
	mentor := func(p sweepPerson) bool {
		return p.capacity > 0 && (sweepLevels[p.key] >= 3 || sweepNarrowLevels[p.key] >= 3)
	}
	for _, c := range []struct {
		name string
		path []any
		want []string
	}{
		{"people found by name", []any{"people", "edges"}, want(func(sweepPerson) bool { return true })},
		{"organization members", []any{"organization", "members", "edges"}, want(func(p sweepPerson) bool { return p.key != "loner" })},
		{"skill mentors", []any{"skill", "mentors", "edges"}, want(mentor)},
		{"skill learners", []any{"skill", "learners", "edges"}, want(func(p sweepPerson) bool { return slices.Contains(sweepGoals, p.key) })},
	} {
		if got := keys(c.path...); !slices.Equal(got, c.want) {
			t.Errorf("as %s, %s: %v, want %v", v.name, c.name, got, c.want)
		}
	}
	// top's descendants and successors: a grandchild only through a
	// child the viewer may see who is open to introductions.
	const tree = `query($top: ID!) {
  lineage(person: $top, direction: DESCENDANTS, depth: 4) { person { id } generation }
  successors(person: $top) { person { id } generation }
}`
	td := api.OK(tree, map[string]any{"top": f.id("top")})
	wantTree := map[string]float64{}
	for _, m := range sweepMentorships {
		if m[1] != "top" || !f.sees(v, m[0]) {
			continue
		}
		wantTree[m[0]] = 1
		for _, g := range sweepMentorships {
			if g[1] == m[0] && f.passable(v, m[0]) && f.sees(v, g[0]) {
				wantTree[g[0]] = 2
			}
		}
	}
	for _, field := range []string{"lineage", "successors"} {
		got := map[string]float64{}
		for _, e := range asList(td[field]) {
			id, _ := apitest.At(e, "person", "id").(string)
			got[f.keyOf[id]], _ = apitest.At(e, "generation").(float64)
		}
		if !maps.Equal(got, wantTree) {
			t.Errorf("as %s, %s of top: %v, want %v", v.name, field, got, wantTree)
		}
	}
	// A skill's counts are of the people the viewer may see.
	for _, c := range []struct {
		field string
		want  []string
	}{
		{"holderCount", want(func(p sweepPerson) bool { return sweepLevels[p.key] > 0 })},
		{"mentorCount", want(func(p sweepPerson) bool { return p.capacity > 0 && sweepLevels[p.key] >= 3 })},
		{"learnerCount", want(func(p sweepPerson) bool { return slices.Contains(sweepGoals, p.key) })},
	} {
		if got := apitest.At(d, "skill", c.field); got != float64(len(c.want)) {
			t.Errorf("as %s, skill.%s: %v, want %d (%v)", v.name, c.field, got, len(c.want), c.want)
		}
	}
}

// sweepDocs writes the sweep's query documents from the schema.
type sweepDocs struct {
	schema *ast.Schema
	// holdsPeople: object types from which a Person can be reached.
	holdsPeople map[string]bool
}

func newSweepDocs(schema *ast.Schema) *sweepDocs {
	g := &sweepDocs{schema: schema, holdsPeople: map[string]bool{"Person": true}}
	for changed := true; changed; {
		changed = false
		for name, def := range schema.Types {
			if def.Kind != ast.Object || g.holdsPeople[name] {
				continue
			}
			for _, fd := range def.Fields {
				if g.holdsPeople[fd.Type.Name()] {
					g.holdsPeople[name], changed = true, true
					break
				}
			}
		}
	}
	return g
}

// document is a query of the root field fd with the arguments the
// variables of vars give, selecting every field of its answer (sel).
func (g *sweepDocs) document(fd *ast.FieldDefinition, budget int, vars []map[string]any) string {
	var decls, args []string
	for _, arg := range fd.Arguments {
		if !slices.ContainsFunc(vars, func(m map[string]any) bool { _, ok := m[arg.Name]; return ok }) {
			continue
		}
		decls = append(decls, "$"+arg.Name+": "+arg.Type.String())
		args = append(args, arg.Name+": $"+arg.Name)
	}
	var b strings.Builder
	b.WriteString("query Sweep")
	if len(decls) > 0 {
		b.WriteString("(" + strings.Join(decls, ", ") + ")")
	}
	b.WriteString(" { " + fd.Name)
	if len(args) > 0 {
		b.WriteString("(" + strings.Join(args, ", ") + ")")
	}
	if def := g.schema.Types[fd.Type.Name()]; def.Kind == ast.Object {
		b.WriteString(" " + g.sel(def.Name, budget, false, nil))
	}
	b.WriteString(" }")
	return b.String()
}

// sel selects every field of the object type name, with three bounds:
//   - budget is how many levels of people's lists (a person's mentors,
//     connections, goals, …, each holding people) a person selects below
//     them; at 0 a person selects only fields that hold no one;
//   - below a person, skills and organizations select no people (their
//     mentors, learners and members are swept from the root);
//   - an object type already on the way down from the nearest person is
//     not selected again (a skill's broader skill, an organization's).
func (g *sweepDocs) sel(name string, budget int, underPerson bool, onPath map[string]bool) string {
	if name == "Person" {
		budget--
		underPerson = true
		onPath = nil
	}
	on := map[string]bool{name: true}
	maps.Copy(on, onPath)
	fields := []string{"__typename"}
	for _, fd := range g.schema.Types[name].Fields {
		if strings.HasPrefix(fd.Name, "__") || slices.ContainsFunc(fd.Arguments, func(a *ast.ArgumentDefinition) bool {
			return a.Type.NonNull && a.DefaultValue == nil
		}) {
			continue
		}
		t := g.schema.Types[fd.Type.Name()]
		if t.Kind != ast.Object {
			fields = append(fields, fd.Name)
			continue
		}
		people := g.holdsPeople[t.Name]
		switch {
		case people && budget < 0,
			people && underPerson && (name == "Skill" || name == "Organization"),
			on[t.Name] && t.Name != "Person":
			continue
		}
		fields = append(fields, fd.Name+" "+g.sel(t.Name, budget, underPerson, on))
	}
	return "{ " + strings.Join(fields, " ") + " }"
}
