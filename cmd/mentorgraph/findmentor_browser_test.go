package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
)

// mentorNet is the network of the "Find a mentor" browser tests (ids start
// with a prefix of the run), written through the store:
//
//	       knows              mentored by
//	Mira ────────── Ana ──────────────────▶ Raj      (Raj: people management 5)
//	│ │ ╲ knows
//	│ │  Bo ──── Lena ──── Tomas                     (Lena shares Acme with Mira)
//	│ │ knows   knows
//	│ Ivo                                            (Ivo: not available to mentor)
//	│ mentored by
//	▼
//	Noor ──── Sam                                    (Noor: Mira's current mentor)
//	    knows
//
// Leadership is held by Ana 3, Lena 4, Tomas 5, Ivo 4, Sam 4, Noor 5; people
// management (part of leadership) by Raj 5; public speaking by nobody.
// Capacities: Ana 1, Raj 3 (Ana is his mentee), Lena 2, Tomas 2, Sam 1,
// Noor 2 (Mira is hers). Within 2 hops at level 3 the default weights rank
// Lena, Ana, Raj, Sam; with distance weighted 0, Lena, Raj, Sam, Ana.
type mentorNet struct {
	prefix                                string
	mira, ana, raj, bo, lena, tomas, ivo  string
	noor, sam                             string
	leadership, peopleMgmt, speaking, org string
}

var (
	mentorNetOnce sync.Once
	mentorNetData mentorNet
	mentorNetErr  error
)

// theMentorNet writes mentorNet once per package run; the browser tests
// only read it.
func theMentorNet(t *testing.T, store *graph.Store) mentorNet {
	t.Helper()
	mentorNetOnce.Do(func() {
		defer slow(t, "writing the mentor network", time.Now())
		// The run's random part of a test prefix, not the first test's name
		// (the ids show in addresses and screenshots).
		p := neo4jtest.Prefix(t)
		mentorNetData, mentorNetErr = writeMentorNet(context.Background(), store, "ui-"+p[len(p)-9:])
	})
	if mentorNetErr != nil {
		t.Fatalf("writing the mentor network: %v", mentorNetErr)
	}
	return mentorNetData
}

// mentorNetIDs are the ids of mentorNet with prefix p.
func mentorNetIDs(p string) mentorNet {
	return mentorNet{prefix: p,
		mira: p + "mira", ana: p + "ana", raj: p + "raj", bo: p + "bo", lena: p + "lena", tomas: p + "tomas",
		ivo: p + "ivo", noor: p + "noor", sam: p + "sam",
		leadership: p + "leadership", peopleMgmt: p + "people-management", speaking: p + "public-speaking", org: p + "acme"}
}

// removeStaleMentorNets deletes the mentor networks earlier runs left in a
// database that outlives the run (NEO4J_URI): their namesakes would crowd
// this run's people and skills out of the type-aheads' first options.
func removeStaleMentorNets(ctx context.Context, s *graph.Store, current string) error {
	search := `"Mira Quell"`
	page, err := s.People(ctx, graph.PeopleFilter{Search: &search}, graph.PageArgs{First: graph.MaxPageSize})
	if err != nil {
		return err
	}
	for _, p := range page.Items {
		prefix, ok := strings.CutSuffix(p.ID, "mira")
		if !ok || !strings.HasPrefix(prefix, "ui-") || prefix == current {
			continue
		}
		old := mentorNetIDs(prefix)
		for _, id := range []string{old.mira, old.ana, old.raj, old.bo, old.lena, old.tomas, old.ivo, old.noor, old.sam} {
			if err := s.DeletePerson(ctx, id); err != nil && !errors.Is(err, graph.ErrNotFound) {
				return err
			}
		}
		for _, id := range []string{old.peopleMgmt, old.leadership, old.speaking} {
			if err := s.DeleteSkill(ctx, id); err != nil && !errors.Is(err, graph.ErrNotFound) {
				return err
			}
		}
		if err := s.DeleteOrganization(ctx, old.org); err != nil && !errors.Is(err, graph.ErrNotFound) {
			return err
		}
	}
	return nil
}

func writeMentorNet(ctx context.Context, s *graph.Store, p string) (mentorNet, error) {
	n := mentorNetIDs(p)
	if err := removeStaleMentorNets(ctx, s, p); err != nil {
		return n, fmt.Errorf("removing earlier runs' networks: %w", err)
	}
	str := func(s string) *string { return &s }
	people := []struct {
		id, name, headline string
		available          bool
		capacity           int
	}{
		{n.mira, "Mira Quell", "Product designer, new team lead", false, 0},
		{n.ana, "Ana Okafor", "Engineering manager", true, 1},
		{n.raj, "Raj Patel", "Director of engineering", true, 3},
		{n.bo, "Bo Lindqvist", "Backend engineer", false, 0},
		{n.lena, "Lena Brandt", "Head of design", true, 2},
		{n.tomas, "Tomas Reyes", "VP product", true, 2},
		{n.ivo, "Ivo Marsh", "Principal engineer", false, 0},
		{n.noor, "Noor Haddad", "Design director", true, 2},
		{n.sam, "Sam Ortiz", "Chief of staff", true, 1},
	}
	for _, pp := range people {
		_, err := s.CreatePerson(ctx, graph.PersonInput{ID: str(pp.id), Name: pp.name, Headline: str(pp.headline),
			AvailableToMentor: pp.available, MentorCapacity: pp.capacity, SeekingMentorship: pp.id == n.mira})
		if err != nil {
			return n, fmt.Errorf("person %s: %w", pp.name, err)
		}
	}
	skills := []graph.SkillInput{
		{ID: str(n.leadership), Name: "Leadership", Category: "LEADERSHIP"},
		{ID: str(n.peopleMgmt), Name: "People management", Category: "LEADERSHIP", BroaderID: str(n.leadership)},
		{ID: str(n.speaking), Name: "Public speaking", Category: "INTERPERSONAL"},
	}
	for _, sk := range skills {
		if _, err := s.CreateSkill(ctx, sk); err != nil {
			return n, fmt.Errorf("skill %s: %w", sk.Name, err)
		}
	}
	levels := []graph.PersonSkill{
		{PersonID: n.ana, SkillID: n.leadership, Level: 3},
		{PersonID: n.lena, SkillID: n.leadership, Level: 4},
		{PersonID: n.tomas, SkillID: n.leadership, Level: 5},
		{PersonID: n.ivo, SkillID: n.leadership, Level: 4},
		{PersonID: n.sam, SkillID: n.leadership, Level: 4},
		{PersonID: n.noor, SkillID: n.leadership, Level: 5},
		{PersonID: n.raj, SkillID: n.peopleMgmt, Level: 5},
	}
	for _, l := range levels {
		if _, err := s.SetPersonSkill(ctx, l); err != nil {
			return n, fmt.Errorf("skill level %s/%s: %w", l.PersonID, l.SkillID, err)
		}
	}
	for _, pair := range [][2]string{{n.mira, n.ana}, {n.mira, n.bo}, {n.mira, n.ivo}, {n.bo, n.lena}, {n.lena, n.tomas}, {n.noor, n.sam}} {
		if _, err := s.Connect(ctx, pair[0], pair[1], nil); err != nil {
			return n, fmt.Errorf("connect %s %s: %w", pair[0], pair[1], err)
		}
	}
	for _, m := range []graph.Mentorship{{MenteeID: n.ana, MentorID: n.raj}, {MenteeID: n.mira, MentorID: n.noor}} {
		if _, err := s.RecordMentorship(ctx, m); err != nil {
			return n, fmt.Errorf("mentorship %s -> %s: %w", m.MenteeID, m.MentorID, err)
		}
	}
	if _, err := s.CreateOrganization(ctx, graph.OrganizationInput{ID: str(n.org), Name: "Acme", Kind: "COMPANY"}); err != nil {
		return n, fmt.Errorf("organization: %w", err)
	}
	for _, id := range []string{n.mira, n.lena} {
		if _, err := s.AddAffiliation(ctx, graph.Affiliation{PersonID: id, OrganizationID: n.org}); err != nil {
			return n, fmt.Errorf("affiliation %s: %w", id, err)
		}
	}
	return n, nil
}

// findArgs are the arguments the view sends for a URL's state.
type findArgs struct {
	hops, level   int
	availableOnly bool
	via           []graph.LinkKind
	weights       graph.MentorWeights
}

var defaultFind = findArgs{hops: 2, level: 3, availableOnly: true, via: []graph.LinkKind{graph.LinkConnection, graph.LinkMentorship}, weights: graph.DefaultMentorWeights}

// storeMatches is the store's own answer to the question the view asks.
func storeMatches(t *testing.T, s *graph.Store, me, skill string, a findArgs) []graph.MentorMatch {
	t.Helper()
	page, err := s.FindMentors(context.Background(), graph.FindMentorsArgs{For: me, Skill: skill,
		MaxHops: &a.hops, MinLevel: &a.level, AvailableOnly: &a.availableOnly, Via: a.via, Weights: &a.weights,
		Page: graph.PageArgs{First: 20}})
	if err != nil {
		t.Fatalf("store.FindMentors: %v", err)
	}
	return page.Items
}

func namesOf(ms []graph.MentorMatch) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Mentor.Name)
	}
	return out
}

// drawnRows are the rows the table twin must list for matches: the people
// on the paths (you included) and each stored link once, as
// "from | knows | to" or "mentee | was mentored by | mentor"; both sorted.
func drawnRows(me graph.Person, ms []graph.MentorMatch) (people, links []string) {
	seenP := map[string]bool{me.ID: true}
	people = []string{me.Name}
	seenL := map[string]bool{}
	for _, m := range ms {
		for _, st := range m.Path.Steps {
			if !seenP[st.ToID] {
				seenP[st.ToID] = true
				people = append(people, st.To.Name)
			}
			from, to, words, key := st.From, st.To, "knows", ""
			if st.Kind == graph.LinkMentorship {
				words = "was mentored by"
				if st.Direction == graph.Backward {
					from, to = st.To, st.From
				}
				key = "M" + from.ID + ">" + to.ID
			} else {
				a, b := min(st.FromID, st.ToID), max(st.FromID, st.ToID)
				key = "K" + a + "-" + b
			}
			if !seenL[key] {
				seenL[key] = true
				links = append(links, from.Name+" | "+words+" | "+to.Name)
			}
		}
	}
	slices.Sort(people)
	slices.Sort(links)
	return people, links
}

// findScreen is what the view shows, read from the DOM.
type findScreen struct {
	State   string   `json:"state"`
	Names   []string `json:"names"`
	Scores  []string `json:"scores"`
	Why     []string `json:"why"`
	Graph   string   `json:"graph"`
	People  []string `json:"people"`
	Links   []string `json:"links"`
	Path    string   `json:"path"`
	Query   string   `json:"query"`
	Me      string   `json:"me"`
	Skill   string   `json:"skill"`
	Hops    string   `json:"hops"`
	Level   string   `json:"level"`
	Avail   bool     `json:"avail"`
	Via     []string `json:"via"`
	Weights []string `json:"weights"`
	Chosen  []string `json:"chosen"`
	Error   string   `json:"error"`
	Code    string   `json:"code"`
	Status  string   `json:"status"`
}

const readFindScreen = `(() => {
	const q = (s) => document.querySelector(s);
	const all = (s) => [...document.querySelectorAll(s)];
	return {
		state: q('.results')?.dataset.state ?? '',
		names: all('.matches > li .match-name').map(e => e.textContent),
		scores: all('.matches > li .match-score').map(e => e.textContent),
		why: all('.matches > li .path-words').map(e => e.textContent),
		graph: q('.path-graph-canvas')?.dataset.graphReady ?? '',
		people: all('table[data-twin=people] tbody tr').map(r => r.cells[0].textContent).sort(),
		links: all('table[data-twin=links] tbody tr').map(r => [...r.cells].map(c => c.textContent).join(' | ')).sort(),
		path: location.pathname,
		query: location.search,
		me: q('#me')?.value ?? '',
		skill: q('#skill')?.value ?? '',
		hops: q('#hops')?.value ?? '',
		level: q('#level')?.value ?? '',
		avail: q('#avail')?.checked ?? false,
		via: all('input[name=via]:checked').map(e => e.value),
		weights: all('.weights input[type=range]').map(e => e.value),
		chosen: all('.matches > li.selected .match-name').map(e => e.textContent),
		error: q('.results [role=alert]')?.innerText ?? '',
		code: q('.results [role=alert]')?.dataset.errorCode ?? '',
		status: q('.results .status')?.textContent ?? '',
	};
})()`

func screenOf(t *testing.T, ctx context.Context) findScreen {
	t.Helper()
	return eval[findScreen](t, ctx, readFindScreen)
}

// waitForNames waits until the view lists exactly names, in order, with
// its drawing ready.
func waitForNames(t *testing.T, ctx context.Context, names []string) findScreen {
	t.Helper()
	want, _ := json.Marshal(names)
	waitFor(t, ctx, fmt.Sprintf("the list %s, drawn", want), fmt.Sprintf(`(() => {
		const s = %s;
		return s.state === 'ok' && s.graph !== '' && JSON.stringify(s.names) === %q;
	})()`, readFindScreen, want))
	return screenOf(t, ctx)
}

func findURL(base string, q url.Values) string {
	return base + "/find?" + q.Encode()
}

func scoresOf(ms []graph.MentorMatch) []string {
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%.2f", m.Score))
	}
	return out
}

// checkDrawing checks the drawing's data hook and its table twin against
// the store's matches.
func checkDrawing(t *testing.T, got findScreen, me graph.Person, ms []graph.MentorMatch) {
	t.Helper()
	people, links := drawnRows(me, ms)
	if !slices.Equal(got.People, people) {
		t.Errorf("table twin people:\n got %q\nwant %q", got.People, people)
	}
	if !slices.Equal(got.Links, links) {
		t.Errorf("table twin links:\n got %q\nwant %q", got.Links, links)
	}
	if want := fmt.Sprintf("%d nodes, %d links", len(people), len(links)); got.Graph != want {
		t.Errorf("drawing says %q, want %q", got.Graph, want)
	}
}

// TestBrowserFindMentorPicksAndRanks: pick yourself and a skill with the
// type-aheads (keyboard and mouse), and the view lists the store's
// matches in the store's order with their scores, says why in words,
// draws the paths and lists the same people and links in its table twin.
func TestBrowserFindMentorPicksAndRanks(t *testing.T) {
	store := testStore(t)
	n := theMentorNet(t, store)
	srv := uiServer(t, store)
	ctx := newBrowser(t, 90*time.Second)

	do(t, ctx, "open the view", chromedp.Navigate(srv.URL+"/"))
	waitFor(t, ctx, "the view's idle state", `document.querySelector('.results')?.dataset.state === 'idle'`)

	// Who you are: type, then choose with the keyboard.
	do(t, ctx, "type a name", chromedp.SendKeys(chromedp.ID("me"), "mira qu"))
	waitFor(t, ctx, "Mira among the options", fmt.Sprintf(`!!document.querySelector('#me-options [data-id=%q]')`, n.mira))
	pos := eval[int](t, ctx, fmt.Sprintf(`[...document.querySelectorAll('#me-options [role=option]')].findIndex(o => o.dataset.id === %q)`, n.mira))
	for range pos {
		do(t, ctx, "move down the options", chromedp.SendKeys(chromedp.ID("me"), kb.ArrowDown))
	}
	do(t, ctx, "choose with Enter", chromedp.SendKeys(chromedp.ID("me"), kb.Enter))
	waitFor(t, ctx, "me= in the address", fmt.Sprintf(`new URL(location.href).searchParams.get('me') === %q`, n.mira))

	// The skill: its options show their place in the hierarchy.
	do(t, ctx, "type a narrower skill", chromedp.SendKeys(chromedp.ID("skill"), "people manag"))
	waitFor(t, ctx, "people management with its place in the hierarchy", fmt.Sprintf(
		`document.querySelector('#skill-options [data-id=%q]')?.textContent.includes('Leadership › People management')`, n.peopleMgmt))
	do(t, ctx, "close the options", chromedp.SendKeys(chromedp.ID("skill"), kb.Escape))
	do(t, ctx, "type the skill", chromedp.SendKeys(chromedp.ID("skill"), strings.Repeat(kb.Backspace, 20)+"leadersh"))
	waitFor(t, ctx, "Leadership among the options", fmt.Sprintf(`!!document.querySelector('#skill-options [data-id=%q]')`, n.leadership))
	do(t, ctx, "click Leadership", chromedp.Click(chromedp.CSS(fmt.Sprintf(`#skill-options [data-id=%q]`, n.leadership))))

	want := storeMatches(t, store, n.mira, n.leadership, defaultFind)
	if len(want) < 3 {
		t.Fatalf("the fixture should give at least 3 matches, the store gives %q", namesOf(want))
	}
	got := waitForNames(t, ctx, namesOf(want))
	if !slices.Equal(got.Scores, scoresOf(want)) {
		t.Errorf("scores %q, want the store's %q", got.Scores, scoresOf(want))
	}
	if got.Me != "Mira Quell" || got.Skill != "Leadership" {
		t.Errorf("pickers show %q and %q, want Mira Quell and Leadership", got.Me, got.Skill)
	}
	me, err := store.Person(context.Background(), n.mira)
	if err != nil {
		t.Fatal(err)
	}
	checkDrawing(t, got, me, want)
	whyOf := map[string]string{}
	for i, name := range got.Names {
		if i < len(got.Why) {
			whyOf[name] = got.Why[i]
		}
	}
	for name, words := range map[string]string{
		"Raj Patel":  "You know Ana Okafor, who was mentored by Raj Patel.",
		"Sam Ortiz":  "You were mentored by Noor Haddad, who knows Sam Ortiz.",
		"Ana Okafor": "You know Ana Okafor.",
	} {
		if whyOf[name] != words {
			t.Errorf("why %s: %q, want %q", name, whyOf[name], words)
		}
	}
	screenshot(t, ctx, "find-mentor")
}

// TestBrowserFindMentorWeightsRerank: moving a weight slider (with the
// keyboard) re-ranks the list through findMentors' weights argument, into
// the store's order for the new weights, and keeps them in the address.
func TestBrowserFindMentorWeightsRerank(t *testing.T) {
	store := testStore(t)
	n := theMentorNet(t, store)
	srv := uiServer(t, store)
	ctx := newBrowser(t, 90*time.Second)

	before := namesOf(storeMatches(t, store, n.mira, n.leadership, defaultFind))
	noDistance := defaultFind
	noDistance.weights.Distance = 0
	after := namesOf(storeMatches(t, store, n.mira, n.leadership, noDistance))
	if slices.Equal(before, after) {
		t.Fatalf("the fixture must rank differently without distance; the store gives %q both times", before)
	}

	do(t, ctx, "open the view", chromedp.Navigate(findURL(srv.URL, url.Values{"me": {n.mira}, "skill": {n.leadership}})))
	waitForNames(t, ctx, before)
	do(t, ctx, "distance weight to 0 with the Home key", chromedp.Focus(chromedp.ID("w-distance")), chromedp.SendKeys(chromedp.ID("w-distance"), kb.Home))
	got := waitForNames(t, ctx, after)
	if q, _ := url.ParseQuery(strings.TrimPrefix(got.Query, "?")); q.Get("w") != "0,0.3,0.2,0.1" {
		t.Errorf("address %s: want w=0,0.3,0.2,0.1", got.Query)
	}
	screenshot(t, ctx, "find-mentor-weights")
}

// TestBrowserFindMentorAddressRestoresTheScreen: a shared address (every
// control set, a match chosen) opens on the same screen, and so does a
// reload.
func TestBrowserFindMentorAddressRestoresTheScreen(t *testing.T) {
	store := testStore(t)
	n := theMentorNet(t, store)
	srv := uiServer(t, store)
	ctx := newBrowser(t, 90*time.Second)

	args := findArgs{hops: 3, level: 4, availableOnly: false, via: []graph.LinkKind{graph.LinkConnection},
		weights: graph.MentorWeights{Distance: 0.25, Level: 0.5, Capacity: 0.2, SharedOrganization: 0.1}}
	want := storeMatches(t, store, n.mira, n.leadership, args)
	if len(want) < 2 {
		t.Fatalf("the fixture should give at least 2 matches here, the store gives %q", namesOf(want))
	}
	chosen := want[1].Mentor
	address := findURL(srv.URL, url.Values{"me": {n.mira}, "skill": {n.leadership}, "hops": {"3"}, "level": {"4"},
		"avail": {"0"}, "via": {"connection"}, "w": {"0.25,0.5,0.2,0.1"}, "sel": {chosen.ID}})
	do(t, ctx, "open the shared address", chromedp.Navigate(address))
	first := waitForNames(t, ctx, namesOf(want))
	check := func(when string, s findScreen) {
		t.Helper()
		if s.Hops != "3" || s.Level != "4" || s.Avail || !slices.Equal(s.Via, []string{"CONNECTION"}) ||
			!slices.Equal(s.Weights, []string{"0.25", "0.5", "0.2", "0.1"}) {
			t.Errorf("%s: controls hops %s level %s available-only %v via %q weights %q; want 3, 4, false, [CONNECTION], [0.25 0.5 0.2 0.1]",
				when, s.Hops, s.Level, s.Avail, s.Via, s.Weights)
		}
		if !slices.Equal(s.Chosen, []string{chosen.Name}) {
			t.Errorf("%s: chosen match %q, want %s", when, s.Chosen, chosen.Name)
		}
		if s.Me != "Mira Quell" || s.Skill != "Leadership" {
			t.Errorf("%s: pickers show %q and %q", when, s.Me, s.Skill)
		}
	}
	check("opened", first)
	me, err := store.Person(context.Background(), n.mira)
	if err != nil {
		t.Fatal(err)
	}
	checkDrawing(t, first, me, want)

	do(t, ctx, "reload", chromedp.Reload())
	again := waitForNames(t, ctx, namesOf(want))
	check("reloaded", again)
	if again.Query != first.Query || !slices.Equal(again.Links, first.Links) || again.Graph != first.Graph {
		t.Errorf("reload changed the screen: %s %q %q, before %s %q %q", again.Query, again.Links, again.Graph, first.Query, first.Links, first.Graph)
	}
}

// TestBrowserFindMentorSaysWhatWentWrong: an API error is shown in words
// with its code (an unknown person in the address), and an answer with no
// match says so.
func TestBrowserFindMentorSaysWhatWentWrong(t *testing.T) {
	store := testStore(t)
	n := theMentorNet(t, store)
	srv := uiServer(t, store)
	ctx := newBrowser(t, 90*time.Second)

	nobody := n.prefix + "nobody"
	_, storeErr := store.FindMentors(context.Background(), graph.FindMentorsArgs{For: nobody, Skill: n.leadership, Page: graph.PageArgs{First: 20}})
	if storeErr == nil {
		t.Fatal("the store finds mentors for an unknown person")
	}
	do(t, ctx, "open an address with an unknown person", chromedp.Navigate(findURL(srv.URL, url.Values{"me": {nobody}, "skill": {n.leadership}})))
	waitFor(t, ctx, "an error", `document.querySelector('.results')?.dataset.state === 'error'`)
	got := screenOf(t, ctx)
	msg := graph.Message(storeErr)
	if got.Code != "NOT_FOUND" || !strings.Contains(got.Error, "NOT_FOUND") || !strings.Contains(strings.ToLower(got.Error), strings.ToLower(msg)) {
		t.Errorf("error shown: %q (code %q); want the store's %q with NOT_FOUND", got.Error, got.Code, msg)
	}
	screenshot(t, ctx, "find-mentor-error")

	do(t, ctx, "ask for a skill nobody holds", chromedp.Navigate(findURL(srv.URL, url.Values{"me": {n.mira}, "skill": {n.speaking}})))
	waitFor(t, ctx, "the empty answer", `document.querySelector('.results')?.dataset.state === 'empty'`)
	if got := screenOf(t, ctx); !strings.Contains(got.Status, "No one within 2 hops holds Public speaking") || len(got.Names) != 0 {
		t.Errorf("empty answer: status %q, names %q", got.Status, got.Names)
	}
}

// TestBrowserFindMentorOnAPhone: at a phone's width the list and the
// drawing stack in one column and nothing runs off the side.
func TestBrowserFindMentorOnAPhone(t *testing.T) {
	store := testStore(t)
	n := theMentorNet(t, store)
	srv := uiServer(t, store)
	ctx := newBrowser(t, 90*time.Second)

	do(t, ctx, "a phone's viewport", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	do(t, ctx, "open the view", chromedp.Navigate(findURL(srv.URL, url.Values{"me": {n.mira}, "skill": {n.leadership}})))
	waitForNames(t, ctx, namesOf(storeMatches(t, store, n.mira, n.leadership, defaultFind)))
	type layout struct {
		Overflow   int  `json:"overflow"`
		Stacked    bool `json:"stacked"`
		GraphWidth int  `json:"graphWidth"`
	}
	l := eval[layout](t, ctx, `(() => {
		const list = document.querySelector('.matches').getBoundingClientRect();
		const drawing = document.querySelector('.drawing').getBoundingClientRect();
		return {
			overflow: document.documentElement.scrollWidth - window.innerWidth,
			stacked: drawing.top >= list.bottom - 1,
			graphWidth: Math.round(document.querySelector('.path-graph-canvas').getBoundingClientRect().width),
		};
	})()`)
	if l.Overflow > 0 || !l.Stacked || l.GraphWidth < 300 {
		t.Errorf("phone layout: %+v; want no overflow, the drawing under the list, at least 300px wide", l)
	}
	screenshot(t, ctx, "find-mentor-phone")
}
