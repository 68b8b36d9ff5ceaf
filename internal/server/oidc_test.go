package server_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/zitadel/oidc/v3/example/server/exampleop"
	"github.com/zitadel/oidc/v3/example/server/storage"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/internal/apitest"
	"github.com/mentorgraph/mentorgraph/internal/server"
)

// An OpenID Provider in the test process, speaking the real protocol over
// HTTP on loopback: zitadel/oidc's op package with its example storage
// and login page (users and one web client of ours).

// opUsers is the provider's users.
type opUsers map[string]*storage.User

func (u opUsers) GetUserByID(id string) *storage.User { return u[id] }
func (u opUsers) GetUserByUsername(name string) *storage.User {
	for _, user := range u {
		if user.Username == name {
			return user
		}
	}
	return nil
}
func (opUsers) ExampleClientID() string { return storage.ServiceUserID }

// listen reserves a loopback address (its URL is needed before the server
// behind it is made).
func listen(t *testing.T) (net.Listener, string) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln, "http://" + ln.Addr().String()
}

func serve(t *testing.T, ln net.Listener, h http.Handler) {
	ts := &httptest.Server{Listener: ln, Config: &http.Server{Handler: h}}
	ts.Start()
	t.Cleanup(ts.Close)
}

func TestOIDCSignInEndToEnd(t *testing.T) {
	a := apitest.New(t)
	domain := strings.TrimSuffix(a.Prefix, "-") + ".example"
	opLn, issuer := listen(t)
	mgLn, mgURL := listen(t)

	users := opUsers{}
	for _, u := range []struct {
		name, email string
		verified    bool
	}{
		{"ada", "Ada." + a.Prefix + "@example.org", true},
		{"newbie", "newbie@" + domain, true},
		{"stranger", "stranger-" + a.Prefix + "@elsewhere.example", true},
		{"unverified", "unverified@" + domain, false},
	} {
		users[u.name] = &storage.User{ID: u.name, Username: u.name, Password: "verysecure", FirstName: "Test", LastName: u.name, Email: u.email, EmailVerified: u.verified}
	}
	client := storage.WebClient("mentorgraph", "client-secret", mgURL+"/auth/oidc/callback")
	op := exampleop.SetupServer(issuer, storage.NewStorageWithClients(users, map[string]*storage.Client{"mentorgraph": client}), nil, false)
	serve(t, opLn, op)

	ada := a.Person("ada", nil)
	adaAcc, err := a.Store.CreateAccount(context.Background(), graph.AccountInput{Login: users["ada"].Email, PersonID: ada})
	if err != nil {
		t.Fatal(err)
	}
	sec := server.DefaultSecurity
	sec.OIDC = &server.OIDCConfig{Issuer: issuer, ClientID: "mentorgraph", ClientSecret: "client-secret",
		RedirectURL: mgURL + "/auth/oidc/callback", Name: "Test OP", SignUpDomain: domain}
	mux, err := server.NewMux(context.Background(), a.Store, "test", server.DefaultLimits, sec, apitest.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	serve(t, mgLn, mux)

	// signIn follows the flow as a browser: start, the provider's login
	// form, the redirects back; it returns the browser and where it ended.
	signIn := func(t *testing.T, user string) (*browser, *url.URL) {
		t.Helper()
		b := newBrowser(t, mgURL)
		resp, err := b.c.Get(mgURL + "/auth/oidc/start?return=" + url.QueryEscape("/find?skill=x"))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		id := resp.Request.URL.Query().Get("authRequestID")
		if !strings.HasPrefix(resp.Request.URL.String(), issuer+"/login/username") || id == "" {
			t.Fatalf("start led to %s, want the provider's login page", resp.Request.URL)
		}
		auth := resp.Request.URL
		// PKCE and nonce went to the provider with the request.
		resp, err = b.c.PostForm(issuer+"/login/username", url.Values{"id": {id}, "username": {user}, "password": {"verysecure"}})
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("after the provider's login (%s): HTTP %d %s", auth, resp.StatusCode, body)
		}
		return b, resp.Request.URL
	}

	t.Run("an existing account", func(t *testing.T) {
		b, end := signIn(t, "ada")
		if end.Path != "/find" || end.Query().Get("skill") != "x" {
			t.Fatalf("ended at %s, want /find?skill=x", end)
		}
		r := b.graphql(`{ me { login person { id } } }`, true)
		if len(r.Errors) > 0 || apitest.At(r.Data, "me", "login") != adaAcc.Login || apitest.At(r.Data, "me", "person", "id") != ada {
			t.Fatalf("me after OIDC sign-in: %s", r.raw)
		}
	})
	t.Run("sign-up by domain", func(t *testing.T) {
		b, end := signIn(t, "newbie")
		if end.Path != "/find" {
			t.Fatalf("ended at %s", end)
		}
		r := b.graphql(`{ me { login role person { name } } }`, true)
		if len(r.Errors) > 0 || apitest.At(r.Data, "me", "login") != "newbie@"+domain || apitest.At(r.Data, "me", "role") != "MEMBER" || apitest.At(r.Data, "me", "person", "name") == nil {
			t.Fatalf("me after sign-up: %s", r.raw)
		}
	})
	for _, c := range []struct{ user, says string }{
		{"stranger", "no account"},
		{"unverified", "verified e-mail"},
	} {
		t.Run(c.user, func(t *testing.T) {
			b, end := signIn(t, c.user)
			if end.Path != "/signin" || !strings.Contains(end.Query().Get("error"), c.says) {
				t.Fatalf("ended at %s, want /signin with an error saying %q", end, c.says)
			}
			if b.cookie("mg_session") != "" {
				t.Error("a session cookie was set")
			}
		})
	}
	t.Run("a forged callback", func(t *testing.T) {
		jar, _ := cookiejar.New(nil)
		c := &http.Client{Jar: jar}
		resp, err := c.Get(mgURL + "/auth/oidc/start")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		// The attacker's own code and state, not the ones of this browser's flow.
		resp, err = c.Get(mgURL + "/auth/oidc/callback?code=stolen&state=forged")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.Request.URL.Path != "/signin" || !strings.Contains(resp.Request.URL.Query().Get("error"), "state") {
			t.Fatalf("a forged state ended at %s", resp.Request.URL)
		}
	})
	t.Run("the sign-in page offers the provider", func(t *testing.T) {
		resp, err := http.Get(mgURL + "/auth/config")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(body), `"oidc":"Test OP"`) {
			t.Errorf("/auth/config: %s", body)
		}
	})
}
