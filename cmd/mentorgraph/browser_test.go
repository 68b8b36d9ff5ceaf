package main

// The browser harness: Debian's Chromium, headless, driven by chromedp
// against the real server handler (newMux) over httptest. Tests assert on
// the DOM (names, order, table rows, attributes the app sets), never on
// pixels; each view's screenshot is kept as an artifact.

import (
	"context"
	"errors"
	"flag"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
	"github.com/mentorgraph/mentorgraph/internal/auth"
)

var updateScreenshots = flag.Bool("update-screenshots", false, "also write each view's screenshot to docs/screenshots/ (for the README)")

// chromiumPaths are where a browser is looked for, after $CHROMIUM.
var chromiumPaths = []string{"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}

// findChromium returns the browser to drive, or "" when there is none.
func findChromium() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, p := range chromiumPaths {
		if _, err := exec.LookPath(p); err == nil {
			return p
		}
	}
	return ""
}

// browserFlags are the flags Chromium gets besides chromedp's defaults
// (headless, no first run, no background networking, no sync, …): no QUIC
// and no component updates (the network is closed: they only fail),
// WebGL through SwiftShader (no GPU here; Chromium 139+ needs
// enable-unsafe-swiftshader for it), and no sandbox as root (Chromium
// refuses to start otherwise).
func browserFlags() []chromedp.ExecAllocatorOption {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("use-angle", "swiftshader"),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("lang", "en-US"),
	}
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox)
	}
	return opts
}

// newBrowser starts a headless Chromium with a fresh profile and returns a
// tab's context, bounded by timeout. Without a browser the test is skipped,
// except in CI (CI=true), where that fails it.
func newBrowser(t *testing.T, timeout time.Duration) context.Context {
	t.Helper()
	path := findChromium()
	if path == "" {
		msg := "no Chromium (looked for $CHROMIUM and " + strings.Join(chromiumPaths, ", ") + "); deploy/provision.sh installs Debian's chromium"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	opts = append(opts, browserFlags()...)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
	})
	// Start the browser with no deadline (a deadline on the first call would
	// end the browser with it), then bound the test's actions.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	tctx, cancel := context.WithTimeout(ctx, timeout)
	t.Cleanup(cancel)
	return tctx
}

// uiServer serves the real server's handler (newMux) over store, as an
// admin (asAdmin).
func uiServer(t *testing.T, store *graph.Store) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(asAdmin(t, store, testMux(t, store)))
	t.Cleanup(srv.Close)
	return srv
}

// testMux is the real server's handler (newMux) over store, with the
// default configuration.
func testMux(t *testing.T, store *graph.Store) http.Handler {
	t.Helper()
	c, err := parseServeConfig(nil)
	if err != nil {
		t.Fatal(err)
	}
	mux, err := newMux(context.Background(), store, c, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	return mux
}

// asAdmin serves h to a browser signed in as an admin: each request
// without credentials gets the bearer token of an admin account made for
// the test (as a proxy that authenticates users would add it), so the
// views' tests need no sign-in; the sign-in flow has its own test
// (signin_browser_test.go).
func asAdmin(t *testing.T, store *graph.Store, h http.Handler) http.Handler {
	t.Helper()
	ctx := context.Background()
	a, err := store.CreateAccount(ctx, graph.AccountInput{Login: neo4jtest.Prefix(t) + "admin", Admin: true})
	if err != nil {
		t.Fatal(err)
	}
	token := auth.NewToken()
	_, err = store.CreateAPIToken(ctx, graph.APITokenInput{AccountID: a.ID, Hash: auth.HashSecret(token), Name: "browser test", Scope: "READ_WRITE", ExpiresAt: time.Now().Add(24 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("mg_session"); err != nil && r.Header.Get("Authorization") == "" {
			r.Header.Set("Authorization", "Bearer "+token)
		}
		h.ServeHTTP(w, r)
	})
}

var (
	schemaOnce sync.Once
	schemaErr  error
)

// testStore is a store on the package's Neo4j, its schema applied (the
// name index the type-aheads search); the test is skipped without Neo4j,
// as every Neo4j test is.
func testStore(t *testing.T) *graph.Store {
	t.Helper()
	srv := neo4jtest.Get(t)
	s := graph.NewStore(neo4jtest.Driver(t), srv.Database)
	schemaOnce.Do(func() {
		defer slow(t, "applying the schema", time.Now())
		schemaErr = s.ApplySchema(context.Background())
	})
	if schemaErr != nil {
		t.Fatalf("apply schema: %v", schemaErr)
	}
	return s
}

// screenshot saves the page as name.png among the test's artifacts:
// $MENTORGRAPH_ARTIFACTS/screenshots when set (CI keeps that folder), the
// test's temporary folder otherwise, and docs/screenshots/ with
// -update-screenshots.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	// The pointer off the content and no focus ring, so no hover highlight
	// or caret is in the picture.
	away := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseMoved, X: 0, Y: 0})
		return err
	})
	do(t, ctx, "move the pointer away", away, chromedp.Evaluate[chromedp.Void](`document.activeElement?.blur()`))
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	dirs := []string{t.TempDir()}
	if d := os.Getenv("MENTORGRAPH_ARTIFACTS"); d != "" {
		dirs[0] = filepath.Join(d, "screenshots")
	}
	if *updateScreenshots {
		root, err := neo4jtest.RepoRoot()
		if err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, filepath.Join(root, "docs", "screenshots"))
	}
	for _, dir := range dirs {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name+".png")
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", p)
	}
}

// eval runs a JavaScript expression in the page and decodes its value.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// waitFor waits until a JavaScript expression is truthy in the page, and
// fails the test with what (and the page's state) when it never is.
func waitFor(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	defer slow(t, what, time.Now())
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		state, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('main') || document.body).innerText.slice(0, 2000)`))
		t.Fatalf("waiting for %s: %v\npage says:\n%s", what, err, state)
	}
}

// do runs actions in the tab, failing the test on an error.
func do(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	defer slow(t, what, time.Now())
	if err := chromedp.Do(ctx, actions...); err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("%s: the browser test ran out of time: %v", what, err)
		}
		t.Fatalf("%s: %v", what, err)
	}
}

// slow notes a browser step that took long (the machine may be busy).
func slow(t *testing.T, what string, start time.Time) {
	t.Helper()
	if d := time.Since(start); d > 3*time.Second {
		t.Logf("slow: %s took %v", what, d.Round(time.Millisecond))
	}
}

// TestBrowserDrawsWebGL2 is the probe the drawings stand on: headless
// Chromium here gets a WebGL2 context, draws into it, and reads the
// pixel back.
func TestBrowserDrawsWebGL2(t *testing.T) {
	ctx := newBrowser(t, 60*time.Second)
	do(t, ctx, "open a blank page", chromedp.Navigate("about:blank"))
	type probe struct {
		Context  bool   `json:"context"`
		Renderer string `json:"renderer"`
		Pixel    []int  `json:"pixel"`
		Error    string `json:"error"`
	}
	p := eval[probe](t, ctx, `(() => {
		const c = document.createElement("canvas");
		c.width = 4; c.height = 4;
		const gl = c.getContext("webgl2");
		if (!gl) return {context: false, renderer: "", pixel: [], error: "no webgl2 context"};
		const info = gl.getExtension("WEBGL_debug_renderer_info");
		const renderer = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
		gl.clearColor(0.2, 0.4, 0.6, 1.0);
		gl.clear(gl.COLOR_BUFFER_BIT);
		const px = new Uint8Array(4);
		gl.readPixels(1, 1, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
		return {context: true, renderer: String(renderer), pixel: Array.from(px), error: ""};
	})()`)
	t.Logf("WebGL2 renderer: %s", p.Renderer)
	if !p.Context {
		t.Fatalf("no WebGL2 in headless Chromium: %s", p.Error)
	}
	want := []int{51, 102, 153, 255}
	for i := range want {
		if len(p.Pixel) != 4 || abs(p.Pixel[i]-want[i]) > 1 {
			t.Fatalf("pixel read back %v, want %v (cleared to 0.2, 0.4, 0.6, 1)", p.Pixel, want)
		}
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// TestBrowserGraphiQLWorksOffline: /graphiql loads everything from this
// server (no CDN: the test browser could not reach one anyway), starts its
// editor, reads the schema from /graphql and runs a query typed into it.
func TestBrowserGraphiQLWorksOffline(t *testing.T) {
	store := testStore(t)
	srv := uiServer(t, store)
	ctx := newBrowser(t, 90*time.Second)

	var (
		mu       sync.Mutex
		requests []string
	)
	sent := chromedp.Events(ctx, network.RequestWillBeSent)
	go func() {
		for ev, err := range sent {
			if err != nil {
				return
			}
			mu.Lock()
			requests = append(requests, ev.Request.Method+" "+ev.Request.URL)
			mu.Unlock()
		}
	}()

	do(t, ctx, "open GraphiQL", chromedp.Navigate(srv.URL+"/graphiql"))
	waitFor(t, ctx, "GraphiQL's query editor", `!!document.querySelector('.graphiql-container .graphiql-query-editor .monaco-editor')`)
	do(t, ctx, "type a query over the example",
		chromedp.Click(chromedp.CSS(".graphiql-query-editor .monaco-editor .view-lines")),
		ctrlKey("a", "KeyA", 65),
		chromedp.SendKeys(chromedp.CSS(".graphiql-query-editor textarea"), "query Probe { __typename "),
	)
	do(t, ctx, "run it", chromedp.Click(chromedp.CSS(".graphiql-execute-button")))
	waitFor(t, ctx, "the answer", `(document.querySelector('.graphiql-response')?.innerText ?? '').includes('"Query"')`)
	screenshot(t, ctx, "graphiql")

	mu.Lock()
	defer mu.Unlock()
	var toGraphQL, workers int
	for _, r := range requests {
		_, u, _ := strings.Cut(r, " ")
		switch {
		case strings.HasPrefix(u, srv.URL+"/"):
		case strings.HasPrefix(u, "data:"), strings.HasPrefix(u, "blob:"):
		default:
			t.Errorf("GraphiQL asked another origin: %s", r)
		}
		if r == "POST "+srv.URL+"/graphql" {
			toGraphQL++
		}
		if strings.Contains(u, ".worker-") {
			workers++
		}
	}
	if toGraphQL < 2 || workers == 0 {
		t.Errorf("requests: %d to POST /graphql (want the schema and the query), %d editor workers; all:\n%s", toGraphQL, workers, strings.Join(requests, "\n"))
	}
}

// ctrlKey presses Ctrl with a key in the focused element (SendKeys sends
// keys one at a time, without modifiers). Modifiers 2 is Ctrl.
func ctrlKey(key, code string, keyCode int64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
			_, err := cdp.Call(ctx, t, input.DispatchKeyEvent, input.DispatchKeyEventParams{
				Type: typ, Modifiers: 2, Key: key, Code: code,
				WindowsVirtualKeyCode: keyCode, NativeVirtualKeyCode: keyCode,
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
}
