package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// Import writes a dataset into the graph: records merge by their key (ids
// for nodes; the two ends, and for affiliations the start date, for links),
// so importing the same data twice changes nothing the second time. An
// empty optional cell means "not set": it never erases a stored value.
//
// Validation comes first (dataset.Validate, with the ids the dataset
// refers to but does not define looked up in the database): with any
// problem nothing is written and the problems are returned, all of them.
// Then the records are written kind by kind in batched UNWIND
// transactions. A run cut short (process killed) leaves a prefix of the
// batches written; running the same import again completes it and ends in
// exactly the graph one uninterrupted run makes.

// ImportOptions steer Import.
type ImportOptions struct {
	// DryRun validates and counts what would be created, updated or left
	// unchanged, writing nothing.
	DryRun bool
	// BatchSize is the number of rows per transaction (default 10,000).
	BatchSize int
	// Progress, when set, is called after each batch with the rows done and
	// the rows in all.
	Progress func(done, total int)
	// ReadProblems are problems found while reading ds; they are reported
	// with the validation's own, all together, and nothing is written.
	ReadProblems dataset.Problems
}

// KindCounts says what an import did (or would do) to one record kind.
type KindCounts struct {
	Kind      dataset.Kind
	Rows      int
	Created   int
	Updated   int
	Unchanged int
}

// ImportReport is the outcome of Import.
type ImportReport struct {
	Kinds    []KindCounts
	Rows     int
	Duration time.Duration
	DryRun   bool
}

// Changed reports whether the import created or updated anything.
func (r ImportReport) Changed() bool {
	for _, k := range r.Kinds {
		if k.Created > 0 || k.Updated > 0 {
			return true
		}
	}
	return false
}

// importStep is one record kind: its rows as Cypher parameters, and the
// statements that write them (and, for a dry run, classify them). Both
// return one row per outcome ("created", "updated", "unchanged").
type importStep struct {
	kind        dataset.Kind
	rows        []map[string]any
	write, plan string
}

// Import validates ds against the database and writes it (see above).
func (s *Store) Import(ctx context.Context, ds *dataset.Dataset, opts ImportOptions) (ImportReport, error) {
	start := time.Now()
	if opts.BatchSize <= 0 {
		opts.BatchSize = 10000
	}
	known, err := s.known(ctx, ds)
	if err != nil {
		return ImportReport{}, err
	}
	if problems := mergeProblems(opts.ReadProblems, dataset.Validate(ds, known)); len(problems) > 0 {
		return ImportReport{}, problems
	}
	steps := importSteps(ds)
	total := 0
	for _, st := range steps {
		total += len(st.rows)
	}
	report := ImportReport{DryRun: opts.DryRun}
	done := 0
	for _, st := range steps {
		kc := KindCounts{Kind: st.kind, Rows: len(st.rows)}
		for i := 0; i < len(st.rows); i += opts.BatchSize {
			batch := st.rows[i:min(i+opts.BatchSize, len(st.rows))]
			run := write[map[string]int]
			cypher := st.write
			if opts.DryRun {
				run, cypher = read[map[string]int], st.plan
			}
			outcomes, err := run(ctx, s, "import "+string(st.kind), func(tx neo4j.ManagedTransaction) (map[string]int, error) {
				return countOutcomes(ctx, tx, cypher, batch)
			})
			if err != nil {
				return report, fmt.Errorf("importing %s rows %d-%d: %w", st.kind, i+1, i+len(batch), err)
			}
			kc.Created += outcomes["created"]
			kc.Updated += outcomes["updated"]
			kc.Unchanged += outcomes["unchanged"]
			done += len(batch)
			if opts.Progress != nil {
				opts.Progress(done, total)
			}
		}
		if st.kind != kindSkillParent {
			report.Kinds = append(report.Kinds, kc)
			report.Rows += kc.Rows
		}
	}
	report.Duration = time.Since(start)
	return report, nil
}

func countOutcomes(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, rows []map[string]any) (map[string]int, error) {
	res, err := tx.Run(ctx, cypher, map[string]any{"rows": rows})
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	for res.Next(ctx) {
		rec := res.Record()
		o, _ := rec.Values[0].(string)
		n, _ := rec.Values[1].(int64)
		out[o] += int(n)
	}
	return out, res.Err()
}

const knownIDsCypher = `
CALL () { UNWIND $people AS id MATCH (n:Person {id: id}) RETURN collect(id) AS people }
CALL () { UNWIND $skills AS id MATCH (n:Skill {id: id}) RETURN collect(id) AS skills }
CALL () { UNWIND $orgs AS id MATCH (n:Organization {id: id}) RETURN collect(id) AS orgs }
CALL () { MATCH (s:Skill)-[:PART_OF]->(b:Skill) RETURN collect([s.id, b.id]) AS parents }
RETURN {people: people, skills: skills, orgs: orgs, parents: parents} AS known`

// known looks up the ids ds refers to without defining them, and the
// stored skill hierarchy, so validation accepts references to stored data.
func (s *Store) known(ctx context.Context, ds *dataset.Dataset) (dataset.Known, error) {
	people, skills, orgs := ds.Missing()
	return read(ctx, s, "import: look up referenced ids", func(tx neo4j.ManagedTransaction) (dataset.Known, error) {
		m, err := single(ctx, tx, knownIDsCypher, map[string]any{"people": people, "skills": skills, "orgs": orgs},
			func(m map[string]any) map[string]any { return m })
		if err != nil {
			return dataset.Known{}, err
		}
		k := dataset.Known{People: set(strList(m, "people")), Skills: set(strList(m, "skills")),
			Organizations: set(strList(m, "orgs")), SkillParents: map[string]string{}}
		pairs, _ := m["parents"].([]any)
		for _, p := range pairs {
			if pair, ok := p.([]any); ok && len(pair) == 2 {
				child, _ := pair[0].(string)
				parent, _ := pair[1].(string)
				k.SkillParents[child] = parent
			}
		}
		return k, nil
	})
}

func set(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// props drops unset (nil) values: an empty cell never erases a stored value.
func props(kv ...any) map[string]any {
	m := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		if v := kv[i+1]; v != nil {
			m[kv[i].(string)] = v
		}
	}
	return m
}

func text(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func optDate(d *dataset.Date) any {
	if d == nil {
		return nil
	}
	return neo4j.DateOf(d.Time())
}

// Outcome of one row: what the stored node or link looks like before the
// write. changed(o, p) is true when o lacks any of the values in p.
const changedFn = `any(k IN keys(r.props) WHERE o[k] IS NULL OR o[k] <> r.props[k])`

const personImport = `
UNWIND $rows AS r
OPTIONAL MATCH (o:Person {id: r.id})
WITH r, CASE WHEN o IS NULL THEN 'created' WHEN ` + changedFn + ` THEN 'updated' ELSE 'unchanged' END AS outcome
MERGE (p:Person {id: r.id})
ON CREATE SET p.createdAt = datetime(), p.availableToMentor = false, p.mentorCapacity = 0, p.seekingMentorship = false
FOREACH (_ IN CASE WHEN outcome <> 'unchanged' THEN [1] ELSE [] END | SET p += r.props, p.updatedAt = datetime())
RETURN outcome, count(*) AS n`

const personPlan = `
UNWIND $rows AS r
OPTIONAL MATCH (o:Person {id: r.id})
RETURN CASE WHEN o IS NULL THEN 'created' WHEN ` + changedFn + ` THEN 'updated' ELSE 'unchanged' END AS outcome, count(*) AS n`

const skillImport = `
UNWIND $rows AS r
OPTIONAL MATCH (o:Skill {id: r.id})
OPTIONAL MATCH (o)-[:PART_OF]->(ob:Skill)
WITH r, CASE WHEN o IS NULL THEN 'created'
  WHEN ` + changedFn + ` OR (r.parent IS NOT NULL AND coalesce(ob.id, '') <> r.parent) THEN 'updated'
  ELSE 'unchanged' END AS outcome
MERGE (s:Skill {id: r.id})
SET s += r.props
RETURN outcome, count(*) AS n`

const skillPlan = `
UNWIND $rows AS r
OPTIONAL MATCH (o:Skill {id: r.id})
OPTIONAL MATCH (o)-[:PART_OF]->(ob:Skill)
RETURN CASE WHEN o IS NULL THEN 'created'
  WHEN ` + changedFn + ` OR (r.parent IS NOT NULL AND coalesce(ob.id, '') <> r.parent) THEN 'updated'
  ELSE 'unchanged' END AS outcome, count(*) AS n`

// skillParentImport links skills to their broader skill, after every skill
// of the dataset exists. Outcomes were counted with the skill rows.
const skillParentImport = `
UNWIND $rows AS r
MATCH (s:Skill {id: r.id}), (b:Skill {id: r.parent})
WITH s, b WHERE NOT EXISTS { (s)-[:PART_OF]->(b) }
OPTIONAL MATCH (s)-[old:PART_OF]->(:Skill)
DELETE old
MERGE (s)-[:PART_OF]->(b)
RETURN 'linked' AS outcome, count(*) AS n`

const organizationImport = `
UNWIND $rows AS r
OPTIONAL MATCH (o:Organization {id: r.id})
WITH r, CASE WHEN o IS NULL THEN 'created' WHEN ` + changedFn + ` THEN 'updated' ELSE 'unchanged' END AS outcome
MERGE (n:Organization {id: r.id})
SET n += r.props
RETURN outcome, count(*) AS n`

const organizationPlan = `
UNWIND $rows AS r
OPTIONAL MATCH (o:Organization {id: r.id})
RETURN CASE WHEN o IS NULL THEN 'created' WHEN ` + changedFn + ` THEN 'updated' ELSE 'unchanged' END AS outcome, count(*) AS n`

// linkImport builds the write statement of a link kind from its MATCH of
// the two ends (a, b), its optional match of the stored link (o) and the
// CREATE of a new one (l); all are constants of this file.
func linkImport(ends, existing, create string) string {
	return `
UNWIND $rows AS r
` + ends + `
OPTIONAL MATCH ` + existing + `
WITH r, a, b, head(collect(o)) AS o
WITH r, a, b, o, CASE WHEN o IS NULL THEN 'created' WHEN ` + changedFn + ` THEN 'updated' ELSE 'unchanged' END AS outcome
FOREACH (_ IN CASE WHEN o IS NULL THEN [1] ELSE [] END | ` + create + ` SET l = r.props)
FOREACH (_ IN CASE WHEN outcome = 'updated' THEN [1] ELSE [] END | SET o += r.props)
RETURN outcome, count(*) AS n`
}

// linkPlan classifies link rows without writing; ends may not exist yet.
func linkPlan(ends, existing string) string {
	return `
UNWIND $rows AS r
OPTIONAL ` + ends + `
OPTIONAL MATCH ` + existing + `
WITH r, head(collect(o)) AS o
RETURN CASE WHEN o IS NULL THEN 'created' WHEN ` + changedFn + ` THEN 'updated' ELSE 'unchanged' END AS outcome, count(*) AS n`
}

const (
	personSkillEnds = `MATCH (a:Person {id: r.a}), (b:Skill {id: r.b})`
	personSkillOld  = `(a)-[o:HAS_SKILL]->(b)`
	affiliationEnds = `MATCH (a:Person {id: r.a}), (b:Organization {id: r.b})`
	affiliationOld  = `(a)-[o:AFFILIATED_WITH]->(b) WHERE o.since = r.since OR (o.since IS NULL AND r.since IS NULL)`
	mentorshipEnds  = `MATCH (a:Person {id: r.a}), (b:Person {id: r.b})`
	mentorshipOld   = `(a)-[o:MENTORED_BY]->(b)`
	connectionEnds  = `MATCH (a:Person {id: r.a}), (b:Person {id: r.b})`
	connectionOld   = `(a)-[o:KNOWS]-(b)`
)

var (
	personSkillImport = linkImport(personSkillEnds, personSkillOld, `CREATE (a)-[l:HAS_SKILL]->(b)`)
	affiliationImport = linkImport(affiliationEnds, affiliationOld, `CREATE (a)-[l:AFFILIATED_WITH]->(b)`)
	mentorshipImport  = linkImport(mentorshipEnds, mentorshipOld, `CREATE (a)-[l:MENTORED_BY]->(b)`)
	connectionImport  = linkImport(connectionEnds, connectionOld, `CREATE (a)-[l:KNOWS]->(b)`)
)

const goalImport = `
UNWIND $rows AS r
MATCH (p:Person {id: r.person}), (s:Skill {id: r.skill})
OPTIONAL MATCH (owner:Person)-[:HAS_GOAL]->(o:Goal {id: r.id})-[:ABOUT]->(about:Skill)
WITH r, p, s, CASE WHEN o IS NULL THEN 'created'
  WHEN ` + changedFn + ` OR owner.id <> r.person OR about.id <> r.skill THEN 'updated' ELSE 'unchanged' END AS outcome
MERGE (g:Goal {id: r.id})
SET g += r.props
WITH outcome, p, s, g
CALL (g, p, s) {
  OPTIONAL MATCH (other:Person)-[h:HAS_GOAL]->(g) WHERE other <> p
  DELETE h
  WITH DISTINCT g, p, s
  OPTIONAL MATCH (g)-[a:ABOUT]->(x:Skill) WHERE x <> s
  DELETE a
  WITH DISTINCT g, p, s
  MERGE (p)-[:HAS_GOAL]->(g)
  MERGE (g)-[:ABOUT]->(s)
}
RETURN outcome, count(*) AS n`

const goalPlan = `
UNWIND $rows AS r
OPTIONAL MATCH (owner:Person)-[:HAS_GOAL]->(o:Goal {id: r.id})-[:ABOUT]->(about:Skill)
RETURN CASE WHEN o IS NULL THEN 'created'
  WHEN ` + changedFn + ` OR owner.id <> r.person OR about.id <> r.skill THEN 'updated' ELSE 'unchanged' END AS outcome, count(*) AS n`

// kindSkillParent is the step linking skills to their broader skill; its
// rows were counted with the skills.
const kindSkillParent dataset.Kind = "skill_parent"

// importSteps turns ds into the steps of an import, in dependency order.
func importSteps(ds *dataset.Dataset) []importStep {
	var people, skills, parents, orgs, personSkills, affiliations, mentorships, connections, goals []map[string]any
	for _, p := range ds.People {
		people = append(people, map[string]any{"id": p.ID, "props": props("name", text(p.Name), "headline", text(p.Headline),
			"bio", text(p.Bio), "location", text(p.Location), "timezone", text(p.Timezone),
			"availableToMentor", ptrParam(p.AvailableToMentor), "mentorCapacity", ptrParam(p.MentorCapacity),
			"seekingMentorship", ptrParam(p.SeekingMentorship))})
	}
	for _, s := range ds.Skills {
		skills = append(skills, map[string]any{"id": s.ID, "parent": text(s.ParentID),
			"props": props("name", text(s.Name), "category", text(s.Category), "description", text(s.Description))})
		if s.ParentID != "" {
			parents = append(parents, map[string]any{"id": s.ID, "parent": s.ParentID})
		}
	}
	for _, o := range ds.Organizations {
		orgs = append(orgs, map[string]any{"id": o.ID, "props": props("name", text(o.Name), "kind", text(o.Kind))})
	}
	for _, ps := range ds.PersonSkills {
		personSkills = append(personSkills, map[string]any{"a": ps.PersonID, "b": ps.SkillID,
			"props": props("level", ps.Level, "years", ptrParam(ps.Years))})
	}
	for _, a := range ds.Affiliations {
		affiliations = append(affiliations, map[string]any{"a": a.PersonID, "b": a.OrganizationID, "since": optDate(a.Since),
			"props": props("role", text(a.Role), "since", optDate(a.Since), "until", optDate(a.Until))})
	}
	for _, m := range ds.Mentorships {
		status := m.Status
		if status == "" {
			status = "ACTIVE"
			if m.Until != nil {
				status = "ENDED"
			}
		}
		var focus any
		if len(m.Focus) > 0 {
			focus = m.Focus
		}
		mentorships = append(mentorships, map[string]any{"a": m.MenteeID, "b": m.MentorID,
			"props": props("since", optDate(m.Since), "until", optDate(m.Until), "focus", focus, "status", status)})
	}
	for _, c := range ds.Connections {
		connections = append(connections, map[string]any{"a": c.PersonA, "b": c.PersonB, "props": props("since", optDate(c.Since))})
	}
	for _, g := range ds.Goals {
		status := g.Status
		if status == "" {
			status = "OPEN"
		}
		goals = append(goals, map[string]any{"id": g.ID, "person": g.PersonID, "skill": g.SkillID,
			"props": props("title", text(g.Title), "targetLevel", ptrParam(g.TargetLevel), "dueDate", optDate(g.DueDate), "status", status)})
	}
	return []importStep{
		{dataset.KindPerson, people, personImport, personPlan},
		{dataset.KindSkill, skills, skillImport, skillPlan},
		{kindSkillParent, parents, skillParentImport, `UNWIND $rows AS r RETURN 'linked' AS outcome, count(*) AS n`},
		{dataset.KindOrganization, orgs, organizationImport, organizationPlan},
		{dataset.KindPersonSkill, personSkills, personSkillImport, linkPlan(personSkillEnds, personSkillOld)},
		{dataset.KindAffiliation, affiliations, affiliationImport, linkPlan(affiliationEnds, affiliationOld)},
		{dataset.KindMentorship, mentorships, mentorshipImport, linkPlan(mentorshipEnds, mentorshipOld)},
		{dataset.KindConnection, connections, connectionImport, linkPlan(connectionEnds, connectionOld)},
		{dataset.KindGoal, goals, goalImport, goalPlan},
	}
}

const isEmptyCypher = `RETURN {empty: NOT EXISTS { MATCH (:Person) }} AS r`

// IsEmpty reports whether the graph holds no person.
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	return read(ctx, s, "is empty", func(tx neo4j.ManagedTransaction) (bool, error) {
		return single(ctx, tx, isEmptyCypher, nil, func(m map[string]any) bool { return boolVal(m, "empty") })
	})
}

// mergeProblems joins read and validation problems, each once, in file and
// line order (a bad cell is reported by both).
func mergeProblems(read, valid dataset.Problems) dataset.Problems {
	seen := map[dataset.Problem]bool{}
	var out dataset.Problems
	for _, p := range append(slices.Clone(read), valid...) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b dataset.Problem) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Line - b.Line
	})
	return out
}
