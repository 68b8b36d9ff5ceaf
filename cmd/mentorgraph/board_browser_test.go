package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/mentorgraph/mentorgraph/graph"
)

// openGoalSkills are the skills a board starts from: those of the
// person's open goals, each once, in the store's order of the goals.
func openGoalSkills(t *testing.T, s *graph.Store, id string) []string {
	t.Helper()
	goals, err := s.GoalsOfPeople(context.Background(), []string{id})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, g := range goals[id] {
		if g.Status == "OPEN" && !slices.Contains(out, g.SkillID) {
			out = append(out, g.SkillID)
		}
	}
	return out
}

// boardScreen is what the Board of mentors view shows, read from the DOM.
type boardScreen struct {
	State     string   `json:"state"`
	Chips     []string `json:"chips"`
	Seats     []string `json:"seats"`
	Uncovered []string `json:"uncovered"`
	Query     string   `json:"query"`
	Hops      string   `json:"hops"`
	Error     string   `json:"error"`
	Code      string   `json:"code"`
	Status    string   `json:"status"`
}

const readBoardScreen = `(() => {
	const q = (s) => document.querySelector(s);
	const all = (s, root = document) => [...root.querySelectorAll(s)];
	return {
		state: q('.results')?.dataset.state ?? '',
		chips: all('.skills-editor .chips li').map(c => c.dataset.id),
		seats: all('.seats > li').map(s => [
			s.dataset.mentorId,
			all('.seat-skills li', s).map(c => c.dataset.id).join(','),
			s.querySelector('.seat-hops').textContent.trim(),
			all('.seat-path .hop', s).map(h => h.dataset.id).join(' > '),
		].join(' | ')),
		uncovered: all('.uncovered li').map(c => c.dataset.id),
		query: location.search,
		hops: q('#hops')?.value ?? '',
		error: q('main [role=alert]')?.innerText ?? '',
		code: q('main [role=alert]')?.dataset.errorCode ?? '',
		status: q('.results .status')?.textContent ?? '',
	};
})()`

// seatRows are the seats a board must show: "mentor | skills | hops |
// path", in the store's order.
func seatRows(b graph.Board) []string {
	var out []string
	for _, s := range b.Seats {
		var skills []string
		for _, sk := range s.Skills {
			skills = append(skills, sk.ID)
		}
		path := []string{s.Path.Steps[0].FromID}
		for _, st := range s.Path.Steps {
			path = append(path, st.ToID)
		}
		hops := fmt.Sprintf("%d hops away", s.Hops)
		if s.Hops == 1 {
			hops = "1 hop away"
		}
		out = append(out, strings.Join([]string{s.Mentor.ID, strings.Join(skills, ","), hops, strings.Join(path, " > ")}, " | "))
	}
	return out
}

func uncoveredIDs(b graph.Board) []string {
	var out []string
	for _, s := range b.Uncovered {
		out = append(out, s.ID)
	}
	return out
}

func storeBoard(t *testing.T, s *graph.Store, id string, skills []string, hops int) graph.Board {
	t.Helper()
	b, err := s.MentorBoard(context.Background(), id, skills, hops)
	if err != nil {
		t.Fatalf("store.MentorBoard: %v", err)
	}
	return b
}

// waitForBoard waits until the view shows the skills and the store's board
// for them, and returns the screen.
func waitForBoard(t *testing.T, ctx context.Context, skills []string, b graph.Board) boardScreen {
	t.Helper()
	chips, seats := jsonText(skills), jsonText(seatRows(b))
	waitFor(t, ctx, fmt.Sprintf("the board %s for %s", seats, chips), fmt.Sprintf(`(() => {
		const s = %s;
		return (s.state === 'ok' || s.state === 'none') && JSON.stringify(s.chips) === %q && JSON.stringify(s.seats) === %q;
	})()`, readBoardScreen, chips, seats))
	got := eval[boardScreen](t, ctx, readBoardScreen)
	if want := uncoveredIDs(b); !slices.Equal(got.Uncovered, want) {
		t.Errorf("uncovered skills %q, want the store's %q", got.Uncovered, want)
	}
	return got
}

// jsonText is v as JSON, as JavaScript's JSON.stringify writes it (no
// escaping of <, > and &).
func jsonText(v any) string {
	var b strings.Builder
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(v); err != nil {
		panic(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func boardURLOf(base, id string, q url.Values) string {
	u := base + "/board/" + url.PathEscape(id)
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u
}

// TestBrowserBoardCoversTheOpenGoals: from a person's page, their board
// starts from the skills of their open goals and shows the store's board:
// seats in order with the skills each covers, their distance and path,
// and the skills nobody in reach covers; more hops asks again.
func TestBrowserBoardCoversTheOpenGoals(t *testing.T) {
	store := testStore(t)
	n := theCircleNet(t, store)
	srv := uiServer(t, store)
	ctx := newBrowser(t, 120*time.Second)

	skills := openGoalSkills(t, store, n.kai)
	near := storeBoard(t, store, n.kai, skills, 2)
	far := storeBoard(t, store, n.kai, skills, 3)
	if len(skills) < 3 || len(near.Seats) < 2 || len(near.Uncovered) == 0 || slices.Equal(seatRows(near), seatRows(far)) {
		t.Fatalf("the fixture should give Kai a board of 2+ seats with a skill left uncovered within 2 hops, and another within 3; the store gives %q %q and %q %q",
			seatRows(near), uncoveredIDs(near), seatRows(far), uncoveredIDs(far))
	}

	do(t, ctx, "open Kai's page", chromedp.Navigate(personURLOf(srv.URL, n.kai, nil)))
	waitFor(t, ctx, "the profile", `document.querySelector('main')?.dataset.state === 'ok'`)
	do(t, ctx, "follow the link to the board", chromedp.Click(chromedp.CSS(`.profile-links a[data-link=board]`)))
	got := waitForBoard(t, ctx, skills, near)
	if got.Query != "" {
		t.Errorf("address %q: the open goals' skills should need no parameter", got.Query)
	}
	screenshot(t, ctx, "board")

	do(t, ctx, "within 3 hops", chromedp.SetValue(chromedp.ID("hops"), "3"), chromedp.Evaluate[chromedp.Void](`document.getElementById('hops').dispatchEvent(new Event('change', {bubbles: true}))`))
	got = waitForBoard(t, ctx, skills, far)
	if got.Query != "?hops=3" {
		t.Errorf("address %q, want ?hops=3", got.Query)
	}
	// A seat beyond one hop links to the introductions to its mentor.
	for _, s := range far.Seats {
		if s.Hops > 1 {
			do(t, ctx, "follow a seat's introductions link", chromedp.Click(chromedp.CSS(fmt.Sprintf(`.seats > li[data-mentor-id=%q] a.seat-intro`, s.Mentor.ID))))
			waitForPaths(t, ctx, storePaths(t, store, n.kai, s.Mentor.ID, 4, 3, false))
			break
		}
	}
}

// TestBrowserBoardSkillsAreEditable: removing a skill and adding one with
// the type-ahead ask for the store's board of the new list, which the
// address keeps (a reload shows it again); "back to the open goals"
// returns to them.
func TestBrowserBoardSkillsAreEditable(t *testing.T) {
	store := testStore(t)
	n := theCircleNet(t, store)
	srv := uiServer(t, store)
	ctx := newBrowser(t, 120*time.Second)

	goals := openGoalSkills(t, store, n.kai)
	do(t, ctx, "open Kai's board", chromedp.Navigate(boardURLOf(srv.URL, n.kai, nil)))
	waitForBoard(t, ctx, goals, storeBoard(t, store, n.kai, goals, 2))

	removed := goals[0]
	fewer := slices.DeleteFunc(slices.Clone(goals), func(s string) bool { return s == removed })
	do(t, ctx, "remove the first skill", chromedp.Click(chromedp.CSS(fmt.Sprintf(`.skills-editor .chips li[data-id=%q] .chip-remove`, removed))))
	got := waitForBoard(t, ctx, fewer, storeBoard(t, store, n.kai, fewer, 2))
	if q, _ := url.ParseQuery(strings.TrimPrefix(got.Query, "?")); q.Get("skills") != strings.Join(fewer, ",") {
		t.Errorf("address %s: want skills=%s", got.Query, strings.Join(fewer, ","))
	}

	more := append(slices.Clone(fewer), n.peopleMgmt)
	do(t, ctx, "type a skill", chromedp.SendKeys(chromedp.ID("add-skill"), "people manag"))
	waitFor(t, ctx, "people management among the options", fmt.Sprintf(`!!document.querySelector('#add-skill-options [data-id=%q]')`, n.peopleMgmt))
	do(t, ctx, "add it", chromedp.Click(chromedp.CSS(fmt.Sprintf(`#add-skill-options [data-id=%q]`, n.peopleMgmt))))
	board := storeBoard(t, store, n.kai, more, 2)
	waitForBoard(t, ctx, more, board)
	do(t, ctx, "reload", chromedp.Reload())
	waitForBoard(t, ctx, more, board)

	do(t, ctx, "back to the open goals", chromedp.Click(chromedp.CSS(`.skills-add button.link`)))
	got = waitForBoard(t, ctx, goals, storeBoard(t, store, n.kai, goals, 2))
	if got.Query != "" {
		t.Errorf("address %q after going back to the goals, want none", got.Query)
	}
	screenshot(t, ctx, "board-edited")
}

// TestBrowserBoardSaysWhatWentWrong: an unknown skill in the address is an
// API error in words with its code; a person without open goals is asked
// for skills.
func TestBrowserBoardSaysWhatWentWrong(t *testing.T) {
	store := testStore(t)
	n := theCircleNet(t, store)
	srv := uiServer(t, store)
	ctx := newBrowser(t, 120*time.Second)

	unknown := n.prefix + "no-such-skill"
	_, storeErr := store.MentorBoard(context.Background(), n.kai, []string{unknown}, 2)
	if storeErr == nil {
		t.Fatal("the store builds a board for an unknown skill")
	}
	do(t, ctx, "open a board with an unknown skill", chromedp.Navigate(boardURLOf(srv.URL, n.kai, url.Values{"skills": {unknown}})))
	waitFor(t, ctx, "an error", `document.querySelector('.results')?.dataset.state === 'error'`)
	got := eval[boardScreen](t, ctx, readBoardScreen)
	if got.Code != "NOT_FOUND" || !strings.Contains(strings.ToLower(got.Error), strings.ToLower(graph.Message(storeErr))) {
		t.Errorf("error shown: %q (code %q); want the store's %q with NOT_FOUND", got.Error, got.Code, graph.Message(storeErr))
	}

	if g := openGoalSkills(t, store, n.ada); len(g) != 0 {
		t.Fatalf("the fixture should give Ada no open goals; the store gives %q", g)
	}
	do(t, ctx, "open the board of someone without goals", chromedp.Navigate(boardURLOf(srv.URL, n.ada, nil)))
	waitFor(t, ctx, "the empty board", `document.querySelector('.results')?.dataset.state === 'empty'`)
	if got := eval[boardScreen](t, ctx, readBoardScreen); !strings.Contains(got.Status, "Ada Ferreira has no open goals") || len(got.Seats) != 0 {
		t.Errorf("empty board: status %q, seats %q", got.Status, got.Seats)
	}
}
