package graph

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Visibility is who may see a person, or a group of a person's fields.
type Visibility string

const (
	// Public: anyone, signed in or not (where the deployment shows a
	// public directory).
	Public Visibility = "PUBLIC"
	// Members: any signed-in account. The default.
	Members Visibility = "MEMBERS"
	// Connections: the people the person knows (one KNOWS link, either
	// way).
	Connections Visibility = "CONNECTIONS"
	// Private: the person themself and admins.
	Private Visibility = "PRIVATE"
)

// DefaultVisibility is the visibility of a person, and of their profile
// fields, who never chose one.
const DefaultVisibility = Members

// Visibilities lists the values a visibility may take.
var Visibilities = []Visibility{Public, Members, Connections, Private}

// Audience is who a read answers: what the people it returns chose to
// show decides what it holds. Every statement the store sends gets the
// audience as the parameters $audiencePerson, $audienceMember and $audienceAdmin, and each
// question's Cypher filters with them (seenBy, passableBy, and
// personProjectionOf for the fields):
// limits, pages and counts are those of what the audience may see.
type Audience struct {
	// PersonID is the viewer's own person, "" when the account has none
	// (or nobody signed in).
	PersonID string
	// Member: a signed-in account; sees MEMBERS.
	Member bool
	// Admin sees every person and field.
	Admin bool
}

// Everyone is the audience of a store used without one (the command line's
// import and export, tools, tests): the operator, who sees everything.
var Everyone = Audience{Member: true, Admin: true}

type audienceKey struct{}

// WithAudience returns ctx whose store calls answer a.
func WithAudience(ctx context.Context, a Audience) context.Context {
	return context.WithValue(ctx, audienceKey{}, a)
}

// AudienceOf returns the audience of ctx: Everyone when none was set.
func AudienceOf(ctx context.Context) Audience {
	if a, ok := ctx.Value(audienceKey{}).(Audience); ok {
		return a
	}
	return Everyone
}

// params are the audience's statement parameters.
func (a Audience) params() map[string]any {
	var viewer any
	if a.PersonID != "" {
		viewer = a.PersonID
	}
	return map[string]any{"audiencePerson": viewer, "audienceMember": a.Member || a.Admin, "audienceAdmin": a.Admin}
}

// levelSeen is true when the audience may see what a visibility level
// (a Cypher expression) guards on the person p (a variable).
func levelSeen(p, level string) string {
	return `($audienceAdmin OR ` + p + `.id = $audiencePerson OR CASE coalesce(` + level + `, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember ` +
		`WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (` + p + `)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)`
}

// seenBy is true of a person p (a variable) the audience may see at all:
// a person it may not see is left out of every answer, as if absent.
func seenBy(p string) string { return levelSeen(p, p+".visibility") }

// passableBy is true of a person p the audience may see on the inside of
// a path: seen, and open to introductions (not opted out of being an
// intermediary on others' paths).
func passableBy(p string) string {
	return `(coalesce(` + p + `.openToIntroductions, true) AND ` + seenBy(p) + `)`
}

// profileSeenBy is true when the audience may see the profile fields
// (headline, bio, location, timezone) of a person p it sees.
func profileSeenBy(p string) string { return levelSeen(p, p+".profileVisibility") }

// settingsSeenBy is true when the audience may read the privacy settings
// of a person p: the person themself and admins.
func settingsSeenBy(p string) string { return `$audienceAdmin OR ` + p + `.id = $audiencePerson` }

// personProjectionOf is a person p as a map for the audience: its profile
// fields only when it may see them, its privacy settings only to
// themself and admins, with the count of active mentees from which
// OpenSlots is computed. Its link variable has a name no statement around
// it uses: a subquery sees the variables around it, so a bound name (a
// mentorship's m) would count that one link instead.
func personProjectionOf(p, activeLink string) string {
	return p + " {" + personFieldsOf(p, activeLink) + "}"
}

// personFieldsOf is the inside of personProjectionOf's map (planned
// reads add their lists after it).
func personFieldsOf(p, activeLink string) string { return personFieldsFor(p, activeLink, 0) }

// personFieldsFor is personFieldsOf without the groups in skip: a planned
// read leaves out what the query does not select, as each group costs a
// subquery or a visibility test per person.
func personFieldsFor(p, activeLink string, skip PersonFields) string {
	r := strings.NewReplacer("{p}", p, "{l}", activeLink,
		"{profile}", profileSeenBy(p), "{own}", settingsSeenBy(p))
	fields := `.id, .name, .availableToMentor,
  .mentorCapacity, .seekingMentorship, .createdAt, .updatedAt`
	if skip&PersonOpenSlots == 0 {
		fields += `,
  active: COUNT { ({p})<-[{l}:MENTORED_BY]-() WHERE {l}.status = 'ACTIVE' }`
	}
	if skip&PersonProfile == 0 {
		fields += `,
  profile: CASE WHEN {profile} THEN {p} {.headline, .bio, .location, .timezone} END`
	}
	if skip&PersonPrivacy == 0 {
		fields += `,
  privacy: CASE WHEN {own} THEN {p} {.visibility, .profileVisibility, .openToIntroductions} END`
	}
	return r.Replace(fields)
}

// privacyFrom reads the privacy map of personProjectionOf (nil when the
// audience may not read it); unset settings read as their defaults.
func privacyFrom(v any) *Privacy {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	level := func(k string) Visibility {
		if s := str(m, k); s != "" {
			return Visibility(s)
		}
		return DefaultVisibility
	}
	p := &Privacy{Visibility: level("visibility"), ProfileVisibility: level("profileVisibility"), OpenToIntroductions: true}
	if b, ok := m["openToIntroductions"].(bool); ok {
		p.OpenToIntroductions = b
	}
	return p
}

// PrivacyPatch changes some of a person's privacy settings; nil fields
// stay as they are.
type PrivacyPatch struct {
	Visibility          *Visibility
	ProfileVisibility   *Visibility
	OpenToIntroductions *bool
}

var setPrivacyCypher = `
MATCH (p:Person {id: $id})
SET p += $set, p.updatedAt = datetime()
RETURN ` + personProjection

// SetPrivacy changes who may see the person with id, their profile
// fields, and whether they carry others' paths. It takes effect in every
// answer from the next read on.
func (s *Store) SetPrivacy(ctx context.Context, id string, patch PrivacyPatch) (Person, error) {
	var c checker
	c.id("input.personId", id)
	set := map[string]any{}
	for _, f := range []struct {
		field, prop string
		v           *Visibility
	}{{"input.visibility", "visibility", patch.Visibility}, {"input.profileVisibility", "profileVisibility", patch.ProfileVisibility}} {
		if f.v == nil {
			continue
		}
		if !slices.Contains(Visibilities, *f.v) {
			c.fail(f.field, "%s must be one of PUBLIC, MEMBERS, CONNECTIONS, PRIVATE, got %q", f.field, *f.v)
		}
		set[f.prop] = string(*f.v)
	}
	if patch.OpenToIntroductions != nil {
		set["openToIntroductions"] = *patch.OpenToIntroductions
	}
	if c.err != nil {
		return Person{}, c.err
	}
	return write(ctx, s, "set privacy", func(tx neo4j.ManagedTransaction) (Person, error) {
		p, err := single(ctx, tx, setPrivacyCypher, map[string]any{"id": id, "set": set}, personFrom)
		if errors.Is(err, errNoRows) {
			return Person{}, notFound("no person with id %q", id)
		}
		return p, err
	})
}
