package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
)

// coverageNet is the network of the "Coverage" browser tests, written
// through the store (ids start with a prefix of the run):
//
//	Northwind (N): Olu, Rafa, Pia, Quentin, Uma, Vik, Zed
//	Southbank (S): Sana, Teo, Wen, Xia
//
//	mentor  available  capacity  holds              active mentees
//	Olu     yes        2         kubernetes 4,      Pia
//	                             negotiation 4
//	Rafa    yes        1 (full)  cloud 5            Quentin
//	Sana    yes        2         data science 4     —
//	Teo     yes        1         negotiation 3      —
//	Pia     no         1         kubernetes 2       Yara (no organization; negotiation 3)
//
//	knows: Pia–Olu, Quentin–Rafa, Rafa–Olu, Uma–Olu, Vik–Sana, Wen–Teo
//
// Kubernetes is part of cloud architecture. OPEN goals: Pia, Quentin and
// Zed "Z" O'Kane, Jr. (no links) about cloud; Uma about negotiation; Vik
// about data science; Wen about negotiation; Xia (no links) about
// kubernetes; Zed also about 100 electives nobody holds, so Northwind's
// report has more than a page of the API's (100 skills) and the gap table
// more than one of its own (20). Rafa's headline needs CSV quoting and
// starts like a formula.
//
// So in Northwind, at 2 hops and level 3: cloud has supply Olu (through
// kubernetes) and Rafa (full), Zed uncovered; kubernetes and negotiation
// rest on Olu; data science has no mentor (Sana is in Southbank). If Olu
// left, Pia and Quentin would lose cloud and Uma negotiation; Pia (a
// mentee, holding kubernetes) and Yara (her mentee, holding negotiation)
// could succeed Olu.
type coverageNet struct {
	prefix                                            string
	north, south                                      string
	cloud, k8s, nego, data                            string
	electives                                         []string
	olu, rafa, sana, teo, pia, quentin, uma, vik, wen string
	xia, zed, yara                                    string
	oluName, zedName                                  string
}

// electives is how many skills only Zed wants.
const electives = 100

var (
	coverageNetOnce sync.Once
	coverageNetData coverageNet
	coverageNetErr  error
)

func theCoverageNet(t *testing.T, store *graph.Store) coverageNet {
	t.Helper()
	coverageNetOnce.Do(func() {
		defer slow(t, "writing the coverage network", time.Now())
		p := neo4jtest.Prefix(t)
		coverageNetData, coverageNetErr = writeCoverageNet(context.Background(), store, "uicov-"+p[len(p)-9:])
	})
	if coverageNetErr != nil {
		t.Fatalf("writing the coverage network: %v", coverageNetErr)
	}
	return coverageNetData
}

func coverageNetIDs(p string) coverageNet {
	n := coverageNet{prefix: p, north: p + "northwind", south: p + "southbank",
		cloud: p + "cloud-architecture", k8s: p + "kubernetes", nego: p + "negotiation", data: p + "data-science",
		olu: p + "olu", rafa: p + "rafa", sana: p + "sana", teo: p + "teo", pia: p + "pia", quentin: p + "quentin",
		uma: p + "uma", vik: p + "vik", wen: p + "wen", xia: p + "xia", zed: p + "zed", yara: p + "yara",
		oluName: "Olu Bianchi", zedName: `Zed "Z" O'Kane, Jr.`}
	for i := 1; i <= electives; i++ {
		n.electives = append(n.electives, fmt.Sprintf("%selective-%03d", p, i))
	}
	return n
}

// removeStaleCoverageNets deletes the coverage networks earlier runs left
// in a database that outlives the run (NEO4J_URI).
func removeStaleCoverageNets(ctx context.Context, s *graph.Store, current string) error {
	search := `"Olu Bianchi"`
	page, err := s.People(ctx, graph.PeopleFilter{Search: &search}, graph.PageArgs{First: graph.MaxPageSize})
	if err != nil {
		return err
	}
	for _, p := range page.Items {
		prefix, ok := strings.CutSuffix(p.ID, "olu")
		if !ok || !strings.HasPrefix(prefix, "uicov-") || prefix == current {
			continue
		}
		old := coverageNetIDs(prefix)
		for _, id := range []string{old.olu, old.rafa, old.sana, old.teo, old.pia, old.quentin, old.uma, old.vik, old.wen, old.xia, old.zed, old.yara} {
			if err := s.DeletePerson(ctx, id); err != nil && !errors.Is(err, graph.ErrNotFound) {
				return err
			}
		}
		for _, id := range append([]string{old.k8s, old.cloud, old.nego, old.data}, old.electives...) {
			if err := s.DeleteSkill(ctx, id); err != nil && !errors.Is(err, graph.ErrNotFound) {
				return err
			}
		}
		for _, id := range []string{old.north, old.south} {
			if err := s.DeleteOrganization(ctx, id); err != nil && !errors.Is(err, graph.ErrNotFound) {
				return err
			}
		}
	}
	return nil
}

func writeCoverageNet(ctx context.Context, s *graph.Store, p string) (coverageNet, error) {
	n := coverageNetIDs(p)
	if err := removeStaleCoverageNets(ctx, s, p); err != nil {
		return n, fmt.Errorf("removing earlier runs' networks: %w", err)
	}
	str := func(s string) *string { return &s }
	for _, o := range []graph.OrganizationInput{{ID: str(n.north), Name: "Northwind", Kind: "COMPANY"}, {ID: str(n.south), Name: "Southbank", Kind: "COMMUNITY"}} {
		if _, err := s.CreateOrganization(ctx, o); err != nil {
			return n, fmt.Errorf("organization %s: %w", o.Name, err)
		}
	}
	skills := []graph.SkillInput{
		{ID: str(n.cloud), Name: "Cloud architecture", Category: "TECHNICAL"},
		{ID: str(n.k8s), Name: "Kubernetes", Category: "TECHNICAL", BroaderID: str(n.cloud)},
		{ID: str(n.nego), Name: "Negotiation", Category: "BUSINESS"},
		{ID: str(n.data), Name: "Data science", Category: "TECHNICAL"},
	}
	for i, id := range n.electives {
		skills = append(skills, graph.SkillInput{ID: str(id), Name: fmt.Sprintf("Elective %03d", i+1), Category: "CAREER"})
	}
	for _, sk := range skills {
		if _, err := s.CreateSkill(ctx, sk); err != nil {
			return n, fmt.Errorf("skill %s: %w", sk.Name, err)
		}
	}
	people := []struct {
		id, name, headline string
		available          bool
		capacity           int
		org                string
	}{
		{n.olu, n.oluName, "Platform engineering lead", true, 2, n.north},
		{n.rafa, "Rafa Lindgren", `=Cloud lead, "platform"`, true, 1, n.north},
		{n.sana, "Sana Ito", "Data scientist", true, 2, n.south},
		{n.teo, "Teo Vasquez", "Account director", true, 1, n.south},
		{n.pia, "Pia Novak", "Site reliability engineer", false, 1, n.north},
		{n.quentin, "Quentin Dube", "Backend engineer", false, 0, n.north},
		{n.uma, "Uma Reyes", "Sales engineer", false, 0, n.north},
		{n.vik, "Vik Adeyemi", "Analyst", false, 0, n.north},
		{n.wen, "Wen Zhao", "Founder", false, 0, n.south},
		{n.xia, "Xia Moreau", "Student", false, 0, n.south},
		{n.zed, n.zedName, "Intern", false, 0, n.north},
		{n.yara, "Yara Castel", "Junior engineer", false, 0, ""},
	}
	for _, pp := range people {
		_, err := s.CreatePerson(ctx, graph.PersonInput{ID: str(pp.id), Name: pp.name, Headline: str(pp.headline),
			AvailableToMentor: pp.available, MentorCapacity: pp.capacity, SeekingMentorship: !pp.available})
		if err != nil {
			return n, fmt.Errorf("person %s: %w", pp.name, err)
		}
		if pp.org != "" {
			if _, err := s.AddAffiliation(ctx, graph.Affiliation{PersonID: pp.id, OrganizationID: pp.org}); err != nil {
				return n, fmt.Errorf("affiliation %s: %w", pp.name, err)
			}
		}
	}
	for _, l := range []graph.PersonSkill{
		{PersonID: n.olu, SkillID: n.k8s, Level: 4}, {PersonID: n.olu, SkillID: n.nego, Level: 4},
		{PersonID: n.rafa, SkillID: n.cloud, Level: 5}, {PersonID: n.sana, SkillID: n.data, Level: 4},
		{PersonID: n.teo, SkillID: n.nego, Level: 3}, {PersonID: n.pia, SkillID: n.k8s, Level: 2},
		{PersonID: n.yara, SkillID: n.nego, Level: 3},
	} {
		if _, err := s.SetPersonSkill(ctx, l); err != nil {
			return n, fmt.Errorf("skill level %s/%s: %w", l.PersonID, l.SkillID, err)
		}
	}
	for _, pair := range [][2]string{{n.pia, n.olu}, {n.quentin, n.rafa}, {n.rafa, n.olu}, {n.uma, n.olu}, {n.vik, n.sana}, {n.wen, n.teo}} {
		if _, err := s.Connect(ctx, pair[0], pair[1], nil); err != nil {
			return n, fmt.Errorf("connect %s %s: %w", pair[0], pair[1], err)
		}
	}
	for _, m := range []graph.Mentorship{
		{MenteeID: n.pia, MentorID: n.olu, Focus: []string{n.k8s}},
		{MenteeID: n.quentin, MentorID: n.rafa, Focus: []string{n.cloud}},
		{MenteeID: n.yara, MentorID: n.pia},
	} {
		if _, err := s.RecordMentorship(ctx, m); err != nil {
			return n, fmt.Errorf("mentorship %s -> %s: %w", m.MenteeID, m.MentorID, err)
		}
	}
	goals := [][2]string{{n.pia, n.cloud}, {n.quentin, n.cloud}, {n.zed, n.cloud}, {n.uma, n.nego}, {n.vik, n.data}, {n.wen, n.nego}, {n.xia, n.k8s}}
	for _, e := range n.electives {
		goals = append(goals, [2]string{n.zed, e})
	}
	for _, g := range goals {
		if _, err := s.AddGoal(ctx, graph.Goal{PersonID: g[0], SkillID: g[1], Title: "Learn it", Status: "OPEN"}); err != nil {
			return n, fmt.Errorf("goal %s/%s: %w", g[0], g[1], err)
		}
	}
	return n, nil
}

// coverageArgs are the view's question: scope, reach and level.
type coverageArgs struct {
	org          *string
	hops, level  int
	without      *string
	firstPageLen int // 0: every row
}

// storeGaps is the store's whole report (every page) for a question, in
// its order.
func storeGaps(t *testing.T, s *graph.Store, a coverageArgs) []graph.SkillGap {
	t.Helper()
	first := cmp.Or(a.firstPageLen, graph.MaxPageSize)
	args := graph.CoverageArgs{Organization: a.org, MaxHops: a.hops, MinLevel: a.level, Without: a.without, Page: graph.PageArgs{First: first}}
	var out []graph.SkillGap
	for {
		page, _, err := s.CoverageGaps(context.Background(), args)
		if err != nil {
			t.Fatalf("store.CoverageGaps(%+v): %v", a, err)
		}
		out = append(out, page.Items...)
		if !page.HasNext || a.firstPageLen > 0 {
			return out
		}
		args.Page.After = &page.Cursors[len(page.Cursors)-1]
	}
}

// personNames maps ids to names through the store.
func personNames(t *testing.T, s *graph.Store, ids []string) []string {
	t.Helper()
	people, err := s.PeopleByID(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, id := range ids {
		out = append(out, people[id].Name)
	}
	return out
}

// heatColumnIDs are the heatmap's columns for a scope and top, from the
// store: "*" (everyone), the scope, then the top largest other
// organizations by current members (ties by name, then id).
func heatColumnIDs(t *testing.T, s *graph.Store, scope string, top int) []string {
	t.Helper()
	ctx := context.Background()
	type org struct {
		id, name string
		members  int
	}
	var orgs []org
	args := graph.PageArgs{First: graph.MaxPageSize}
	for {
		page, err := s.Organizations(ctx, graph.OrganizationFilter{}, args)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range page.Items {
			n, err := s.CountMembers(ctx, o.ID)
			if err != nil {
				t.Fatal(err)
			}
			if o.ID != scope {
				orgs = append(orgs, org{o.ID, o.Name, n})
			}
		}
		if !page.HasNext {
			break
		}
		args.After = &page.Cursors[len(page.Cursors)-1]
	}
	slices.SortFunc(orgs, func(a, b org) int {
		return cmp.Or(cmp.Compare(b.members, a.members), strings.Compare(a.name, b.name), strings.Compare(a.id, b.id))
	})
	cols := []string{"*"}
	if scope != "" {
		cols = append(cols, scope)
	}
	for _, o := range orgs[:min(top, len(orgs))] {
		cols = append(cols, o.id)
	}
	return cols
}

// coverageScreen is what the coverage view shows, read from the DOM.
type coverageScreen struct {
	Heat       string              `json:"heat"`
	Cols       []string            `json:"cols"`
	Rows       []string            `json:"rows"`
	Cells      map[string][]string `json:"cells"`
	Cell       string              `json:"cell"`
	Tables     map[string][]string `json:"tables"`
	States     map[string]string   `json:"states"`
	Errors     []string            `json:"errors"`
	Codes      []string            `json:"codes"`
	Query      string              `json:"query"`
	Scope      string              `json:"scope"`
	Hops       string              `json:"hops"`
	Level      string              `json:"level"`
	Top        string              `json:"top"`
	Metric     string              `json:"metric"`
	Leaves     string              `json:"leaves"`
	GapsStatus string              `json:"gapsStatus"`
	Summary    string              `json:"summary"`
}

// readCoverageScreen reads the view: the heatmap's columns (ids, "*" for
// everyone), rows (skill ids) and cells (per skill, each column's value),
// each table's rows as "cell | cell | …" (screen-only cells left out), each
// section's data-state, the alerts and the controls.
const readCoverageScreen = `(() => {
	const q = (s) => document.querySelector(s);
	const all = (s, el = document) => [...el.querySelectorAll(s)];
	const tables = {};
	for (const t of all('[data-table]')) {
		if (t.dataset.table === 'heatmap') continue;
		tables[t.dataset.table] = all('tbody tr[data-id]', t).map(r =>
			all('[data-col]', r).filter(c => c.dataset.col !== 'leaves').map(c => c.textContent.trim()).join(' | '));
	}
	const cells = {};
	for (const r of all('table[data-table=heatmap] tbody tr')) {
		cells[r.dataset.skill] = all('td', r).map(td => td.querySelector('button')?.dataset.value ?? '');
	}
	const states = {};
	for (const s of all('main [data-state]')) {
		const name = s.classList[0];
		if (s.tagName === 'SECTION' || s.tagName === 'ASIDE') states[name] = s.dataset.state;
	}
	return {
		heat: q('.heatmap-section')?.dataset.state ?? '',
		cols: all('table[data-table=heatmap] thead th[data-col-id]').map(th => th.dataset.colId),
		rows: all('table[data-table=heatmap] tbody tr').map(r => r.dataset.skill),
		cells,
		cell: (q('.cell-panel')?.dataset.skill ?? '') + '@' + (q('.cell-panel')?.dataset.at ?? ''),
		tables,
		states,
		errors: all('main [role=alert]').map(e => e.innerText),
		codes: all('main [role=alert]').map(e => e.dataset.errorCode ?? ''),
		query: location.search,
		scope: q('#scope')?.value ?? '',
		hops: q('#hops')?.value ?? '',
		level: q('#level')?.value ?? '',
		top: q('#top')?.value ?? '',
		metric: q('input[name=metric]:checked')?.value ?? '',
		leaves: q('#leaves')?.value ?? '',
		gapsStatus: q('.gaps .status')?.textContent ?? '',
		summary: q('.whatif-summary')?.textContent ?? '',
	};
})()`

func coverageScreenOf(t *testing.T, ctx context.Context) coverageScreen {
	t.Helper()
	return eval[coverageScreen](t, ctx, readCoverageScreen)
}

// waitCoverage waits until every section of the view named in sections
// has settled (data-state neither loading nor missing) and the JavaScript
// condition cond (over s, the screen as readCoverageScreen reads it; ""
// for none) holds.
func waitCoverage(t *testing.T, ctx context.Context, cond string, sections ...string) coverageScreen {
	t.Helper()
	want, _ := json.Marshal(sections)
	if cond == "" {
		cond = "true"
	}
	waitLong(t, ctx, fmt.Sprintf("sections %s settled, and %s", want, cond), fmt.Sprintf(`(() => {
		const s = %s;
		return %s.every(n => s.states[n] && s.states[n] !== 'loading') && (%s);
	})()`, readCoverageScreen, want, cond))
	return coverageScreenOf(t, ctx)
}

// waitLong is waitFor with a minute to wait: a coverage report is seconds
// of Neo4j's work, and the machine may be busy.
func waitLong(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	defer slow(t, what, time.Now())
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		state, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('main') || document.body).innerText.slice(0, 3000)`))
		t.Fatalf("waiting for %s: %v\npage says:\n%s", what, err, state)
	}
}

func coverageURL(base string, q url.Values) string {
	return base + "/coverage?" + q.Encode()
}

// checkHeatmap checks the heatmap's columns and every cell against the
// store's reports for the same question.
func checkHeatmap(t *testing.T, s *graph.Store, got coverageScreen, cols []string, hops, level int, metric string) {
	// The scope's column: the second when an organization is in scope.
	scope := 0
	if len(cols) > 1 && strings.Contains(got.Query, "org=") {
		scope = 1
	}
	t.Helper()
	if !slices.Equal(got.Cols, cols) {
		t.Fatalf("heatmap columns %q, want %q", got.Cols, cols)
	}
	value := func(g graph.SkillGap) int {
		switch metric {
		case "demand":
			return g.Demand
		case "supply":
			return g.Supply
		case "slots":
			return g.OpenSlots
		}
		return g.Uncovered
	}
	want := map[string][]string{}
	names := map[string]string{}
	inScope := map[string]bool{} // the scope's report has the skill
	for i, c := range cols {
		a := coverageArgs{hops: hops, level: level}
		if c != "*" {
			a.org = &c
		}
		for _, g := range storeGaps(t, s, a) {
			if want[g.Skill.ID] == nil {
				want[g.Skill.ID] = make([]string, len(cols))
				for j := range cols {
					want[g.Skill.ID][j] = "0"
				}
			}
			want[g.Skill.ID][i] = fmt.Sprint(value(g))
			names[g.Skill.ID] = g.Skill.Name
			if i == scope {
				inScope[g.Skill.ID] = true
			}
		}
	}
	if len(got.Cells) != len(want) {
		t.Errorf("heatmap has %d skills, the store's reports %d", len(got.Cells), len(want))
	}
	for skill, w := range want {
		if !slices.Equal(got.Cells[skill], w) {
			t.Errorf("heatmap row %s (%s): %q, want the store's %q", names[skill], metric, got.Cells[skill], w)
		}
	}
	// Rows: most first in the scope's column, skills it does not report
	// last, then by name.
	rows := slices.Collect(func(yield func(string) bool) {
		for k := range want {
			if !yield(k) {
				return
			}
		}
	})
	num := func(k string) int {
		if !inScope[k] {
			return -1
		}
		var n int
		fmt.Sscan(want[k][scope], &n)
		return n
	}
	slices.SortFunc(rows, func(a, b string) int {
		return cmp.Or(cmp.Compare(num(b), num(a)), strings.Compare(names[a], names[b]), strings.Compare(a, b))
	})
	if !slices.Equal(got.Rows, rows) {
		t.Errorf("heatmap rows in order %q, want %q", got.Rows, rows)
	}
}

// countingServer is uiServer that also counts the GraphQL operations it
// is asked, by name.
func countingServer(t *testing.T, store *graph.Store) (*httptest.Server, func() map[string]int) {
	t.Helper()
	mux := asAdmin(t, store, testMux(t, store))
	var (
		mu  sync.Mutex
		ops = map[string]int{}
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/graphql" && r.Method == http.MethodPost {
			b, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(b))
			var body struct {
				OperationName string `json:"operationName"`
			}
			_ = json.Unmarshal(b, &body)
			mu.Lock()
			ops[body.OperationName]++
			mu.Unlock()
		}
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, func() map[string]int {
		mu.Lock()
		defer mu.Unlock()
		return maps.Clone(ops)
	}
}

// allowDownloads lets the tab save downloads into a fresh folder, which
// it returns.
func allowDownloads(t *testing.T, ctx context.Context) string {
	t.Helper()
	dir := t.TempDir()
	do(t, ctx, "allow downloads", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		yes := true
		_, err := cdp.Call(ctx, tg, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &yes})
		return err
	}))
	return dir
}

// download clicks the CSV button of a table and returns the file's
// suggested name and its records (the byte-order mark checked and removed).
func download(t *testing.T, ctx context.Context, dir, table string) (string, [][]string) {
	t.Helper()
	dctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	begin := chromedp.Events(dctx, browser.DownloadWillBegin)
	progress := chromedp.Events(dctx, browser.DownloadProgress)
	do(t, ctx, "download the CSV of "+table, chromedp.Click(chromedp.CSS(fmt.Sprintf(`button[data-csv=%q]`, table))))
	var name string
	for ev, err := range begin {
		if err != nil {
			t.Fatalf("waiting for the download of %s to begin: %v", table, err)
		}
		name = ev.SuggestedFilename
		break
	}
	var path string
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("waiting for the download of %s: %v", table, err)
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			t.Fatalf("the download of %s was canceled", table)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			path = filepath.Join(dir, ev.GUID)
			break
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the downloaded %s: %v", name, err)
	}
	text, ok := bytes.CutPrefix(b, []byte("\xef\xbb\xbf"))
	if !ok {
		t.Errorf("%s does not start with UTF-8's byte-order mark: %q", name, b[:min(len(b), 10)])
	}
	if !bytes.HasSuffix(text, []byte("\r\n")) {
		t.Errorf("%s: lines should end with CRLF (RFC 4180): %q", name, text[max(0, len(text)-10):])
	}
	records, err := csv.NewReader(bytes.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatalf("%s is not valid CSV: %v\n%s", name, err, text)
	}
	return name, records
}

// gapRecord is a row of the gap table as its CSV holds it.
func gapRecord(g graph.SkillGap) []string {
	ratio := ""
	if g.Ratio != nil {
		ratio = strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", *g.Ratio), "0"), ".")
	}
	single := "no"
	if g.SinglePointOfFailure {
		single = "yes"
	}
	return []string{g.Skill.Name, fmt.Sprint(g.Demand), fmt.Sprint(g.Seekers), fmt.Sprint(g.Supply), fmt.Sprint(g.OpenSlots),
		ratio, fmt.Sprint(g.Uncovered), fmt.Sprint(g.OverloadedCount), single, g.Skill.ID}
}

// gapRow is a row of the gap table as the screen shows it (no ids).
func gapRow(g graph.SkillGap) string {
	r := gapRecord(g)
	r = r[:len(r)-1]
	if g.Ratio == nil {
		r[5] = "none"
	} else {
		r[5] = fmt.Sprintf("%.2f", *g.Ratio)
	}
	return strings.Join(r, " | ")
}

func gapRows(gaps []graph.SkillGap) []string {
	var out []string
	for _, g := range gaps {
		out = append(out, gapRow(g))
	}
	return out
}

// TestBrowserCoverageHeatmap: the heatmap shows everyone, the organization
// in scope and the largest organizations, each cell the number of the
// store's report for that skill and organization, in both metrics tried;
// it asks one coverage report per column (a request per hundred skills)
// and no more.
func TestBrowserCoverageHeatmap(t *testing.T) {
	store := testStore(t)
	n := theCoverageNet(t, store)
	srv, ops := countingServer(t, store)
	ctx := newBrowser(t, 180*time.Second)

	cols := heatColumnIDs(t, store, n.north, 2)
	do(t, ctx, "open the view", chromedp.Navigate(coverageURL(srv.URL, url.Values{"org": {n.north}, "top": {"2"}})))
	got := waitCoverage(t, ctx, "", "heatmap-section", "gaps", "overloaded", "single")
	checkHeatmap(t, store, got, cols, 2, 3, "uncovered")
	if got.Scope != "Northwind" || got.Metric != "uncovered" || got.Top != "2" {
		t.Errorf("controls: scope %q, metric %q, top %q", got.Scope, got.Metric, got.Top)
	}
	// One request per column and per hundred skills of its report.
	pages := 0
	for _, c := range cols {
		a := coverageArgs{hops: 2, level: 3}
		if c != "*" {
			a.org = &c
		}
		pages += max(1, (len(storeGaps(t, store, a))+graph.MaxPageSize-1)/graph.MaxPageSize)
	}
	if c := ops()["CoverageColumn"]; c != pages {
		t.Errorf("the heatmap asked %d pages of coverage reports for %d columns, want %d", c, len(cols), pages)
	}

	// Overloaded mentors and single-mentor skills of Northwind, per the store.
	var overloaded, single []string
	fullIn := map[string][]string{}
	for _, g := range storeGaps(t, store, coverageArgs{org: &n.north, hops: 2, level: 3}) {
		for _, name := range personNames(t, store, g.Overloaded) {
			fullIn[name] = append(fullIn[name], g.Skill.Name)
		}
		if g.SinglePointOfFailure {
			page, err := store.People(context.Background(), graph.PeopleFilter{SkillID: &g.Skill.ID, MinLevel: 3, IncludeNarrower: true,
				OrganizationID: &n.north, AvailableToMentor: ptr(true)}, graph.PageArgs{First: 1})
			if err != nil || len(page.Items) != 1 {
				t.Fatalf("the one mentor of %s: %v %v", g.Skill.Name, page.Items, err)
			}
			single = append(single, g.Skill.Name+" | "+page.Items[0].Name)
		}
	}
	for name, skills := range fullIn {
		slices.Sort(skills)
		overloaded = append(overloaded, name+" | "+strings.Join(skills, "; "))
	}
	var shownOverloaded, shownSingle []string
	for _, r := range got.Tables["overloaded"] {
		c := strings.Split(r, " | ")
		shownOverloaded = append(shownOverloaded, c[0]+" | "+c[3])
	}
	for _, r := range got.Tables["single"] {
		c := strings.Split(r, " | ")
		shownSingle = append(shownSingle, c[0]+" | "+c[1])
	}
	slices.Sort(overloaded)
	slices.Sort(shownOverloaded)
	slices.Sort(single)
	slices.Sort(shownSingle)
	if !slices.Equal(shownOverloaded, overloaded) || !slices.Equal(shownSingle, single) {
		t.Errorf("overloaded %q, want %q; single-mentor skills %q, want %q", shownOverloaded, overloaded, shownSingle, single)
	}
	if len(overloaded) == 0 || len(single) < 2 {
		t.Errorf("the fixture should have overloaded mentors and single-mentor skills: %q %q", overloaded, single)
	}
	screenshot(t, ctx, "coverage")

	// Another metric: the same columns, the store's supply.
	do(t, ctx, "show supply", chromedp.Click(chromedp.CSS(`input[name=metric][value=supply]`)))
	got = waitCoverage(t, ctx, `s.query.includes('metric=supply') && document.querySelector('#heatmap-heading').textContent.startsWith('Supply')`, "heatmap-section")
	checkHeatmap(t, store, got, cols, 2, 3, "supply")
	if c := ops()["CoverageColumn"]; c != pages {
		t.Errorf("switching the metric asked again: %d pages of coverage reports, before %d", c, pages)
	}
}

func ptr[T any](v T) *T { return &v }

// TestBrowserCoverageDrillDownAndCSV: a heatmap cell opens its uncovered
// mentees and its mentors, as the store lists them; their CSV files and
// the gap table's download with the rows shown, quoted; the gap table
// pages through the report with its cursor and sorts.
func TestBrowserCoverageDrillDownAndCSV(t *testing.T) {
	store := testStore(t)
	n := theCoverageNet(t, store)
	srv := uiServer(t, store)
	ctx := newBrowser(t, 180*time.Second)
	dir := allowDownloads(t, ctx)

	do(t, ctx, "open the view", chromedp.Navigate(coverageURL(srv.URL, url.Values{"org": {n.north}, "top": {"0"}})))
	waitCoverage(t, ctx, "", "heatmap-section", "gaps")
	do(t, ctx, "choose the cell cloud × Northwind", chromedp.Click(chromedp.CSS(
		fmt.Sprintf(`table[data-table=heatmap] tr[data-skill=%q] td[data-col-id=%q] button`, n.cloud, n.north))))
	got := waitCoverage(t, ctx, fmt.Sprintf(`s.query.includes('cell=') && s.cell === %q`, n.cloud+"@"+n.north), "cell-panel")
	if got.Cell != n.cloud+"@"+n.north {
		t.Fatalf("cell panel shows %s", got.Cell)
	}

	var cloud graph.SkillGap
	for _, g := range storeGaps(t, store, coverageArgs{org: &n.north, hops: 2, level: 3}) {
		if g.Skill.ID == n.cloud {
			cloud = g
		}
	}
	mentees := personNames(t, store, cloud.UncoveredMentees)
	supply, err := store.People(context.Background(), graph.PeopleFilter{SkillID: &n.cloud, MinLevel: 3, IncludeNarrower: true,
		OrganizationID: &n.north, AvailableToMentor: ptr(true)}, graph.PageArgs{First: 100})
	if err != nil {
		t.Fatal(err)
	}
	var mentors, mentorNames []string
	for _, p := range supply.Items {
		mentorNames = append(mentorNames, p.Name)
		mentors = append(mentors, p.Name)
	}
	var shownMentors []string
	for _, r := range got.Tables["cell-mentors"] {
		shownMentors = append(shownMentors, strings.Split(r, " | ")[0])
	}
	if !slices.Equal(got.Tables["cell-mentees"], mentees) || !slices.Equal(shownMentors, mentors) || len(mentors) != cloud.Supply {
		t.Errorf("cell cloud × Northwind: mentees %q, want %q; mentors %q, want %q (supply %d)",
			got.Tables["cell-mentees"], mentees, shownMentors, mentors, cloud.Supply)
	}
	if !slices.Contains(mentorNames, "Rafa Lindgren") || len(cloud.UncoveredMentees) != 1 {
		t.Fatalf("the fixture's cloud cell should list Rafa and one uncovered mentee: %q %q", mentorNames, mentees)
	}

	// The mentees' CSV: a name with quotes and a comma survives the trip.
	name, records := download(t, ctx, dir, "cell-mentees")
	wantRecords := [][]string{{"Mentee", "Person id"}, {n.zedName, n.zed}}
	if name != "uncovered-cloud-architecture-northwind-2-hops-level-3.csv" || fmt.Sprint(records) != fmt.Sprint(wantRecords) {
		t.Errorf("cell-mentees CSV %s: %q, want %q", name, records, wantRecords)
	}
	// The mentors' CSV: a headline that looks like a formula is written as text.
	_, records = download(t, ctx, dir, "cell-mentors")
	want := [][]string{{"Mentor", "Headline", "Open slots", "Capacity", "Full", "Person id"}}
	for _, p := range supply.Items {
		full := "no"
		if p.OpenSlots == 0 {
			full = "yes"
		}
		headline := *p.Headline
		if strings.HasPrefix(headline, "=") {
			headline = "'" + headline
		}
		want = append(want, []string{p.Name, headline, fmt.Sprint(p.OpenSlots), fmt.Sprint(p.MentorCapacity), full, p.ID})
	}
	if fmt.Sprintf("%q", records) != fmt.Sprintf("%q", want) {
		t.Errorf("cell-mentors CSV:\n got %q\nwant %q", records, want)
	}

	// The gap table: the store's first page, then the next through the cursor.
	all := storeGaps(t, store, coverageArgs{org: &n.north, hops: 2, level: 3})
	if len(all) <= graph.MaxPageSize {
		t.Fatalf("the fixture should give Northwind more than a page of the API's gaps, the store gives %d", len(all))
	}
	if !slices.Equal(got.Tables["gaps"], gapRows(all[:20])) {
		t.Errorf("gap table, first page:\n got %q\nwant %q", got.Tables["gaps"], gapRows(all[:20]))
	}
	do(t, ctx, "show more gaps", chromedp.Click(chromedp.ID("gaps-more")))
	shown := all[:min(40, len(all))]
	got = waitCoverage(t, ctx, fmt.Sprintf(`s.query.includes('rows=40') && s.tables.gaps.length === %d`, len(shown)), "gaps")
	if !slices.Equal(got.Tables["gaps"], gapRows(shown)) {
		t.Errorf("gap table, two pages:\n got %q\nwant %q", got.Tables["gaps"], gapRows(shown))
	}
	_, records = download(t, ctx, dir, "gaps")
	wantGaps := [][]string{{"Skill", "Demand", "Seekers", "Supply", "Open slots", "Demand per mentor", "Uncovered", "Overloaded mentors", "Single mentor", "Skill id"}}
	for _, g := range shown {
		wantGaps = append(wantGaps, gapRecord(g))
	}
	if fmt.Sprintf("%q", records) != fmt.Sprintf("%q", wantGaps) {
		t.Errorf("gaps CSV:\n got %q\nwant %q", records, wantGaps)
	}

	// Sorted by supply, most first (ties keep the report's order).
	do(t, ctx, "sort by supply", chromedp.Click(chromedp.CSS(`[data-table=gaps] button[data-sort=supply]`)))
	waitLong(t, ctx, "the gap table sorted by supply", `!!document.querySelector('[data-table=gaps] th[aria-sort=descending] button[data-sort=supply]') && location.search.includes('sort=supply')`)
	bySupply := slices.Clone(shown)
	slices.SortStableFunc(bySupply, func(a, b graph.SkillGap) int { return cmp.Compare(b.Supply, a.Supply) })
	got = coverageScreenOf(t, ctx)
	if !slices.Equal(got.Tables["gaps"], gapRows(bySupply)) {
		t.Errorf("gap table by supply:\n got %q\nwant %q", got.Tables["gaps"], gapRows(bySupply))
	}
	screenshot(t, ctx, "coverage-cell")
}

// TestBrowserCoverageWhatIfAMentorLeaves: the single-mentor table's "what
// if" link opens the panel, which lists who would lose coverage (the
// store's report without the mentor against the report with them), the
// mentor's current mentees and the store's successors.
func TestBrowserCoverageWhatIfAMentorLeaves(t *testing.T) {
	store := testStore(t)
	n := theCoverageNet(t, store)
	srv := uiServer(t, store)
	ctx := newBrowser(t, 180*time.Second)
	ctxb := context.Background()

	do(t, ctx, "open the view", chromedp.Navigate(coverageURL(srv.URL, url.Values{"org": {n.north}, "top": {"0"}})))
	waitCoverage(t, ctx, "", "single")
	do(t, ctx, "ask what if Olu leaves", chromedp.Click(chromedp.CSS(fmt.Sprintf(`[data-table=single] button[data-leaves=%q]`, n.olu))))
	got := waitCoverage(t, ctx, fmt.Sprintf(`s.query.includes('leaves=') && s.states.whatif === 'ok' && s.leaves === %q`, n.oluName), "whatif")

	before := storeGaps(t, store, coverageArgs{org: &n.north, hops: 2, level: 3})
	after := storeGaps(t, store, coverageArgs{org: &n.north, hops: 2, level: 3, without: &n.olu})
	wasUncovered := map[string]bool{}
	supplyBefore := map[string]int{}
	for _, g := range before {
		for _, id := range g.UncoveredMentees {
			wasUncovered[g.Skill.ID+"/"+id] = true
		}
		supplyBefore[g.Skill.ID] = g.Supply
	}
	var losers []string
	supplied := map[string]bool{}
	for _, g := range after {
		names := personNames(t, store, g.UncoveredMentees)
		for i, id := range g.UncoveredMentees {
			if !wasUncovered[g.Skill.ID+"/"+id] {
				losers = append(losers, names[i]+" | "+g.Skill.Name)
			}
		}
		if g.Supply < supplyBefore[g.Skill.ID] {
			supplied[g.Skill.ID] = true
		}
		delete(supplyBefore, g.Skill.ID)
	}
	for id := range supplyBefore { // skills that left the report
		supplied[id] = true
	}
	var shownLosers []string
	for _, r := range got.Tables["losers"] {
		c := strings.Split(r, " | ")
		shownLosers = append(shownLosers, c[0]+" | "+c[1])
	}
	slices.Sort(losers)
	slices.Sort(shownLosers)
	if !slices.Equal(shownLosers, losers) || len(losers) < 3 {
		t.Errorf("who loses coverage: %q, want the store's %q", shownLosers, losers)
	}

	ments, err := store.MenteesOfPeople(ctxb, []string{n.olu})
	if err != nil {
		t.Fatal(err)
	}
	var mentees []string
	for _, m := range ments[n.olu] {
		if m.Status == "ACTIVE" {
			mentees = append(mentees, personNames(t, store, []string{m.MenteeID})[0])
		}
	}
	var shownMentees []string
	for _, r := range got.Tables["current-mentees"] {
		shownMentees = append(shownMentees, strings.Split(r, " | ")[0])
	}
	if !slices.Equal(shownMentees, mentees) || len(mentees) == 0 {
		t.Errorf("current mentees %q, want %q", shownMentees, mentees)
	}

	succ, err := store.Successors(ctxb, graph.SuccessionArgs{Person: n.olu, Skills: slices.Sorted(func(yield func(string) bool) {
		for id := range supplied {
			if !yield(id) {
				return
			}
		}
	})})
	if err != nil {
		t.Fatal(err)
	}
	var successors, shownSuccessors []string
	for _, s := range succ {
		successors = append(successors, s.Person.Name)
	}
	for _, r := range got.Tables["successors"] {
		shownSuccessors = append(shownSuccessors, strings.Split(r, " | ")[0])
	}
	if !slices.Equal(shownSuccessors, successors) || len(successors) < 2 {
		t.Errorf("successors %q, want the store's %q", shownSuccessors, successors)
	}
	if !strings.Contains(got.Summary, fmt.Sprintf("%d people would lose mentor coverage", len(losers))) {
		t.Errorf("summary: %q", got.Summary)
	}
	screenshot(t, ctx, "coverage-what-if")
}

// TestBrowserCoverageAddressRestoresTheScreen: a shared address with every
// control set opens on the same screen, and so does a reload.
func TestBrowserCoverageAddressRestoresTheScreen(t *testing.T) {
	store := testStore(t)
	n := theCoverageNet(t, store)
	srv := uiServer(t, store)
	ctx := newBrowser(t, 180*time.Second)

	address := coverageURL(srv.URL, url.Values{"org": {n.north}, "hops": {"3"}, "level": {"2"}, "metric": {"demand"}, "top": {"2"},
		"cell": {n.nego}, "at": {n.north}, "sort": {"uncovered"}, "dir": {"asc"}, "rows": {"40"}, "leaves": {n.olu}})
	do(t, ctx, "open the shared address", chromedp.Navigate(address))
	sections := []string{"heatmap-section", "cell-panel", "gaps", "overloaded", "single", "whatif"}
	first := waitCoverage(t, ctx, "", sections...)
	check := func(when string, s coverageScreen) {
		t.Helper()
		if s.Scope != "Northwind" || s.Hops != "3" || s.Level != "2" || s.Metric != "demand" || s.Top != "2" || s.Leaves != n.oluName {
			t.Errorf("%s: controls scope %q hops %s level %s metric %s top %s leaves %q", when, s.Scope, s.Hops, s.Level, s.Metric, s.Top, s.Leaves)
		}
		if s.Cell != n.nego+"@"+n.north {
			t.Errorf("%s: cell %s", when, s.Cell)
		}
		for _, sec := range sections {
			if s.States[sec] != "ok" {
				t.Errorf("%s: section %s is %q; alerts %q", when, sec, s.States[sec], s.Errors)
			}
		}
	}
	check("opened", first)
	checkHeatmap(t, store, first, heatColumnIDs(t, store, n.north, 2), 3, 2, "demand")
	all := storeGaps(t, store, coverageArgs{org: &n.north, hops: 3, level: 2})
	byUncovered := slices.Clone(all[:min(40, len(all))])
	slices.SortStableFunc(byUncovered, func(a, b graph.SkillGap) int { return cmp.Compare(a.Uncovered, b.Uncovered) })
	if !slices.Equal(first.Tables["gaps"], gapRows(byUncovered)) {
		t.Errorf("gap table (rows=40, by uncovered ascending):\n got %q\nwant %q", first.Tables["gaps"], gapRows(byUncovered))
	}

	do(t, ctx, "reload", chromedp.Reload())
	again := waitCoverage(t, ctx, "", sections...)
	check("reloaded", again)
	a, _ := json.Marshal(again)
	f, _ := json.Marshal(first)
	if string(a) != string(f) {
		t.Errorf("reload changed the screen:\n%s\nbefore:\n%s", a, f)
	}
	screenshot(t, ctx, "coverage-shared")
}

// TestBrowserCoverageSaysWhatWentWrong: an API error is shown in words
// with its code: an unknown organization in the address (the store's
// NOT_FOUND), and an unknown mentor in the "what if" panel.
func TestBrowserCoverageSaysWhatWentWrong(t *testing.T) {
	store := testStore(t)
	n := theCoverageNet(t, store)
	srv := uiServer(t, store)
	ctx := newBrowser(t, 180*time.Second)

	nowhere, nobody := n.prefix+"nowhere", n.prefix+"nobody"
	_, _, orgErr := store.CoverageGaps(context.Background(), graph.CoverageArgs{Organization: &nowhere, MaxHops: 2, MinLevel: 3, Page: graph.PageArgs{First: 1}})
	_, _, whoErr := store.CoverageGaps(context.Background(), graph.CoverageArgs{Without: &nobody, MaxHops: 2, MinLevel: 3, Page: graph.PageArgs{First: 1}})
	if !errors.Is(orgErr, graph.ErrNotFound) || !errors.Is(whoErr, graph.ErrNotFound) {
		t.Fatalf("the store should not find them: %v, %v", orgErr, whoErr)
	}

	do(t, ctx, "open an address with an unknown organization", chromedp.Navigate(coverageURL(srv.URL, url.Values{"org": {nowhere}, "top": {"0"}})))
	got := waitCoverage(t, ctx, "", "heatmap-section", "gaps")
	if got.States["heatmap-section"] != "error" || got.States["gaps"] != "error" {
		t.Errorf("states %v; want the heatmap and the gap table in error", got.States)
	}
	shows := func(err error) bool {
		for i, e := range got.Errors {
			if got.Codes[i] == "NOT_FOUND" && strings.Contains(e, "NOT_FOUND") && strings.Contains(strings.ToLower(e), strings.ToLower(graph.Message(err))) {
				return true
			}
		}
		return false
	}
	if !shows(orgErr) {
		t.Errorf("alerts %q (codes %q); want the store's %q with NOT_FOUND", got.Errors, got.Codes, graph.Message(orgErr))
	}
	screenshot(t, ctx, "coverage-error")

	do(t, ctx, "ask what if an unknown person leaves", chromedp.Navigate(coverageURL(srv.URL, url.Values{"top": {"0"}, "leaves": {nobody}})))
	got = waitCoverage(t, ctx, `s.states.whatif === 'error' || s.states.whatif === 'ok'`, "whatif")
	if got.States["whatif"] != "error" || !shows(whoErr) {
		t.Errorf("what-if for an unknown person: state %q, alerts %q; want the store's %q", got.States["whatif"], got.Errors, graph.Message(whoErr))
	}
}

// focusedCell is the heatmap cell that has the keyboard's focus, as its
// skill and column ids ("" when focus is elsewhere).
const focusedCell = `(() => {
	const b = document.activeElement;
	if (!b || !b.matches('table[data-table=heatmap] button.heat-cell')) return '';
	return b.closest('tr').dataset.skill + '@' + b.closest('td').dataset.colId;
})()`

// TestBrowserCoverageHeatmapByKeyboard: the heatmap is one stop in the tab
// order; the arrow keys, Home and End (with Ctrl: the first and last
// skill) move between cells, and Enter or Space opens the cell's panel.
func TestBrowserCoverageHeatmapByKeyboard(t *testing.T) {
	store := testStore(t)
	n := theCoverageNet(t, store)
	srv := uiServer(t, store)
	ctx := newBrowser(t, 180*time.Second)

	do(t, ctx, "open the view", chromedp.Navigate(coverageURL(srv.URL, url.Values{"org": {n.north}, "top": {"1"}})))
	got := waitCoverage(t, ctx, "", "heatmap-section")
	if len(got.Rows) < 3 || len(got.Cols) < 3 {
		t.Fatalf("the heatmap has rows %q and columns %q; want at least 3 skills and everyone, Northwind and more", got.Rows, got.Cols)
	}
	if c := eval[int](t, ctx, `document.querySelectorAll('table[data-table=heatmap] button[tabindex="0"]').length`); c != 1 {
		t.Fatalf("%d heatmap cells are in the tab order, want 1", c)
	}
	cell := func(r, c int) string { return got.Rows[r] + "@" + got.Cols[c] }
	press := func(what, key string, want string, mods ...chromedp.Modifier) {
		t.Helper()
		var opts []chromedp.KeyOption
		if len(mods) > 0 {
			opts = append(opts, chromedp.KeyModifiers(mods...))
		}
		do(t, ctx, what, chromedp.KeyEvent(key, opts...))
		if at := eval[string](t, ctx, focusedCell); at != want {
			t.Errorf("after %s the focus is on %q, want %q", what, at, want)
		}
	}
	do(t, ctx, "tab into the heatmap", chromedp.Focus(chromedp.CSS(`table[data-table=heatmap] button[tabindex="0"]`)))
	if at := eval[string](t, ctx, focusedCell); at != cell(0, 0) {
		t.Fatalf("the heatmap's tab stop is %q, want the first cell %q", at, cell(0, 0))
	}
	last, lastCol := len(got.Rows)-1, len(got.Cols)-1
	press("ArrowRight", kb.ArrowRight, cell(0, 1))
	press("ArrowDown", kb.ArrowDown, cell(1, 1))
	press("End", kb.End, cell(1, lastCol))
	press("ArrowRight at the edge", kb.ArrowRight, cell(1, lastCol))
	press("Ctrl+End", kb.End, cell(last, lastCol), chromedp.ModifierCtrl)
	press("ArrowDown at the edge", kb.ArrowDown, cell(last, lastCol))
	press("Home", kb.Home, cell(last, 0))
	press("Ctrl+Home", kb.Home, cell(0, 0), chromedp.ModifierCtrl)
	if c := eval[int](t, ctx, `document.querySelectorAll('table[data-table=heatmap] button[tabindex="0"]').length`); c != 1 {
		t.Errorf("after moving, %d heatmap cells are in the tab order, want 1", c)
	}

	// To cloud architecture × Northwind, and open it with Enter.
	r := slices.Index(got.Rows, n.cloud)
	c := slices.Index(got.Cols, n.north)
	if r < 0 || c < 0 {
		t.Fatalf("no row for cloud architecture (%d) or column for Northwind (%d)", r, c)
	}
	for i := 0; i < r; i++ {
		press("ArrowDown", kb.ArrowDown, cell(i+1, 0))
	}
	for i := 0; i < c; i++ {
		press("ArrowRight", kb.ArrowRight, cell(r, i+1))
	}
	do(t, ctx, "Enter", chromedp.KeyEvent(kb.Enter))
	got = waitCoverage(t, ctx, fmt.Sprintf(`s.cell === %q`, n.cloud+"@"+n.north), "cell-panel")
	if got.States["cell-panel"] != "ok" || len(got.Tables["cell-mentors"]) == 0 {
		t.Errorf("Enter on cloud × Northwind: panel %q with mentors %q", got.States["cell-panel"], got.Tables["cell-mentors"])
	}
	// The opened cell keeps the focus and the tab stop; Space opens its
	// neighbour, everyone's cloud architecture.
	if at := eval[string](t, ctx, focusedCell); at != cell(r, c) {
		t.Errorf("after Enter the focus is on %q, want %q", at, cell(r, c))
	}
	press("ArrowLeft", kb.ArrowLeft, cell(r, c-1))
	do(t, ctx, "Space", chromedp.KeyEvent(" "))
	waitCoverage(t, ctx, fmt.Sprintf(`s.cell === %q`, n.cloud+"@"+got.Cols[c-1]), "cell-panel")
	screenshot(t, ctx, "coverage-keyboard")
}

// TestBrowserCoverageOnAPhone: at a phone's width the page does not run
// off the side; the heatmap keeps cells big enough to tap in a box of its
// own that scrolls sideways, the controls stack, and a tapped cell opens
// its panel under the heatmap.
func TestBrowserCoverageOnAPhone(t *testing.T) {
	store := testStore(t)
	n := theCoverageNet(t, store)
	srv := uiServer(t, store)
	ctx := newBrowser(t, 180*time.Second)

	do(t, ctx, "a phone's viewport", chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile))
	do(t, ctx, "open the view", chromedp.Navigate(coverageURL(srv.URL, url.Values{"org": {n.north}, "top": {"3"}})))
	waitCoverage(t, ctx, "", "heatmap-section", "gaps", "overloaded", "single")
	type layout struct {
		Overflow    int    `json:"overflow"`
		HeatScrolls string `json:"heatScrolls"`
		Reachable   bool   `json:"reachable"`
		CellW       int    `json:"cellW"`
		CellH       int    `json:"cellH"`
		OneColumn   bool   `json:"oneColumn"`
	}
	l := eval[layout](t, ctx, `(() => {
		const box = document.querySelector('.heatmap-section .table-scroll');
		const b = box.getBoundingClientRect();
		const last = [...document.querySelectorAll('table[data-table=heatmap] thead th')].pop().getBoundingClientRect();
		const cells = [...document.querySelectorAll('table[data-table=heatmap] button.heat-cell')].map(c => c.getBoundingClientRect());
		const controls = [...document.querySelectorAll('.coverage-controls > *')].map(e => e.getBoundingClientRect());
		return {
			overflow: document.documentElement.scrollWidth - window.innerWidth,
			heatScrolls: getComputedStyle(box).overflowX,
			reachable: last.right <= b.left + box.scrollWidth + 1,
			cellW: Math.round(Math.min(...cells.map(c => c.width))),
			cellH: Math.round(Math.min(...cells.map(c => c.height))),
			oneColumn: controls.length > 1 && controls.every(r => Math.abs(r.left - controls[0].left) < 2),
		};
	})()`)
	// A tap target of at least 44 by 24 CSS pixels per cell.
	if l.Overflow > 0 || (l.HeatScrolls != "auto" && l.HeatScrolls != "scroll") || !l.Reachable || l.CellW < 44 || l.CellH < 24 || !l.OneColumn {
		t.Errorf("phone layout: %+v; want no page overflow, the heatmap in a box that scrolls sideways to its last column, cells of at least 44×24px, the controls in one column", l)
	}
	screenshot(t, ctx, "coverage-phone")

	do(t, ctx, "tap cloud architecture × Northwind", chromedp.Click(chromedp.CSS(
		fmt.Sprintf(`table[data-table=heatmap] tr[data-skill=%q] td[data-col-id=%q] button`, n.cloud, n.north))))
	waitCoverage(t, ctx, fmt.Sprintf(`s.cell === %q`, n.cloud+"@"+n.north), "cell-panel")
	type opened struct {
		Overflow int  `json:"overflow"`
		Under    bool `json:"under"`
	}
	o := eval[opened](t, ctx, `(() => {
		const heat = document.querySelector('.heatmap-section').getBoundingClientRect();
		const panel = document.querySelector('.cell-panel').getBoundingClientRect();
		return {overflow: document.documentElement.scrollWidth - window.innerWidth, under: panel.top >= heat.bottom - 1};
	})()`)
	if o.Overflow > 0 || !o.Under {
		t.Errorf("phone, a cell open: page overflow %dpx, panel under the heatmap %v", o.Overflow, o.Under)
	}
	screenshot(t, ctx, "coverage-cell-phone")
}
