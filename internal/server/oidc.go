package server

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/internal/auth"
)

// Sign-in through an OpenID Provider: the authorization code flow with
// state, nonce and PKCE (S256).
//
//	GET /auth/oidc/start?return=/find   → the provider's sign-in page
//	GET /auth/oidc/callback?code&state → a session, then back to return
//
// The account is found by the verified e-mail address (ID token, else the
// userinfo endpoint) as its login. A person without an account signs up
// as a MEMBER (with a new person of their name) only when
// OIDCConfig.SignUpDomain is their address's domain; anyone else needs an
// account made for them first (admin create, or the demo accounts).

// OIDCConfig configures sign-in through an OpenID Provider.
type OIDCConfig struct {
	// Issuer is the provider's issuer URL (its discovery document is at
	// Issuer + /.well-known/openid-configuration).
	Issuer       string
	ClientID     string
	ClientSecret string
	// RedirectURL is this server's /auth/oidc/callback as the provider
	// sees it, e.g. https://mentors.example.org/auth/oidc/callback.
	RedirectURL string
	// Name is what the sign-in page calls the provider ("Sign in with
	// <Name>"); the issuer when empty.
	Name string
	// SignUpDomain, when set, lets a person whose verified e-mail address
	// is at this domain (e.g. example.org) and who has no account yet
	// sign up as a MEMBER; others need an account made for them first.
	SignUpDomain string
}

func (c *OIDCConfig) displayName() string {
	if c.Name != "" {
		return c.Name
	}
	return c.Issuer
}

// oidcProvider is the discovered provider and the client of it.
type oidcProvider struct {
	cfg      OIDCConfig
	provider *oidc.Provider
	oauth    oauth2.Config
	verifier *oidc.IDTokenVerifier
}

// newOIDCProvider discovers the provider (its discovery document must
// answer at start-up).
func newOIDCProvider(ctx context.Context, c OIDCConfig) (*oidcProvider, error) {
	dctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	p, err := oidc.NewProvider(dctx, c.Issuer)
	if err != nil {
		return nil, fmt.Errorf("OIDC issuer %s: %w", c.Issuer, err)
	}
	return &oidcProvider{
		cfg:      c,
		provider: p,
		oauth: oauth2.Config{
			ClientID: c.ClientID, ClientSecret: c.ClientSecret, RedirectURL: c.RedirectURL,
			Endpoint: p.Endpoint(), Scopes: []string{oidc.ScopeOpenID, "email", "profile"},
		},
		verifier: p.Verifier(&oidc.Config{ClientID: c.ClientID}),
	}, nil
}

// oidcCookie holds the flow's secrets between start and callback
// (HttpOnly, 10 minutes, only sent to /auth/oidc/).
const (
	oidcCookie     = "mg_oidc"
	oidcCookiePath = "/auth/oidc/"
	oidcFlowTTL    = 10 * time.Minute
)

type oidcFlow struct {
	State    string `json:"s"`
	Nonce    string `json:"n"`
	Verifier string `json:"v"`
	Return   string `json:"r"`
}

// localPath is p when it is a path of this site, else "/".
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") || strings.HasPrefix(p, "/auth/") {
		return "/"
	}
	return p
}

func (g *guard) handleOIDCStart(w http.ResponseWriter, r *http.Request) {
	f := oidcFlow{
		State: auth.NewSessionID(), Nonce: auth.NewSessionID(), Verifier: oauth2.GenerateVerifier(),
		Return: localPath(r.URL.Query().Get("return")),
	}
	b, _ := json.Marshal(f)
	http.SetCookie(w, &http.Cookie{
		Name: oidcCookie, Value: base64.RawURLEncoding.EncodeToString(b), Path: oidcCookiePath,
		HttpOnly: true, Secure: g.secure(r), SameSite: http.SameSiteLaxMode, MaxAge: int(oidcFlowTTL / time.Second),
	})
	u := g.oidc.oauth.AuthCodeURL(f.State, oidc.Nonce(f.Nonce), oauth2.S256ChallengeOption(f.Verifier))
	http.Redirect(w, r, u, http.StatusFound)
}

// signInFailed sends the browser back to the sign-in page, saying why.
func signInFailed(w http.ResponseWriter, r *http.Request, why string) {
	http.Redirect(w, r, "/signin?error="+url.QueryEscape(why), http.StatusFound)
}

func (g *guard) handleOIDCCallback(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 30*time.Second)
	defer cancel()
	// The flow's cookie is used once.
	http.SetCookie(w, &http.Cookie{Name: oidcCookie, Path: oidcCookiePath, MaxAge: -1, HttpOnly: true, Secure: g.secure(r), SameSite: http.SameSiteLaxMode})
	var f oidcFlow
	c, err := r.Cookie(oidcCookie)
	if err == nil {
		var b []byte
		if b, err = base64.RawURLEncoding.DecodeString(c.Value); err == nil {
			err = json.Unmarshal(b, &f)
		}
	}
	q := r.URL.Query()
	switch {
	case err != nil || f.State == "":
		signInFailed(w, r, "the sign-in took too long or was not started here; try again")
		return
	case !auth.SameSecret(q.Get("state"), f.State):
		signInFailed(w, r, "the sign-in's state does not match; try again")
		return
	case q.Get("error") != "":
		signInFailed(w, r, g.oidc.cfg.displayName()+" refused the sign-in: "+q.Get("error"))
		return
	}
	email, name, err := g.oidc.identify(ctx, q.Get("code"), f)
	if err != nil {
		g.log.Warn("OIDC sign-in", "err", err)
		signInFailed(w, r, "the sign-in with "+g.oidc.cfg.displayName()+" failed: "+err.Error())
		return
	}
	a, _, err := g.store.AccountByLogin(ctx, email)
	if errors.Is(err, graph.ErrNotFound) {
		a, err = g.signUp(ctx, email, name)
	}
	if err != nil {
		var refused *signUpRefused
		if errors.As(err, &refused) {
			signInFailed(w, r, refused.msg)
			return
		}
		g.log.Warn("OIDC sign-in", "err", err)
		signInFailed(w, r, "the database is unavailable; try again")
		return
	}
	if _, err := g.startSession(ctx, w, r, a); err != nil {
		g.log.Warn("OIDC sign-in", "err", err)
		signInFailed(w, r, "the database is unavailable; try again")
		return
	}
	http.Redirect(w, r, f.Return, http.StatusFound)
}

// identify exchanges the code (with the PKCE verifier), verifies the ID
// token and its nonce, and returns the verified e-mail address and name.
func (p *oidcProvider) identify(ctx context.Context, code string, f oidcFlow) (email, name string, err error) {
	tok, err := p.oauth.Exchange(ctx, code, oauth2.VerifierOption(f.Verifier))
	if err != nil {
		return "", "", fmt.Errorf("exchanging the code: %w", err)
	}
	raw, ok := tok.Extra("id_token").(string)
	if !ok {
		return "", "", errors.New("the provider sent no ID token")
	}
	idt, err := p.verifier.Verify(ctx, raw)
	if err != nil {
		return "", "", fmt.Errorf("the ID token: %w", err)
	}
	if !auth.SameSecret(idt.Nonce, f.Nonce) {
		return "", "", errors.New("the ID token's nonce does not match")
	}
	var claims struct {
		Email         string `json:"email"`
		EmailVerified *bool  `json:"email_verified"`
		Name          string `json:"name"`
	}
	if err := idt.Claims(&claims); err != nil {
		return "", "", err
	}
	verified := claims.EmailVerified != nil && *claims.EmailVerified
	if claims.Email == "" {
		info, err := p.provider.UserInfo(ctx, oauth2.StaticTokenSource(tok))
		if err != nil {
			return "", "", fmt.Errorf("userinfo: %w", err)
		}
		if info.Subject != idt.Subject {
			return "", "", errors.New("userinfo is about someone else than the ID token")
		}
		claims.Email, verified = info.Email, info.EmailVerified
		var more struct {
			Name string `json:"name"`
		}
		if info.Claims(&more) == nil && claims.Name == "" {
			claims.Name = more.Name
		}
	}
	if claims.Email == "" || !verified {
		return "", "", errors.New("the provider did not send a verified e-mail address")
	}
	return graph.NormalizeLogin(claims.Email), claims.Name, nil
}

// signUpRefused: no account for the address, and no sign-up for it.
type signUpRefused struct{ msg string }

func (e *signUpRefused) Error() string { return e.msg }

// signUp makes a MEMBER account (and its person) for email, when the
// deployment lets its domain sign up.
func (g *guard) signUp(ctx context.Context, email, name string) (graph.Account, error) {
	domain := g.oidc.cfg.SignUpDomain
	_, at, _ := strings.Cut(email, "@")
	if domain == "" || !strings.EqualFold(at, domain) {
		return graph.Account{}, &signUpRefused{"there is no account for " + email + ": ask an admin to create one"}
	}
	if strings.TrimSpace(name) == "" {
		name, _, _ = strings.Cut(email, "@")
	}
	p, err := g.store.CreatePerson(ctx, graph.PersonInput{Name: name})
	if err != nil {
		return graph.Account{}, err
	}
	return g.store.CreateAccount(ctx, graph.AccountInput{Login: email, PersonID: p.ID})
}
