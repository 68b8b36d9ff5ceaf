package main

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/mentorgraph/mentorgraph/graph"
)

func personURLOf(base, id string, q url.Values) string {
	u := base + "/person/" + url.PathEscape(id)
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u
}

// profileScreen is what the person's profile shows, read from the DOM.
type profileScreen struct {
	State       string   `json:"state"`
	Name        string   `json:"name"`
	Headline    string   `json:"headline"`
	Facts       string   `json:"facts"`
	Skills      []string `json:"skills"`
	Goals       []string `json:"goals"`
	Mentors     []string `json:"mentors"`
	Mentees     []string `json:"mentees"`
	Orgs        []string `json:"orgs"`
	BoardLink   string   `json:"boardLink"`
	Error, Code string
}

const readProfileScreen = `(() => {
	const q = (s) => document.querySelector(s);
	const all = (s) => [...document.querySelectorAll(s)];
	return {
		state: q('main')?.dataset.state ?? '',
		name: q('.profile-head h1')?.textContent ?? '',
		headline: q('.profile-head .headline')?.textContent ?? '',
		facts: q('.profile-facts')?.innerText ?? '',
		skills: all('[data-section=skills] tbody tr').map(r => r.dataset.id + ' ' + r.querySelector('.level').dataset.level),
		goals: all('[data-section=goals] li').map(l => l.dataset.id + ' ' + l.dataset.status),
		mentors: all('[data-section=mentors] > ul > li').map(l => l.dataset.id + ' ' + l.dataset.status),
		mentees: all('[data-section=mentees] li').map(l => l.dataset.id + ' ' + l.dataset.status),
		orgs: all('[data-section=affiliations] li').map(l => l.dataset.id + ' ' + l.dataset.current),
		boardLink: q('.profile-links a[data-link=board]')?.getAttribute('href') ?? '',
		Error: q('main [role=alert]')?.innerText ?? '',
		Code: q('main [role=alert]')?.dataset.errorCode ?? '',
	};
})()`

// TestBrowserPersonShowsTheProfile: a person's page shows the store's
// profile: skills with their levels, goals, mentors and mentees with their
// status, affiliations current or past, and links to their board.
func TestBrowserPersonShowsTheProfile(t *testing.T) {
	store := testStore(t)
	n := theCircleNet(t, store)
	srv := uiServer(t, store)
	ctx := newBrowser(t, 120*time.Second)
	bg := context.Background()

	p, err := store.Person(bg, n.kai)
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{n.kai}
	skills, err1 := store.SkillsOfPeople(bg, ids)
	goals, err2 := store.GoalsOfPeople(bg, ids)
	mentors, err3 := store.MentorsOfPeople(bg, ids)
	mentees, err4 := store.MenteesOfPeople(bg, ids)
	orgs, err5 := store.AffiliationsOfPeople(bg, ids)
	for _, err := range []error{err1, err2, err3, err4, err5} {
		if err != nil {
			t.Fatal(err)
		}
	}
	var want profileScreen
	for _, s := range skills[n.kai] {
		want.Skills = append(want.Skills, fmt.Sprintf("%s %d", s.SkillID, s.Level))
	}
	for _, g := range goals[n.kai] {
		want.Goals = append(want.Goals, g.ID+" "+g.Status)
	}
	for _, m := range mentors[n.kai] {
		want.Mentors = append(want.Mentors, m.MentorID+" "+m.Status)
	}
	for _, m := range mentees[n.kai] {
		want.Mentees = append(want.Mentees, m.MenteeID+" "+m.Status)
	}
	for _, a := range orgs[n.kai] {
		want.Orgs = append(want.Orgs, a.OrganizationID+" "+map[bool]string{true: "no", false: "yes"}[a.Until != nil])
	}
	if len(want.Skills) < 2 || len(want.Goals) < 3 || len(want.Mentors) == 0 || len(want.Mentees) == 0 || len(want.Orgs) < 2 {
		t.Fatalf("the fixture should give Kai skills, goals, a mentor, a mentee and two affiliations; the store gives %+v", want)
	}

	do(t, ctx, "open Kai's page", chromedp.Navigate(personURLOf(srv.URL, n.kai, nil)))
	waitFor(t, ctx, "the profile", `document.querySelector('main')?.dataset.state === 'ok'`)
	got := eval[profileScreen](t, ctx, readProfileScreen)
	if got.Name != p.Name || got.Headline != *p.Headline {
		t.Errorf("page names %q (%q), want %q (%q)", got.Name, got.Headline, p.Name, *p.Headline)
	}
	for _, fact := range []string{*p.Location, *p.Timezone, fmt.Sprintf("%d of %d", p.OpenSlots, p.MentorCapacity), "Looking for a mentor"} {
		if !strings.Contains(got.Facts, fact) {
			t.Errorf("facts %q do not say %q", got.Facts, fact)
		}
	}
	for _, c := range []struct {
		what      string
		got, want []string
	}{{"skills", got.Skills, want.Skills}, {"goals", got.Goals, want.Goals}, {"mentors", got.Mentors, want.Mentors},
		{"mentees", got.Mentees, want.Mentees}, {"affiliations", got.Orgs, want.Orgs}} {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("%s:\n got %q\nwant %q", c.what, c.got, c.want)
		}
	}
	if got.BoardLink != "/board/"+n.kai {
		t.Errorf("board link %q, want /board/%s", got.BoardLink, n.kai)
	}
	waitFor(t, ctx, "the lineage and the neighbourhood drawn", `!!(document.querySelector(".lineage svg")?.dataset.lineageReady && document.querySelector(".nb-canvas")?.dataset.graphReady)`)
	screenshot(t, ctx, "person")

	nobody := n.prefix + "nobody"
	do(t, ctx, "open an unknown person's page", chromedp.Navigate(personURLOf(srv.URL, nobody, nil)))
	waitFor(t, ctx, "the page says there is no such person", `document.querySelector('main')?.dataset.state === 'missing'`)
	if got := eval[profileScreen](t, ctx, readProfileScreen); got.Code != "NOT_FOUND" || !strings.Contains(got.Error, nobody) {
		t.Errorf("unknown person: %q (code %q)", got.Error, got.Code)
	}
}

// lineageRows are the rows the lineage lists must hold: "id generation
// parent" (the parent is the person the entry was reached from), in the
// order of a walk of the tree: each person followed by those under them.
func lineageRows(entries []graph.LineageEntry, root string) []string {
	children := map[string][]graph.LineageEntry{}
	for _, e := range entries {
		children[e.Via.FromID] = append(children[e.Via.FromID], e)
	}
	var out []string
	var walk func(id string)
	walk = func(id string) {
		for _, e := range children[id] {
			out = append(out, fmt.Sprintf("%s %d %s", e.Person.ID, e.Generation, e.Via.FromID))
			walk(e.Person.ID)
		}
	}
	walk(root)
	return out
}

func storeLineage(t *testing.T, s *graph.Store, id string, dir graph.LineageDirection, depth int) []graph.LineageEntry {
	t.Helper()
	es, err := s.Lineage(context.Background(), graph.LineageArgs{Person: id, Direction: dir, Depth: depth})
	if err != nil {
		t.Fatalf("store.Lineage: %v", err)
	}
	return es
}

type lineageScreen struct {
	State       string   `json:"state"`
	Drawn       string   `json:"drawn"`
	Nodes       int      `json:"nodes"`
	Dashed      int      `json:"dashed"`
	Ancestors   []string `json:"ancestors"`
	Descendants []string `json:"descendants"`
	Gen         string   `json:"gen"`
}

const readLineageScreen = `(() => {
	const q = (s) => document.querySelector(s);
	const rows = (dir) => [...document.querySelectorAll('.lineage-list[data-direction=' + dir + '] li')].map(li => {
		const up = li.parentElement.closest('li');
		return li.dataset.id + ' ' + li.dataset.generation + ' ' + (up ? up.dataset.id : 'root');
	});
	return {
		state: q('.lineage')?.dataset.state ?? '',
		drawn: q('.lineage svg')?.dataset.lineageReady ?? '',
		nodes: document.querySelectorAll('.lineage svg .lineage-node').length,
		dashed: document.querySelectorAll('.lineage svg line[stroke-dasharray]').length,
		ancestors: rows('ancestors'),
		descendants: rows('descendants'),
		gen: q('#gen')?.value ?? '',
	};
})()`

// rootAs writes the person's own id as "root" in lineage rows.
func rootAs(rows []string, id string) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = strings.TrimSuffix(r, " "+id) + map[bool]string{true: " root", false: ""}[strings.HasSuffix(r, " "+id)]
	}
	return out
}

func waitForLineage(t *testing.T, ctx context.Context, id string, anc, desc []graph.LineageEntry) lineageScreen {
	t.Helper()
	want := fmt.Sprintf("%d ancestors, %d descendants", len(anc), len(desc))
	waitFor(t, ctx, "the lineage "+want, fmt.Sprintf(`(() => { const s = %s; return s.state === 'ok' && s.drawn === %q; })()`, readLineageScreen, want))
	got := eval[lineageScreen](t, ctx, readLineageScreen)
	if w := rootAs(lineageRows(anc, id), id); !slices.Equal(got.Ancestors, w) {
		t.Errorf("ancestors (id generation parent):\n got %q\nwant %q", got.Ancestors, w)
	}
	if w := rootAs(lineageRows(desc, id), id); !slices.Equal(got.Descendants, w) {
		t.Errorf("descendants (id generation parent):\n got %q\nwant %q", got.Descendants, w)
	}
	ended := 0
	for _, e := range append(slices.Clone(anc), desc...) {
		if e.Status == "ENDED" {
			ended++
		}
	}
	if got.Nodes != len(anc)+len(desc) || got.Dashed != ended {
		t.Errorf("the tree draws %d people (%d dashed lines), want %d (%d ended)", got.Nodes, got.Dashed, len(anc)+len(desc), ended)
	}
	return got
}

// TestBrowserPersonLineageBothWays: a person's lineage is drawn as one
// tree, mentors above and mentees below, each under the person it was
// reached from, with generations as the store answers them; fewer
// generations ask again; a person in the tree opens their page.
func TestBrowserPersonLineageBothWays(t *testing.T) {
	store := testStore(t)
	n := theCircleNet(t, store)
	srv := uiServer(t, store)
	ctx := newBrowser(t, 120*time.Second)

	anc := storeLineage(t, store, n.moana, graph.Ancestors, 3)
	desc := storeLineage(t, store, n.moana, graph.Descendants, 3)
	desc2 := storeLineage(t, store, n.moana, graph.Descendants, 2)
	if len(anc) < 2 || len(desc) < 3 || len(desc2) == len(desc) {
		t.Fatalf("the fixture should give Moana two generations above and three below; the store gives %d and %d (%d in two)", len(anc), len(desc), len(desc2))
	}
	do(t, ctx, "open Moana's page", chromedp.Navigate(personURLOf(srv.URL, n.moana, nil)))
	waitForLineage(t, ctx, n.moana, anc, desc)
	do(t, ctx, "scroll to the lineage", chromedp.ScrollIntoView(chromedp.CSS(".lineage")))
	screenshot(t, ctx, "person-lineage")

	do(t, ctx, "two generations", chromedp.SetValue(chromedp.ID("gen"), "2"), chromedp.Evaluate[chromedp.Void](`document.getElementById('gen').dispatchEvent(new Event('change', {bubbles: true}))`))
	anc2 := storeLineage(t, store, n.moana, graph.Ancestors, 2)
	got := waitForLineage(t, ctx, n.moana, anc2, desc2)
	if got.Gen != "2" || !strings.Contains(eval[string](t, ctx, `location.search`), "gen=2") {
		t.Errorf("generations %q, address %s: want 2 in both", got.Gen, eval[string](t, ctx, `location.search`))
	}
	do(t, ctx, "reload", chromedp.Reload())
	waitForLineage(t, ctx, n.moana, anc2, desc2)

	// A person of the tree opens their own page.
	do(t, ctx, "click Gustav in the tree", chromedp.Click(chromedp.CSS(fmt.Sprintf(`.lineage svg .lineage-node[data-id=%q] circle`, n.gustav))))
	waitFor(t, ctx, "Gustav's page", fmt.Sprintf(`location.pathname === %q && document.querySelector('.profile-head h1')?.textContent === 'Gustav Brenner'`, "/person/"+n.gustav))
	waitForLineage(t, ctx, n.gustav, storeLineage(t, store, n.gustav, graph.Ancestors, 2), storeLineage(t, store, n.gustav, graph.Descendants, 2))
}

// nbRows are the people and links a drawing of merged neighbourhoods must
// list: the union of the answers, in order, as names and "from | link |
// to" rows (both sorted), and whether any answer was cut.
func nbRows(t *testing.T, s *graph.Store, calls [][3]any) (people, links []string, truncated []string) {
	t.Helper()
	names := map[string]string{}
	seenLink := map[string]bool{}
	var pending []graph.Link
	for _, c := range calls {
		id, depth, limit := c[0].(string), c[1].(int), c[2].(int)
		g, err := s.Neighborhood(context.Background(), id, depth, limit)
		if err != nil {
			t.Fatalf("store.Neighborhood: %v", err)
		}
		for _, nd := range g.Nodes {
			if _, ok := names[nd.Person.ID]; !ok {
				names[nd.Person.ID] = nd.Person.Name
				people = append(people, nd.Person.Name)
			}
		}
		pending = append(pending, g.Links...)
		if g.Truncated {
			truncated = append(truncated, id)
		}
	}
	for _, l := range pending {
		key := string(l.Kind) + l.FromID + ">" + l.ToID
		if seenLink[key] {
			continue
		}
		seenLink[key] = true
		words := "knows"
		if l.Kind == graph.LinkMentorship {
			words = "was mentored by"
			if l.Status == "ENDED" {
				words += " (ended)"
			}
		}
		links = append(links, names[l.FromID]+" | "+words+" | "+names[l.ToID])
	}
	slices.Sort(people)
	slices.Sort(links)
	return people, links, truncated
}

type nbScreen struct {
	State  string   `json:"state"`
	Graph  string   `json:"graph"`
	Rounds int      `json:"rounds"`
	People []string `json:"people"`
	Links  []string `json:"links"`
	More   string   `json:"more"`
	Around string   `json:"around"`
	Query  string   `json:"query"`
}

const readNbScreen = `(() => {
	const q = (s) => document.querySelector(s);
	const all = (s) => [...document.querySelectorAll(s)];
	return {
		state: q('.neighbourhood')?.dataset.state ?? '',
		graph: q('.nb-canvas')?.dataset.graphReady ?? '',
		rounds: Number(q('.nb-canvas')?.dataset.layoutRounds ?? 0),
		people: all('.neighbourhood table[data-twin=people] tbody tr th').map(c => c.textContent).sort(),
		links: all('.neighbourhood table[data-twin=links] tbody tr').map(r => [...r.cells].slice(0, 3).map(c => c.textContent).join(' | ')).sort(),
		more: q('.more-not-shown')?.innerText ?? '',
		around: q('.more-not-shown')?.dataset.around ?? '',
		query: location.search,
	};
})()`

func waitForNeighbourhood(t *testing.T, ctx context.Context, people, links []string) nbScreen {
	t.Helper()
	want := fmt.Sprintf("%d nodes, %d links", len(people), len(links))
	waitFor(t, ctx, "the neighbourhood drawn: "+want, fmt.Sprintf(`(() => { const s = %s; return s.state === 'ok' && s.graph === %q; })()`, readNbScreen, want))
	got := eval[nbScreen](t, ctx, readNbScreen)
	if !slices.Equal(got.People, people) {
		t.Errorf("table twin people:\n got %q\nwant %q", got.People, people)
	}
	if !slices.Equal(got.Links, links) {
		t.Errorf("table twin links:\n got %q\nwant %q", got.Links, links)
	}
	return got
}

// TestBrowserPersonNeighbourhoodExpandsOnClick: the neighbourhood is the
// store's, laid out by ForceAtlas2 in its worker; clicking a person in the
// drawing merges their neighbourhood in, and when the store cut that
// answer at the limit the view says more are not shown; the expansion is
// in the address and a reload redraws the same.
func TestBrowserPersonNeighbourhoodExpandsOnClick(t *testing.T) {
	store := testStore(t)
	n := theCircleNet(t, store)
	srv := uiServer(t, store)
	ctx := newBrowser(t, 120*time.Second)

	const limit = 10
	people, links, cut := nbRows(t, store, [][3]any{{n.kai, 1, limit}})
	if len(cut) != 0 {
		t.Fatalf("the fixture should fit Kai's neighbourhood in %d people", limit)
	}
	do(t, ctx, "open Kai's page", chromedp.Navigate(personURLOf(srv.URL, n.kai, nil)))
	waitFor(t, ctx, "the neighbourhood", `document.querySelector('.neighbourhood')?.dataset.state === 'ok'`)
	do(t, ctx, "ask for 10 people per person", chromedp.SetValue(chromedp.ID("limit"), fmt.Sprint(limit)),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('limit').dispatchEvent(new Event('change', {bubbles: true}))`))
	got := waitForNeighbourhood(t, ctx, people, links)
	if got.Rounds == 0 || got.More != "" {
		t.Errorf("first drawing: %d ForceAtlas2 rounds from the worker (want some), more-not-shown %q (want none)", got.Rounds, got.More)
	}

	// Click Ada where the drawing put her.
	do(t, ctx, "scroll to the drawing", chromedp.ScrollIntoView(chromedp.CSS(".nb-canvas")))
	type point struct{ X, Y float64 }
	at := eval[point](t, ctx, fmt.Sprintf(`(() => {
		const el = document.querySelector('.nb-canvas');
		const r = el.sigma;
		const p = r.framedGraphToViewport(r.getNodeDisplayData(%q));
		const b = el.getBoundingClientRect();
		return {X: b.left + p.x, Y: b.top + p.y};
	})()`, n.ada))
	do(t, ctx, "click Ada in the drawing", chromedp.MouseClickXY(at.X, at.Y))
	people, links, cut = nbRows(t, store, [][3]any{{n.kai, 1, limit}, {n.ada, 1, limit}})
	if !slices.Equal(cut, []string{n.ada}) {
		t.Fatalf("the fixture should cut Ada's neighbourhood at %d people; cut: %q", limit, cut)
	}
	got = waitForNeighbourhood(t, ctx, people, links)
	if got.Around != n.ada || !strings.Contains(got.More, "Ada Ferreira") || !strings.Contains(got.More, fmt.Sprint(limit)) {
		t.Errorf("more-not-shown %q (around %q), want it to name Ada Ferreira and the limit %d", got.More, got.Around, limit)
	}
	q, _ := url.ParseQuery(strings.TrimPrefix(got.Query, "?"))
	if q.Get("x") != n.ada || q.Get("limit") != fmt.Sprint(limit) {
		t.Errorf("address %s: want x=%s and limit=%d", got.Query, n.ada, limit)
	}
	screenshot(t, ctx, "person-neighbourhood")

	do(t, ctx, "reload", chromedp.Reload())
	again := waitForNeighbourhood(t, ctx, people, links)
	if again.Around != n.ada {
		t.Errorf("reloaded: more-not-shown around %q, want %s", again.Around, n.ada)
	}

	// The table twin expands too (the keyboard's way): Lia's neighbours.
	do(t, ctx, "show Lia's neighbours from the table", chromedp.Click(chromedp.CSS(fmt.Sprintf(`.neighbourhood table[data-twin=people] tr[data-id=%q] button`, n.lia))))
	people, links, _ = nbRows(t, store, [][3]any{{n.kai, 1, limit}, {n.ada, 1, limit}, {n.lia, 1, limit}})
	waitForNeighbourhood(t, ctx, people, links)
}

// TestBrowserPersonPickedFromTheNav: the header's People link opens a
// picker; choosing someone opens their page.
func TestBrowserPersonPickedFromTheNav(t *testing.T) {
	store := testStore(t)
	n := theCircleNet(t, store)
	srv := uiServer(t, store)
	ctx := newBrowser(t, 120*time.Second)

	do(t, ctx, "open the app", chromedp.Navigate(srv.URL+"/"))
	do(t, ctx, "follow People in the header", chromedp.Click(chromedp.CSS(`header.top nav a[href="/person"]`)))
	waitFor(t, ctx, "the picker", `location.pathname === '/person' && !!document.getElementById('who')`)
	do(t, ctx, "type a name", chromedp.SendKeys(chromedp.ID("who"), "kai sat"))
	waitFor(t, ctx, "Kai among the options", fmt.Sprintf(`!!document.querySelector('#who-options [data-id=%q]')`, n.kai))
	do(t, ctx, "click Kai", chromedp.Click(chromedp.CSS(fmt.Sprintf(`#who-options [data-id=%q]`, n.kai))))
	waitFor(t, ctx, "Kai's page", fmt.Sprintf(`location.pathname === %q && document.querySelector('main')?.dataset.state === 'ok' && document.querySelector('.profile-head h1')?.textContent === 'Kai Sato'`, "/person/"+n.kai))
}

// TestBrowserIntroductionsPersonBoardOnAPhone: at a phone's width the
// three views fit the screen (nothing runs off the side; the lineage tree
// scrolls in its own box) with their drawings made.
func TestBrowserIntroductionsPersonBoardOnAPhone(t *testing.T) {
	store := testStore(t)
	n := theCircleNet(t, store)
	srv := uiServer(t, store)
	ctx := newBrowser(t, 120*time.Second)

	do(t, ctx, "a phone's viewport", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	for _, v := range []struct{ name, address, ready string }{
		{"introductions", introURLOf(srv.URL, url.Values{"me": {n.kai}, "to": {n.zoe}}), `!!document.querySelector('.referral-drawing svg')?.dataset.drawingReady`},
		{"person", personURLOf(srv.URL, n.moana, nil), `!!(document.querySelector('.lineage svg')?.dataset.lineageReady && document.querySelector('.nb-canvas')?.dataset.graphReady)`},
		{"board", boardURLOf(srv.URL, n.kai, nil), `document.querySelector('.results')?.dataset.state === 'ok'`},
	} {
		do(t, ctx, "open "+v.name, chromedp.Navigate(v.address))
		waitFor(t, ctx, v.name+" drawn", v.ready)
		if over := eval[int](t, ctx, `document.documentElement.scrollWidth - window.innerWidth`); over > 0 {
			t.Errorf("%s: the page is %dpx wider than the phone's screen", v.name, over)
		}
		screenshot(t, ctx, v.name+"-phone")
	}
	// Moana's tree is wider than the phone: its box scrolls sideways, so
	// every person in it can be reached.
	type box struct {
		Wide       bool   `json:"wide"`
		Scrollable bool   `json:"scrollable"`
		Overflow   string `json:"overflow"`
	}
	do(t, ctx, "open Moana's page", chromedp.Navigate(personURLOf(srv.URL, n.moana, nil)))
	waitFor(t, ctx, "the lineage drawn", `!!document.querySelector('.lineage svg')?.dataset.lineageReady`)
	b := eval[box](t, ctx, `(() => {
		const s = document.querySelector('.lineage-scroll');
		const o = getComputedStyle(s).overflowX;
		return {wide: s.scrollWidth > s.clientWidth, scrollable: o === 'auto' || o === 'scroll', overflow: o};
	})()`)
	if !b.Wide || !b.Scrollable {
		t.Errorf("lineage on a phone: wider than its box %v, box scrolls %v (overflow-x %s); want a wide tree in a box that scrolls", b.Wide, b.Scrollable, b.Overflow)
	}
}
