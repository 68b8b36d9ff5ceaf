package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// testBuild is a small build in the layout web/build writes.
func testBuild(t *testing.T) *Site {
	t.Helper()
	gz := func(s string) []byte {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		return b.Bytes()
	}
	const index = `<!doctype html><link rel="stylesheet" href="/assets/app-AAAA.css"><script type="module" src="/assets/app-BBBB.js"></script>`
	fsys := fstest.MapFS{
		"index.html":              {Data: []byte(index)},
		"index.html.gz":           {Data: gz(index)},
		"graphiql.html":           {Data: []byte(`<!doctype html><script type="module" src="/assets/graphiql-CCCC.js"></script>`)},
		"assets/app-BBBB.js":      {Data: []byte(`console.log("app")`)},
		"assets/app-BBBB.js.gz":   {Data: gz(`console.log("app")`)},
		"assets/app-AAAA.css":     {Data: []byte(`body{}`)},
		"assets/graphiql-CC.js":   {Data: []byte(`1`)},
		"assets/codicon-DDDD.ttf": {Data: []byte("font")},
	}
	s, err := newSite(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

type answer struct {
	status                                          int
	contentType, cacheControl, encoding, vary, etag string
	body                                            string
}

func get(t *testing.T, h http.Handler, method, target string, header map[string]string) answer {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	if res.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("%s %s: gzip answer that does not unzip: %v", method, target, err)
		}
		body, _ = io.ReadAll(zr)
	}
	return answer{
		status:       res.StatusCode,
		contentType:  res.Header.Get("Content-Type"),
		cacheControl: res.Header.Get("Cache-Control"),
		encoding:     res.Header.Get("Content-Encoding"),
		vary:         res.Header.Get("Vary"),
		etag:         res.Header.Get("ETag"),
		body:         string(body),
	}
}

func TestSiteAnswers(t *testing.T) {
	s := testBuild(t)
	gzip := map[string]string{"Accept-Encoding": "gzip, deflate, br"}
	tests := []struct {
		name         string
		method       string
		target       string
		header       map[string]string
		status       int
		contentType  string
		cacheControl string
		encoding     string
		bodyHas      string
	}{
		{"start page", "GET", "/", nil, 200, "text/html; charset=utf-8", "no-cache", "", "app-BBBB.js"},
		{"start page gzipped", "GET", "/", gzip, 200, "text/html; charset=utf-8", "no-cache", "gzip", "app-BBBB.js"},
		{"app route falls back to the page", "GET", "/find", nil, 200, "text/html; charset=utf-8", "no-cache", "", "app-BBBB.js"},
		{"deep app route with a query", "GET", "/people/ada-1/lineage?depth=2", nil, 200, "text/html; charset=utf-8", "no-cache", "", "app-BBBB.js"},
		{"hashed script", "GET", "/assets/app-BBBB.js", nil, 200, "text/javascript; charset=utf-8", cacheImmutable, "", `console.log("app")`},
		{"hashed script gzipped", "GET", "/assets/app-BBBB.js", gzip, 200, "text/javascript; charset=utf-8", cacheImmutable, "gzip", `console.log("app")`},
		{"gzip refused with q=0", "GET", "/assets/app-BBBB.js", map[string]string{"Accept-Encoding": "gzip;q=0, br"}, 200, "text/javascript; charset=utf-8", cacheImmutable, "", `console.log("app")`},
		{"gzip by star", "GET", "/assets/app-BBBB.js", map[string]string{"Accept-Encoding": "*"}, 200, "text/javascript; charset=utf-8", cacheImmutable, "gzip", `console.log("app")`},
		{"style sheet without a gzip variant", "GET", "/assets/app-AAAA.css", gzip, 200, "text/css; charset=utf-8", cacheImmutable, "", "body{}"},
		{"font", "GET", "/assets/codicon-DDDD.ttf", nil, 200, "font/ttf", cacheImmutable, "", "font"},
		{"HEAD of a script", "HEAD", "/assets/app-BBBB.js", nil, 200, "text/javascript; charset=utf-8", cacheImmutable, "", ""},
		{"unknown asset", "GET", "/assets/app-OLD1.js", nil, 404, "text/plain; charset=utf-8", "", "", "not found"},
		{"gzip variant by its own name", "GET", "/assets/app-BBBB.js.gz", nil, 404, "text/plain; charset=utf-8", "", "", "not found"},
		{"unknown file at the top", "GET", "/favicon.ico", nil, 404, "text/plain; charset=utf-8", "", "", "not found"},
		{"the page by its file name", "GET", "/index.html", nil, 404, "text/plain; charset=utf-8", "", "", "not found"},
		{"under the GraphQL endpoint", "GET", "/graphql/schema", nil, 404, "text/plain; charset=utf-8", "", "", "not found"},
		{"the GraphQL endpoint", "GET", "/graphql", nil, 404, "text/plain; charset=utf-8", "", "", "not found"},
		{"health", "GET", "/healthz", nil, 404, "text/plain; charset=utf-8", "", "", "not found"},
		{"readiness", "GET", "/readyz", nil, 404, "text/plain; charset=utf-8", "", "", "not found"},
		{"POST", "POST", "/find", nil, 405, "text/plain; charset=utf-8", "", "", "method not allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := get(t, s, tt.method, tt.target, tt.header)
			if a.status != tt.status || a.contentType != tt.contentType || a.encoding != tt.encoding {
				t.Errorf("%s %s: %d %q encoding %q, want %d %q encoding %q", tt.method, tt.target, a.status, a.contentType, a.encoding, tt.status, tt.contentType, tt.encoding)
			}
			if tt.cacheControl != "" && a.cacheControl != tt.cacheControl {
				t.Errorf("%s %s: Cache-Control %q, want %q", tt.method, tt.target, a.cacheControl, tt.cacheControl)
			}
			if tt.status == 200 && tt.cacheControl == cacheImmutable && a.cacheControl != cacheImmutable {
				t.Errorf("hashed asset not cached for good")
			}
			if !strings.Contains(a.body, tt.bodyHas) {
				t.Errorf("%s %s: body %q, want it to contain %q", tt.method, tt.target, a.body, tt.bodyHas)
			}
			if tt.method == "HEAD" && a.body != "" {
				t.Errorf("HEAD answered a body")
			}
		})
	}
}

func TestSiteGzipVariantsVaryAndHaveTheirOwnETag(t *testing.T) {
	s := testBuild(t)
	plain := get(t, s, "GET", "/assets/app-BBBB.js", nil)
	zipped := get(t, s, "GET", "/assets/app-BBBB.js", map[string]string{"Accept-Encoding": "gzip"})
	if plain.vary != "Accept-Encoding" || zipped.vary != "Accept-Encoding" {
		t.Errorf("Vary %q and %q, want Accept-Encoding on both", plain.vary, zipped.vary)
	}
	if plain.etag == "" || plain.etag == zipped.etag {
		t.Errorf("ETags %q (plain) and %q (gzip): want two different ones", plain.etag, zipped.etag)
	}
}

func TestSitePageRevalidates(t *testing.T) {
	s := testBuild(t)
	first := get(t, s, "GET", "/", nil)
	again := get(t, s, "GET", "/find", map[string]string{"If-None-Match": first.etag})
	if again.status != http.StatusNotModified {
		t.Errorf("If-None-Match with the page's ETag: %d, want 304", again.status)
	}
}

func TestGraphiQLPage(t *testing.T) {
	s := testBuild(t)
	a := get(t, s.GraphiQL(), "GET", "/graphiql", nil)
	if a.status != 200 || a.contentType != "text/html; charset=utf-8" || a.cacheControl != cacheNoCache || !strings.Contains(a.body, "graphiql-CCCC.js") {
		t.Errorf("GraphiQL page: %d %q %q %q", a.status, a.contentType, a.cacheControl, a.body)
	}
	if a := get(t, s.GraphiQL(), "POST", "/graphiql", nil); a.status != 405 {
		t.Errorf("POST /graphiql: %d, want 405", a.status)
	}
}

func TestNewNeedsBothPages(t *testing.T) {
	if _, err := newSite(fstest.MapFS{"index.html": {Data: []byte("x")}}); err == nil || !strings.Contains(err.Error(), "graphiql.html") {
		t.Errorf("a build without graphiql.html: %v, want an error naming it", err)
	}
}

var assetRef = regexp.MustCompile(`(?:src|href)="(/assets/[^"]+)"`)

// TestEmbeddedBuild checks the committed build itself: both pages load
// only assets the build holds, from this server (no CDN), each served
// gzipped as the same bytes.
func TestEmbeddedBuild(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, page := range []struct {
		name string
		h    http.Handler
		path string
	}{{"app", s, "/"}, {"GraphiQL", s.GraphiQL(), "/graphiql"}} {
		a := get(t, page.h, "GET", page.path, nil)
		if a.status != 200 {
			t.Fatalf("%s page: %d", page.name, a.status)
		}
		if strings.Contains(a.body, "://") {
			t.Errorf("%s page names another origin: %s", page.name, a.body)
		}
		refs := assetRef.FindAllStringSubmatch(a.body, -1)
		if len(refs) == 0 {
			t.Errorf("%s page loads no assets: %s", page.name, a.body)
		}
		for _, ref := range refs {
			plain := get(t, s, "GET", ref[1], nil)
			zipped := get(t, s, "GET", ref[1], map[string]string{"Accept-Encoding": "gzip"})
			if plain.status != 200 || plain.cacheControl != cacheImmutable {
				t.Errorf("%s loads %s: %d, Cache-Control %q", page.name, ref[1], plain.status, plain.cacheControl)
			}
			if zipped.encoding != "gzip" || zipped.body != plain.body {
				t.Errorf("%s: gzip variant missing or different (encoding %q, %d against %d bytes)", ref[1], zipped.encoding, len(zipped.body), len(plain.body))
			}
		}
	}
}

// appJSBudget is the design's limit on the app's JavaScript, gzipped.
const appJSBudget = 150 << 10

// TestAppJSStaysSmallAndWithoutGraphiQL: the app's scripts fit the budget
// and carry none of GraphiQL (React, the Monaco editor), which only its
// own page loads.
func TestAppJSStaysSmallAndWithoutGraphiQL(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	raw, gz := s.AppJSBytes()
	t.Logf("app JS: %d bytes, %d gzipped (budget %d)", raw, gz, appJSBudget)
	if gz == 0 || gz > appJSBudget {
		t.Errorf("app JS is %d bytes gzipped, want 1..%d", gz, appJSBudget)
	}
	for _, src := range scriptsOf(s.index.body) {
		js := string(s.assets[src].body)
		for _, marker := range []string{"monaco", "react.transitional.element", "graphiql-container"} {
			if strings.Contains(js, marker) {
				t.Errorf("app script %s contains %q: GraphiQL or React leaked into the app bundle", src, marker)
			}
		}
	}
}
