package benchnet

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/internal/auth"
)

// Credentials are an admin account's API token and browser session, made
// for one benchmark run: the benchmarks ask the API as a signed-in tool
// or person does (the server is locked down by default).
type Credentials struct {
	Token string
	// SessionID is the mg_session cookie's value, CSRF the mg_csrf one's.
	SessionID, CSRF string
}

// AdminCredentials makes an admin account of its own for a run of the
// benchmark name (its login unique to the run), a READ_WRITE API token and
// a session of it, each valid for a day.
func AdminCredentials(ctx context.Context, store *graph.Store, name string) (Credentials, error) {
	a, err := store.CreateAccount(ctx, graph.AccountInput{Login: fmt.Sprintf("%s-%d", name, time.Now().UnixNano()), Admin: true})
	if err != nil {
		return Credentials{}, fmt.Errorf("%s account: %w", name, err)
	}
	expires := time.Now().Add(24 * time.Hour)
	c := Credentials{Token: auth.NewToken(), SessionID: auth.NewSessionID()}
	c.CSRF = auth.CSRFToken(c.SessionID)
	_, err = store.CreateAPIToken(ctx, graph.APITokenInput{AccountID: a.ID, Hash: auth.HashSecret(c.Token), Name: name, Scope: "READ_WRITE", ExpiresAt: expires})
	if err != nil {
		return Credentials{}, fmt.Errorf("%s token: %w", name, err)
	}
	if err := store.CreateSession(ctx, a.ID, auth.HashSecret(c.SessionID), expires); err != nil {
		return Credentials{}, fmt.Errorf("%s session: %w", name, err)
	}
	return c, nil
}

// Bearer returns next sending token as each request's bearer token.
func Bearer(token string, next http.RoundTripper) http.RoundTripper {
	return bearer{token, next}
}

type bearer struct {
	token string
	next  http.RoundTripper
}

func (b bearer) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+b.token)
	return b.next.RoundTrip(r)
}
