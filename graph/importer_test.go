package graph_test

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/dataset"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
	"github.com/mentorgraph/mentorgraph/graph/seed"
)

// prefixed returns ds with every id (and reference) prefixed by p, so a
// test's data never meets another test's in the shared database.
func prefixed(ds *dataset.Dataset, p string) *dataset.Dataset {
	return mapIDs(ds, func(s string) string {
		if s == "" {
			return ""
		}
		return p + s
	})
}

// strip removes prefix p from every id again.
func strip(ds *dataset.Dataset, p string) *dataset.Dataset {
	return mapIDs(ds, func(s string) string { return strings.TrimPrefix(s, p) })
}

// mapIDs returns a copy of ds with f applied to every id and reference.
func mapIDs(ds *dataset.Dataset, f func(string) string) *dataset.Dataset {
	out := *ds
	out.People = slices.Clone(ds.People)
	for i := range out.People {
		out.People[i].ID = f(out.People[i].ID)
	}
	out.Skills = slices.Clone(ds.Skills)
	for i := range out.Skills {
		out.Skills[i].ID, out.Skills[i].ParentID = f(out.Skills[i].ID), f(out.Skills[i].ParentID)
	}
	out.Organizations = slices.Clone(ds.Organizations)
	for i := range out.Organizations {
		out.Organizations[i].ID = f(out.Organizations[i].ID)
	}
	out.PersonSkills = slices.Clone(ds.PersonSkills)
	for i := range out.PersonSkills {
		ps := &out.PersonSkills[i]
		ps.PersonID, ps.SkillID = f(ps.PersonID), f(ps.SkillID)
	}
	out.Affiliations = slices.Clone(ds.Affiliations)
	for i := range out.Affiliations {
		a := &out.Affiliations[i]
		a.PersonID, a.OrganizationID = f(a.PersonID), f(a.OrganizationID)
	}
	out.Mentorships = slices.Clone(ds.Mentorships)
	for i := range out.Mentorships {
		m := &out.Mentorships[i]
		m.MenteeID, m.MentorID = f(m.MenteeID), f(m.MentorID)
		focus := make([]string, len(m.Focus))
		for j, id := range m.Focus {
			focus[j] = f(id)
		}
		if m.Focus == nil {
			focus = nil
		}
		m.Focus = focus
	}
	out.Connections = slices.Clone(ds.Connections)
	for i := range out.Connections {
		c := &out.Connections[i]
		c.PersonA, c.PersonB = f(c.PersonA), f(c.PersonB)
	}
	out.Goals = slices.Clone(ds.Goals)
	for i := range out.Goals {
		g := &out.Goals[i]
		g.ID, g.PersonID, g.SkillID = f(g.ID), f(g.PersonID), f(g.SkillID)
	}
	return &out
}

// exported returns the records of the graph whose ids start with p, in the
// export's order, with positions cleared, as a comparable fingerprint.
func exported(t *testing.T, s *graph.Store, p string) *dataset.Dataset {
	t.Helper()
	all, err := s.Export(context.Background())
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	mine := func(id string) bool { return strings.HasPrefix(id, p) }
	out := &dataset.Dataset{}
	for _, r := range all.People {
		if mine(r.ID) {
			out.People = append(out.People, r)
		}
	}
	for _, r := range all.Skills {
		if mine(r.ID) {
			out.Skills = append(out.Skills, r)
		}
	}
	for _, r := range all.Organizations {
		if mine(r.ID) {
			out.Organizations = append(out.Organizations, r)
		}
	}
	for _, r := range all.PersonSkills {
		if mine(r.PersonID) {
			out.PersonSkills = append(out.PersonSkills, r)
		}
	}
	for _, r := range all.Affiliations {
		if mine(r.PersonID) {
			out.Affiliations = append(out.Affiliations, r)
		}
	}
	for _, r := range all.Mentorships {
		if mine(r.MenteeID) {
			out.Mentorships = append(out.Mentorships, r)
		}
	}
	for _, r := range all.Connections {
		if mine(r.PersonA) {
			out.Connections = append(out.Connections, r)
		}
	}
	for _, r := range all.Goals {
		if mine(r.ID) {
			out.Goals = append(out.Goals, r)
		}
	}
	return out
}

func readExamples(t *testing.T) *dataset.Dataset {
	t.Helper()
	root, err := neo4jtest.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	ds, _, err := dataset.ReadDir(filepath.Join(root, "examples", "csv"))
	if err != nil {
		t.Fatalf("examples: %v", err)
	}
	return ds
}

func counts(r graph.ImportReport) (created, updated, unchanged int) {
	for _, k := range r.Kinds {
		created, updated, unchanged = created+k.Created, updated+k.Updated, unchanged+k.Unchanged
	}
	return
}

func TestImportIsIdempotentAndDryRunWritesNothing(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	p := neo4jtest.Prefix(t)
	ds := prefixed(readExamples(t), p)

	plan, err := s.Import(ctx, ds, graph.ImportOptions{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if c, u, n := counts(plan); c != plan.Rows || u != 0 || n != 0 {
		t.Errorf("dry run on an empty graph: created %d updated %d unchanged %d of %d rows", c, u, n, plan.Rows)
	}
	if got := exported(t, s, p); len(got.People)+len(got.Skills) != 0 {
		t.Fatalf("dry run wrote %d people, %d skills", len(got.People), len(got.Skills))
	}

	first, err := s.Import(ctx, ds, graph.ImportOptions{BatchSize: 7})
	if err != nil {
		t.Fatal(err)
	}
	if c, _, _ := counts(first); c != first.Rows || !first.Changed() {
		t.Errorf("first import: created %d of %d", c, first.Rows)
	}
	after1 := exported(t, s, p)
	second, err := s.Import(ctx, ds, graph.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c, u, n := counts(second); c != 0 || u != 0 || n != second.Rows || second.Changed() {
		t.Errorf("second import: created %d updated %d unchanged %d of %d", c, u, n, second.Rows)
	}
	if after2 := exported(t, s, p); !reflect.DeepEqual(after1, after2) {
		t.Errorf("second import changed the graph")
	}
	// What was imported is what the files say.
	want := prefixed(readExamples(t), p)
	if len(after1.People) != len(want.People) || len(after1.Mentorships) != len(want.Mentorships) ||
		len(after1.Connections) != len(want.Connections) || len(after1.Goals) != len(want.Goals) {
		t.Errorf("imported %d people, %d mentorships, %d connections, %d goals; files have %d, %d, %d, %d",
			len(after1.People), len(after1.Mentorships), len(after1.Connections), len(after1.Goals),
			len(want.People), len(want.Mentorships), len(want.Connections), len(want.Goals))
	}

	// A changed record is counted as updated, and only it.
	ds.People[0].Headline = "Changed headline"
	third, err := s.Import(ctx, ds, graph.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, u, _ := counts(third); u != 1 {
		t.Errorf("one changed person: %d updated", u)
	}
}

func TestImportWithProblemsWritesNothing(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	p := neo4jtest.Prefix(t)
	ds := prefixed(readExamples(t), p)
	ds.PersonSkills[0].Level = 9
	ds.Mentorships = append(ds.Mentorships, dataset.Mentorship{MenteeID: ds.People[0].ID, MentorID: ds.People[0].ID})
	ds.Connections = append(ds.Connections, dataset.Connection{PersonA: ds.People[0].ID, PersonB: p + "nobody"})
	_, err := s.Import(ctx, ds, graph.ImportOptions{})
	var problems dataset.Problems
	if !errors.As(err, &problems) || len(problems) < 3 {
		t.Fatalf("import with 3 problems: %v", err)
	}
	if got := exported(t, s, p); len(got.People) != 0 {
		t.Errorf("an import with problems wrote %d people", len(got.People))
	}
}

// TestInterruptedImportCompletes cuts an import short after a few batches
// (as a killed process would: the transaction in flight rolls back), runs
// it again, and compares with an uninterrupted import of the same data.
func TestInterruptedImportCompletes(t *testing.T) {
	s := newStore(t)
	net := seed.Generate(seed.Config{People: 300, Seed: 7})
	a, b := neo4jtest.Prefix(t), neo4jtest.Prefix(t)

	ctx, cancel := context.WithCancel(context.Background())
	_, err := s.Import(ctx, prefixed(net, a), graph.ImportOptions{BatchSize: 50, Progress: func(done, total int) {
		if done >= total/3 {
			cancel()
		}
	}})
	if err == nil {
		t.Fatal("the interrupted import reported success")
	}
	partial := exported(t, s, a)
	if _, err := s.Import(context.Background(), prefixed(net, a), graph.ImportOptions{BatchSize: 50}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(context.Background(), prefixed(net, b), graph.ImportOptions{BatchSize: 50}); err != nil {
		t.Fatal(err)
	}
	resumed, whole := strip(exported(t, s, a), a), strip(exported(t, s, b), b)
	if len(partial.Connections) >= len(whole.Connections) {
		t.Errorf("the interruption came too late to test anything: %d of %d connections", len(partial.Connections), len(whole.Connections))
	}
	if !reflect.DeepEqual(resumed, whole) {
		t.Errorf("interrupted+resumed import differs from an uninterrupted one (%d vs %d people, %d vs %d connections)",
			len(resumed.People), len(whole.People), len(resumed.Connections), len(whole.Connections))
	}
}

// TestExportRoundTrip: import → export → import the export under other ids
// → export gives the same records.
func TestExportRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	a, b := neo4jtest.Prefix(t), neo4jtest.Prefix(t)
	if _, err := s.Import(ctx, prefixed(readExamples(t), a), graph.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	first := strip(exported(t, s, a), a)
	if _, err := s.Import(ctx, prefixed(first, b), graph.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	second := strip(exported(t, s, b), b)
	if !reflect.DeepEqual(first, second) {
		t.Errorf("round trip changed the graph:\nfirst  %+v\nsecond %+v", first.People[:1], second.People[:1])
	}
}

// TestImportIntoEmptyDatabase: into a database with no people, the import
// creates nodes without classifying rows and goals by their ends' element
// ids. The graph must be the one an import into a database already holding
// data makes, for a whole import and for an interrupted one run again.
func TestImportIntoEmptyDatabase(t *testing.T) {
	ctx := context.Background()
	shared := newStore(t)
	empty, drv := ownDatabase(t)
	net := seed.Generate(seed.Config{People: 400, Seed: 11})
	p := neo4jtest.Prefix(t)
	if _, err := shared.Import(ctx, prefixed(net, p), graph.ImportOptions{BatchSize: 60}); err != nil {
		t.Fatal(err)
	}
	want := strip(exported(t, shared, p), p)

	rep, err := empty.Import(ctx, net, graph.ImportOptions{BatchSize: 60})
	if err != nil {
		t.Fatal(err)
	}
	if c, _, _ := counts(rep); c != rep.Rows {
		t.Errorf("import into an empty database: created %d of %d rows", c, rep.Rows)
	}
	if got := exported(t, empty, ""); !reflect.DeepEqual(got, want) {
		t.Errorf("import into an empty database differs from one into a database holding data (%d vs %d people, %d vs %d goals)",
			len(got.People), len(want.People), len(got.Goals), len(want.Goals))
	}

	if _, err := neo4j.ExecuteQuery(ctx, drv, `MATCH (n) DETACH DELETE n`, nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(empty.Database())); err != nil {
		t.Fatal(err)
	}
	// As `mentorgraph import` does before it writes (the wipe deleted the
	// skill hierarchy's lock node too).
	if err := empty.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	cut, cancel := context.WithCancel(ctx)
	_, err = empty.Import(cut, net, graph.ImportOptions{BatchSize: 60, Progress: func(done, total int) {
		if done >= total/5 {
			cancel()
		}
	}})
	if err == nil {
		t.Fatal("the interrupted import reported success")
	}
	if _, err := empty.Import(ctx, net, graph.ImportOptions{BatchSize: 60}); err != nil {
		t.Fatal(err)
	}
	if got := exported(t, empty, ""); !reflect.DeepEqual(got, want) {
		t.Errorf("interrupted+resumed import into an empty database differs (%d vs %d people, %d vs %d connections)",
			len(got.People), len(want.People), len(got.Connections), len(want.Connections))
	}
}
