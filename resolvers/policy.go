package resolvers

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/99designs/gqlgen/graphql"

	"github.com/mentorgraph/mentorgraph/internal/auth"
)

// Authorization is decided here, once, at the API boundary: the @auth
// directive (schema/account.graphqls) on every mutation and on the
// queries that need a role calls Authorize before the field's resolver
// runs, so a denied field changes nothing. Authorize checks, in order:
//
//  1. a viewer (UNAUTHENTICATED without one);
//  2. for a mutation, a credential that may write (a READ_ONLY token is
//     FORBIDDEN);
//  3. the role the directive names (FORBIDDEN without it);
//  4. the field's rule in fieldRules: who owns the object the arguments
//     name. Admins pass every rule. A mutation without a rule is refused
//     (TestEveryMutationHasARule and the permission matrix keep the table
//     whole).

// ErrUnauthenticated: the request has no viewer.
var ErrUnauthenticated = errors.New("sign in first: this needs a signed-in account (a session cookie, or an API token as Authorization: Bearer)")

// ForbiddenError: the viewer may not do what the request asks.
type ForbiddenError struct{ Msg string }

func (e *ForbiddenError) Error() string { return e.Msg }

func forbidden(format string, args ...any) error {
	return &ForbiddenError{Msg: fmt.Sprintf(format, args...)}
}

// rule decides whether v may resolve a field with args; nil allows.
type rule func(ctx context.Context, r *Resolver, v *auth.Viewer, args map[string]any) error

// fieldRules holds the ownership rule of every field with @auth, by
// field name (mutations and queries have distinct names).
var fieldRules = map[string]rule{
	// People: an admin creates and deletes them; a member edits their own.
	"createPerson":      roleSuffices,
	"deletePerson":      roleSuffices,
	"updatePerson":      ownPerson(func(a map[string]any) string { return a["input"].(UpdatePersonInput).ID }),
	"setPrivacy":        ownPerson(func(a map[string]any) string { return a["input"].(SetPrivacyInput).PersonID }),
	"setPersonSkill":    ownPerson(func(a map[string]any) string { return a["input"].(SetPersonSkillInput).PersonID }),
	"removePersonSkill": ownPerson(func(a map[string]any) string { return a["personId"].(string) }),
	"connect":           eitherPerson(func(a map[string]any) (string, string) { in := a["input"].(ConnectInput); return in.A, in.B }),
	"disconnect":        eitherPerson(func(a map[string]any) (string, string) { return a["a"].(string), a["b"].(string) }),
	// Mentorships: both sides agree. Either side asks, or drops a request
	// (declines it, or withdraws their own); only the side asked accepts;
	// either side ends a mentorship. Admins record them directly.
	"recordMentorship": roleSuffices,
	"requestMentorship": eitherPerson(func(a map[string]any) (string, string) {
		in := a["input"].(RequestMentorshipInput)
		return in.MenteeID, in.MentorID
	}),
	"acceptMentorshipRequest":  askedSide,
	"declineMentorshipRequest": eitherPerson(func(a map[string]any) (string, string) { return a["menteeId"].(string), a["mentorId"].(string) }),
	"endMentorship": eitherPerson(func(a map[string]any) (string, string) {
		in := a["input"].(EndMentorshipInput)
		return in.MenteeID, in.MentorID
	}),
	// Goals: their person's.
	"addGoal":    ownPerson(func(a map[string]any) string { return a["input"].(AddGoalInput).PersonID }),
	"updateGoal": ownGoal(func(a map[string]any) string { return a["input"].(UpdateGoalInput).ID }),
	"removeGoal": ownGoal(func(a map[string]any) string { return a["id"].(string) }),
	// The skill catalogue and the organizations themselves: admins.
	"createSkill":        roleSuffices,
	"updateSkill":        roleSuffices,
	"deleteSkill":        roleSuffices,
	"createOrganization": roleSuffices,
	"deleteOrganization": roleSuffices,
	// An organizer: their organization, its affiliations, its imports,
	// exports and coverage.
	"updateOrganization": organizerOf(func(a map[string]any) *string { id := a["input"].(UpdateOrganizationInput).ID; return &id }),
	"addAffiliation": organizerOf(func(a map[string]any) *string {
		id := a["input"].(AddAffiliationInput).OrganizationID
		return &id
	}),
	"endAffiliation": organizerOf(func(a map[string]any) *string {
		id := a["input"].(EndAffiliationInput).OrganizationID
		return &id
	}),
	"coverageGaps":  organizerOf(func(a map[string]any) *string { id, _ := a["organization"].(*string); return id }),
	"importRecords": organizerImport,
	"exportRecords": organizerOf(func(a map[string]any) *string { id, _ := a["organization"].(*string); return id }),
	// Accounts: tokens are their owner's; roles are granted by admins.
	"createApiToken": roleSuffices,
	"revokeApiToken": ownToken,
	"grantRole":      roleSuffices,
	"revokeRole":     roleSuffices,
}

// RuledFields lists the fields that have a rule (for tests).
func RuledFields() []string {
	out := make([]string, 0, len(fieldRules))
	for f := range fieldRules {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

// Authorize is the @auth directive: see the comment at the top.
func (r *Resolver) Authorize(ctx context.Context, _ any, next graphql.Resolver, role auth.Role) (any, error) {
	v := auth.FromContext(ctx)
	if v == nil {
		return nil, ErrUnauthenticated
	}
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return nil, forbidden("internal: no field to authorize")
	}
	name := fc.Field.Name
	if fc.Object == "Mutation" && !v.CanWrite() {
		return nil, forbidden("%s changes data: this API token is READ_ONLY", name)
	}
	if !v.Has(role) {
		return nil, forbidden("%s needs the %s role", name, role)
	}
	check, ok := fieldRules[name]
	if !ok {
		return nil, forbidden("%s has no authorization rule", name)
	}
	if !v.IsAdmin {
		if err := check(ctx, r, v, fc.Args); err != nil {
			return nil, err
		}
	}
	return next(ctx)
}

// roleSuffices: the role the directive names is all it takes.
func roleSuffices(context.Context, *Resolver, *auth.Viewer, map[string]any) error { return nil }

// ownPerson: the person the arguments name is the viewer's.
func ownPerson(person func(map[string]any) string) rule {
	return func(_ context.Context, _ *Resolver, v *auth.Viewer, args map[string]any) error {
		if id := person(args); !v.Is(id) {
			return forbidden("you may change only your own person (%q is not you)", id)
		}
		return nil
	}
}

// eitherPerson: one of the two people the arguments name is the viewer.
func eitherPerson(pair func(map[string]any) (string, string)) rule {
	return func(_ context.Context, _ *Resolver, v *auth.Viewer, args map[string]any) error {
		if a, b := pair(args); !v.Is(a) && !v.Is(b) {
			return forbidden("you may change only links of your own person (neither %q nor %q is you)", a, b)
		}
		return nil
	}
}

// ownGoal: the goal the arguments name is the viewer's person's.
func ownGoal(goal func(map[string]any) string) rule {
	return func(ctx context.Context, r *Resolver, v *auth.Viewer, args map[string]any) error {
		owner, err := r.Store.GoalOwner(ctx, goal(args))
		if err != nil {
			return err
		}
		if !v.Is(owner) {
			return forbidden("you may change only your own goals")
		}
		return nil
	}
}

// organizerOf: the viewer is ORGANIZER of the organization the arguments
// name; with none (the whole network), admins only.
func organizerOf(org func(map[string]any) *string) rule {
	return func(_ context.Context, _ *Resolver, v *auth.Viewer, args map[string]any) error {
		id := org(args)
		if id == nil {
			return forbidden("only an admin may ask this of the whole network: name an organization you organize")
		}
		if !v.OrganizerOf(*id) {
			return forbidden("you are not an organizer of %q", *id)
		}
		return nil
	}
}

// askedSide: the viewer is the side of the pair's pending mentorship
// request who was asked (not the one who asked).
func askedSide(ctx context.Context, r *Resolver, v *auth.Viewer, args map[string]any) error {
	mentee, mentor := args["menteeId"].(string), args["mentorId"].(string)
	if !v.Is(mentee) && !v.Is(mentor) {
		return forbidden("you may answer only requests made to you (neither %q nor %q is you)", mentee, mentor)
	}
	q, err := r.Store.PendingMentorshipRequest(ctx, mentee, mentor)
	if err != nil {
		return err
	}
	if !v.Is(q.Answerer()) {
		return forbidden("you asked for this mentorship: %q accepts it (you may withdraw it with declineMentorshipRequest)", q.Answerer())
	}
	return nil
}

// ownToken: the API token is the viewer's.
func ownToken(ctx context.Context, r *Resolver, v *auth.Viewer, args map[string]any) error {
	owner, err := r.Store.APITokenOwner(ctx, args["id"].(string))
	if err != nil {
		return err
	}
	if owner != v.AccountID {
		return forbidden("you may revoke only your own API tokens")
	}
	return nil
}

// organizerImport: an organizer imports people and their affiliations to
// the organizations they organize, nothing else: every affiliation names
// one of their organizations, every person has one in the import, and a
// person already stored is a current member of one of them.
func organizerImport(ctx context.Context, r *Resolver, v *auth.Viewer, args map[string]any) error {
	ds, _, err := readRecords(args["ndjson"].(string))
	if err != nil {
		return err
	}
	const only = "an organizer imports only person and affiliation records of their own organizations"
	if len(ds.Skills)+len(ds.Organizations)+len(ds.PersonSkills)+len(ds.Mentorships)+len(ds.Connections)+len(ds.Goals) > 0 {
		return forbidden("%s; ask an admin to import other kinds", only)
	}
	joins := map[string]bool{}
	for _, a := range ds.Affiliations {
		if !v.OrganizerOf(a.OrganizationID) {
			return forbidden("%s: you are not an organizer of %q (line %d)", only, a.OrganizationID, a.At.Line)
		}
		joins[a.PersonID] = true
	}
	people := make([]string, 0, len(ds.People))
	for _, p := range ds.People {
		if !joins[p.ID] {
			return forbidden("%s: person %q has no affiliation to your organization in the import (line %d)", only, p.ID, p.At.Line)
		}
		people = append(people, p.ID)
	}
	if len(people) == 0 {
		return nil
	}
	outside, err := r.Store.StoredNonMembers(ctx, people, v.Organizes)
	if err != nil {
		return err
	}
	if len(outside) > 0 {
		return forbidden("%s: %q is not a current member of an organization you organize", only, outside[0])
	}
	return nil
}
