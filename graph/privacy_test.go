package graph_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// setVisibility sets who may see people (property "visibility") or
// their profile fields ("profileVisibility"), through the store.
func (n *testNet) setVisibility(t *testing.T, s *graph.Store, property string, level graph.Visibility, names ...string) {
	t.Helper()
	for _, name := range names {
		var patch graph.PrivacyPatch
		if property == "visibility" {
			patch.Visibility = &level
		} else {
			patch.ProfileVisibility = &level
		}
		if _, err := s.SetPrivacy(context.Background(), n.id(name), patch); err != nil {
			t.Fatalf("set %s of %s: %v", property, name, err)
		}
	}
}

// privacyNet: me asks. Everyone below is an available leadership mentor
// (level 4) but me, link, closed and hidden, who only carry paths.
//
//	me ─ pub (PUBLIC)         me ─ friend (CONNECTIONS, knows me)
//	me ─ mem (MEMBERS)        stranger (CONNECTIONS, not linked to me) ─ mem
//	me ─ priv (PRIVATE)
//	me ─ closed (closed to introductions) ─ behindClosed
//	me ─ hidden (PRIVATE, not a mentor) ─ behindHidden
//	me ─ link ─ far
func privacyNet(t *testing.T, s *graph.Store) *testNet {
	n := newTestNet(t)
	n.skill("lead", "")
	mentors := []string{"pub", "mem", "friend", "stranger", "priv", "behindClosed", "behindHidden", "far"}
	for _, m := range mentors {
		n.person(m, true, 3)
		n.has(m, "lead", 4)
	}
	n.people("me", "closed", "hidden", "link")
	for _, m := range []string{"pub", "mem", "friend", "priv", "closed", "hidden", "link"} {
		n.knows("me", m)
	}
	n.knows("stranger", "mem")
	n.knows("closed", "behindClosed")
	n.knows("hidden", "behindHidden")
	n.knows("link", "far")
	n.goal("priv", "lead", "OPEN")
	n.load(t, s)
	n.setVisibility(t, s, "visibility", graph.Public, "pub", "me")
	n.setVisibility(t, s, "visibility", graph.Connections, "friend", "stranger")
	n.setVisibility(t, s, "visibility", graph.Private, "priv", "hidden")
	n.setVisibility(t, s, "profileVisibility", graph.Private, "mem")
	n.closedToIntroductions(t, "closed")
	return n
}

// TestPrivacyInEveryAnswer asks the questions that name people, as an
// anonymous visitor, as me (a member) and as an admin, and checks that
// no answer names a person the audience may not see, nor a path through
// someone who may not carry it, while counts and pages stay those of
// what it may see.
func TestPrivacyInEveryAnswer(t *testing.T) {
	s := newStore(t)
	n := privacyNet(t, s)
	me := n.id("me")
	anonymous := graph.Audience{}
	member := graph.Audience{PersonID: me, Member: true}
	admin := graph.Audience{Member: true, Admin: true}

	// Who each audience may see at all, by rule.
	seen := map[string][]string{
		"anonymous": {"pub", "me"},
		"member":    {"pub", "mem", "friend", "behindClosed", "behindHidden", "far", "me", "closed", "link"},
		"admin":     {"pub", "mem", "friend", "stranger", "priv", "behindClosed", "behindHidden", "far", "me", "closed", "hidden", "link"},
	}
	everyone := seen["admin"]
	for _, c := range []struct {
		name     string
		audience graph.Audience
		// mentors within 2 hops of me: seen, and reached through people
		// who carry paths.
		mentors []string
	}{
		{"anonymous", anonymous, []string{"pub"}},
		{"member", member, []string{"far", "friend", "mem", "pub"}},
		{"admin", admin, []string{"behindHidden", "far", "friend", "mem", "priv", "pub", "stranger"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := graph.WithAudience(context.Background(), c.audience)
			hidden := map[string]bool{}
			for _, p := range everyone {
				hidden[p] = !slices.Contains(seen[c.name], p)
			}
			// noHidden fails when an answer names someone hidden.
			noHidden := func(what string, answer any) {
				t.Helper()
				b, err := json.Marshal(answer)
				if err != nil {
					t.Fatal(err)
				}
				for p, h := range hidden {
					if h && strings.Contains(string(b), `"`+n.id(p)+`"`) {
						t.Errorf("%s names %s, whom %s may not see: %s", what, p, c.name, b)
					}
				}
			}

			// People by id: hidden ones are absent.
			ids := make([]string, len(everyone))
			for i, p := range everyone {
				ids[i] = n.id(p)
			}
			byID, err := s.PeopleByID(ctx, ids)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for id := range byID {
				got = append(got, n.name(id))
			}
			slices.Sort(got)
			want := slices.Sorted(slices.Values(seen[c.name]))
			if !slices.Equal(got, want) {
				t.Errorf("people by id: got %v, want %v", got, want)
			}
			// mem's profile is private: only mem and admins read it.
			if p, ok := byID[n.id("mem")]; ok && c.name != "admin" && p.Privacy != nil {
				t.Errorf("mem's privacy settings leaked to %s", c.name)
			}

			// Lists and their counts agree.
			lead := n.id("lead")
			page, err := s.People(ctx, graph.PeopleFilter{SkillID: &lead}, graph.PageArgs{First: 50})
			if err != nil {
				t.Fatal(err)
			}
			total, err := s.CountPeople(ctx, graph.PeopleFilter{SkillID: &lead})
			if err != nil {
				t.Fatal(err)
			}
			noHidden("people with the skill", page)
			if total != len(page.Items) {
				t.Errorf("people with the skill: totalCount %d, but %d listed", total, len(page.Items))
			}

			// Mentors within two hops, with their paths.
			mentors, count, err := s.FindMentorsWithCount(ctx, graph.FindMentorsArgs{For: me, Skill: lead, ExcludeCurrentMentors: handPtr(false), Page: graph.PageArgs{First: 20}})
			if err != nil {
				t.Fatal(err)
			}
			noHidden("findMentors", mentors)
			var names []string
			for _, m := range mentors.Items {
				names = append(names, n.name(m.Mentor.ID))
			}
			slices.Sort(names)
			if !slices.Equal(names, c.mentors) {
				t.Errorf("findMentors from me: got %v, want %v", names, c.mentors)
			}
			if count != len(mentors.Items) {
				t.Errorf("findMentors: totalCount %d, %d listed", count, len(mentors.Items))
			}
			// By reach (3 hops takes the reach plan, not the open mentors').
			far, err := s.FindMentors(ctx, graph.FindMentorsArgs{For: me, Skill: lead, MaxHops: handPtr(3), ExcludeCurrentMentors: handPtr(false), Page: graph.PageArgs{First: 20}})
			if err != nil {
				t.Fatal(err)
			}
			noHidden("findMentors by reach", far)
			for _, m := range far.Items {
				if m.Mentor.ID == n.id("behindClosed") {
					t.Errorf("findMentors by reach found behindClosed, only reached through someone closed to introductions")
				}
			}

			// Referral paths never go through closed or someone hidden.
			for _, to := range []string{"behindClosed", "behindHidden", "far", "priv"} {
				paths, err := s.ReferralPaths(ctx, graph.ReferralArgs{From: me, To: n.id(to), MaxHops: 4, K: 3})
				if err != nil && !errors.Is(err, graph.ErrNotFound) {
					t.Fatal(err)
				}
				noHidden("referral paths to "+to, paths)
				for _, p := range paths {
					for _, step := range p.Steps {
						if step.From.ID == n.id("closed") || step.To.ID == n.id("closed") {
							if to != "closed" {
								t.Errorf("a referral path to %s goes through closed: %v", to, p)
							}
						}
					}
				}
			}

			// The neighbourhood.
			hood, err := s.Neighborhood(ctx, me, 2, 100)
			if err != nil && !errors.Is(err, graph.ErrNotFound) {
				t.Fatal(err)
			}
			noHidden("neighbourhood", hood)
		})
	}
}

// TestPrivacySettingsImportAndExport: a person's privacy settings are
// imported (people.csv's visibility, profile_visibility and
// open_to_introductions), take effect, are exported as stored, and an
// import that leaves them empty keeps them; a bad value is refused.
func TestPrivacySettingsImportAndExport(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := newTestNet(t)
	closed := false
	n.ds.People = append(n.ds.People,
		dataset.Person{ID: n.id("shy"), Name: "Shy", Visibility: "PRIVATE", ProfileVisibility: "CONNECTIONS", OpenToIntroductions: &closed},
		dataset.Person{ID: n.id("plain"), Name: "Plain"})
	n.load(t, s)
	want := graph.Privacy{Visibility: graph.Private, ProfileVisibility: graph.Connections, OpenToIntroductions: false}
	check := func(when string) {
		t.Helper()
		people, err := s.PeopleByID(ctx, []string{n.id("shy"), n.id("plain")})
		if err != nil {
			t.Fatal(err)
		}
		if p := people[n.id("shy")].Privacy; p == nil || *p != want {
			t.Errorf("%s: shy's privacy %+v, want %+v", when, p, want)
		}
		if p := people[n.id("plain")].Privacy; p == nil || *p != (graph.Privacy{Visibility: graph.Members, ProfileVisibility: graph.Members, OpenToIntroductions: true}) {
			t.Errorf("%s: plain's privacy %+v, want the defaults", when, p)
		}
		asMember, err := s.PeopleByID(graph.WithAudience(ctx, graph.Audience{PersonID: n.id("plain"), Member: true}), []string{n.id("shy"), n.id("plain")})
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := asMember[n.id("shy")]; ok || len(asMember) != 1 {
			t.Errorf("%s: a member sees %v, want plain alone", when, asMember)
		}
	}
	check("imported")

	exported, err := s.Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(exported.People, func(p dataset.Person) bool { return p.ID == n.id("shy") })
	if i < 0 {
		t.Fatal("shy is not exported")
	}
	if p := exported.People[i]; p.Visibility != "PRIVATE" || p.ProfileVisibility != "CONNECTIONS" || p.OpenToIntroductions == nil || *p.OpenToIntroductions {
		t.Errorf("exported shy: %+v", p)
	}

	// Importing shy again without the columns changes nothing.
	again := dataset.Dataset{People: []dataset.Person{{ID: n.id("shy"), Name: "Shy"}}}
	if _, err := s.Import(ctx, &again, graph.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	check("imported again without the columns")

	bad := dataset.Dataset{People: []dataset.Person{{ID: n.id("loud"), Name: "Loud", Visibility: "FRIENDS",
		At: dataset.Pos{File: "people.csv", Line: 2}}}}
	_, err = s.Import(ctx, &bad, graph.ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), "visibility") || !strings.Contains(err.Error(), "FRIENDS") {
		t.Errorf("a bad visibility: %v, want an error naming the column and the value", err)
	}
}
