package resolvers_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mentorgraph/mentorgraph/internal/apitest"
)

// TestPrivacyThroughTheAPI: what people chose to show decides what each
// signed-in viewer's answers hold: a PRIVATE person is absent for a
// member (person(id), people, findMentors) and present for themselves and
// an admin; a person whose profile is PRIVATE shows without it; a member
// changes only their own settings.
func TestPrivacyThroughTheAPI(t *testing.T) {
	a := apitest.New(t)
	lead := a.Skill("Leadership", "")
	me := a.Person("me", nil)
	shy := a.Person("shy", map[string]any{"availableToMentor": true, "mentorCapacity": 2, "headline": "Shy mentor"})
	quiet := a.Person("quiet", map[string]any{"availableToMentor": true, "mentorCapacity": 2, "headline": "Quiet mentor"})
	for _, p := range []string{shy, quiet} {
		a.SetSkill(p, lead, 4)
		a.OK(`mutation($a: ID!, $b: ID!) { connect(input: {a: $a, b: $b}) { since } }`, map[string]any{"a": me, "b": p})
	}
	const set = `mutation($in: SetPrivacyInput!) { setPrivacy(input: $in) { id } }`
	asMe := a.As(a.NewToken(a.Account("me", me, false).ID, "READ_WRITE", time.Hour))
	asShy := a.As(a.NewToken(a.Account("shy", shy, false).ID, "READ_WRITE", time.Hour))
	asShy.OK(set, map[string]any{"in": map[string]any{"personId": shy, "visibility": "PRIVATE"}})
	a.OK(set, map[string]any{"in": map[string]any{"personId": quiet, "profileVisibility": "PRIVATE"}})
	// A member may not change someone else's settings.
	asMe.Fails("FORBIDDEN", set, map[string]any{"in": map[string]any{"personId": shy, "visibility": "PUBLIC"}})

	const person = `query($id: ID!) { person(id: $id) { id headline privacy { visibility } } }`
	if d := asMe.OK(person, map[string]any{"id": shy}); d["person"] != nil {
		t.Errorf("a member reads a PRIVATE person: %v", d)
	}
	if d := asShy.OK(person, map[string]any{"id": shy}); apitest.At(d, "person", "privacy", "visibility") != "PRIVATE" {
		t.Errorf("shy reads themself: %v", d)
	}
	if d := a.OK(person, map[string]any{"id": shy}); apitest.At(d, "person", "id") != shy {
		t.Errorf("an admin reads shy: %v", d)
	}
	d := asMe.OK(person, map[string]any{"id": quiet})
	if apitest.At(d, "person", "id") != quiet || apitest.At(d, "person", "headline") != nil || apitest.At(d, "person", "privacy") != nil {
		t.Errorf("a member reads quiet (profile PRIVATE): %v, want them without headline or settings", d)
	}

	mentors := func(api *apitest.API) []string {
		d := api.OK(`query($for: ID!, $skill: ID!) { findMentors(for: $for, skill: $skill) { totalCount edges { node { mentor { id } } } } }`,
			map[string]any{"for": me, "skill": lead})
		var ids []string
		for _, e := range apitest.At(d, "findMentors", "edges").([]any) {
			ids = append(ids, strings.TrimPrefix(apitest.At(e, "node", "mentor", "id").(string), a.Prefix))
		}
		slices.Sort(ids)
		if n := apitest.At(d, "findMentors", "totalCount"); n != float64(len(ids)) {
			t.Errorf("findMentors: totalCount %v, %d listed", n, len(ids))
		}
		return ids
	}
	if got := mentors(asMe); !slices.Equal(got, []string{"quiet"}) {
		t.Errorf("findMentors as me: %v, want quiet alone", got)
	}
	if got := mentors(a); !slices.Equal(got, []string{"quiet", "shy"}) {
		t.Errorf("findMentors as an admin: %v, want quiet and shy", got)
	}
}
