package graph_test

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph"
)

// TestSchemaMigrations builds databases as each older version left them
// and checks that ApplySchema brings each to what a database migrated
// from scratch holds: the same constraints and indexes, the same meta
// nodes, the same data (duplicate links merged, the open-mentor links a
// recomputation gives). Also: databases written before versions were
// recorded, two stores migrating one database at once, and a database of
// a newer version. It wipes its database between cases, so it has a Neo4j
// of its own.
func TestSchemaMigrations(t *testing.T) {
	ctx := context.Background()
	s, drv := ownDatabase(t)
	db := migrationDB{t: t, drv: drv, database: s.Database()}
	latest := graph.LatestSchemaVersion()
	merge := graph.MigrationVersion("merge duplicate links")
	links := graph.MigrationVersion("open-mentor links")
	if merge == 0 || links == 0 {
		t.Fatalf("no migration named %q or %q", "merge duplicate links", "open-mentor links")
	}
	// apply runs ApplySchemaReport with a store of its own (a server
	// starting), checks that it logs the migrations from its start
	// version, and says whether the duplicate-link merge ran.
	apply := func(step string, start int) bool {
		t.Helper()
		var logged []int
		report, err := graph.NewStore(drv, s.Database()).ApplySchemaReport(graph.WithMigrationLog(ctx, func(v int, _ string, _ time.Duration) {
			logged = append(logged, v)
		}))
		if err != nil {
			t.Fatalf("%s: ApplySchema: %v", step, err)
		}
		if want := upTo(start+1, latest); !slices.Equal(logged, want) {
			t.Errorf("%s: migrations logged %v, want %v", step, logged, want)
		}
		return report.MergedLinks
	}
	// olderVersion is a database as a build at version v left it: the
	// data of olderData written (duplicate links, no open-mentor links),
	// then the migrations up to v applied, as that build applied them.
	olderVersion := func(v int) {
		t.Helper()
		db.wipe()
		db.run(olderData, nil)
		if v == 0 { // no migration, no SchemaVersion node
			return
		}
		if _, err := graph.NewStore(drv, s.Database()).ApplySchemaUpTo(ctx, v); err != nil {
			t.Fatalf("migrations up to %d: %v", v, err)
		}
	}

	// From scratch: a database of version 0 (no schema at all).
	olderVersion(0)
	if !apply("from scratch", 0) {
		t.Errorf("from scratch: the duplicate-link merge did not run")
	}
	want := db.snapshot()
	checkMigrated(t, db, want, latest)

	for v := 1; v < latest; v++ {
		t.Run("from version "+strconv.Itoa(v), func(t *testing.T) {
			olderVersion(v)
			if got := db.snapshot().version; got != fmt.Sprintf("version %d applied %v", v, upTo(1, v)) {
				t.Fatalf("the database built as version %d left it is at %s", v, got)
			}
			if merged := apply("from version "+strconv.Itoa(v), v); merged != (v < merge) {
				t.Errorf("the duplicate-link merge ran: %v, want %v (it is migration %d)", merged, v < merge, merge)
			}
			if diff := cmp.Diff(want, db.snapshot(), cmp.AllowUnexported(migrated{})); diff != "" {
				t.Errorf("migrated from version %d, against from scratch (-scratch +from %d):\n%s", v, v, diff)
			}
		})
	}

	// Databases written before versions were recorded: their schema and
	// their MentorGraphMeta records say how far they got; ApplySchema
	// starts from there (it does not merge links again, nor rebuild the
	// open-mentor links) and drops the old records.
	for _, c := range []struct {
		name string
		// version is what the database holds, records its old
		// MentorGraphMeta records, extra Cypher it ran.
		version int
		records map[string]int
		extra   string
	}{
		{name: "first release", version: 1},
		{name: "open-mentor links version 1", version: 1, records: map[string]int{"mentorIndex": 1}, extra: `
			MATCH (m:Person {id: 'mg-m'}), (s1:Skill {id: 'mg-s1'}), (s3:Skill {id: 'mg-s3'})
			CREATE (m)-[:CAN_MENTOR {level: 4}]->(s1), (m)-[:CAN_MENTOR {level: 2}]->(s3)`},
		{name: "open-mentor links version 2", version: links, records: map[string]int{"mentorIndex": 2}},
		{name: "links merged", version: merge, records: map[string]int{"mentorIndex": 2, "uniqueLinks": 1}},
		{name: "skill hierarchy locked", version: graph.MigrationVersion("skill hierarchy lock node"), records: map[string]int{"mentorIndex": 2, "uniqueLinks": 1}},
		{name: "accounts", version: graph.MigrationVersion("account, session and API token constraints"), records: map[string]int{"mentorIndex": 2, "uniqueLinks": 1}},
		{name: "mentor keys", version: graph.MigrationVersion("mentor keys on skill links and the has_skill_mentor_order index"), records: map[string]int{"mentorIndex": 3, "uniqueLinks": 1}},
	} {
		t.Run("before versions: "+c.name, func(t *testing.T) {
			olderVersion(c.version)
			db.run(`MATCH (v:SchemaVersion) DELETE v`, nil)
			db.run(`DROP CONSTRAINT schema_version_key`, nil)
			for key, v := range c.records {
				db.run(`CREATE (:MentorGraphMeta {key: $key, version: $version})`, map[string]any{"key": key, "version": v})
			}
			if c.extra != "" {
				db.run(c.extra, nil)
			}
			if merged := apply(c.name, c.version); merged != (c.version < merge) {
				t.Errorf("the duplicate-link merge ran: %v, want %v", merged, c.version < merge)
			}
			got := db.snapshot()
			if want := fmt.Sprintf("version %d applied %v", latest, upTo(c.version+1, latest)); got.version != want {
				t.Errorf("schema version %s, want %s (started from %d)", got.version, want, c.version)
			}
			got.version = ""
			scratch := want
			scratch.version = ""
			if diff := cmp.Diff(scratch, got, cmp.AllowUnexported(migrated{})); diff != "" {
				t.Errorf("against from scratch (-scratch +got):\n%s", diff)
			}
		})
	}

	t.Run("two servers at once", func(t *testing.T) {
		for round := range 3 {
			olderVersion(0)
			// Two stores (each its own sessions and transactions) start
			// together.
			start := make(chan struct{})
			var wg sync.WaitGroup
			reports := make([]graph.SchemaReport, 2)
			errs := make([]error, 2)
			for i := range 2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					reports[i], errs[i] = graph.NewStore(drv, s.Database()).ApplySchemaReport(ctx)
				}()
			}
			close(start)
			wg.Wait()
			if err := errors.Join(errs...); err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
			if reports[0].MergedLinks == reports[1].MergedLinks {
				t.Errorf("round %d: the duplicate-link merge ran in both or neither: %+v", round, reports)
			}
			if diff := cmp.Diff(want, db.snapshot(), cmp.AllowUnexported(migrated{})); diff != "" {
				t.Errorf("round %d, against one store from scratch (-one +two):\n%s", round, diff)
			}
		}
	})

	t.Run("newer database", func(t *testing.T) {
		olderVersion(latest)
		// A newer build migrated it (and, say, dropped an index).
		db.run(`MATCH (v:SchemaVersion) SET v.version = $v`, map[string]any{"v": latest + 1})
		db.run(`DROP INDEX names`, nil)
		err := graph.NewStore(drv, s.Database()).ApplySchema(ctx)
		if !errors.Is(err, graph.ErrSchemaTooNew) ||
			!strings.Contains(err.Error(), fmt.Sprintf("version %d", latest+1)) || !strings.Contains(err.Error(), fmt.Sprintf("up to %d", latest)) {
			t.Fatalf("ApplySchema on a database at version %d: %v; want ErrSchemaTooNew naming versions %d and %d", latest+1, err, latest+1, latest)
		}
		got := db.snapshot()
		if got.version != fmt.Sprintf("version %d applied %v", latest+1, upTo(1, latest)) || slices.ContainsFunc(got.schema, func(s string) bool { return strings.HasPrefix(s, "index names ") }) {
			t.Errorf("the refused database changed: %s, schema %v", got.version, got.schema)
		}
	})
}

// checkMigrated checks a database migrated from scratch on its own terms:
// every constraint and index there, the version recorded with each
// migration applied once, no pair linked twice, the open-mentor links a
// recomputation gives, and the migrations' version records of before
// replaced by the SchemaVersion node.
func checkMigrated(t *testing.T, db migrationDB, m migrated, latest int) {
	t.Helper()
	for _, name := range graph.SchemaNames() {
		if !slices.ContainsFunc(m.schema, func(s string) bool { return strings.Contains(s, " "+name+" ") && strings.HasSuffix(s, "ONLINE") }) {
			t.Errorf("from scratch: no %s online in %v", name, m.schema)
		}
	}
	if want := fmt.Sprintf("version %d applied %v", latest, upTo(1, latest)); m.version != want {
		t.Errorf("from scratch: schema version %s, want %s", m.version, want)
	}
	if want := []string{"skillHierarchy"}; !slices.Equal(m.meta, want) {
		t.Errorf("from scratch: meta nodes %v, want %v", m.meta, want)
	}
	if twice := db.rows(`MATCH (a)-[r:MENTORED_BY|KNOWS]-(b) WHERE elementId(a) < elementId(b)
		WITH a, b, type(r) AS t, count(r) AS n WHERE n > 1 RETURN a.id + ' ' + t + ' ' + b.id AS pair
		UNION MATCH (a)-[r:AFFILIATED_WITH]->(b) WHERE r.until IS NULL
		WITH a, b, count(r) AS n WHERE n > 1 RETURN a.id + ' AFFILIATED_WITH ' + b.id AS pair`); len(twice) > 0 {
		t.Errorf("from scratch: pairs still linked twice: %v", twice)
	}
	rows := func(cypher string) []any { return db.rowsWith(cypher, map[string]any{"prefix": "mg-"}) }
	maintained, recomputed := maintainedOpenMentorLinksBy(rows), recomputedOpenMentorLinksBy(rows)
	if diff := cmp.Diff(recomputed, maintained); diff != "" || len(maintained) == 0 {
		t.Errorf("from scratch: open-mentor links (-recomputed +stored):\n%s", diff)
	}
}

// upTo lists the versions from to to.
func upTo(from, to int) []int {
	var out []int
	for v := from; v <= to; v++ {
		out = append(out, v)
	}
	return out
}

// olderData is a network as older versions let users write it: links
// stored twice or more for one pair (before the duplicate-link merge), no
// open-mentor links. m (capacity 2) counts two active mentorships of a
// while they are not merged, so is full; n (capacity 1) is full; u is not
// available; q is open, and no merge concerns q (only the open-mentor
// links' migration gives q links). Every since is distinct within a pair, so the merge keeps
// one link whatever order Neo4j gives them in.
const olderData = `
UNWIND ['a', 'b', 'c', 'u'] AS n CREATE (:Person {id: 'mg-' + n, name: n})
WITH count(*) AS people
CREATE (m:Person {id: 'mg-m', name: 'm', availableToMentor: true, mentorCapacity: 2})
CREATE (n:Person {id: 'mg-n', name: 'n', availableToMentor: true, mentorCapacity: 1})
CREATE (q:Person {id: 'mg-q', name: 'q', availableToMentor: true, mentorCapacity: 1})
CREATE (o:Organization {id: 'mg-o', name: 'o', kind: 'COMPANY'})
CREATE (s1:Skill {id: 'mg-s1', name: 's1', category: 'TECHNICAL'})
CREATE (s2:Skill {id: 'mg-s2', name: 's2', category: 'TECHNICAL'})-[:PART_OF]->(s1)
CREATE (s3:Skill {id: 'mg-s3', name: 's3', category: 'LEADERSHIP'})
CREATE (m)-[:HAS_SKILL {level: 4, years: 6}]->(s1), (m)-[:HAS_SKILL {level: 2}]->(s3)
CREATE (n)-[:HAS_SKILL {level: 3}]->(s2), (n)-[:HAS_SKILL {level: 5}]->(s1), (q)-[:HAS_SKILL {level: 3}]->(s2)
WITH m, n, o, s3
MATCH (a:Person {id: 'mg-a'}), (b:Person {id: 'mg-b'}), (c:Person {id: 'mg-c'}), (u:Person {id: 'mg-u'})
CREATE (u)-[:HAS_SKILL {level: 5}]->(s3)
CREATE (a)-[:HAS_GOAL]->(:Goal {id: 'mg-g', title: 'Lead a team', targetLevel: 3, status: 'OPEN'})-[:ABOUT]->(s3)
CREATE (a)-[:MENTORED_BY {since: date('2024-03-01'), until: date('2024-06-01'), status: 'ENDED', focus: ['mg-s1']}]->(m)
CREATE (a)-[:MENTORED_BY {since: date('2024-01-01'), status: 'ACTIVE', focus: ['mg-s2']}]->(m)
CREATE (a)-[:MENTORED_BY {since: date('2024-05-01'), status: 'ACTIVE', focus: ['mg-s1', 'mg-s3']}]->(m)
CREATE (c)-[:MENTORED_BY {since: date('2023-02-01'), until: date('2023-09-01'), status: 'ENDED', focus: []}]->(m)
CREATE (c)-[:MENTORED_BY {since: date('2023-01-01'), until: date('2023-06-01'), status: 'ENDED', focus: []}]->(m)
CREATE (b)-[:MENTORED_BY {since: date('2023-04-01'), status: 'ACTIVE', focus: ['mg-s1']}]->(n)
CREATE (a)-[:KNOWS {since: date('2022-05-01')}]->(b)
CREATE (b)-[:KNOWS {since: date('2021-01-01')}]->(a)
CREATE (a)-[:KNOWS]->(b)
CREATE (c)-[:KNOWS {since: date('2020-01-01')}]->(a)
CREATE (a)-[:AFFILIATED_WITH {role: 'Dev', since: date('2020-01-01')}]->(o)
CREATE (a)-[:AFFILIATED_WITH {role: 'Lead', since: date('2019-01-01')}]->(o)
CREATE (a)-[:AFFILIATED_WITH {role: 'Intern', since: date('2010-01-01'), until: date('2011-01-01')}]->(o)
CREATE (b)-[:AFFILIATED_WITH {role: 'Dev', since: date('2020-01-01')}]->(o)`

// migrationDB runs Cypher on the test's own database.
type migrationDB struct {
	t        *testing.T
	drv      neo4j.DriverWithContext
	database string
}

func (d migrationDB) run(cypher string, params map[string]any) []*neo4j.Record {
	d.t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), d.drv, cypher, params, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(d.database))
	if err != nil {
		d.t.Fatalf("%s: %v", cypher, err)
	}
	return res.Records
}

// rows runs cypher and returns the first value of each row.
func (d migrationDB) rows(cypher string) []any { return d.rowsWith(cypher, nil) }

func (d migrationDB) rowsWith(cypher string, params map[string]any) []any {
	d.t.Helper()
	var out []any
	for _, r := range d.run(cypher, params) {
		out = append(out, r.Values[0])
	}
	return out
}

// wipe empties the database: every constraint, index (but the two lookup
// indexes every database has) and node.
func (d migrationDB) wipe() {
	d.t.Helper()
	for _, name := range d.rows(`SHOW CONSTRAINTS YIELD name RETURN name`) {
		d.run(`DROP CONSTRAINT $name`, map[string]any{"name": name})
	}
	for _, name := range d.rows(`SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name`) {
		d.run(`DROP INDEX $name`, map[string]any{"name": name})
	}
	d.run(`MATCH (n) DETACH DELETE n`, nil)
}

// migrated is what a migration leaves, as text, each list sorted.
type migrated struct {
	// schema: each constraint and index.
	schema []string
	// version: the SchemaVersion node's version and applied migrations.
	version string
	// meta: the keys of the other MentorGraphMeta nodes.
	meta []string
	// nodes and links: every other node and relationship with its
	// properties.
	nodes, links []string
}

func (d migrationDB) snapshot() migrated {
	d.t.Helper()
	var m migrated
	for _, r := range d.run(`SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties`, nil) {
		m.schema = append(m.schema, fmt.Sprintf("constraint %s %v", r.Values[0], r.Values[1:]))
	}
	for _, r := range d.run(`SHOW INDEXES YIELD name, type, labelsOrTypes, properties, owningConstraint, state
		RETURN name, type, labelsOrTypes, properties, owningConstraint, state`, nil) {
		m.schema = append(m.schema, fmt.Sprintf("index %s %v %v", r.Values[0], r.Values[1:5], r.Values[5]))
	}
	for _, r := range d.run(`MATCH (v:SchemaVersion) RETURN v.version, v.applied, labels(v)`, nil) {
		if m.version != "" {
			d.t.Errorf("two SchemaVersion nodes")
		}
		m.version = fmt.Sprintf("version %v applied %v", r.Values[0], show(r.Values[1]))
		if labels := show(r.Values[2]); labels != "[MentorGraphMeta SchemaVersion]" && labels != "[SchemaVersion MentorGraphMeta]" {
			d.t.Errorf("the SchemaVersion node's labels: %s", labels)
		}
	}
	for _, key := range d.rows(`MATCH (n:MentorGraphMeta) WHERE NOT n:SchemaVersion RETURN n.key`) {
		m.meta = append(m.meta, show(key))
	}
	for _, r := range d.run(`MATCH (n) WHERE NOT n:MentorGraphMeta RETURN labels(n), properties(n)`, nil) {
		m.nodes = append(m.nodes, show(r.Values[0])+" "+show(r.Values[1]))
	}
	for _, r := range d.run(`MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id, properties(r)`, nil) {
		m.links = append(m.links, fmt.Sprintf("%s %s %s %s", r.Values[0], r.Values[1], r.Values[2], show(r.Values[3])))
	}
	for _, l := range [][]string{m.schema, m.meta, m.nodes, m.links} {
		slices.Sort(l)
	}
	return m
}

// show writes a value read from Neo4j as text: maps with their keys
// sorted, lists in their order, dates as dates.
func show(v any) string {
	switch v := v.(type) {
	case nil:
		return "[]"
	case neo4j.Date:
		return time.Time(v).Format(time.DateOnly)
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = show(x)
		}
		return "[" + strings.Join(parts, " ") + "]"
	case map[string]any:
		var parts []string
		for _, k := range slices.Sorted(maps.Keys(v)) {
			parts = append(parts, k+":"+show(v[k]))
		}
		return "{" + strings.Join(parts, " ") + "}"
	}
	return fmt.Sprint(v)
}
