package main

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
	"github.com/mentorgraph/mentorgraph/internal/auth"
)

// TestBrowserSignInFlow: on a locked-down server a visitor is shown the
// sign-in page instead of the view they asked for; signing in with a
// password brings them back to it, as themselves ("you" from the session,
// no person picker); signing out shows the sign-in page again, and the
// session no longer answers.
func TestBrowserSignInFlow(t *testing.T) {
	store := testStore(t)
	ctx := context.Background()
	prefix := neo4jtest.Prefix(t)
	person := prefix + "ines"
	if _, err := store.CreatePerson(ctx, graph.PersonInput{ID: &person, Name: "Inès Moreau"}); err != nil {
		t.Fatal(err)
	}
	hash, err := auth.HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	login := prefix + "ines@example.org"
	if _, err := store.CreateAccount(ctx, graph.AccountInput{Login: login, PasswordHash: hash, PersonID: person}); err != nil {
		t.Fatal(err)
	}
	admin := prefix + "root@example.org"
	if _, err := store.CreateAccount(ctx, graph.AccountInput{Login: admin, PasswordHash: hash, Admin: true}); err != nil {
		t.Fatal(err)
	}
	// The real server, without the admin the views' tests get (asAdmin).
	srv := httptest.NewServer(testMux(t, store))
	t.Cleanup(srv.Close)
	b := newBrowser(t, 90*time.Second)

	do(t, b, "open the find view", chromedp.Navigate(srv.URL+"/find?skill=leadership"))
	waitFor(t, b, "the sign-in page", `!!document.querySelector('#signin-login')`)
	if eval[bool](t, b, `!!document.querySelector('#me') || !!document.querySelector('#account')`) {
		t.Error("the signed-out page shows a person picker or an account")
	}
	do(t, b, "a wrong password",
		chromedp.SendKeys(chromedp.ID("signin-login"), login),
		chromedp.SendKeys(chromedp.ID("signin-password"), "wrong password"),
		chromedp.Click(chromedp.CSS(`.signin button[type=submit]`)))
	waitFor(t, b, "the refusal", `(document.querySelector('#signin-error')?.innerText ?? '').includes('wrong login or password')`)
	do(t, b, "the right password",
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#signin-password').value = ''`),
		chromedp.SendKeys(chromedp.ID("signin-password"), "correct horse battery"),
		chromedp.Click(chromedp.CSS(`.signin button[type=submit]`)))
	waitFor(t, b, "back on the find view, signed in", `location.pathname === '/find' && (document.querySelector('#account-name')?.innerText ?? '') === 'Inès Moreau'`)
	screenshot(t, b, "signed-in")
	if got := eval[string](t, b, `location.search`); !strings.Contains(got, "skill=leadership") {
		t.Errorf("returned to %q, want the address asked for", got)
	}
	waitFor(t, b, "you from the session", `(document.querySelector('#you')?.innerText ?? '').includes('Inès Moreau')`)
	if eval[bool](t, b, `!!document.querySelector('#me')`) {
		t.Error("a member sees the person picker")
	}
	if !eval[bool](t, b, `!document.cookie.includes('mg_session') && document.cookie.includes('mg_csrf=')`) {
		t.Errorf("cookies seen by the page: %q (the session must be HttpOnly, the CSRF token readable)", eval[string](t, b, `document.cookie`))
	}

	do(t, b, "sign out", chromedp.Click(chromedp.ID("signout")))
	waitFor(t, b, "the sign-in page again", `!!document.querySelector('#signin-login')`)
	do(t, b, "reload", chromedp.Reload())
	waitFor(t, b, "still signed out after a reload", `!!document.querySelector('#signin-login') && !document.querySelector('#account')`)

	// An admin views the network as anyone: the picker, marked so.
	do(t, b, "sign in as an admin",
		chromedp.SendKeys(chromedp.ID("signin-login"), admin),
		chromedp.SendKeys(chromedp.ID("signin-password"), "correct horse battery"),
		chromedp.Click(chromedp.CSS(`.signin button[type=submit]`)))
	waitFor(t, b, "the admin's find view", `!!document.querySelector('[data-viewing-as] #me') && (document.querySelector('label[for=me]')?.innerText ?? '').includes('Viewing as')`)
	if eval[bool](t, b, `!!document.querySelector('#you')`) {
		t.Error("an admin without a person is shown as someone")
	}
}
