// Command build bundles the web UI (web/src) into web/dist with esbuild's Go
// API: minified bundles with content-hashed names under dist/assets, the
// two pages that load them (index.html for the app, graphiql.html for
// GraphiQL), and a gzip copy of each file. The same source and the same
// node_modules (npm ci) give byte-identical output, so the committed
// web/dist can be checked against a fresh build:
//
//	go run ./build          (from web/; what `go generate ./web` runs)
//	go run ./build -check   (build in memory, compare with dist, change nothing)
//
// It needs web/node_modules (npm ci) but not Node itself.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

func main() {
	dir := flag.String("dir", ".", "the web directory (holding src/, node_modules/ and dist/)")
	check := flag.Bool("check", false, "compare a fresh build with dist/ instead of writing it; exit 1 when they differ")
	flag.Parse()
	abs, err := filepath.Abs(*dir)
	if err != nil {
		fail(err)
	}
	files, err := build(abs)
	if err != nil {
		fail(err)
	}
	dist := filepath.Join(abs, "dist")
	if *check {
		diffs, err := compare(dist, files)
		if err != nil {
			fail(err)
		}
		if len(diffs) > 0 {
			fmt.Fprintln(os.Stderr, "web/dist differs from a fresh build of web/src (run `make web` and commit web/dist):")
			for _, d := range diffs {
				fmt.Fprintln(os.Stderr, "  "+d)
			}
			os.Exit(1)
		}
		return
	}
	if err := write(dist, files); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "web build:", err)
	os.Exit(1)
}

// Entry points, relative to the web directory.
const (
	appEntry      = "src/main.tsx"
	graphiqlEntry = "src/graphiql/main.ts"
)

// workers are the Monaco editor's web workers GraphiQL starts: the label
// Monaco asks for → the entry that bundles it. Each is built first, on
// its own, so that GraphiQL's bundle can be given their hashed names.
var workers = []struct{ label, entry string }{
	{"editor", "src/graphiql/editor.worker.ts"},
	{"json", "src/graphiql/json.worker.ts"},
	{"graphql", "src/graphiql/graphql.worker.ts"},
}

// common are the options every bundle shares.
func common(dir string) api.BuildOptions {
	return api.BuildOptions{
		AbsWorkingDir:     dir,
		Bundle:            true,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		LegalComments:     api.LegalCommentsEndOfFile,
		Target:            api.ES2022,
		Platform:          api.PlatformBrowser,
		Charset:           api.CharsetUTF8,
		Outdir:            "dist/assets",
		EntryNames:        "[name]-[hash]",
		AssetNames:        "[name]-[hash]",
		Loader: map[string]api.Loader{
			".graphql": api.LoaderText,
			".ttf":     api.LoaderFile,
			".woff":    api.LoaderFile,
			".woff2":   api.LoaderFile,
			".svg":     api.LoaderFile,
		},
		Define:   map[string]string{"process.env.NODE_ENV": `"production"`},
		Metafile: true,
		LogLevel: api.LogLevelWarning,
		Write:    false,
	}
}

// build returns every file of dist: its path relative to dist → contents.
func build(dir string) (map[string][]byte, error) {
	if _, err := os.Stat(filepath.Join(dir, "node_modules")); err != nil {
		return nil, fmt.Errorf("%s/node_modules is missing: run `npm ci` in web/ (or `make web`)", dir)
	}
	files := map[string][]byte{}

	workerURLs := map[string]string{}
	for _, w := range workers {
		o := common(dir)
		o.EntryPoints = []string{w.entry}
		o.Format = api.FormatIIFE
		out, err := run(dir, o, files)
		if err != nil {
			return nil, fmt.Errorf("worker %s: %w", w.label, err)
		}
		workerURLs[w.label] = "/" + out[w.entry].js
	}
	urls, err := json.Marshal(workerURLs)
	if err != nil {
		return nil, err
	}

	o := common(dir)
	o.EntryPointsAdvanced = []api.EntryPoint{
		{InputPath: appEntry, OutputPath: "app"},
		{InputPath: graphiqlEntry, OutputPath: "graphiql"},
	}
	o.Format = api.FormatESModule
	o.JSX = api.JSXAutomatic
	o.JSXImportSource = "preact"
	o.Define["MONACO_WORKER_URLS"] = string(urls)
	out, err := run(dir, o, files)
	if err != nil {
		return nil, err
	}

	for page, entry := range map[string]string{"index.html": appEntry, "graphiql.html": graphiqlEntry} {
		tmpl, err := os.ReadFile(filepath.Join(dir, "src", page))
		if err != nil {
			return nil, err
		}
		html, err := fillPage(string(tmpl), out[entry])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", page, err)
		}
		files[page] = []byte(html)
	}

	names := slices.Sorted(maps.Keys(files))
	for _, name := range names {
		gz, err := gzipped(files[name])
		if err != nil {
			return nil, err
		}
		files[name+".gz"] = gz
	}
	return files, nil
}

// bundle is what one entry point became: its script and, when it imports
// CSS, its style sheet, as paths relative to dist.
type bundle struct{ js, css string }

// run builds o, adds its output to files and returns each entry's bundle.
func run(dir string, o api.BuildOptions, files map[string][]byte) (map[string]bundle, error) {
	res := api.Build(o)
	if len(res.Errors) > 0 {
		msgs := api.FormatMessages(res.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
		return nil, errors.New(strings.Join(msgs, ""))
	}
	for _, f := range res.OutputFiles {
		rel, err := filepath.Rel(filepath.Join(dir, "dist"), f.Path)
		if err != nil {
			return nil, err
		}
		files[filepath.ToSlash(rel)] = f.Contents
	}
	var meta struct {
		Outputs map[string]struct {
			EntryPoint string `json:"entryPoint"`
			CSSBundle  string `json:"cssBundle"`
		} `json:"outputs"`
	}
	if err := json.Unmarshal([]byte(res.Metafile), &meta); err != nil {
		return nil, fmt.Errorf("esbuild metafile: %w", err)
	}
	entries := map[string]bundle{}
	for out, m := range meta.Outputs {
		if m.EntryPoint == "" {
			continue
		}
		b := bundle{js: strings.TrimPrefix(out, "dist/")}
		if m.CSSBundle != "" {
			b.css = strings.TrimPrefix(m.CSSBundle, "dist/")
		}
		entries[m.EntryPoint] = b
	}
	return entries, nil
}

// fillPage puts a bundle's hashed names into a page template, where it says
// {{script}} and {{stylesheet}}.
func fillPage(tmpl string, b bundle) (string, error) {
	if b.js == "" {
		return "", errors.New("no script built for the page")
	}
	if !strings.Contains(tmpl, "{{script}}") || !strings.Contains(tmpl, "{{stylesheet}}") {
		return "", errors.New("the template must say {{script}} and {{stylesheet}}")
	}
	script := `<script type="module" src="/` + b.js + `"></script>`
	style := ""
	if b.css != "" {
		style = `<link rel="stylesheet" href="/` + b.css + `">`
	}
	return strings.NewReplacer("{{script}}", script, "{{stylesheet}}", style).Replace(tmpl), nil
}

// gzipped compresses b the same way every time: best compression, no name,
// no modification time.
func gzipped(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// write replaces dist's contents with files.
func write(dist string, files map[string][]byte) error {
	if err := os.RemoveAll(dist); err != nil {
		return err
	}
	for name, b := range files {
		p := filepath.Join(dist, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// compare lists how dist differs from files.
func compare(dist string, files map[string][]byte) ([]string, error) {
	var diffs []string
	seen := map[string]bool{}
	err := filepath.WalkDir(dist, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == dist {
				return nil
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dist, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		seen[rel] = true
		want, ok := files[rel]
		if !ok {
			diffs = append(diffs, "stale (not built any more): "+path.Join("dist", rel))
			return nil
		}
		got, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if !bytes.Equal(got, want) {
			diffs = append(diffs, "differs: "+path.Join("dist", rel)+" ("+strconv.Itoa(len(got))+" bytes, fresh build "+strconv.Itoa(len(want))+")")
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for name := range files {
		if !seen[name] {
			diffs = append(diffs, "missing: "+path.Join("dist", name))
		}
	}
	sort.Strings(diffs)
	return diffs, nil
}
