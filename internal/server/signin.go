package server

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/internal/auth"
	"github.com/mentorgraph/mentorgraph/resolvers"
)

// The sign-in endpoints (under /auth/, routed by NewMux):
//
//	GET  /auth/config    what sign-in this server offers (password, OIDC)
//	POST /auth/signin    {"login", "password"} → a new session
//	POST /auth/signout   ends the session
//	GET  /auth/oidc/start, /auth/oidc/callback   OpenID Connect (oidc.go)
//
// The POSTs are CSRF-protected: sign-in by double submit (the X-CSRF-Token
// header equals the mg_csrf cookie, which only a page of this origin can
// set and read), sign-out by the session's own CSRF token.

// signInTimeout bounds a sign-in's store calls.
const signInTimeout = 10 * time.Second

// minPreSessionCSRF is the shortest double-submit token sign-in accepts.
const minPreSessionCSRF = 16

// signInAnswer is what a successful sign-in answers.
type signInAnswer struct {
	Login     string `json:"login"`
	CSRFToken string `json:"csrfToken"`
}

func (g *guard) handleConfig(w http.ResponseWriter, r *http.Request) {
	type config struct {
		Password        bool    `json:"password"`
		OIDC            *string `json:"oidc"`
		PublicDirectory bool    `json:"publicDirectory"`
	}
	c := config{Password: true, PublicDirectory: g.sec.PublicDirectory}
	if g.sec.OIDC != nil {
		name := g.sec.OIDC.displayName()
		c.OIDC = &name
	}
	w.Header().Set("Content-Type", mediaJSON)
	w.Header().Set("Cache-Control", "no-store")
	_ = json.NewEncoder(w).Encode(c)
}

func (g *guard) handleSignIn(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), signInTimeout)
	defer cancel()
	var in struct {
		Login    string `json:"login"`
		Password string `json:"password"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 8<<10)).Decode(&in); err != nil {
		writeError(w, http.StatusBadRequest, resolvers.CodeBadUserInput, `send {"login": "...", "password": "..."} as JSON`)
		return
	}
	if c, err := r.Cookie(csrfCookie); err != nil || len(c.Value) < minPreSessionCSRF || !auth.SameSecret(c.Value, r.Header.Get(csrfHeader)) {
		writeError(w, http.StatusForbidden, resolvers.CodeForbidden, "missing or wrong CSRF token: send the "+csrfCookie+" cookie's value (at least 16 characters) in the "+csrfHeader+" header")
		return
	}
	login := graph.NormalizeLogin(in.Login)
	client := clientAddress(r)
	for _, l := range []struct {
		lim *auth.Limiter
		key string
	}{{g.logins, login}, {g.clients, client}} {
		if blocked, wait := l.lim.Blocked(l.key); blocked {
			w.Header().Set("Retry-After", retryAfter(wait))
			writeError(w, http.StatusTooManyRequests, "TOO_MANY_REQUESTS", "too many failed sign-ins; try again in "+retryAfter(wait)+" s")
			return
		}
	}
	a, hash, err := g.store.AccountByLogin(ctx, login)
	switch {
	case errors.Is(err, graph.ErrNotFound):
		auth.VerifyDummy(in.Password)
	case err != nil:
		g.log.Warn("sign-in", "err", err)
		writeError(w, http.StatusServiceUnavailable, resolvers.CodeUnavailable, "the database is unavailable; try again")
		return
	case hash == "":
		auth.VerifyDummy(in.Password)
		err = auth.ErrPasswordMismatch
	default:
		err = auth.VerifyPassword(hash, in.Password)
	}
	if err != nil {
		g.logins.Fail(login)
		g.clients.Fail(client)
		writeError(w, http.StatusUnauthorized, resolvers.CodeUnauthenticated, "wrong login or password")
		return
	}
	g.logins.Reset(login)
	ans, err := g.startSession(ctx, w, r, a)
	if err != nil {
		g.log.Warn("sign-in", "err", err)
		writeError(w, http.StatusServiceUnavailable, resolvers.CodeUnavailable, "the database is unavailable; try again")
		return
	}
	w.Header().Set("Content-Type", mediaJSON)
	w.Header().Set("Cache-Control", "no-store")
	_ = json.NewEncoder(w).Encode(ans)
}

// startSession signs a into a new session: a fresh random id (never one
// the browser brought: no fixation), its hash stored, the session the
// browser had ended, and the cookies set.
func (g *guard) startSession(ctx context.Context, w http.ResponseWriter, r *http.Request, a graph.Account) (signInAnswer, error) {
	g.endSession(ctx, r)
	id := auth.NewSessionID()
	expires := time.Now().Add(g.sec.SessionTTL).UTC().Truncate(time.Second)
	if err := g.store.CreateSession(ctx, a.ID, auth.HashSecret(id), expires); err != nil {
		return signInAnswer{}, err
	}
	csrf := auth.CSRFToken(id)
	g.setCookie(w, r, sessionCookie, id, true, g.sec.SessionTTL)
	g.setCookie(w, r, csrfCookie, csrf, false, g.sec.SessionTTL)
	return signInAnswer{Login: a.Login, CSRFToken: csrf}, nil
}

// endSession deletes the session of r's cookie, if any.
func (g *guard) endSession(ctx context.Context, r *http.Request) {
	c, err := r.Cookie(sessionCookie)
	if err != nil || !auth.WellFormedSessionID(c.Value) {
		return
	}
	hash := auth.HashSecret(c.Value)
	g.viewers.Forget(hash)
	if err := g.store.DeleteSession(ctx, hash); err != nil {
		g.log.Warn("ending a session", "err", err)
	}
}

func (g *guard) handleSignOut(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), signInTimeout)
	defer cancel()
	if c, err := r.Cookie(sessionCookie); err == nil && auth.WellFormedSessionID(c.Value) {
		if !validCSRF(r, c.Value) {
			writeError(w, http.StatusForbidden, resolvers.CodeForbidden, csrfMessage)
			return
		}
		g.endSession(ctx, r)
	}
	g.setCookie(w, r, sessionCookie, "", true, -1)
	g.setCookie(w, r, csrfCookie, "", false, -1)
	w.Header().Set("Content-Type", mediaJSON)
	_, _ = w.Write([]byte(`{"signedOut":true}`))
}

// setCookie sets (maxAge > 0) or clears (maxAge < 0) a cookie of the
// whole site: SameSite=Lax, Secure over TLS or when configured.
func (g *guard) setCookie(w http.ResponseWriter, r *http.Request, name, value string, httpOnly bool, maxAge time.Duration) {
	c := &http.Cookie{
		Name: name, Value: value, Path: "/", HttpOnly: httpOnly, Secure: g.secure(r),
		SameSite: http.SameSiteLaxMode, MaxAge: int(maxAge / time.Second),
	}
	if maxAge < 0 {
		c.MaxAge = -1
	}
	http.SetCookie(w, c)
}
