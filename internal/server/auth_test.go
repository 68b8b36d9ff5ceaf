package server_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/internal/apitest"
	"github.com/mentorgraph/mentorgraph/internal/auth"
	"github.com/mentorgraph/mentorgraph/internal/server"
	"github.com/mentorgraph/mentorgraph/resolvers"
)

// answer is an HTTP answer: status, headers, GraphQL body.
type answer struct {
	status int
	header http.Header
	apitest.Response
	raw string
}

func (a answer) code() any {
	if len(a.Errors) == 0 {
		return nil
	}
	return a.Errors[0].Extensions["code"]
}

// send posts a GraphQL query to url with headers.
func send(t *testing.T, c *http.Client, url, query string, headers map[string]string) answer {
	t.Helper()
	return sendVars(t, c, url, query, nil, headers)
}

// sendVars is send with variables.
func sendVars(t *testing.T, c *http.Client, url, query string, vars map[string]any, headers map[string]string) answer {
	t.Helper()
	doc := map[string]any{"query": query}
	if vars != nil {
		doc["variables"] = vars
	}
	body, _ := json.Marshal(doc)
	req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	if c == nil {
		c = http.DefaultClient
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	out := answer{status: resp.StatusCode, header: resp.Header, raw: string(raw)}
	_ = json.Unmarshal(raw, &out.Response)
	return out
}

func bearer(token string) map[string]string {
	return map[string]string{"Authorization": "Bearer " + token}
}

func TestBearerTokens(t *testing.T) {
	a := apitest.New(t)
	me := a.Person("me", nil)
	acc := a.Account("me", me, false)
	good := a.NewToken(acc.ID, "READ_WRITE", time.Hour)
	readOnly := a.NewToken(acc.ID, "READ_ONLY", time.Hour)
	expired := a.NewToken(acc.ID, "READ_WRITE", -time.Minute)
	const whoami = `{ me { login role person { id } } }`

	t.Run("a good token", func(t *testing.T) {
		r := send(t, nil, a.URL, whoami, bearer(good))
		if r.status != 200 || len(r.Errors) > 0 || apitest.At(r.Data, "me", "person", "id") != me || apitest.At(r.Data, "me", "role") != "MEMBER" {
			t.Fatalf("HTTP %d %s", r.status, r.raw)
		}
	})
	for _, c := range []struct {
		name, header, says string
	}{
		{"expired", "Bearer " + expired, "expired"},
		{"unknown", "Bearer " + auth.NewToken(), "unknown or revoked"},
		{"malformed", "Bearer not-a-token", "malformed"},
		{"a truncated token", "Bearer " + good[:len(good)-2], "malformed"},
		{"not bearer", "Basic " + good, "Bearer <token>"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := send(t, nil, a.URL, whoami, map[string]string{"Authorization": c.header})
			if r.status != http.StatusUnauthorized || r.code() != resolvers.CodeUnauthenticated || r.Data != nil {
				t.Fatalf("HTTP %d %s; want 401 UNAUTHENTICATED, no data", r.status, r.raw)
			}
			if !strings.Contains(r.Errors[0].Message, c.says) {
				t.Errorf("message %q does not say %q", r.Errors[0].Message, c.says)
			}
			if !strings.HasPrefix(r.header.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("WWW-Authenticate %q", r.header.Get("WWW-Authenticate"))
			}
		})
	}
	t.Run("read-only on a mutation", func(t *testing.T) {
		r := send(t, nil, a.URL, `mutation { updatePerson(input: {id: "`+me+`", headline: "ro"}) { id } }`, bearer(readOnly))
		if r.code() != resolvers.CodeForbidden || !strings.Contains(r.Errors[0].Message, "READ_ONLY") {
			t.Fatalf("HTTP %d %s; want FORBIDDEN naming READ_ONLY", r.status, r.raw)
		}
		if r := send(t, nil, a.URL, whoami, bearer(readOnly)); len(r.Errors) > 0 {
			t.Errorf("read-only token on a query: %s", r.raw)
		}
	})
	t.Run("created, listed, revoked", func(t *testing.T) {
		r := send(t, nil, a.URL, `mutation { createApiToken(name: "script", scope: READ_WRITE, expiresIn: "2d") { secret token { id name scope expiresAt } } }`, bearer(good))
		secret, _ := apitest.At(r.Data, "createApiToken", "secret").(string)
		id, _ := apitest.At(r.Data, "createApiToken", "token", "id").(string)
		if !auth.WellFormedToken(secret) || id == "" {
			t.Fatalf("createApiToken: %s", r.raw)
		}
		exp, _ := time.Parse(time.RFC3339, apitest.At(r.Data, "createApiToken", "token", "expiresAt").(string))
		if d := time.Until(exp); d < 47*time.Hour || d > 49*time.Hour {
			t.Errorf("expiresAt %v: want in 2 days", exp)
		}
		// Stored as a hash only.
		if _, _, err := a.Store.TokenAccount(context.Background(), secret); err == nil {
			t.Error("the token's secret finds a token: it is stored as is")
		}
		if r := send(t, nil, a.URL, whoami, bearer(secret)); len(r.Errors) > 0 {
			t.Fatalf("the new token: %s", r.raw)
		}
		r = send(t, nil, a.URL, `{ me { apiTokens { id name scope lastUsedAt } } }`, bearer(secret))
		list, _ := apitest.At(r.Data, "me", "apiTokens").([]any)
		if len(list) != 4 || apitest.At(list[0], "id") != id || apitest.At(list[0], "lastUsedAt") == nil {
			t.Errorf("apiTokens: %s; want 4, the new one first, used", r.raw)
		}
		// Another account may not revoke it.
		other := a.Account("other", "", false)
		r = send(t, nil, a.URL, `mutation { revokeApiToken(id: "`+id+`") }`, bearer(a.NewToken(other.ID, "READ_WRITE", time.Hour)))
		if r.code() != resolvers.CodeForbidden {
			t.Errorf("another account's revoke: %s; want FORBIDDEN", r.raw)
		}
		if r := send(t, nil, a.URL, whoami, bearer(secret)); len(r.Errors) > 0 {
			t.Fatalf("the token after another's revoke: %s", r.raw)
		}
		r = send(t, nil, a.URL, `mutation { revokeApiToken(id: "`+id+`") }`, bearer(good))
		if len(r.Errors) > 0 {
			t.Fatalf("revoke: %s", r.raw)
		}
		if r := send(t, nil, a.URL, whoami, bearer(secret)); r.status != http.StatusUnauthorized || r.code() != resolvers.CodeUnauthenticated {
			t.Errorf("a revoked token: HTTP %d %s; want 401", r.status, r.raw)
		}
	})
	t.Run("another account's token list", func(t *testing.T) {
		// me is the only way to an account's tokens; an admin granting a
		// role sees the account but not its tokens.
		r := send(t, nil, a.URL, `mutation { grantRole(login: "`+acc.Login+`", role: ADMIN) { login apiTokens { id } } }`, bearer(a.Token))
		if r.code() != resolvers.CodeForbidden {
			t.Errorf("an admin reading another's tokens: %s; want FORBIDDEN", r.raw)
		}
	})
}

func TestLockedDownUnlessPublicDirectory(t *testing.T) {
	a := apitest.New(t)
	p := a.Person("kim", nil)
	r := send(t, nil, a.URL, `{ person(id: "`+p+`") { name } }`, nil)
	if r.status != http.StatusUnauthorized || r.code() != resolvers.CodeUnauthenticated || r.Data != nil || strings.Contains(r.raw, "Kim") {
		t.Fatalf("anonymous: HTTP %d %s; want 401 UNAUTHENTICATED and no data", r.status, r.raw)
	}
	sec := server.DefaultSecurity
	sec.PublicDirectory = true
	pub := apitest.NewWithSecurity(t, server.DefaultLimits, sec)
	// A public directory shows the people who chose PUBLIC, no one else.
	a.OK(`mutation($id: ID!) { setPrivacy(input: {personId: $id, visibility: PUBLIC}) { id } }`, map[string]any{"id": p})
	lee := a.Person("lee", nil)
	r = send(t, nil, pub.URL, `{ me { login } person(id: "`+p+`") { name } lee: person(id: "`+lee+`") { name } }`, nil)
	if len(r.Errors) > 0 || apitest.At(r.Data, "person", "name") != "Kim" || apitest.At(r.Data, "me") != nil || apitest.At(r.Data, "lee") != nil {
		t.Fatalf("anonymous in a public directory: %s; want the PUBLIC person, lee (MEMBERS) and me null", r.raw)
	}
	r = send(t, nil, pub.URL, `mutation { updatePerson(input: {id: "`+p+`", headline: "anon"}) { id } }`, nil)
	if r.code() != resolvers.CodeUnauthenticated {
		t.Errorf("anonymous mutation in a public directory: %s; want UNAUTHENTICATED", r.raw)
	}
	r = send(t, nil, pub.URL, `{ coverageGaps { totalCount } }`, nil)
	if r.code() != resolvers.CodeUnauthenticated {
		t.Errorf("anonymous coverage in a public directory: %s; want UNAUTHENTICATED", r.raw)
	}
}

func TestCoverageNeedsTheOrganizationsOrganizer(t *testing.T) {
	a := apitest.New(t)
	orgA, orgB := a.Organization("a"), a.Organization("b")
	o := a.Account("o", "", false)
	if _, err := a.Store.SetOrganizer(context.Background(), o.ID, orgA, true); err != nil {
		t.Fatal(err)
	}
	m := a.Account("m", "", false)
	tok, memberTok := a.NewToken(o.ID, "READ_ONLY", time.Hour), a.NewToken(m.ID, "READ_WRITE", time.Hour)
	q := func(org string) string {
		if org == "" {
			return `{ coverageGaps { totalCount } }`
		}
		return `{ coverageGaps(organization: "` + org + `") { totalCount } }`
	}
	for _, c := range []struct {
		name, token, org string
		want             any
	}{
		{"organizer, own", tok, orgA, nil},
		{"organizer, other", tok, orgB, resolvers.CodeForbidden},
		{"organizer, whole network", tok, "", resolvers.CodeForbidden},
		{"member", memberTok, orgA, resolvers.CodeForbidden},
		{"admin, whole network", a.Token, "", nil},
	} {
		if r := send(t, nil, a.URL, q(c.org), bearer(c.token)); r.code() != c.want {
			t.Errorf("%s: %s; want %v", c.name, r.raw, c.want)
		}
	}
}

// browser is a client with a cookie jar on the whole server (NewMux).
type browser struct {
	t    *testing.T
	base string
	c    *http.Client
}

func newSite(t *testing.T, sec server.Security) (*apitest.API, *httptest.Server) {
	a := apitest.New(t)
	mux, err := server.NewMux(context.Background(), a.Store, "test", server.DefaultLimits, sec, apitest.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	return a, ts
}

func newBrowser(t *testing.T, base string) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t, base, &http.Client{Jar: jar}}
}

func (b *browser) cookie(name string) string {
	u, _ := url.Parse(b.base)
	for _, c := range b.c.Jar.Cookies(u) {
		if c.Name == name {
			return c.Value
		}
	}
	return ""
}

func (b *browser) setCookie(name, value string) {
	u, _ := url.Parse(b.base)
	b.c.Jar.SetCookies(u, []*http.Cookie{{Name: name, Value: value, Path: "/"}})
}

// post posts a JSON body to path with headers.
func (b *browser) post(path, body string, headers map[string]string) (*http.Response, string) {
	b.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, b.base+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp, string(raw)
}

// signIn signs in with a double-submit CSRF token.
func (b *browser) signIn(login, password string) (*http.Response, string) {
	b.t.Helper()
	if b.cookie("mg_csrf") == "" {
		b.setCookie("mg_csrf", "pre-session-token-0123456789")
	}
	body, _ := json.Marshal(map[string]string{"login": login, "password": password})
	return b.post("/auth/signin", string(body), map[string]string{"X-CSRF-Token": b.cookie("mg_csrf")})
}

func (b *browser) graphql(query string, withCSRF bool) answer {
	b.t.Helper()
	h := map[string]string{}
	if withCSRF {
		h["X-CSRF-Token"] = b.cookie("mg_csrf")
	}
	return send(b.t, b.c, b.base+"/graphql", query, h)
}

// passwordAccount makes an account that signs in with password.
func passwordAccount(t *testing.T, a *apitest.API, name, password string) graph.Account {
	t.Helper()
	hash, err := auth.HashPassword(password)
	if err != nil {
		t.Fatal(err)
	}
	acc, err := a.Store.CreateAccount(context.Background(), graph.AccountInput{Login: a.ID(name), PasswordHash: hash, PersonID: a.Person(name, nil)})
	if err != nil {
		t.Fatal(err)
	}
	return acc
}

func TestPasswordSessionsAndCSRF(t *testing.T) {
	a, site := newSite(t, server.DefaultSecurity)
	acc := passwordAccount(t, a, "ada", "correct horse battery")
	b := newBrowser(t, site.URL)

	// Sign-in needs the double-submit token.
	body := `{"login":"` + acc.Login + `","password":"correct horse battery"}`
	if resp, raw := b.post("/auth/signin", body, nil); resp.StatusCode != http.StatusForbidden || !strings.Contains(raw, "CSRF") {
		t.Fatalf("sign-in without a CSRF token: %d %s; want 403", resp.StatusCode, raw)
	}
	if resp, raw := b.signIn(strings.ToUpper(acc.Login), "wrong password!"); resp.StatusCode != http.StatusUnauthorized || !strings.Contains(raw, "wrong login or password") {
		t.Fatalf("wrong password: %d %s", resp.StatusCode, raw)
	}
	if resp, raw := b.signIn("nobody-"+acc.Login, "correct horse battery"); resp.StatusCode != http.StatusUnauthorized || !strings.Contains(raw, "wrong login or password") {
		t.Fatalf("unknown login: %d %s; want the same answer as a wrong password", resp.StatusCode, raw)
	}

	// Session fixation: a session id planted before sign-in is not the
	// one the server gives, and never authenticates.
	planted := auth.NewSessionID()
	b.setCookie("mg_session", planted)
	resp, raw := b.signIn(" "+strings.ToUpper(acc.Login)+" ", "correct horse battery")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("sign-in: %d %s", resp.StatusCode, raw)
	}
	session := b.cookie("mg_session")
	if session == "" || session == planted {
		t.Fatalf("session cookie after sign-in %q (planted %q): want a new one", session, planted)
	}
	var sc *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == "mg_session" {
			sc = c
		}
	}
	if sc == nil || !sc.HttpOnly || sc.SameSite != http.SameSiteLaxMode || sc.Secure {
		t.Errorf("session cookie %+v: want HttpOnly, SameSite=Lax, not Secure on plain HTTP", sc)
	}
	if b.cookie("mg_csrf") != auth.CSRFToken(session) {
		t.Errorf("mg_csrf is not the session's CSRF token")
	}

	// Queries by POST need the CSRF header too; GET queries do not (a GET
	// never changes anything: gqlgen refuses mutations over GET).
	const whoami = `{ me { login } }`
	if r := b.graphql(whoami, false); r.status != http.StatusForbidden || r.code() != resolvers.CodeForbidden || !strings.Contains(r.Errors[0].Message, "CSRF") {
		t.Fatalf("a cookie POST without the CSRF header: HTTP %d %s; want 403 FORBIDDEN", r.status, r.raw)
	}
	if r := b.graphql(`mutation { createApiToken(name: "x", scope: READ_ONLY) { secret } }`, false); r.status != http.StatusForbidden {
		t.Fatalf("a cookie mutation without the CSRF header: HTTP %d %s; want 403", r.status, r.raw)
	}
	wrong := send(t, b.c, site.URL+"/graphql", whoami, map[string]string{"X-CSRF-Token": auth.CSRFToken(planted)})
	if wrong.status != http.StatusForbidden {
		t.Fatalf("a wrong CSRF token: HTTP %d %s; want 403", wrong.status, wrong.raw)
	}
	if r := b.graphql(whoami, true); len(r.Errors) > 0 || apitest.At(r.Data, "me", "login") != acc.Login {
		t.Fatalf("with the CSRF header: %s", r.raw)
	}
	getResp, err := b.c.Get(site.URL + "/graphql?query=" + url.QueryEscape(whoami))
	if err != nil {
		t.Fatal(err)
	}
	getRaw, _ := io.ReadAll(getResp.Body)
	getResp.Body.Close()
	if !strings.Contains(string(getRaw), acc.Login) {
		t.Errorf("GET with the session: %s", getRaw)
	}
	// The planted id never became a session.
	other := newBrowser(t, site.URL)
	other.setCookie("mg_session", planted)
	other.setCookie("mg_csrf", auth.CSRFToken(planted))
	if r := other.graphql(whoami, true); r.status != http.StatusUnauthorized {
		t.Errorf("the planted session id: HTTP %d %s; want 401", r.status, r.raw)
	}

	// Signing in again ends the old session.
	old := session
	if resp, raw := b.signIn(acc.Login, "correct horse battery"); resp.StatusCode != http.StatusOK {
		t.Fatalf("second sign-in: %d %s", resp.StatusCode, raw)
	}
	if b.cookie("mg_session") == old {
		t.Fatal("a second sign-in kept the session id")
	}
	thief := newBrowser(t, site.URL)
	thief.setCookie("mg_session", old)
	thief.setCookie("mg_csrf", auth.CSRFToken(old))
	if r := thief.graphql(whoami, true); r.status != http.StatusUnauthorized {
		t.Errorf("the previous session after a new sign-in: HTTP %d %s; want 401", r.status, r.raw)
	}

	// Sign-out needs the CSRF token, then ends the session.
	current := b.cookie("mg_session")
	if resp, _ := b.post("/auth/signout", "", nil); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("sign-out without the CSRF header: %d; want 403", resp.StatusCode)
	}
	if resp, raw := b.post("/auth/signout", "", map[string]string{"X-CSRF-Token": b.cookie("mg_csrf")}); resp.StatusCode != http.StatusOK {
		t.Fatalf("sign-out: %d %s", resp.StatusCode, raw)
	}
	if b.cookie("mg_session") != "" {
		t.Error("the session cookie is still set after sign-out")
	}
	again := newBrowser(t, site.URL)
	again.setCookie("mg_session", current)
	again.setCookie("mg_csrf", auth.CSRFToken(current))
	if r := again.graphql(whoami, true); r.status != http.StatusUnauthorized {
		t.Errorf("the session after sign-out: HTTP %d %s; want 401", r.status, r.raw)
	}
}

func TestSecureCookiesBehindTLS(t *testing.T) {
	sec := server.DefaultSecurity
	sec.SecureCookies = true
	a, site := newSite(t, sec)
	acc := passwordAccount(t, a, "ben", "correct horse battery")
	resp, raw := newBrowser(t, site.URL).signIn(acc.Login, "correct horse battery")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("sign-in: %d %s", resp.StatusCode, raw)
	}
	for _, c := range resp.Cookies() {
		if !c.Secure {
			t.Errorf("cookie %s is not Secure behind TLS", c.Name)
		}
	}
}

func TestSignInRateLimit(t *testing.T) {
	sec := server.DefaultSecurity
	sec.SignInFailures, sec.SignInWindow = 3, time.Minute
	a, site := newSite(t, sec)
	acc := passwordAccount(t, a, "cy", "correct horse battery")
	b := newBrowser(t, site.URL)
	for i := range 3 {
		if resp, raw := b.signIn(acc.Login, "guess "+strconv.Itoa(i)+"xxxx"); resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("guess %d: %d %s; want 401", i, resp.StatusCode, raw)
		}
	}
	// Blocked now, even with the right password.
	resp, raw := b.signIn(acc.Login, "correct horse battery")
	if resp.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("after 3 failures: %d %s; want 429", resp.StatusCode, raw)
	}
	if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err != nil || s < 1 || s > 60 {
		t.Errorf("Retry-After %q: want 1-60 seconds", resp.Header.Get("Retry-After"))
	}
	// Another login from the same client is not blocked yet (3 of 12).
	other := passwordAccount(t, a, "dee", "correct horse battery")
	if resp, raw := b.signIn(other.Login, "correct horse battery"); resp.StatusCode != http.StatusOK {
		t.Errorf("another login: %d %s", resp.StatusCode, raw)
	}
	// Unknown logins count per client too: 12 failures block the client.
	for i := range 12 {
		b.signIn("nobody-"+strconv.Itoa(i), "whatever-password")
	}
	if resp, _ := b.signIn(other.Login, "correct horse battery"); resp.StatusCode != http.StatusTooManyRequests {
		t.Errorf("a client after 12 failures: %d; want 429", resp.StatusCode)
	}
}
