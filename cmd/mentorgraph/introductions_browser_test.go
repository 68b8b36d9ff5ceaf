package main

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"

	"github.com/mentorgraph/mentorgraph/graph"
)

// storePaths is the store's own answer to the question the view asks.
func storePaths(t *testing.T, s *graph.Store, from, to string, hops, k int, availableOnly bool) []graph.Path {
	t.Helper()
	paths, err := s.ReferralPaths(context.Background(), graph.ReferralArgs{From: from, To: to, MaxHops: hops, K: k, ExcludeUnavailable: availableOnly})
	if err != nil {
		t.Fatalf("store.ReferralPaths: %v", err)
	}
	return paths
}

// pathIDs are the people of each path, as "id > id > id".
func pathIDs(paths []graph.Path) []string {
	var out []string
	for _, p := range paths {
		ids := []string{p.Steps[0].FromID}
		for _, s := range p.Steps {
			ids = append(ids, s.ToID)
		}
		out = append(out, strings.Join(ids, " > "))
	}
	return out
}

// walked is a step's link in words, as walked.
func walked(s graph.Step) string {
	switch {
	case s.Kind == graph.LinkConnection:
		return "knows"
	case s.Direction == graph.Forward:
		return "was mentored by"
	default:
		return "mentored"
	}
}

// stepRowsOf are the rows the table twin must list: "path | from | link |
// to | since" for every step of every path.
func stepRowsOf(paths []graph.Path) []string {
	var out []string
	for i, p := range paths {
		for _, s := range p.Steps {
			since := ""
			if s.Since != nil {
				since = s.Since.String()
			}
			out = append(out, fmt.Sprintf("%d | %s | %s | %s | %s", i+1, s.From.Name, walked(s), s.To.Name, since))
		}
	}
	return out
}

// introScreen is what the Introductions view shows, read from the DOM.
type introScreen struct {
	State  string     `json:"state"`
	Paths  []string   `json:"paths"`
	How    [][]string `json:"how"`
	Texts  []string   `json:"texts"`
	Drawn  string     `json:"drawn"`
	Lanes  int        `json:"lanes"`
	Rows   []string   `json:"rows"`
	Query  string     `json:"query"`
	Me     string     `json:"me"`
	To     string     `json:"to"`
	Hops   string     `json:"hops"`
	K      string     `json:"k"`
	Avail  bool       `json:"avail"`
	Chosen []string   `json:"chosen"`
	Dimmed []string   `json:"dimmed"`
	Error  string     `json:"error"`
	Code   string     `json:"code"`
	Status string     `json:"status"`
}

const readIntroScreen = `(() => {
	const q = (s) => document.querySelector(s);
	const all = (s, root = document) => [...root.querySelectorAll(s)];
	const cards = all('.referrals > li');
	return {
		state: q('.results')?.dataset.state ?? '',
		paths: cards.map(c => all('.hop', c).map(h => h.dataset.id).join(' > ')),
		how: cards.map(c => all('.hop .how', c).map(h => h.textContent)),
		texts: cards.map(c => c.querySelector('.intro-text')?.value ?? ''),
		drawn: q('.referral-drawing svg')?.dataset.drawingReady ?? '',
		lanes: all('.referral-drawing .lane').length,
		rows: all('table[data-twin=steps] tbody tr').map(r => [...r.cells].map(c => c.textContent).join(' | ')),
		query: location.search,
		me: q('#me')?.value ?? '',
		to: q('#to')?.value ?? '',
		hops: q('#hops')?.value ?? '',
		k: q('#k')?.value ?? '',
		avail: q('#avail')?.checked ?? false,
		chosen: cards.filter(c => c.classList.contains('selected')).map(c => c.dataset.path),
		dimmed: all('.referral-drawing .lane.dim').map(l => l.dataset.path),
		error: q('.results [role=alert]')?.innerText ?? '',
		code: q('.results [role=alert]')?.dataset.errorCode ?? '',
		status: q('.results .status')?.textContent ?? '',
	};
})()`

func introScreenOf(t *testing.T, ctx context.Context) introScreen {
	t.Helper()
	return eval[introScreen](t, ctx, readIntroScreen)
}

// waitForPaths waits until the view lists exactly these paths (people by
// id), in order, with the drawing made.
func waitForPaths(t *testing.T, ctx context.Context, paths []graph.Path) introScreen {
	t.Helper()
	want := pathIDs(paths)
	js := "[" + strings.Join(quoteAllJS(want), ",") + "]"
	waitFor(t, ctx, fmt.Sprintf("the paths %q, drawn", want), fmt.Sprintf(`(() => {
		const s = %s;
		return s.state === 'ok' && s.drawn !== '' && JSON.stringify(s.paths) === JSON.stringify(%s);
	})()`, readIntroScreen, js))
	return introScreenOf(t, ctx)
}

func quoteAllJS(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

func introURLOf(base string, q url.Values) string {
	return base + "/intro?" + q.Encode()
}

// checkIntroductions checks the listed paths against the store's: each
// person after you says how the one before knows them (the link's kind
// and date), the table twin lists every step, the drawing one lane per
// path, and each path's request is addressed to its first person and
// names the person to meet.
func checkIntroductions(t *testing.T, got introScreen, paths []graph.Path) {
	t.Helper()
	if len(got.How) != len(paths) || len(got.Texts) != len(paths) {
		t.Fatalf("%d paths listed with %d how-lists and %d texts, want %d", len(got.Paths), len(got.How), len(got.Texts), len(paths))
	}
	for i, p := range paths {
		if len(got.How[i]) != len(p.Steps) {
			t.Errorf("path %d: %d people say how they are known, want %d", i+1, len(got.How[i]), len(p.Steps))
			continue
		}
		for j, s := range p.Steps {
			how := got.How[i][j]
			kind := map[graph.LinkKind]string{graph.LinkConnection: "connect", graph.LinkMentorship: "mentor"}[s.Kind]
			if !strings.Contains(how, s.To.Name) || !strings.Contains(how, kind) {
				t.Errorf("path %d, %s: %q does not say %s is a %s", i+1, s.To.Name, how, s.To.Name, s.Kind)
			}
			if s.Since != nil && !strings.Contains(how, "since "+s.Since.String()) {
				t.Errorf("path %d, %s: %q does not give the date %s", i+1, s.To.Name, how, s.Since)
			}
			if j == 0 && !strings.HasPrefix(how, "You") {
				t.Errorf("path %d: the first step %q is not said from you", i+1, how)
			}
		}
		target := p.Steps[len(p.Steps)-1].To
		text := got.Texts[i]
		if !strings.Contains(text, "Hi "+p.Steps[0].To.Name+",") || !strings.Contains(text, target.Name) || !strings.Contains(text, p.Steps[0].From.Name) {
			t.Errorf("path %d: the request %q should greet %s, name %s and be signed by %s", i+1, text, p.Steps[0].To.Name, target.Name, p.Steps[0].From.Name)
		}
	}
	if rows := stepRowsOf(paths); !slices.Equal(got.Rows, rows) {
		t.Errorf("table twin:\n got %q\nwant %q", got.Rows, rows)
	}
	steps := len(stepRowsOf(paths))
	if want := fmt.Sprintf("%d paths, %d steps", len(paths), steps); got.Drawn != want || got.Lanes != len(paths) {
		t.Errorf("drawing says %q with %d lanes, want %q with %d", got.Drawn, got.Lanes, want, len(paths))
	}
}

// TestBrowserIntroductionsFollowsReferralPaths: pick the person to meet
// with the type-ahead, and the view lists the store's referral paths in
// its order, each person with how they are known, draws them, lists the
// steps in its table twin; copying a path's request puts its text on the
// clipboard; fewer paths and "only through people available to mentor"
// ask the store's question again.
func TestBrowserIntroductionsFollowsReferralPaths(t *testing.T) {
	store := testStore(t)
	n := theCircleNet(t, store)
	srv := uiServer(t, store)
	ctx := newBrowser(t, 120*time.Second)

	want := storePaths(t, store, n.kai, n.zoe, 4, 3, false)
	if len(want) != 3 || want[0].Length() >= want[2].Length() {
		t.Fatalf("the fixture should give 3 paths of different lengths, the store gives %q", pathIDs(want))
	}

	do(t, ctx, "open the view with you chosen", chromedp.Navigate(introURLOf(srv.URL, url.Values{"me": {n.kai}})))
	waitFor(t, ctx, "the view asks whom to meet", `document.querySelector('.results .status')?.textContent.includes('Pick the person')`)
	do(t, ctx, "type a name", chromedp.SendKeys(chromedp.ID("to"), "zoe lind"))
	waitFor(t, ctx, "Zoe among the options", fmt.Sprintf(`!!document.querySelector('#to-options [data-id=%q]')`, n.zoe))
	do(t, ctx, "click Zoe", chromedp.Click(chromedp.CSS(fmt.Sprintf(`#to-options [data-id=%q]`, n.zoe))))

	got := waitForPaths(t, ctx, want)
	if got.Me != "Kai Sato" || got.To != "Zoe Lindgren" {
		t.Errorf("pickers show %q and %q", got.Me, got.To)
	}
	checkIntroductions(t, got, want)

	// Copy the second path's request: the clipboard holds its text.
	b := chromedp.FromContext(ctx).Browser
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := cdp.Call(ctx, b, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name}, Setting: browser.PermissionSettingGranted, Origin: srv.URL}); err != nil {
			t.Fatalf("granting %s: %v", name, err)
		}
	}
	do(t, ctx, "copy path 2's request", chromedp.Click(chromedp.CSS(`.referrals > li[data-path="2"] button.copy`)))
	waitFor(t, ctx, "the view says it copied", `document.querySelector('.referrals > li[data-path="2"] .copied')?.textContent === 'Copied to the clipboard.'`)
	if clip := eval[string](t, ctx, `navigator.clipboard.readText()`); clip != got.Texts[1] {
		t.Errorf("clipboard holds %q, want path 2's request %q", clip, got.Texts[1])
	}
	screenshot(t, ctx, "introductions")

	// Choose a path: it stands out in the drawing and in the address.
	do(t, ctx, "choose path 3", chromedp.Click(chromedp.CSS(`.referrals > li[data-path="3"] button.link`)))
	waitFor(t, ctx, "path 3 chosen", `new URL(location.href).searchParams.get('sel') === '3'`)
	if s := introScreenOf(t, ctx); !slices.Equal(s.Chosen, []string{"3"}) || !slices.Equal(s.Dimmed, []string{"1", "2"}) {
		t.Errorf("chosen path 3: cards chosen %q, lanes dimmed %q; want [3] and [1 2]", s.Chosen, s.Dimmed)
	}

	// Fewer paths, then only through people available to mentor.
	do(t, ctx, "ask for 2 paths", chromedp.SetValue(chromedp.ID("k"), "2"), chromedp.Evaluate[chromedp.Void](`document.getElementById('k').dispatchEvent(new Event('change', {bubbles: true}))`))
	checkIntroductions(t, waitForPaths(t, ctx, storePaths(t, store, n.kai, n.zoe, 4, 2, false)), storePaths(t, store, n.kai, n.zoe, 4, 2, false))
	do(t, ctx, "ask for 3 paths again", chromedp.SetValue(chromedp.ID("k"), "3"), chromedp.Evaluate[chromedp.Void](`document.getElementById('k').dispatchEvent(new Event('change', {bubbles: true}))`))
	waitForPaths(t, ctx, want)
	available := storePaths(t, store, n.kai, n.zoe, 4, 3, true)
	if slices.Equal(pathIDs(available), pathIDs(want)) {
		t.Fatalf("the fixture should give other paths through available people only; the store gives %q both times", pathIDs(want))
	}
	do(t, ctx, "only through people available to mentor", chromedp.Click(chromedp.ID("avail")))
	got = waitForPaths(t, ctx, available)
	checkIntroductions(t, got, available)
	if q, _ := url.ParseQuery(strings.TrimPrefix(got.Query, "?")); q.Get("avail") != "1" || q.Get("k") != "" {
		t.Errorf("address %s: want avail=1 and no k (the default)", got.Query)
	}
}

// TestBrowserIntroductionsAddressRestoresTheScreen: a shared address (every
// control set, a path chosen) opens on the same screen, and a reload too.
func TestBrowserIntroductionsAddressRestoresTheScreen(t *testing.T) {
	store := testStore(t)
	n := theCircleNet(t, store)
	srv := uiServer(t, store)
	ctx := newBrowser(t, 120*time.Second)

	want := storePaths(t, store, n.kai, n.zoe, 3, 2, false)
	address := introURLOf(srv.URL, url.Values{"me": {n.kai}, "to": {n.zoe}, "hops": {"3"}, "k": {"2"}, "sel": {"2"}})
	do(t, ctx, "open the shared address", chromedp.Navigate(address))
	first := waitForPaths(t, ctx, want)
	check := func(when string, s introScreen) {
		t.Helper()
		if s.Hops != "3" || s.K != "2" || s.Avail || s.Me != "Kai Sato" || s.To != "Zoe Lindgren" || !slices.Equal(s.Chosen, []string{"2"}) {
			t.Errorf("%s: controls hops %s k %s available-only %v, %q to %q, chosen %q; want 3, 2, false, Kai Sato to Zoe Lindgren, [2]",
				when, s.Hops, s.K, s.Avail, s.Me, s.To, s.Chosen)
		}
	}
	check("opened", first)
	checkIntroductions(t, first, want)
	do(t, ctx, "reload", chromedp.Reload())
	again := waitForPaths(t, ctx, want)
	check("reloaded", again)
	if again.Query != first.Query || !slices.Equal(again.Rows, first.Rows) || !slices.Equal(again.Texts, first.Texts) {
		t.Errorf("reload changed the screen: %s %q, before %s %q", again.Query, again.Rows, first.Query, first.Rows)
	}
}

// TestBrowserIntroductionsFromAMentorMatch: a match of Find a mentor links
// to the introductions between you and them, and to their profile.
func TestBrowserIntroductionsFromAMentorMatch(t *testing.T) {
	store := testStore(t)
	n := theCircleNet(t, store)
	srv := uiServer(t, store)
	ctx := newBrowser(t, 120*time.Second)

	matches := storeMatches(t, store, n.kai, n.goLang, defaultFind)
	var far *graph.MentorMatch
	for i := range matches {
		if matches[i].Hops >= 2 {
			far = &matches[i]
			break
		}
	}
	if far == nil {
		t.Fatalf("the fixture should give a Go mentor two hops from Kai; the store gives %q", namesOf(matches))
	}
	do(t, ctx, "find Go mentors for Kai", chromedp.Navigate(findURL(srv.URL, url.Values{"me": {n.kai}, "skill": {n.goLang}})))
	waitForNames(t, ctx, namesOf(matches))
	card := fmt.Sprintf(`.matches > li[data-mentor-id=%q]`, far.Mentor.ID)
	do(t, ctx, "follow the match's Introductions link", chromedp.Click(chromedp.CSS(card+` .match-links a:nth-child(2)`)))
	got := waitForPaths(t, ctx, storePaths(t, store, n.kai, far.Mentor.ID, 4, 3, false))
	if got.Me != "Kai Sato" || got.To != far.Mentor.Name {
		t.Errorf("introductions opened for %q to %q, want Kai Sato to %s", got.Me, got.To, far.Mentor.Name)
	}
	do(t, ctx, "back to the matches", chromedp.NavigateBack())
	waitForNames(t, ctx, namesOf(matches))
	do(t, ctx, "follow the match's Profile link", chromedp.Click(chromedp.CSS(card+` .match-links a:nth-child(1)`)))
	waitFor(t, ctx, "the mentor's profile", fmt.Sprintf(`location.pathname === %q && document.querySelector('h1')?.textContent === %q`,
		"/person/"+far.Mentor.ID, far.Mentor.Name))
}

// TestBrowserIntroductionsSaysWhatWentWrong: an unknown person is an API
// error shown in words with its code; no path within the steps asked says
// so.
func TestBrowserIntroductionsSaysWhatWentWrong(t *testing.T) {
	store := testStore(t)
	n := theCircleNet(t, store)
	srv := uiServer(t, store)
	ctx := newBrowser(t, 120*time.Second)

	nobody := n.prefix + "nobody"
	_, storeErr := store.ReferralPaths(context.Background(), graph.ReferralArgs{From: n.kai, To: nobody, MaxHops: 4, K: 3})
	if storeErr == nil {
		t.Fatal("the store finds paths to an unknown person")
	}
	do(t, ctx, "open an address with an unknown person", chromedp.Navigate(introURLOf(srv.URL, url.Values{"me": {n.kai}, "to": {nobody}})))
	waitFor(t, ctx, "an error", `document.querySelector('.results')?.dataset.state === 'error'`)
	got := introScreenOf(t, ctx)
	if got.Code != "NOT_FOUND" || !strings.Contains(strings.ToLower(got.Error), strings.ToLower(graph.Message(storeErr))) {
		t.Errorf("error shown: %q (code %q); want the store's %q with NOT_FOUND", got.Error, got.Code, graph.Message(storeErr))
	}
	screenshot(t, ctx, "introductions-error")

	if p := storePaths(t, store, n.kai, n.zoe, 1, 3, false); len(p) != 0 {
		t.Fatalf("the fixture should have no one-step path from Kai to Zoe; the store gives %q", pathIDs(p))
	}
	do(t, ctx, "ask for one step", chromedp.Navigate(introURLOf(srv.URL, url.Values{"me": {n.kai}, "to": {n.zoe}, "hops": {"1"}})))
	waitFor(t, ctx, "the empty answer", `document.querySelector('.results')?.dataset.state === 'empty'`)
	if got := introScreenOf(t, ctx); !strings.Contains(got.Status, "No path of at most 1 step leads to Zoe Lindgren") || len(got.Paths) != 0 {
		t.Errorf("empty answer: status %q, paths %q", got.Status, got.Paths)
	}
}
