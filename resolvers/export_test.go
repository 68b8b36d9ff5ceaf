package resolvers_test

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
	"github.com/mentorgraph/mentorgraph/internal/apitest"
)

const exportQuery = `query($org: ID) { exportRecords(organization: $org) }`

// exportFixture is TestExportRecords' world, written through
// importRecords. Organization A (organized by orgz) and B:
//
//	A: orgz (PUBLIC)  ann  hal (profile PRIVATE)  pia (PRIVATE)
//	   cid (CONNECTIONS, knows orgz)  cora (CONNECTIONS, knows no one in A)
//	   dual (also in B)  former (left A)
//	B: bob  dual
//	   loner: no organization
//
//	mentorships  ann→orgz (focus coach)  pia→ann  bob→hal  former→ann
//	connections  ann–hal  orgz–cid  orgz–pia  ann–bob  loner–dual
//	skills       lead ← coach (coach is part of lead), sales, unused
const exportFixture = `{"kind":"organization","id":"{p}org-a","name":"A","organization_kind":"COMMUNITY"}
{"kind":"organization","id":"{p}org-b","name":"B","organization_kind":"COMPANY"}
{"kind":"skill","id":"{p}lead","name":"Lead","category":"LEADERSHIP","description":"leading people"}
{"kind":"skill","id":"{p}coach","name":"Coach","category":"LEADERSHIP","parent_id":"{p}lead"}
{"kind":"skill","id":"{p}sales","name":"Sales","category":"BUSINESS"}
{"kind":"skill","id":"{p}unused","name":"Unused","category":"CAREER"}
{"kind":"person","id":"{p}orgz","name":"Orla","visibility":"PUBLIC","available_to_mentor":true,"mentor_capacity":3}
{"kind":"person","id":"{p}ann","name":"Ann","headline":"Ann's headline","bio":"Ann's bio","seeking_mentorship":true}
{"kind":"person","id":"{p}hal","name":"Hal","headline":"Hal's secret","location":"Oslo","profile_visibility":"PRIVATE","open_to_introductions":false}
{"kind":"person","id":"{p}pia","name":"Pia","visibility":"PRIVATE"}
{"kind":"person","id":"{p}cid","name":"Cid","visibility":"CONNECTIONS"}
{"kind":"person","id":"{p}cora","name":"Cora","visibility":"CONNECTIONS"}
{"kind":"person","id":"{p}dual","name":"Dual"}
{"kind":"person","id":"{p}former","name":"Former"}
{"kind":"person","id":"{p}bob","name":"Bob"}
{"kind":"person","id":"{p}loner","name":"Loner"}
{"kind":"affiliation","person_id":"{p}orgz","organization_id":"{p}org-a","role":"organizer","since":"2020-03-01"}
{"kind":"affiliation","person_id":"{p}ann","organization_id":"{p}org-a","since":"2021"}
{"kind":"affiliation","person_id":"{p}hal","organization_id":"{p}org-a"}
{"kind":"affiliation","person_id":"{p}pia","organization_id":"{p}org-a"}
{"kind":"affiliation","person_id":"{p}cid","organization_id":"{p}org-a"}
{"kind":"affiliation","person_id":"{p}cora","organization_id":"{p}org-a"}
{"kind":"affiliation","person_id":"{p}dual","organization_id":"{p}org-a"}
{"kind":"affiliation","person_id":"{p}dual","organization_id":"{p}org-b"}
{"kind":"affiliation","person_id":"{p}former","organization_id":"{p}org-a","since":"2019-01-01","until":"2024-06-30"}
{"kind":"affiliation","person_id":"{p}bob","organization_id":"{p}org-b"}
{"kind":"person_skill","person_id":"{p}ann","skill_id":"{p}coach","level":4,"years":3}
{"kind":"person_skill","person_id":"{p}hal","skill_id":"{p}lead","level":5}
{"kind":"person_skill","person_id":"{p}pia","skill_id":"{p}coach","level":2}
{"kind":"person_skill","person_id":"{p}dual","skill_id":"{p}sales","level":3}
{"kind":"person_skill","person_id":"{p}bob","skill_id":"{p}sales","level":4}
{"kind":"mentorship","mentee_id":"{p}ann","mentor_id":"{p}orgz","since":"2024-02-01","focus":["{p}coach"]}
{"kind":"mentorship","mentee_id":"{p}pia","mentor_id":"{p}ann"}
{"kind":"mentorship","mentee_id":"{p}bob","mentor_id":"{p}hal"}
{"kind":"mentorship","mentee_id":"{p}former","mentor_id":"{p}ann","until":"2024-01-01"}
{"kind":"connection","person_a":"{p}ann","person_b":"{p}hal","since":"2022"}
{"kind":"connection","person_a":"{p}orgz","person_b":"{p}cid"}
{"kind":"connection","person_a":"{p}orgz","person_b":"{p}pia"}
{"kind":"connection","person_a":"{p}ann","person_b":"{p}bob"}
{"kind":"connection","person_a":"{p}loner","person_b":"{p}dual"}
{"kind":"goal","id":"{p}g-ann","person_id":"{p}ann","skill_id":"{p}lead","title":"Lead a team","target_level":3,"due_date":"2027-01-31"}
{"kind":"goal","id":"{p}g-pia","person_id":"{p}pia","skill_id":"{p}sales","title":"Sell"}
{"kind":"goal","id":"{p}g-bob","person_id":"{p}bob","skill_id":"{p}sales","title":"Sell more"}`

// readExport reads an export's NDJSON.
func readExport(t *testing.T, ndjson string) *dataset.Dataset {
	t.Helper()
	ds := &dataset.Dataset{}
	if _, err := ds.ReadNDJSON(strings.NewReader(ndjson), "export"); err != nil {
		t.Fatalf("the export does not read back: %v\n%s", err, ndjson)
	}
	return ds
}

// recordKeys are the keys of ds's records, by kind: what identifies a
// record (a person's id, a link's two ends, …).
func recordKeys(ds *dataset.Dataset) map[string][]string {
	out := map[string][]string{}
	add := func(kind dataset.Kind, key ...string) {
		out[string(kind)] = append(out[string(kind)], strings.Join(key, " "))
	}
	for _, r := range ds.Organizations {
		add(dataset.KindOrganization, r.ID)
	}
	for _, r := range ds.People {
		add(dataset.KindPerson, r.ID)
	}
	for _, r := range ds.Skills {
		add(dataset.KindSkill, r.ID)
	}
	for _, r := range ds.Affiliations {
		add(dataset.KindAffiliation, r.PersonID, r.OrganizationID)
	}
	for _, r := range ds.PersonSkills {
		add(dataset.KindPersonSkill, r.PersonID, r.SkillID)
	}
	for _, r := range ds.Mentorships {
		add(dataset.KindMentorship, r.MenteeID, r.MentorID)
	}
	for _, r := range ds.Connections {
		add(dataset.KindConnection, r.PersonA, r.PersonB)
	}
	for _, r := range ds.Goals {
		add(dataset.KindGoal, r.ID)
	}
	for k := range out {
		slices.Sort(out[k])
	}
	return out
}

// wantExport computes from the fixture what the export of org holds for
// a viewer (their person; admin sees everyone): the current members the
// viewer may see, and what hangs off them alone.
func wantExport(fx *dataset.Dataset, org, viewer string, admin bool) *dataset.Dataset {
	person := map[string]dataset.Person{}
	for _, p := range fx.People {
		person[p.ID] = p
	}
	knows := func(a, b string) bool {
		return slices.ContainsFunc(fx.Connections, func(c dataset.Connection) bool {
			return (c.PersonA == a && c.PersonB == b) || (c.PersonA == b && c.PersonB == a)
		})
	}
	seen := func(id string) bool {
		switch person[id].Visibility {
		case "", "PUBLIC", "MEMBERS":
			return true
		case "CONNECTIONS":
			return admin || id == viewer || knows(id, viewer)
		}
		return admin || id == viewer
	}
	in := map[string]bool{}
	for _, a := range fx.Affiliations {
		if a.OrganizationID == org && a.Until == nil && seen(a.PersonID) {
			in[a.PersonID] = true
		}
	}
	want := &dataset.Dataset{}
	skills := map[string]bool{}
	for _, o := range fx.Organizations {
		if o.ID == org {
			want.Organizations = append(want.Organizations, o)
		}
	}
	for _, p := range fx.People {
		if in[p.ID] {
			want.People = append(want.People, p)
		}
	}
	for _, a := range fx.Affiliations {
		if in[a.PersonID] && a.OrganizationID == org {
			want.Affiliations = append(want.Affiliations, a)
		}
	}
	for _, s := range fx.PersonSkills {
		if in[s.PersonID] {
			want.PersonSkills = append(want.PersonSkills, s)
			skills[s.SkillID] = true
		}
	}
	for _, m := range fx.Mentorships {
		if in[m.MenteeID] && in[m.MentorID] {
			want.Mentorships = append(want.Mentorships, m)
			for _, f := range m.Focus {
				skills[f] = true
			}
		}
	}
	for _, c := range fx.Connections {
		if in[c.PersonA] && in[c.PersonB] {
			want.Connections = append(want.Connections, c)
		}
	}
	for _, g := range fx.Goals {
		if in[g.PersonID] {
			want.Goals = append(want.Goals, g)
			skills[g.SkillID] = true
		}
	}
	// The skills named, and the broader skills above them.
	for grew := true; grew; {
		grew = false
		for _, s := range fx.Skills {
			if skills[s.ID] && s.ParentID != "" && !skills[s.ParentID] {
				skills[s.ParentID], grew = true, true
			}
		}
	}
	for _, s := range fx.Skills {
		if skills[s.ID] {
			want.Skills = append(want.Skills, s)
		}
	}
	return want
}

// TestExportRecords: an organization's export holds its current members
// the viewer may see, and their records, and nothing about anyone else;
// privacy applies to organizers, not to admins; a member, and an
// organizer asking for another organization or the whole network, are
// FORBIDDEN; and exporting, importing into a database without those
// records, and exporting again gives the same records.
func TestExportRecords(t *testing.T) {
	a := apitest.New(t)
	ctx := context.Background()
	fixture := strings.ReplaceAll(exportFixture, "{p}", a.Prefix)
	a.OK(`mutation($n: String!) { importRecords(ndjson: $n) { changed } }`, map[string]any{"n": fixture})
	fx := readExport(t, fixture)
	orgA, orgB := a.ID("org-a"), a.ID("org-b")

	orgz := a.Account("orgz", a.ID("orgz"), false)
	if _, err := a.Store.SetOrganizer(ctx, orgz.ID, orgA, true); err != nil {
		t.Fatal(err)
	}
	organizer := a.As(a.NewToken(orgz.ID, "READ_ONLY", time.Hour))
	member := a.As(a.NewToken(a.Account("ann", a.ID("ann"), false).ID, "READ_WRITE", time.Hour))

	exports := map[string]string{}
	for _, c := range []struct {
		name   string
		api    *apitest.API
		viewer string
		admin  bool
	}{
		{"organizer", organizer, a.ID("orgz"), false},
		{"admin", a, "", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			nd, _ := c.api.OK(exportQuery, map[string]any{"org": orgA})["exportRecords"].(string)
			exports[c.name] = nd
			got := readExport(t, nd)
			want := wantExport(fx, orgA, c.viewer, c.admin)
			if diff := cmp.Diff(recordKeys(want), recordKeys(got)); diff != "" {
				t.Errorf("records of the export (-want +got):\n%s", diff)
			}
			// Nobody outside the members appears anywhere, not even as a
			// link's end, nor another organization.
			in := map[string]bool{}
			for _, p := range want.People {
				in[p.ID] = true
			}
			for _, p := range fx.People {
				if !in[p.ID] && strings.Contains(nd, `"`+p.ID+`"`) {
					t.Errorf("%s is not a member the %s may see, yet the export names them", p.ID, c.name)
				}
			}
			if strings.Contains(nd, `"`+orgB+`"`) {
				t.Errorf("the export names organization B")
			}

			byID := map[string]dataset.Person{}
			for _, p := range got.People {
				byID[p.ID] = p
			}
			pia, piaIn := byID[a.ID("pia")]
			hal, ann, me := byID[a.ID("hal")], byID[a.ID("ann")], byID[a.ID("orgz")]
			if c.admin {
				// Complete: the PRIVATE member, hidden profile fields and
				// everyone's privacy settings.
				if !piaIn || pia.Visibility != "PRIVATE" {
					t.Errorf("the admin's export: pia %+v (in: %v), want her with visibility PRIVATE", pia, piaIn)
				}
				if hal.Headline != "Hal's secret" || hal.Location != "Oslo" || hal.ProfileVisibility != "PRIVATE" || hal.OpenToIntroductions == nil || *hal.OpenToIntroductions {
					t.Errorf("the admin's export: hal %+v, want his profile and settings", hal)
				}
				return
			}
			if piaIn {
				t.Errorf("the organizer's export holds the PRIVATE member pia")
			}
			if hal.Headline != "" || hal.Location != "" || hal.ProfileVisibility != "" || hal.OpenToIntroductions != nil {
				t.Errorf("the organizer's export: hal %+v, want his hidden profile fields and his settings empty", hal)
			}
			if ann.Headline != "Ann's headline" || ann.Bio != "Ann's bio" || ann.Visibility != "" {
				t.Errorf("the organizer's export: ann %+v, want her MEMBERS profile and no settings", ann)
			}
			if me.Visibility != "PUBLIC" {
				t.Errorf("the organizer's export: their own person %+v, want their own settings", me)
			}
		})
	}

	t.Run("forbidden", func(t *testing.T) {
		for _, c := range []struct {
			name string
			api  *apitest.API
			vars map[string]any
		}{
			{"a member, their own organization", member, map[string]any{"org": orgA}},
			{"an organizer, another organization", organizer, map[string]any{"org": orgB}},
			{"an organizer, the whole network", organizer, nil},
		} {
			e := c.api.Fails("FORBIDDEN", exportQuery, c.vars)
			if e.Message == "" {
				t.Errorf("%s: FORBIDDEN without a message", c.name)
			}
		}
		if e := a.Fails("NOT_FOUND", exportQuery, map[string]any{"org": a.ID("org-none")}); !strings.Contains(e.Message, a.ID("org-none")) {
			t.Errorf("an unknown organization: %s", e.Message)
		}
	})

	// The round trip: each export, its ids moved to ones nobody has (a
	// database without these records), imported, and exported again by an
	// admin, gives the same records. The organizer's export brings no
	// privacy settings but their own, and the admin's export of the copy
	// shows none either.
	for _, name := range []string{"admin", "organizer"} {
		t.Run("round trip of the "+name+"'s export", func(t *testing.T) {
			nd := exports[name]
			if nd == "" {
				t.Skip("no export")
			}
			fresh := a.Prefix + "copy-" + name + "-"
			a.OK(`mutation($n: String!) { importRecords(ndjson: $n) { changed } }`, map[string]any{"n": strings.ReplaceAll(nd, a.Prefix, fresh)})
			again, _ := a.OK(exportQuery, map[string]any{"org": fresh + "org-a"})["exportRecords"].(string)
			if diff := cmp.Diff(nd, strings.ReplaceAll(again, fresh, a.Prefix)); diff != "" {
				t.Errorf("export → import → export differs (-first +again):\n%s", diff)
			}
		})
	}
}

// TestExportRecordsNamesEveryKind guards TestExportRecords: its fixture
// makes every record kind appear in an organization's export, so the
// comparisons there are of something.
func TestExportRecordsNamesEveryKind(t *testing.T) {
	fx := readExport(t, strings.ReplaceAll(exportFixture, "{p}", "x-"))
	want := recordKeys(wantExport(fx, "x-org-a", "x-orgz", false))
	for _, k := range dataset.Kinds {
		if len(want[string(k)]) == 0 {
			t.Errorf("the organizer's export of the fixture has no %s: %v", k, slices.Collect(maps.Keys(want)))
		}
	}
}
