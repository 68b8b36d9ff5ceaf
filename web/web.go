package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"
)

// dist is the committed build of src/ (go generate ./web rewrites it).
//
//go:embed dist
var dist embed.FS

// The pages of the build, at the top of dist; everything they load is
// under assets/, with a content hash in its name.
const (
	indexPage    = "index.html"
	graphiqlPage = "graphiql.html"
	assetsDir    = "assets"
)

// Cache-Control values: a hashed file never changes under its name; a page
// is checked each time (it names the current hashes).
const (
	cacheImmutable = "public, max-age=31536000, immutable"
	cacheNoCache   = "no-cache"
)

// reserved are the server's own endpoints: the app's fallback never answers
// for them (or anything under them).
var reserved = []string{"/graphql", "/graphiql", "/healthz", "/readyz", "/auth"}

// contentTypes are the types of the files a build holds, by extension; a
// fixed table, so answers do not depend on the host's MIME database.
var contentTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".json":  "application/json",
	".map":   "application/json",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".ttf":   "font/ttf",
	".woff":  "font/woff",
	".woff2": "font/woff2",
	".txt":   "text/plain; charset=utf-8",
}

// file is one servable file: its bytes, its gzip variant if the build made
// one, and the headers that go with it.
type file struct {
	body, gz     []byte
	contentType  string
	cacheControl string
	etag         string
}

// Site serves a build of the web UI: the app at / (with its routes), the
// GraphiQL page and the hashed assets both load.
type Site struct {
	assets   map[string]*file // by URL path, e.g. /assets/app-HASH.js
	index    *file
	graphiql *file
}

// New returns the Site of the build embedded in the binary.
func New() (*Site, error) {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		return nil, err
	}
	return newSite(sub)
}

// newSite reads a build: the two pages and every file under assets/, each
// with its .gz variant when there is one.
func newSite(fsys fs.FS) (*Site, error) {
	s := &Site{assets: map[string]*file{}}
	var err error
	if s.index, err = readFile(fsys, indexPage, cacheNoCache); err != nil {
		return nil, fmt.Errorf("web build has no %s (run go generate ./web): %w", indexPage, err)
	}
	if s.graphiql, err = readFile(fsys, graphiqlPage, cacheNoCache); err != nil {
		return nil, fmt.Errorf("web build has no %s (run go generate ./web): %w", graphiqlPage, err)
	}
	err = fs.WalkDir(fsys, assetsDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".gz") {
			return err
		}
		f, err := readFile(fsys, p, cacheImmutable)
		if err != nil {
			return err
		}
		s.assets["/"+p] = f
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("web build: %w", err)
	}
	return s, nil
}

func readFile(fsys fs.FS, name, cacheControl string) (*file, error) {
	body, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	f := &file{body: body, cacheControl: cacheControl, contentType: contentTypes[path.Ext(name)]}
	if f.contentType == "" {
		f.contentType = "application/octet-stream"
	}
	if gz, err := fs.ReadFile(fsys, name+".gz"); err == nil {
		f.gz = gz
	}
	sum := sha256.Sum256(body)
	f.etag = `"` + hex.EncodeToString(sum[:12]) + `"`
	return f, nil
}

// ServeHTTP serves the app: hashed assets under /assets/, 404 for any other
// path naming a file (a dot in its last segment) and for the server's own
// endpoints, and the app's page for every other path (the app reads its
// route from the address).
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !allowMethod(w, r) {
		return
	}
	p := r.URL.Path
	if f, ok := s.assets[p]; ok {
		serve(w, r, f)
		return
	}
	if isReserved(p) || strings.Contains(path.Base(p), ".") {
		http.NotFound(w, r)
		return
	}
	serve(w, r, s.index)
}

// GraphiQL returns the handler of the GraphiQL page (its scripts are
// assets the Site serves).
func (s *Site) GraphiQL() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if allowMethod(w, r) {
			serve(w, r, s.graphiql)
		}
	})
}

// AppJSBytes is the size of the app's scripts as sent (gzipped when a
// gzip variant exists), for size budgets.
func (s *Site) AppJSBytes() (raw, gzipped int) {
	for _, src := range scriptsOf(s.index.body) {
		if f, ok := s.assets[src]; ok {
			raw += len(f.body)
			gzipped += len(f.gz)
		}
	}
	return raw, gzipped
}

// scriptsOf lists the src of each <script> of a page.
func scriptsOf(page []byte) []string {
	var out []string
	rest := page
	for {
		i := bytes.Index(rest, []byte(`<script`))
		if i < 0 {
			return out
		}
		rest = rest[i:]
		end := bytes.IndexByte(rest, '>')
		if end < 0 {
			return out
		}
		tag := string(rest[:end])
		if j := strings.Index(tag, `src="`); j >= 0 {
			src := tag[j+len(`src="`):]
			if k := strings.IndexByte(src, '"'); k >= 0 {
				out = append(out, src[:k])
			}
		}
		rest = rest[end:]
	}
}

func isReserved(p string) bool {
	for _, r := range reserved {
		if p == r || strings.HasPrefix(p, r+"/") {
			return true
		}
	}
	return false
}

func allowMethod(w http.ResponseWriter, r *http.Request) bool {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return true
	}
	w.Header().Set("Allow", "GET, HEAD")
	http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	return false
}

// serve answers with f, gzipped when the client accepts it and the build
// has a gzip variant; conditional requests (If-None-Match) and HEAD are
// handled by http.ServeContent.
func serve(w http.ResponseWriter, r *http.Request, f *file) {
	h := w.Header()
	h.Set("Content-Type", f.contentType)
	h.Set("Cache-Control", f.cacheControl)
	h.Set("X-Content-Type-Options", "nosniff")
	body, etag := f.body, f.etag
	if f.gz != nil {
		h.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r.Header.Get("Accept-Encoding")) {
			body, etag = f.gz, strings.TrimSuffix(f.etag, `"`)+`-gz"`
			h.Set("Content-Encoding", "gzip")
		}
	}
	h.Set("ETag", etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip: named
// (or matched by *) with a quality above 0.
func acceptsGzip(header string) bool {
	star := false
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		switch coding {
		case "gzip", "x-gzip":
			return q > 0
		case "*":
			star = q > 0
		}
	}
	return star
}
