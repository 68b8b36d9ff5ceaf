package graph_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/mentorgraph/mentorgraph/graph"
)

// TestApplySchemaMergesDuplicateLinks: links stored twice or more by older
// versions (written here with Cypher, as they were) are merged by
// ApplySchema once, one link per pair left with the earliest since, and
// the report counts what was removed; the mentor whose active count
// dropped is an open mentor again. A second ApplySchema merges nothing.
func TestApplySchemaMergesDuplicateLinks(t *testing.T) {
	ctx := context.Background()
	x := newIntegrity(t)
	// The database is shared with the package's other tests: forget the
	// migration (set the schema version back to the one before it) and run
	// it once first, so the report below counts this test's duplicates
	// only.
	forget := `MATCH (v:SchemaVersion) SET v.version = $before`
	before := map[string]any{"before": graph.MigrationVersion("merge duplicate links") - 1}
	x.query(forget, before)
	if _, err := x.s.ApplySchemaReport(ctx); err != nil {
		t.Fatal(err)
	}

	x.query(`
UNWIND ['a', 'b', 'c'] AS n CREATE (:Person {id: $p + n, name: n})
WITH count(*) AS people
CREATE (m:Person {id: $p + 'm', name: 'm', availableToMentor: true, mentorCapacity: 2})
CREATE (o:Organization {id: $p + 'o', name: 'o', kind: 'COMPANY'})
CREATE (m)-[:HAS_SKILL {level: 4}]->(:Skill {id: $p + 's1', name: 's1', category: 'TECHNICAL'})
WITH m, o
UNWIND ['s2', 's3'] AS n CREATE (:Skill {id: $p + n, name: n, category: 'TECHNICAL'})
WITH m, o LIMIT 1
MATCH (a:Person {id: $p + 'a'}), (b:Person {id: $p + 'b'}), (c:Person {id: $p + 'c'})
CREATE (a)-[:MENTORED_BY {since: date('2024-03-01'), until: date('2024-06-01'), status: 'ENDED', focus: [$p + 's1']}]->(m)
CREATE (a)-[:MENTORED_BY {since: date('2024-01-01'), status: 'ACTIVE', focus: [$p + 's2']}]->(m)
CREATE (a)-[:MENTORED_BY {since: date('2024-05-01'), status: 'ACTIVE', focus: [$p + 's1', $p + 's3']}]->(m)
CREATE (b)-[:MENTORED_BY {since: date('2023-02-01'), until: date('2023-09-01'), status: 'ENDED', focus: []}]->(m)
CREATE (b)-[:MENTORED_BY {since: date('2023-01-01'), until: date('2023-06-01'), status: 'ENDED', focus: []}]->(m)
CREATE (a)-[:KNOWS {since: date('2022-05-01')}]->(b)
CREATE (b)-[:KNOWS {since: date('2021-01-01')}]->(a)
CREATE (a)-[:KNOWS]->(b)
CREATE (c)-[:KNOWS {since: date('2020-01-01')}]->(a)
CREATE (a)-[:AFFILIATED_WITH {role: 'Dev', since: date('2020-01-01')}]->(o)
CREATE (a)-[:AFFILIATED_WITH {role: 'Lead', since: date('2019-01-01')}]->(o)
CREATE (a)-[:AFFILIATED_WITH {role: 'Intern', since: date('2010-01-01'), until: date('2011-01-01')}]->(o)
CREATE (b)-[:AFFILIATED_WITH {role: 'Dev', since: date('2020-01-01')}]->(o)`, map[string]any{"p": x.p})

	x.query(forget, before)
	report, err := x.s.ApplySchemaReport(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := graph.SchemaReport{MergedLinks: true, Merged: graph.DuplicateLinks{MentoredBy: 3, Knows: 2, Affiliations: 1}}
	if diff := cmp.Diff(want, report); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}

	// Every link left, described.
	got := x.query(`
MATCH (p:Person)-[r:MENTORED_BY|KNOWS|AFFILIATED_WITH|CAN_MENTOR_4]->(q)
WHERE p.id STARTS WITH $p
WITH p, r, q ORDER BY type(r), p.id, q.id, r.since
RETURN type(r) + ' ' + substring(p.id, size($p)) + '>' + substring(q.id, size($p)) +
  coalesce(' since ' + toString(r.since), '') + coalesce(' until ' + toString(r.until), '') +
  coalesce(' ' + r.status, '') + coalesce(' ' + r.role, '') +
  coalesce(' [' + reduce(s = '', f IN r.focus | s + ' ' + substring(f, size($p))) + ' ]', '')`, map[string]any{"p": x.p})
	wantLinks := []any{
		"AFFILIATED_WITH a>o since 2010-01-01 until 2011-01-01 Intern",
		"AFFILIATED_WITH a>o since 2019-01-01 Lead",
		"AFFILIATED_WITH b>o since 2020-01-01 Dev",
		"CAN_MENTOR_4 m>s1",
		"KNOWS b>a since 2021-01-01",
		"KNOWS c>a since 2020-01-01",
		"MENTORED_BY a>m since 2024-01-01 ACTIVE [ s2 s1 s3 ]",
		"MENTORED_BY b>m since 2023-01-01 until 2023-09-01 ENDED [ ]",
	}
	if diff := cmp.Diff(wantLinks, got); diff != "" {
		t.Errorf("links after the merge (-want +got):\n%s", diff)
	}
	m, err := x.s.Person(ctx, x.id("m"))
	if err != nil || m.OpenSlots != 1 {
		t.Errorf("the mentor after the merge: %+v, %v; want 1 open slot", m, err)
	}

	again, err := x.s.ApplySchemaReport(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(graph.SchemaReport{}, again); diff != "" {
		t.Errorf("a second ApplySchema (-want +got):\n%s", diff)
	}
}
