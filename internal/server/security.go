package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/internal/auth"
	"github.com/mentorgraph/mentorgraph/resolvers"
)

// Security is how the server knows who asks and what anonymous requests
// may do. The zero value, with DefaultSecurity's durations, is locked
// down: every GraphQL request needs a session or an API token.
type Security struct {
	// PublicDirectory lets anonymous requests ask queries (mutations and
	// the fields marked @auth still need an account).
	PublicDirectory bool
	// SessionTTL is how long a browser session lasts after sign-in.
	SessionTTL time.Duration
	// SecureCookies marks cookies Secure even on plain HTTP requests: the
	// server is behind a proxy that terminates TLS. Requests that came
	// over TLS get Secure cookies anyway.
	SecureCookies bool
	// ViewerCacheTTL is how long a resolved session or token is trusted
	// without asking Neo4j again (0: ask every time). Sign-out, revocation
	// and role changes take effect at once in this process, within the
	// TTL in others.
	ViewerCacheTTL time.Duration
	// SignInFailures failed sign-ins per login, and 4× as many per client
	// address, within SignInWindow, block further attempts until the
	// window ends (429, Retry-After). 0: no limit.
	SignInFailures int
	SignInWindow   time.Duration
	// OIDC, when set, enables sign-in through an OpenID Provider.
	OIDC *OIDCConfig
}

// DefaultSecurity is the locked-down default.
var DefaultSecurity = Security{
	SessionTTL:     7 * 24 * time.Hour,
	ViewerCacheTTL: 5 * time.Second,
	SignInFailures: 5,
	SignInWindow:   5 * time.Minute,
}

// Cookie and header names.
const (
	sessionCookie = "mg_session"
	// csrfCookie holds the CSRF token the page sends back in csrfHeader:
	// readable by scripts (not HttpOnly); only pages of this origin can.
	csrfCookie = "mg_csrf"
	csrfHeader = "X-CSRF-Token"
)

// lastUsedResolution: an API token's lastUsedAt is written at most this
// often (when its viewer is not cached).
const lastUsedResolution = time.Minute

// guard resolves each request's viewer and holds the state of sign-in:
// the viewer cache and the sign-in limiters.
type guard struct {
	store   *graph.Store
	sec     Security
	viewers *auth.Cache
	logins  *auth.Limiter
	clients *auth.Limiter
	log     *slog.Logger
	oidc    *oidcProvider
}

func newGuard(store *graph.Store, sec Security, viewers *auth.Cache, log *slog.Logger) *guard {
	return &guard{
		store: store, sec: sec, viewers: viewers, log: log,
		logins:  auth.NewLimiter(sec.SignInFailures, sec.SignInWindow),
		clients: auth.NewLimiter(4*sec.SignInFailures, sec.SignInWindow),
	}
}

// credentialError is a credential the request sent that does not work
// (malformed, unknown, expired): 401 with WWW-Authenticate.
type credentialError struct{ msg string }

func (e *credentialError) Error() string { return e.msg }

// viewerOf resolves the request's viewer: a bearer token when the request
// has an Authorization header, else the session cookie. An anonymous
// request gives nil, nil; a bad bearer token a *credentialError. A bad or
// expired session cookie counts as none (the browser then signs in
// again); sessionID is the cookie's session id when it resolved.
func (g *guard) viewerOf(ctx context.Context, r *http.Request) (v *auth.Viewer, sessionID string, err error) {
	if h := r.Header.Get("Authorization"); h != "" {
		v, err := g.tokenViewer(ctx, h)
		return v, "", err
	}
	c, err := r.Cookie(sessionCookie)
	if err != nil || !auth.WellFormedSessionID(c.Value) {
		return nil, "", nil
	}
	hash := auth.HashSecret(c.Value)
	if v, ok := g.viewers.Get(hash); ok {
		return v, c.Value, nil
	}
	a, expires, err := g.store.SessionAccount(ctx, hash)
	switch {
	case errors.Is(err, graph.ErrNotFound):
		return nil, "", nil
	case err != nil:
		return nil, "", err
	case !time.Now().Before(expires):
		return nil, "", nil
	}
	v = viewerOf(a, auth.Session, auth.ReadWrite, "")
	g.viewers.Put(hash, v, expires)
	return v, c.Value, nil
}

// tokenViewer resolves an Authorization header's bearer token.
func (g *guard) tokenViewer(ctx context.Context, header string) (*auth.Viewer, error) {
	scheme, token, ok := strings.Cut(header, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return nil, &credentialError{"the Authorization header must be `Bearer <token>`"}
	}
	token = strings.TrimSpace(token)
	if !auth.WellFormedToken(token) {
		return nil, &credentialError{"the bearer token is malformed: MentorGraph tokens start with " + auth.TokenPrefix + " (create one with createApiToken or `mentorgraph token create`)"}
	}
	hash := auth.HashSecret(token)
	if v, ok := g.viewers.Get(hash); ok {
		return v, nil
	}
	t, a, err := g.store.TokenAccount(ctx, hash)
	switch {
	case errors.Is(err, graph.ErrNotFound):
		return nil, &credentialError{"the bearer token is unknown or revoked"}
	case err != nil:
		return nil, err
	}
	now := time.Now()
	if !now.Before(t.ExpiresAt) {
		return nil, &credentialError{"the bearer token expired at " + t.ExpiresAt.UTC().Format(time.RFC3339) + ": create a new one"}
	}
	if t.LastUsedAt == nil || now.Sub(*t.LastUsedAt) >= lastUsedResolution {
		if err := g.store.TouchAPIToken(ctx, t.ID, now.UTC().Truncate(time.Second)); err != nil {
			g.log.Warn("recording an API token's use", "err", err)
		}
	}
	v := viewerOf(a, auth.Token, auth.Scope(t.Scope), t.ID)
	g.viewers.Put(hash, v, t.ExpiresAt)
	return v, nil
}

// viewerOf is the Viewer of an account.
func viewerOf(a graph.Account, via auth.Credential, scope auth.Scope, tokenID string) *auth.Viewer {
	return &auth.Viewer{
		AccountID: a.ID, Login: a.Login, PersonID: a.PersonID, IsAdmin: a.Admin,
		Organizes: a.Organizes, Via: via, Scope: scope, TokenID: tokenID,
	}
}

// Messages of the refusals the guard answers itself.
const (
	anonymousMessage = "sign in first: this server answers signed-in accounts only (a session cookie from /signin, or an API token as Authorization: Bearer)"
	csrfMessage      = "missing or wrong CSRF token: a signed-in browser sends the " + csrfCookie + " cookie's value in the " + csrfHeader + " header with every POST"
)

// middleware is the middleware that puts each request's viewer in its
// context (auth.WithViewer), and the audience every store call of the
// request answers (graph.WithAudience: privacy is filtered in the Cypher
// of each question). It answers itself:
//   - 401 UNAUTHENTICATED with WWW-Authenticate for a bad bearer token, and
//     for an anonymous request unless the directory is public;
//   - 403 FORBIDDEN for a POST authenticated by the session cookie without
//     the session's CSRF token (bearer requests need none: a browser never
//     adds the header by itself).
func (g *guard) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, sessionID, err := g.viewerOf(r.Context(), r)
		var bad *credentialError
		switch {
		case errors.As(err, &bad):
			refuseUnauthenticated(w, `Bearer realm="mentorgraph", error="invalid_token"`, bad.msg)
			return
		case err != nil && graph.DeadlinePassed(r.Context()):
			// The request's time ran out while asking who it is.
			writeError(w, http.StatusServiceUnavailable, resolvers.CodeUnavailable, resolvers.TimedOutMessage)
			return
		case err != nil:
			g.log.WarnContext(r.Context(), "resolving the viewer", "err", err)
			writeError(w, http.StatusServiceUnavailable, resolvers.CodeUnavailable, "the database is unavailable; try again")
			return
		case v == nil && !g.sec.PublicDirectory:
			refuseUnauthenticated(w, `Bearer realm="mentorgraph"`, anonymousMessage)
			return
		case v != nil && v.Via == auth.Session && r.Method == http.MethodPost && !validCSRF(r, sessionID):
			writeError(w, http.StatusForbidden, resolvers.CodeForbidden, csrfMessage)
			return
		}
		ctx := graph.WithAudience(r.Context(), audienceOf(v))
		if v != nil {
			ctx = auth.WithViewer(ctx, v)
			noteAccount(ctx, v.AccountID)
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// audienceOf is who the store's answers to v are for (graph.Audience):
// every person and field an admin may see, what members may see for any
// other account, what is PUBLIC for an anonymous visitor of a public
// directory.
func audienceOf(v *auth.Viewer) graph.Audience {
	if v == nil {
		return graph.Audience{}
	}
	return graph.Audience{PersonID: v.PersonID, Member: true, Admin: v.IsAdmin}
}

// validCSRF reports whether r carries the CSRF token of the session.
func validCSRF(r *http.Request, sessionID string) bool {
	got := r.Header.Get(csrfHeader)
	return got != "" && auth.SameSecret(got, auth.CSRFToken(sessionID))
}

func refuseUnauthenticated(w http.ResponseWriter, challenge, msg string) {
	w.Header().Set("WWW-Authenticate", challenge)
	writeError(w, http.StatusUnauthorized, resolvers.CodeUnauthenticated, msg)
}

// writeError answers a GraphQL-shaped error with status.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", mediaJSON)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(errorAnswer(code, msg))
}

// clientAddress is the address a request came from (its TCP peer; a
// proxy's address when behind one).
func clientAddress(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// secure reports whether cookies set on r's answer are marked Secure.
func (g *guard) secure(r *http.Request) bool { return g.sec.SecureCookies || r.TLS != nil }

// retryAfter is a Retry-After value: whole seconds, at least 1.
func retryAfter(d time.Duration) string {
	return fmt.Sprint(max(int((d+time.Second-1)/time.Second), 1))
}
