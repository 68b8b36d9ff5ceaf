package resolvers

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/internal/auth"
)

// API token lifetimes: the default when createApiToken gives none, and
// the longest.
const (
	DefaultTokenLifetime = 30 * 24 * time.Hour
	MaxTokenLifetime     = 365 * 24 * time.Hour
)

// tokenLifetime reads createApiToken's expiresIn: a Go duration (720h,
// 90m) or a number of days (30d).
func tokenLifetime(expiresIn *string) (time.Duration, error) {
	if expiresIn == nil {
		return DefaultTokenLifetime, nil
	}
	s := strings.TrimSpace(*expiresIn)
	bad := &graph.InputError{Field: "expiresIn", Msg: "expiresIn is a duration such as 720h, 90m or 30d, from 1 minute to 365 days"}
	var d time.Duration
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil {
			return 0, bad
		}
		d = time.Duration(n) * 24 * time.Hour
	} else {
		var err error
		if d, err = time.ParseDuration(s); err != nil {
			return 0, bad
		}
	}
	if d < time.Minute || d > MaxTokenLifetime {
		return 0, bad
	}
	return d, nil
}

// setRole grants (grant true) or revokes a role of the account with login.
func (r *Resolver) setRole(ctx context.Context, login string, role auth.Role, organization *string, grant bool) (*graph.Account, error) {
	a, _, err := r.Store.AccountByLogin(ctx, login)
	if err != nil {
		return nil, err
	}
	var out graph.Account
	switch role {
	case auth.Admin:
		if !grant && auth.FromContext(ctx).AccountID == a.ID {
			return nil, &graph.InputError{Field: "login", Msg: "you cannot take back your own ADMIN role: ask another admin"}
		}
		out, err = r.Store.SetAdmin(ctx, a.ID, grant)
	case auth.Organizer:
		if organization == nil {
			return nil, &graph.InputError{Field: "organization", Msg: "the ORGANIZER role is of an organization: name it"}
		}
		out, err = r.Store.SetOrganizer(ctx, a.ID, *organization, grant)
	default:
		return nil, &graph.InputError{Field: "role", Msg: "every account is a MEMBER: grant or revoke ADMIN, or ORGANIZER of an organization"}
	}
	if err != nil {
		return nil, err
	}
	r.Viewers.ForgetAccount(a.ID)
	return &out, nil
}

// mentorshipRequests lists the pending requests of the account's person:
// the ones it was asked (received) or made. Only the account itself sees
// them.
func (r *accountResolver) mentorshipRequests(ctx context.Context, obj *graph.Account, received bool) ([]*graph.MentorshipRequest, error) {
	if v := auth.FromContext(ctx); v == nil || v.AccountID != obj.ID {
		return nil, forbidden("only the account itself sees its mentorship requests")
	}
	if obj.PersonID == "" {
		return []*graph.MentorshipRequest{}, nil
	}
	qs, err := r.Store.MentorshipRequestsOf(ctx, obj.PersonID, received)
	return ptrs(qs), err
}
