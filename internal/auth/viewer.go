package auth

import (
	"context"
	"slices"
)

// Role is what an account may do. Every account is a Member; an account
// is Organizer of the organizations it organizes, and Admin of the
// deployment when its deployment role says so.
type Role string

const (
	Member    Role = "MEMBER"
	Organizer Role = "ORGANIZER"
	Admin     Role = "ADMIN"
)

// Scope is what an API token lets its bearer do.
type Scope string

const (
	// ReadOnly tokens may ask queries only.
	ReadOnly Scope = "READ_ONLY"
	// ReadWrite tokens may do whatever their account may.
	ReadWrite Scope = "READ_WRITE"
)

// Credential says how a request proved who it is.
type Credential int

const (
	// Session: a browser's session cookie (needs a CSRF token to post).
	Session Credential = iota + 1
	// Token: an API token in an Authorization: Bearer header.
	Token
)

// Viewer is who asks a request: an account, the person it is, its roles,
// and the credential it came with. Store calls that filter by who may see
// what take a Viewer.
type Viewer struct {
	AccountID string
	Login     string
	// PersonID is the account's person; empty when it has none.
	PersonID string
	// IsAdmin: the account's deployment role is ADMIN.
	IsAdmin bool
	// Organizes lists the organizations the account is ORGANIZER of, sorted.
	Organizes []string
	Via       Credential
	// Scope is the token's scope (ReadWrite for sessions).
	Scope Scope
	// TokenID is the API token's id when Via is Token.
	TokenID string
}

// Has reports whether the viewer holds role: Member for every account,
// Organizer for an organizer of any organization (or an admin), Admin for
// admins.
func (v *Viewer) Has(role Role) bool {
	switch role {
	case Member:
		return true
	case Organizer:
		return v.IsAdmin || len(v.Organizes) > 0
	case Admin:
		return v.IsAdmin
	}
	return false
}

// OrganizerOf reports whether the viewer is ORGANIZER of org (admins are
// organizers of every organization).
func (v *Viewer) OrganizerOf(org string) bool {
	if v.IsAdmin {
		return true
	}
	_, found := slices.BinarySearch(v.Organizes, org)
	return found
}

// Is reports whether the viewer's account is the person with id.
func (v *Viewer) Is(personID string) bool {
	return v.PersonID != "" && v.PersonID == personID
}

// CanWrite reports whether the credential allows changes (not a
// read-only token).
func (v *Viewer) CanWrite() bool { return v.Scope != ReadOnly }

type viewerKey struct{}

// WithViewer returns ctx carrying v.
func WithViewer(ctx context.Context, v *Viewer) context.Context {
	return context.WithValue(ctx, viewerKey{}, v)
}

// FromContext returns the request's viewer, or nil for an anonymous
// request.
func FromContext(ctx context.Context) *Viewer {
	v, _ := ctx.Value(viewerKey{}).(*Viewer)
	return v
}
