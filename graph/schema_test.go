package graph_test

import (
	"context"
	"errors"
	"os"
	"slices"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
)

// newStore returns a store over the package's Neo4j with the schema applied.
func newStore(t testing.TB) *graph.Store {
	t.Helper()
	srv := neo4jtest.Get(t)
	s := graph.NewStore(neo4jtest.Driver(t), srv.Database)
	if err := s.ApplySchema(context.Background()); err != nil {
		t.Fatalf("ApplySchema: %v", err)
	}
	return s
}

// ownDatabase is a store on a Neo4j of the test's own (a restore needs an
// empty database), its schema applied, and its driver.
func ownDatabase(t *testing.T) (*graph.Store, neo4j.DriverWithContext) {
	t.Helper()
	newStore(t) // skips without Neo4j, as every Neo4j test does
	if os.Getenv("NEO4J_URI") != "" {
		t.Skip("needs a database of its own (a container), not the one at NEO4J_URI")
	}
	ctx := context.Background()
	srv, err := neo4jtest.Start(ctx, neo4jtest.FromEnv())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	drv, err := srv.Driver(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = drv.Close(ctx) })
	s := graph.NewStore(drv, srv.Database)
	if err := s.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	return s, drv
}

func TestApplySchemaIsIdempotent(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	before := schemaObjects(t)
	if err := s.ApplySchema(ctx); err != nil {
		t.Fatalf("second ApplySchema: %v", err)
	}
	after := schemaObjects(t)
	if !slices.Equal(before, after) {
		t.Errorf("second ApplySchema changed the schema:\nbefore %v\nafter  %v", before, after)
	}
	for _, name := range graph.SchemaNames() {
		if !slices.Contains(after, name) {
			t.Errorf("schema object %q missing; have %v", name, after)
		}
	}
}

// TestApplySchemaRestoresWhatIsMissing: ApplySchema answers a database
// that has everything with one read; one that lacks an index or the skill
// hierarchy's lock node gets it back.
func TestApplySchemaRestoresWhatIsMissing(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	d := neo4jtest.Driver(t)
	db := neo4j.ExecuteQueryWithDatabase(neo4jtest.Get(t).Database)
	before := s.Statements()
	if err := s.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	if got := s.Statements() - before; got != 2 {
		t.Errorf("ApplySchema on a database that has it all sent %d statements, want 2 (one read)", got)
	}
	for _, drop := range []string{`DROP INDEX names`, `MATCH (m:MentorGraphMeta {key: 'skillHierarchy'}) DELETE m`} {
		if _, err := neo4j.ExecuteQuery(ctx, d, drop, nil, neo4j.EagerResultTransformer, db); err != nil {
			t.Fatalf("%s: %v", drop, err)
		}
		if err := s.ApplySchema(ctx); err != nil {
			t.Fatalf("ApplySchema after %s: %v", drop, err)
		}
		res, err := neo4j.ExecuteQuery(ctx, d, `RETURN EXISTS { MATCH (:MentorGraphMeta {key: 'skillHierarchy'}) } AS locked`, nil, neo4j.EagerResultTransformer, db)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(schemaObjects(t), "names") || res.Records[0].Values[0] != true {
			t.Errorf("after %s and ApplySchema: schema %v, lock node %v", drop, schemaObjects(t), res.Records[0].Values[0])
		}
	}
}

// schemaObjects lists the names of the database's constraints and indexes.
func schemaObjects(t *testing.T) []string {
	t.Helper()
	ctx := context.Background()
	d := neo4jtest.Driver(t)
	db := neo4j.ExecuteQueryWithDatabase(neo4jtest.Get(t).Database)
	var names []string
	for _, q := range []string{`SHOW CONSTRAINTS YIELD name RETURN name`, `SHOW INDEXES YIELD name RETURN name`} {
		res, err := neo4j.ExecuteQuery(ctx, d, q, nil, neo4j.EagerResultTransformer, db)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		for _, r := range res.Records {
			names = append(names, r.Values[0].(string))
		}
	}
	slices.Sort(names)
	return names
}

func TestDuplicatePersonIDIsRefused(t *testing.T) {
	ctx := context.Background()
	newStore(t)
	d := neo4jtest.Driver(t)
	db := neo4j.ExecuteQueryWithDatabase(neo4jtest.Get(t).Database)
	id := neo4jtest.Prefix(t) + "ada"
	const create = `CREATE (:Person {id: $id, name: $name})`
	if _, err := neo4j.ExecuteQuery(ctx, d, create, map[string]any{"id": id, "name": "Ada"}, neo4j.EagerResultTransformer, db); err != nil {
		t.Fatalf("first create: %v", err)
	}
	_, err := neo4j.ExecuteQuery(ctx, d, create, map[string]any{"id": id, "name": "Ada again"}, neo4j.EagerResultTransformer, db)
	var n4jErr *neo4j.Neo4jError
	if !errors.As(err, &n4jErr) || n4jErr.Code != "Neo.ClientError.Schema.ConstraintValidationFailed" {
		t.Fatalf("second create with the same id: got %v, want a constraint violation", err)
	}
	res, err := neo4j.ExecuteQuery(ctx, d, `MATCH (p:Person {id: $id}) RETURN p.name AS name`, map[string]any{"id": id}, neo4j.EagerResultTransformer, db)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 || res.Records[0].Values[0] != "Ada" {
		t.Errorf("after the refused duplicate: got %v, want the one original person named Ada", res.Records)
	}
}

// TestPeopleWithinTwoHops writes a small network and checks that Neo4j
// answers a bounded two-hop reach over KNOWS and MENTORED_BY, either
// direction, with exactly the people a hand count gives.
func TestPeopleWithinTwoHops(t *testing.T) {
	ctx := context.Background()
	newStore(t)
	d := neo4jtest.Driver(t)
	db := neo4j.ExecuteQueryWithDatabase(neo4jtest.Get(t).Database)
	p := neo4jtest.Prefix(t)

	// ana -KNOWS-> ben -MENTORED_BY-> cara -KNOWS-> dev   (dev is 3 hops away)
	// eve -MENTORED_BY-> ana                              (incoming, 1 hop)
	// fay -KNOWS-> eve                                    (2 hops through eve)
	// gus: nobody links to gus
	people := []string{"ana", "ben", "cara", "dev", "eve", "fay", "gus"}
	links := []struct{ from, kind, to string }{
		{"ana", "KNOWS", "ben"}, {"ben", "MENTORED_BY", "cara"}, {"cara", "KNOWS", "dev"},
		{"eve", "MENTORED_BY", "ana"}, {"fay", "KNOWS", "eve"},
	}
	const setup = `
UNWIND $people AS id CREATE (:Person {id: $p + id, name: id})
WITH count(*) AS created
UNWIND $links AS l
MATCH (a:Person {id: $p + l.from}), (b:Person {id: $p + l.to})
FOREACH (_ IN CASE WHEN l.kind = 'KNOWS' THEN [1] ELSE [] END | CREATE (a)-[:KNOWS]->(b))
FOREACH (_ IN CASE WHEN l.kind = 'MENTORED_BY' THEN [1] ELSE [] END | CREATE (a)-[:MENTORED_BY]->(b))`
	var linkRows []map[string]any
	for _, l := range links {
		linkRows = append(linkRows, map[string]any{"from": l.from, "kind": l.kind, "to": l.to})
	}
	if _, err := neo4j.ExecuteQuery(ctx, d, setup, map[string]any{"p": p, "people": people, "links": linkRows}, neo4j.EagerResultTransformer, db); err != nil {
		t.Fatalf("setup: %v", err)
	}

	const within = `
MATCH (me:Person {id: $id})-[:KNOWS|MENTORED_BY*1..2]-(other:Person)
WHERE other <> me
RETURN DISTINCT other.id AS id ORDER BY id`
	res, err := neo4j.ExecuteQuery(ctx, d, within, map[string]any{"id": p + "ana"}, neo4j.EagerResultTransformer, db)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range res.Records {
		got = append(got, r.Values[0].(string)[len(p):])
	}
	want := []string{"ben", "cara", "eve", "fay"}
	if !slices.Equal(got, want) {
		t.Errorf("people within two hops of ana: got %v, want %v", got, want)
	}
}
