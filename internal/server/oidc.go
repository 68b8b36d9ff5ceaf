package server

import (
	"context"
	"errors"
	"net/http"
)

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
	// <Name>"); the issuer's host when empty.
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

// oidcProvider is the discovered provider (oidc.go fills it at start-up).
type oidcProvider struct{}

func newOIDCProvider(ctx context.Context, c OIDCConfig) (*oidcProvider, error) {
	return nil, errors.New("OIDC: not yet")
}

func (g *guard) handleOIDCStart(w http.ResponseWriter, r *http.Request)    {}
func (g *guard) handleOIDCCallback(w http.ResponseWriter, r *http.Request) {}
