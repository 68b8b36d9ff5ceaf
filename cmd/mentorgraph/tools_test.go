package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
	"github.com/mentorgraph/mentorgraph/internal/server"
)

// tool is the signature of the import, export and seed commands.
type tool func(ctx context.Context, args []string, stdout, stderr io.Writer) error

// runTool runs a command with the test server's connection flags before
// args and returns what it printed.
func runTool(t *testing.T, run tool, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	return runToolContext(t, context.Background(), run, nil, args...)
}

// runToolContext is runTool with a context, and stderr also copied to
// watch (when set).
func runToolContext(t *testing.T, ctx context.Context, run tool, watch io.Writer, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	srv := neo4jtest.Get(t)
	conn := []string{"-neo4j-uri", srv.URI, "-neo4j-user", srv.User, "-neo4j-password", srv.Password, "-neo4j-database", srv.Database}
	var out, errOut bytes.Buffer
	var errW io.Writer = &errOut
	if watch != nil {
		errW = io.MultiWriter(&errOut, watch)
	}
	err = run(ctx, append(conn, args...), &out, errW)
	return out.String(), errOut.String(), err
}

// networkFiles are a small network in the import layout; every id starts
// with {p}. Every optional cell is set and dates are full, so an export gives
// the same records back.
var networkFiles = map[string]string{
	"people.csv": `id,name,headline,bio,location,timezone,available_to_mentor,mentor_capacity,seeking_mentorship
{p}ada,Ada Achebe,Staff Engineer,Builds payment systems.,Lagos,Africa/Lagos,true,2,false
{p}ben,Ben Brandt,Backend Engineer,Go and Postgres.,Berlin,Europe/Berlin,false,0,true
{p}cho,Cho Chen,Engineering Manager,Manages a team of six.,Taipei,Asia/Taipei,true,1,false
`,
	"skills.csv": `id,name,category,parent_id,description
{p}eng,Engineering,TECHNICAL,,Building software.
{p}go,Go,TECHNICAL,{p}eng,The Go language.
`,
	"organizations.csv": `id,name,kind
{p}acme,Acme Payments,COMPANY
`,
	"person_skills.csv": `person_id,skill_id,level,years
{p}ada,{p}go,5,9
{p}ben,{p}go,2,1
`,
	"affiliations.csv": `person_id,organization_id,role,since,until
{p}ada,{p}acme,Staff Engineer,2019-03-01,2024-06-30
`,
	"mentorships.csv": `mentee_id,mentor_id,since,until,focus,status
{p}ben,{p}ada,2023-01-15,2024-01-15,{p}go,ENDED
`,
	"connections.csv": `person_a,person_b,since
{p}ada,{p}cho,2020-05-01
`,
	"goals.csv": `id,person_id,skill_id,title,target_level,due_date,status
{p}goal-ben-go,{p}ben,{p}go,Ship a service in Go,4,2025-12-31,OPEN
`,
}

// networkRows is the number of records in networkFiles.
const networkRows = 12

// writeFiles writes files into a new folder, with {p} replaced by prefix.
func writeFiles(t *testing.T, prefix string, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(strings.ReplaceAll(content, "{p}", prefix)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// countWithPrefix counts the nodes of label whose id starts with prefix.
func countWithPrefix(t *testing.T, label, prefix string) int {
	t.Helper()
	srv := neo4jtest.Get(t)
	var cypher string
	switch label {
	case "Person":
		cypher = `MATCH (n:Person) WHERE n.id STARTS WITH $prefix RETURN count(n) AS n`
	case "Skill":
		cypher = `MATCH (n:Skill) WHERE n.id STARTS WITH $prefix RETURN count(n) AS n`
	default:
		t.Fatalf("countWithPrefix: no query for label %q", label)
	}
	res, err := neo4j.ExecuteQuery(context.Background(), neo4jtest.Driver(t), cypher, map[string]any{"prefix": prefix},
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(srv.Database), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		t.Fatalf("count %s: %v", label, err)
	}
	n, _ := res.Records[0].Get("n")
	return int(n.(int64))
}

// summaryRow returns the cells of the summary table's row for kind (rows,
// created, updated, unchanged) as numbers, failing the test without one.
func summaryRow(t *testing.T, stdout, kind string) [4]int {
	t.Helper()
	for line := range strings.Lines(stdout) {
		f := strings.Fields(line)
		if len(f) != 5 || f[0] != kind {
			continue
		}
		var row [4]int
		for i, cell := range f[1:] {
			n, err := strconv.Atoi(strings.ReplaceAll(cell, ",", ""))
			if err != nil {
				t.Fatalf("summary row %q: cell %q is not a number", line, cell)
			}
			row[i] = n
		}
		return row
	}
	t.Fatalf("no summary row for %q in:\n%s", kind, stdout)
	return [4]int{}
}

func TestImportThenImportAgainChangesNothing(t *testing.T) {
	prefix := neo4jtest.Prefix(t)
	dir := writeFiles(t, prefix, networkFiles)

	stdout, stderr, err := runTool(t, runImport, dir)
	if err != nil {
		t.Fatalf("first import: %v\nstderr:\n%s", err, stderr)
	}
	wantRows := map[string]int{"person": 3, "skill": 2, "organization": 1, "person_skill": 2,
		"affiliation": 1, "mentorship": 1, "connection": 1, "goal": 1, "total": networkRows}
	for kind, rows := range wantRows {
		if got, want := summaryRow(t, stdout, kind), [4]int{rows, rows, 0, 0}; got != want {
			t.Errorf("first import, %s: rows, created, updated, unchanged = %v, want %v\n%s", kind, got, want, stdout)
		}
	}
	if strings.Contains(stdout, "nothing changed") {
		t.Errorf("first import says nothing changed:\n%s", stdout)
	}
	// Not a terminal: plain progress lines, the last one at 100%.
	if !strings.Contains(stderr, "rows (100%) in ") {
		t.Errorf("stderr has no final progress line:\n%s", stderr)
	}
	if got := countWithPrefix(t, "Person", prefix); got != 3 {
		t.Errorf("people in the graph after import = %d, want 3", got)
	}

	stdout, stderr, err = runTool(t, runImport, dir)
	if err != nil {
		t.Fatalf("second import: %v\nstderr:\n%s", err, stderr)
	}
	if got, want := summaryRow(t, stdout, "total"), [4]int{networkRows, 0, 0, networkRows}; got != want {
		t.Errorf("second import, total: rows, created, updated, unchanged = %v, want %v\n%s", got, want, stdout)
	}
	if !strings.Contains(stdout, "nothing changed: the graph already holds these records") {
		t.Errorf("second import does not say that nothing changed:\n%s", stdout)
	}
}

func TestImportWithProblemsListsThemAllAndWritesNothing(t *testing.T) {
	prefix := neo4jtest.Prefix(t)
	dir := writeFiles(t, prefix, map[string]string{
		"people.csv": "id,name\n{p}ann,Ann\n{p}bob,Bob\n",
		"skills.csv": "id,name,category\n{p}go,Go,TECHNICAL\n",
		"person_skills.csv": "person_id,skill_id,level,years,colour\n" +
			"{p}ann,{p}missing-skill,2,,red\n" + // line 2: unknown reference
			"{p}bob,{p}go,9,,\n", // line 3: bad level
	})

	stdout, stderr, err := runTool(t, runImport, dir)
	if err == nil {
		t.Fatalf("import of bad files succeeded:\n%s", stdout)
	}
	if got, want := err.Error(), "2 problems; nothing was written"; got != want {
		t.Errorf("error = %q, want %q", got, want)
	}
	file := filepath.Join(dir, "person_skills.csv")
	var listed []string
	for line := range strings.Lines(stderr) {
		if strings.HasPrefix(line, file+":") {
			listed = append(listed, strings.TrimSuffix(line, "\n"))
		}
	}
	want := []string{
		file + ":2: skill_id: no skill \"" + prefix + "missing-skill\": it is neither in the dataset nor in the database",
		file + ":3: level: must be a whole number from 1 to 5, got \"9\"",
	}
	if !slices.Equal(listed, want) {
		t.Errorf("problems listed:\n%s\nwant:\n%s\nstderr:\n%s", strings.Join(listed, "\n"), strings.Join(want, "\n"), stderr)
	}
	if w := "warning: " + file + ":1: colour: unknown column"; !strings.Contains(stderr, w) {
		t.Errorf("stderr lacks the warning %q:\n%s", w, stderr)
	}
	if got := countWithPrefix(t, "Person", prefix); got != 0 {
		t.Errorf("people in the graph after a failed import = %d, want 0", got)
	}
	if got := countWithPrefix(t, "Skill", prefix); got != 0 {
		t.Errorf("skills in the graph after a failed import = %d, want 0", got)
	}
}

func TestImportDryRunWritesNothing(t *testing.T) {
	prefix := neo4jtest.Prefix(t)
	dir := writeFiles(t, prefix, networkFiles)
	// Name the files rather than the folder.
	var files []string
	for name := range networkFiles {
		files = append(files, filepath.Join(dir, name))
	}
	slices.Sort(files)

	stdout, stderr, err := runTool(t, runImport, append([]string{"-dry-run"}, files...)...)
	if err != nil {
		t.Fatalf("dry run: %v\nstderr:\n%s", err, stderr)
	}
	if got, want := summaryRow(t, stdout, "total"), [4]int{networkRows, networkRows, 0, 0}; got != want {
		t.Errorf("dry run, total: rows, created, updated, unchanged = %v, want %v\n%s", got, want, stdout)
	}
	if !strings.Contains(stdout, "dry run: nothing was written; importing would create 12, update 0 and leave 0 unchanged") {
		t.Errorf("dry run does not say what it would do:\n%s", stdout)
	}
	if got := countWithPrefix(t, "Person", prefix); got != 0 {
		t.Errorf("people in the graph after a dry run = %d, want 0", got)
	}
	if got := countWithPrefix(t, "Skill", prefix); got != 0 {
		t.Errorf("skills in the graph after a dry run = %d, want 0", got)
	}
}

// cancelOn cancels a context when a line containing marker is written.
type cancelOn struct {
	marker string
	cancel context.CancelFunc
}

func (c cancelOn) Write(p []byte) (int, error) {
	if bytes.Contains(p, []byte(c.marker)) {
		c.cancel()
	}
	return len(p), nil
}

func TestImportInterruptedWritesNothingAndSaysSo(t *testing.T) {
	prefix := neo4jtest.Prefix(t)
	dir := writeFiles(t, prefix, networkFiles)
	// Interrupt as validation starts, as Ctrl-C would.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, stderr, err := runToolContext(t, ctx, runImport, cancelOn{"validating", cancel}, dir)
	if err == nil {
		t.Fatalf("interrupted import succeeded\nstderr:\n%s", stderr)
	}
	if !strings.Contains(err.Error(), "interrupted") || !strings.Contains(err.Error(), "nothing was written") {
		t.Errorf("error = %q, want it to say the import was interrupted and nothing was written", err)
	}
	if got := countWithPrefix(t, "Person", prefix); got != 0 {
		t.Errorf("people in the graph after an interrupted import = %d, want 0", got)
	}
}

// stripped returns the records of ds with ids starting with prefix, with
// their read positions cleared, for comparing datasets.
func stripped(ds *dataset.Dataset, prefix string) *dataset.Dataset {
	mine := func(id string) bool { return strings.HasPrefix(id, prefix) }
	out := &dataset.Dataset{}
	for _, r := range ds.People {
		if r.At = (dataset.Pos{}); mine(r.ID) {
			out.People = append(out.People, r)
		}
	}
	for _, r := range ds.Skills {
		if r.At = (dataset.Pos{}); mine(r.ID) {
			out.Skills = append(out.Skills, r)
		}
	}
	for _, r := range ds.Organizations {
		if r.At = (dataset.Pos{}); mine(r.ID) {
			out.Organizations = append(out.Organizations, r)
		}
	}
	for _, r := range ds.PersonSkills {
		if r.At = (dataset.Pos{}); mine(r.PersonID) {
			out.PersonSkills = append(out.PersonSkills, r)
		}
	}
	for _, r := range ds.Affiliations {
		if r.At = (dataset.Pos{}); mine(r.PersonID) {
			out.Affiliations = append(out.Affiliations, r)
		}
	}
	for _, r := range ds.Mentorships {
		if r.At = (dataset.Pos{}); mine(r.MenteeID) {
			out.Mentorships = append(out.Mentorships, r)
		}
	}
	for _, r := range ds.Connections {
		if r.At = (dataset.Pos{}); mine(r.PersonA) {
			out.Connections = append(out.Connections, r)
		}
	}
	for _, r := range ds.Goals {
		if r.At = (dataset.Pos{}); mine(r.ID) {
			out.Goals = append(out.Goals, r)
		}
	}
	return out
}

func TestExportReadsBackAsImported(t *testing.T) {
	prefix := neo4jtest.Prefix(t)
	in := writeFiles(t, prefix, networkFiles)
	if _, stderr, err := runTool(t, runImport, in); err != nil {
		t.Fatalf("import: %v\nstderr:\n%s", err, stderr)
	}
	imported, _, err := dataset.ReadDir(in)
	if err != nil {
		t.Fatal(err)
	}
	want := stripped(imported, prefix)

	t.Run("csv", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "made", "by", "export")
		stdout, stderr, err := runTool(t, runExport, out)
		if err != nil {
			t.Fatalf("export: %v\nstderr:\n%s", err, stderr)
		}
		if !strings.Contains(stdout, "people.csv") || !strings.Contains(stdout, "total") {
			t.Errorf("export does not print counts per file:\n%s", stdout)
		}
		exported, _, err := dataset.ReadDir(out)
		if err != nil {
			t.Fatalf("read the export back: %v", err)
		}
		if got := stripped(exported, prefix); !reflect.DeepEqual(got, want) {
			t.Errorf("exported records differ from imported ones:\n got %+v\nwant %+v", got, want)
		}
	})
	t.Run("ndjson-file", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "graph.ndjson")
		if _, stderr, err := runTool(t, runExport, "-ndjson", out); err != nil {
			t.Fatalf("export: %v\nstderr:\n%s", err, stderr)
		}
		exported, _, err := dataset.ReadFiles(out)
		if err != nil {
			t.Fatalf("read the export back: %v", err)
		}
		if got := stripped(exported, prefix); !reflect.DeepEqual(got, want) {
			t.Errorf("exported records differ from imported ones:\n got %+v\nwant %+v", got, want)
		}
	})
	t.Run("ndjson-stdout", func(t *testing.T) {
		stdout, stderr, err := runTool(t, runExport, "-ndjson", "-")
		if err != nil {
			t.Fatalf("export: %v\nstderr:\n%s", err, stderr)
		}
		exported := &dataset.Dataset{}
		if _, err := exported.ReadNDJSON(strings.NewReader(stdout), "stdout"); err != nil {
			t.Fatalf("standard output is not valid NDJSON: %v", err)
		}
		if got := stripped(exported, prefix); !reflect.DeepEqual(got, want) {
			t.Errorf("exported records differ from imported ones:\n got %+v\nwant %+v", got, want)
		}
		if !strings.Contains(stderr, "person") || !strings.Contains(stderr, "total") {
			t.Errorf("counts are not on stderr when NDJSON goes to stdout:\n%s", stderr)
		}
	})
}

func TestSeedOutWritesValidFiles(t *testing.T) {
	out := t.TempDir()
	// No Neo4j flags: -out needs no database.
	var stdout, stderr bytes.Buffer
	if err := runSeed(context.Background(), []string{"-people", "60", "-seed", "7", "-out", out}, &stdout, &stderr); err != nil {
		t.Fatalf("seed -out: %v\nstderr:\n%s", err, stderr.String())
	}
	ds, warnings, err := dataset.ReadDir(out)
	if err != nil {
		t.Fatalf("read the seeded files: %v", err)
	}
	if len(warnings) > 0 {
		t.Errorf("reading the seeded files warns: %v", warnings)
	}
	if problems := dataset.Validate(ds, dataset.Known{}); len(problems) > 0 {
		t.Errorf("the seeded files do not validate:\n%v", problems)
	}
	if len(ds.People) != 60 {
		t.Errorf("seeded people = %d, want 60", len(ds.People))
	}
	if !strings.Contains(stdout.String(), "people.csv") {
		t.Errorf("seed -out does not print counts per file:\n%s", stdout.String())
	}
}

func TestSeedLoadsThroughImport(t *testing.T) {
	neo4jtest.Get(t)
	// Seed ids are fixed (p00000001, …): the first run may find them from
	// an earlier run on the same database, the second must find them all.
	if stdout, stderr, err := runTool(t, runSeed, "-people", "40", "-seed", "3"); err != nil {
		t.Fatalf("seed: %v\nstderr:\n%s", err, stderr)
	} else if row := summaryRow(t, stdout, "person"); row[0] != 40 {
		t.Errorf("seed summary: %d person rows, want 40\n%s", row[0], stdout)
	}
	stdout, stderr, err := runTool(t, runSeed, "-people", "40", "-seed", "3")
	if err != nil {
		t.Fatalf("seed again: %v\nstderr:\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "nothing changed: the graph already holds these records") {
		t.Errorf("seeding the same network again changed something:\n%s", stdout)
	}
}

func TestSeedIfEmptyLeavesExistingDataAlone(t *testing.T) {
	prefix := neo4jtest.Prefix(t)
	if _, stderr, err := runTool(t, runImport, writeFiles(t, prefix, networkFiles)); err != nil {
		t.Fatalf("import: %v\nstderr:\n%s", err, stderr)
	}
	// The seed's own people would be p00000001 …; none may appear.
	before := countWithPrefix(t, "Person", "")
	stdout, stderr, err := runTool(t, runSeed, "-if-empty", "-people", "25", "-seed", "99")
	if err != nil {
		t.Fatalf("seed -if-empty: %v\nstderr:\n%s", err, stderr)
	}
	if got, want := strings.TrimSpace(stdout), "database already has data; demo not loaded"; got != want {
		t.Errorf("seed -if-empty on a database with people printed %q, want %q", got, want)
	}
	if after := countWithPrefix(t, "Person", ""); after != before {
		t.Errorf("seed -if-empty changed the number of people from %d to %d", before, after)
	}
}

func TestToolFlagsAreValidated(t *testing.T) {
	tests := []struct {
		name string
		run  tool
		args []string
		want string // in the error
	}{
		{"import without paths", runImport, nil, "no PATH"},
		{"import batch size", runImport, []string{"-batch-size", "0", "x"}, "-batch-size 0"},
		{"import bad uri", runImport, []string{"-neo4j-uri", "http://localhost", "x"}, "NEO4J_URI"},
		{"import unknown flag", runImport, []string{"-fast", "x"}, "-fast"},
		{"import folder and file", runImport, []string{"-neo4j-uri", "bolt://127.0.0.1:1", t.TempDir(), "people.csv"}, "give one folder, or files"},
		{"export without dir", runExport, nil, "no DIR"},
		{"export dir and ndjson", runExport, []string{"-ndjson", "x.ndjson", "out"}, "-ndjson"},
		{"export two dirs", runExport, []string{"a", "b"}, "unexpected arguments: b"},
		{"seed negative people", runSeed, []string{"-people", "-1"}, "-people -1"},
		{"seed out and if-empty", runSeed, []string{"-out", "x", "-if-empty"}, "-if-empty"},
		{"seed bad seed", runSeed, []string{"-seed", "many"}, "-seed"},
		{"seed unknown shape", runSeed, []string{"-shape", "star", "-out", "x"}, `-shape: unknown shape "star"`},
		{"seed arguments", runSeed, []string{"demo"}, "unexpected arguments: demo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := tt.run(context.Background(), tt.args, &stdout, &stderr)
			var ce configError
			if !errors.As(err, &ce) {
				t.Fatalf("error = %v, want a configError (exit status 2)", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %q, want it to name %q", err, tt.want)
			}
		})
	}
}

func TestFlagsAfterPaths(t *testing.T) {
	c, err := parseImportConfig([]string{"data", "-dry-run", "-batch-size", "5", "more.csv", "--", "-odd.csv"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !c.DryRun || c.BatchSize != 5 {
		t.Errorf("flags after a path were not read: dry run %v, batch size %d", c.DryRun, c.BatchSize)
	}
	if want := []string{"data", "more.csv", "-odd.csv"}; !slices.Equal(c.Paths, want) {
		t.Errorf("paths = %q, want %q", c.Paths, want)
	}
}

func TestProgressLineFitsATerminal(t *testing.T) {
	for _, total := range []int{1, 999, 1_000_000, 999_999_999} {
		for _, done := range []int{0, total / 3, total} {
			line := progressLine(done, total, 123456.7)
			if n := len([]rune(line)); n >= 80 {
				t.Errorf("progress line for %d/%d is %d columns, want under 80: %q", done, total, n, line)
			}
		}
	}
}

func TestServeMaxInFlight(t *testing.T) {
	c, err := parseServeConfig(nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Limits.MaxInFlight != server.DefaultLimits.MaxInFlight || c.Limits.MaxInFlight < 1 {
		t.Errorf("default max in flight %d, want %d", c.Limits.MaxInFlight, server.DefaultLimits.MaxInFlight)
	}
	if c, err := parseServeConfig([]string{"-max-in-flight", "0"}); err != nil || c.Limits.MaxInFlight != 0 {
		t.Errorf("-max-in-flight 0 (no limit): %d, %v", c.Limits.MaxInFlight, err)
	}
	t.Setenv("MENTORGRAPH_MAX_IN_FLIGHT", "7")
	if c, err := parseServeConfig(nil); err != nil || c.Limits.MaxInFlight != 7 {
		t.Errorf("MENTORGRAPH_MAX_IN_FLIGHT=7: %d, %v", c.Limits.MaxInFlight, err)
	}
	_, err = parseServeConfig([]string{"-max-in-flight", "-1"})
	var ce configError
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "MENTORGRAPH_MAX_IN_FLIGHT") {
		t.Errorf("-max-in-flight -1: error %v, want a configError naming MENTORGRAPH_MAX_IN_FLIGHT", err)
	}
}
