package graph_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
)

func TestAccountsSessionsAndTokens(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	p := neo4jtest.Prefix(t)
	person, other, org := p+"ada", p+"ben", p+"org"
	for _, id := range []string{person, other} {
		if _, err := s.CreatePerson(ctx, graph.PersonInput{ID: &id, Name: "P"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.CreateOrganization(ctx, graph.OrganizationInput{ID: &org, Name: "Org", Kind: "COMPANY"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddAffiliation(ctx, graph.Affiliation{PersonID: other, OrganizationID: org}); err != nil {
		t.Fatal(err)
	}

	a, err := s.CreateAccount(ctx, graph.AccountInput{Login: " " + p + "Ada@Example.ORG ", PasswordHash: "h", PersonID: person})
	if err != nil {
		t.Fatal(err)
	}
	if a.Login != p+"ada@example.org" || a.PersonID != person || a.Admin || len(a.Organizes) != 0 {
		t.Errorf("created %+v", a)
	}
	for _, c := range []struct {
		name string
		in   graph.AccountInput
		kind error
	}{
		{"the same login, other case", graph.AccountInput{Login: p + "ADA@example.org"}, graph.ErrConflict},
		{"a person with an account", graph.AccountInput{Login: p + "ada2", PersonID: person}, graph.ErrConflict},
		{"an unknown person", graph.AccountInput{Login: p + "ada3", PersonID: p + "nobody"}, graph.ErrNotFound},
		{"a login with a space", graph.AccountInput{Login: p + "a b"}, graph.ErrInvalid},
	} {
		if _, err := s.CreateAccount(ctx, c.in); !errors.Is(err, c.kind) {
			t.Errorf("%s: %v, want %v", c.name, err, c.kind)
		}
	}
	got, hash, err := s.AccountByLogin(ctx, p+"ADA@example.org")
	if err != nil || got.ID != a.ID || hash != "h" {
		t.Errorf("by login: %+v %q %v", got, hash, err)
	}
	if _, _, err := s.AccountByLogin(ctx, p+"nobody"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("unknown login: %v", err)
	}

	// Roles.
	if a, err = s.SetOrganizer(ctx, a.ID, org, true); err != nil || !slices.Equal(a.Organizes, []string{org}) {
		t.Errorf("organizer: %+v %v", a, err)
	}
	if a, err = s.SetOrganizer(ctx, a.ID, org, true); err != nil || len(a.Organizes) != 1 {
		t.Errorf("organizer twice: %+v %v", a, err)
	}
	if _, err = s.SetOrganizer(ctx, a.ID, p+"nope", true); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("organizer of nothing: %v", err)
	}
	if a, err = s.SetAdmin(ctx, a.ID, true); err != nil || !a.Admin {
		t.Errorf("admin: %+v %v", a, err)
	}
	if a, err = s.SetOrganizer(ctx, a.ID, org, false); err != nil || len(a.Organizes) != 0 || !a.Admin {
		t.Errorf("organizer revoked: %+v %v", a, err)
	}
	if n, err := s.CountAdmins(ctx); err != nil || n < 1 {
		t.Errorf("admins: %d %v", n, err)
	}
	nonMembers, err := s.StoredNonMembers(ctx, []string{person, other, p + "new"}, []string{org})
	if err != nil || !slices.Equal(nonMembers, []string{person}) {
		t.Errorf("stored non-members: %v %v; want only %s", nonMembers, err, person)
	}

	// Sessions: by hash, expired ones dropped at the next sign-in.
	if err := s.CreateSession(ctx, a.ID, p+"old", time.Now().Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateSession(ctx, a.ID, p+"s1", time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SessionAccount(ctx, p+"old"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("an expired session after the next sign-in: %v", err)
	}
	sa, exp, err := s.SessionAccount(ctx, p+"s1")
	if err != nil || sa.ID != a.ID || time.Until(exp) < 50*time.Minute {
		t.Errorf("session: %+v %v %v", sa, exp, err)
	}
	if err := s.DeleteSession(ctx, p+"s1"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SessionAccount(ctx, p+"s1"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("a deleted session: %v", err)
	}

	// API tokens.
	tok, err := s.CreateAPIToken(ctx, graph.APITokenInput{AccountID: a.ID, Hash: p + "t1", Name: "ci", Scope: "READ_ONLY", ExpiresAt: time.Now().Add(time.Hour)})
	if err != nil || tok.Scope != "READ_ONLY" || tok.LastUsedAt != nil {
		t.Fatalf("token: %+v %v", tok, err)
	}
	if _, err := s.CreateAPIToken(ctx, graph.APITokenInput{AccountID: a.ID, Hash: p + "t2", Name: "x", Scope: "ALL"}); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("a token of scope ALL: %v", err)
	}
	now := time.Now().UTC().Truncate(time.Second)
	if err := s.TouchAPIToken(ctx, tok.ID, now); err != nil {
		t.Fatal(err)
	}
	tt, ta, err := s.TokenAccount(ctx, p+"t1")
	if err != nil || ta.ID != a.ID || tt.ID != tok.ID || tt.LastUsedAt == nil || !tt.LastUsedAt.Equal(now) {
		t.Errorf("token account: %+v %+v %v", tt, ta, err)
	}
	if owner, err := s.APITokenOwner(ctx, tok.ID); err != nil || owner != a.ID {
		t.Errorf("owner: %q %v", owner, err)
	}
	if list, err := s.APITokensOf(ctx, a.ID); err != nil || len(list) != 1 || list[0].Name != "ci" {
		t.Errorf("tokens of: %+v %v", list, err)
	}
	if err := s.RevokeAPIToken(ctx, tok.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.TokenAccount(ctx, p+"t1"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("a revoked token: %v", err)
	}
	if err := s.RevokeAPIToken(ctx, tok.ID); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("revoking twice: %v", err)
	}
}
