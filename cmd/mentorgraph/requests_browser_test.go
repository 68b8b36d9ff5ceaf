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

// TestBrowserMentorshipRequest: a mentee signed in finds a mentor and asks
// them for mentorship from the match card, with a note; the mentorship is
// not recorded yet. The mentor signs in, sees the request with the note on
// the requests page and accepts it: the mentorship is recorded (read back
// from the store) and the request is gone.
func TestBrowserMentorshipRequest(t *testing.T) {
	store := testStore(t)
	ctx := context.Background()
	p := neo4jtest.Prefix(t)
	mentee, mentor, skill := p+"maya", p+"omar", p+"negotiation"
	for _, in := range []graph.PersonInput{
		{ID: &mentee, Name: "Maya Ito", SeekingMentorship: true},
		{ID: &mentor, Name: "Omar Haddad", AvailableToMentor: true, MentorCapacity: 2},
	} {
		if _, err := store.CreatePerson(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := store.CreateSkill(ctx, graph.SkillInput{ID: &skill, Name: "Negotiation", Category: "BUSINESS"}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.SetPersonSkill(ctx, graph.PersonSkill{PersonID: mentor, SkillID: skill, Level: 4}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Connect(ctx, mentee, mentor, nil); err != nil {
		t.Fatal(err)
	}
	hash, err := auth.HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	for login, person := range map[string]string{p + "maya@example.org": mentee, p + "omar@example.org": mentor} {
		if _, err := store.CreateAccount(ctx, graph.AccountInput{Login: login, PasswordHash: hash, PersonID: person}); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(testMux(t, store))
	t.Cleanup(srv.Close)
	b := newBrowser(t, 120*time.Second)
	signInAs := func(login, path string) {
		t.Helper()
		do(t, b, "open "+path, chromedp.Navigate(srv.URL+path))
		waitFor(t, b, "the sign-in page", `!!document.querySelector('#signin-login')`)
		do(t, b, "sign in as "+login,
			chromedp.SendKeys(chromedp.ID("signin-login"), login),
			chromedp.SendKeys(chromedp.ID("signin-password"), "correct horse battery"),
			chromedp.Click(chromedp.CSS(`.signin button[type=submit]`)))
	}

	signInAs(p+"maya@example.org", "/find?skill="+skill+"&hops=1")
	waitFor(t, b, "Omar among the matches", `!!document.querySelector('[data-mentor-id="`+mentor+`"] [data-ask]')`)
	do(t, b, "ask Omar", chromedp.Click(chromedp.CSS(`[data-ask="`+mentor+`"]`)))
	do(t, b, "write a note and send",
		chromedp.SendKeys(chromedp.ID("ask-note-"+mentor), "I have a salary talk next month."),
		chromedp.Click(chromedp.CSS(`[data-send="`+mentor+`"]`)))
	waitFor(t, b, "the request sent", `!!document.querySelector('[data-asked="`+mentor+`"]')`)
	screenshot(t, b, "mentorship-asked")
	if mentors, err := store.MentorsOfPeople(ctx, []string{mentee}); err != nil || len(mentors[mentee]) != 0 {
		t.Errorf("asking recorded a mentorship: %v %v", mentors, err)
	}
	do(t, b, "Maya's requests", chromedp.Click(chromedp.CSS(`[data-asked] a`)))
	waitFor(t, b, "the request among those Maya sent", `!!document.querySelector('#sent [data-withdraw="`+mentor+`"]')`)
	do(t, b, "sign out", chromedp.Click(chromedp.ID("signout")))
	waitFor(t, b, "signed out", `!!document.querySelector('#signin-login')`)

	signInAs(p+"omar@example.org", "/requests")
	waitFor(t, b, "Maya's request with her note", `(document.querySelector('#received [data-person-id="`+mentee+`"]')?.innerText ?? '').includes('I have a salary talk next month.')`)
	if got := eval[string](t, b, `document.querySelector('#received [data-person-id="`+mentee+`"]').innerText`); !strings.Contains(got, "Maya Ito asks you to mentor them in Negotiation") {
		t.Errorf("the request reads %q", got)
	}
	screenshot(t, b, "mentorship-requests")
	do(t, b, "accept", chromedp.Click(chromedp.CSS(`[data-accept="`+mentee+`"]`)))
	waitFor(t, b, "accepted", `(document.querySelector('#requests-status')?.innerText ?? '').includes('You now mentor Maya Ito') && !!document.querySelector('#received-empty')`)
	all, err := store.MentorsOfPeople(ctx, []string{mentee})
	mentors := all[mentee]
	if err != nil || len(mentors) != 1 || mentors[0].MentorID != mentor || mentors[0].Status != "ACTIVE" || len(mentors[0].Focus) != 1 || mentors[0].Focus[0] != skill {
		t.Errorf("after accepting, Maya's mentors: %+v %v", mentors, err)
	}
}
