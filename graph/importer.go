package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
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
// transactions (links between people in rounds, see importsched.go). A
// run cut short (process killed) leaves some of the batches written;
// running the same import again completes it and ends in exactly the graph
// one uninterrupted run makes.
//
// An import records what its files say. Unlike RecordMentorship it checks
// no mentor's capacity: a file may give a mentor more active mentees than
// their mentorCapacity (history does), and coverage shows them overloaded.
// It keys memberships by their start date (a file may give a person's past
// memberships of an organization) but, like AddAffiliation, allows at most
// one current membership (no until) of a person in an organization: a row
// that would add a second one, beside an earlier row or beside a stored
// current membership the file neither repeats nor ends, is a problem. It
// takes none of the API's locks on people and organizations (lockNodes):
// an import is not meant to run beside API writes to the same links. Its
// writes of the skill hierarchy take the hierarchy's lock
// (lockSkillHierarchy), as the API's do.

// ImportOptions steer Import.
type ImportOptions struct {
	// DryRun validates and counts what would be created, updated or left
	// unchanged, writing nothing.
	DryRun bool
	// BatchSize is the number of rows per transaction (default 10,000).
	BatchSize int
	// Workers is how many batches of one kind are written at once
	// (default 2); kinds are still written one after the other.
	Workers int
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
	Duration  time.Duration
}

// ImportReport is the outcome of Import.
type ImportReport struct {
	Kinds []KindCounts
	Rows  int
	// IndexDuration is the time spent refreshing the open-mentor index
	// (see mentorindex.go) after the writes; part of Duration.
	IndexDuration time.Duration
	Duration      time.Duration
	DryRun        bool
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
	kind dataset.Kind
	// n is the number of rows; row(i) builds the parameters of row i.
	n                        int
	row                      func(i int) map[string]any
	classify, create, update string
	// ends, for a link kind, names the node kinds of its two ends and the
	// row keys holding their ids. A link whose two ends this import just
	// created cannot exist yet: it is created without classifying it, by
	// createFresh, which finds the ends by the element ids their creation
	// returned (rows [a, b, props]) rather than through the id index.
	ends [2]struct {
		kind dataset.Kind
		key  string
	}
	createFresh string
	// label, for a node kind, is its nodes' label. When no node has it,
	// every row is created without classifying it, and createFresh (if
	// any) writes the rows whose ends this import created, given as
	// [a, b, props, id].
	label string
	// pair, for links between two people, returns the ids of row i's two
	// ends, so its rows can be written in rounds (see importRounds).
	pair func(i int) (a, b string)
	// createRow, when set, turns a row classified "created" into the row
	// create takes, given the import's clock.
	createRow func(r map[string]any, now time.Time) map[string]any
	// lockHierarchy: the step writes PART_OF links, each batch in a
	// transaction of its own, so each batch takes the skill hierarchy's
	// lock (lockSkillHierarchy) before it writes.
	lockHierarchy bool
}

// Import validates ds against the database and writes it (see above).
func (s *Store) Import(ctx context.Context, ds *dataset.Dataset, opts ImportOptions) (ImportReport, error) {
	start := time.Now()
	if opts.BatchSize <= 0 {
		opts.BatchSize = 10000
	}
	if opts.Workers <= 0 {
		opts.Workers = 2
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
		if st.kind != kindSkillParent {
			total += st.n
		}
	}
	report := ImportReport{DryRun: opts.DryRun}
	done := 0
	// created maps the ids of the nodes this import creates, per kind, to
	// their element ids.
	created := map[dataset.Kind]map[string]string{}
	for _, st := range steps {
		kc := KindCounts{Kind: st.kind, Rows: st.n}
		kindStart := time.Now()
		run := write[batchOutcome]
		if opts.DryRun {
			run = read[batchOutcome]
		}
		// allNew: no node of the kind is stored, so every row creates one
		// and none needs classifying (ids are unique within a dataset).
		allNew := false
		if st.label != "" && st.n > 0 {
			stored, err := s.anyStored(ctx, st.label)
			if err != nil {
				return report, err
			}
			allNew = !stored
		}
		// fresh returns a row whose ends this import created as a
		// createFresh row, or nil: for a link kind (which cannot exist yet
		// when its ends are new), and for a node kind only when allNew.
		// Ends are of earlier steps: created is only read here.
		fresh := func(r map[string]any) []any {
			if st.createFresh == "" || (st.label != "" && !allNew) {
				return nil
			}
			row := make([]any, 0, 4)
			for _, e := range st.ends {
				id, _ := r[e.key].(string)
				eid, ok := created[e.kind][id]
				if !ok {
					return nil
				}
				row = append(row, eid)
			}
			row = append(row, r["props"])
			if st.label != "" {
				row = append(row, r["id"])
			}
			return row
		}
		if created[st.kind] == nil {
			created[st.kind] = map[string]string{}
		}
		var mu sync.Mutex
		err := writeRounds(ctx, importRounds(st, opts.BatchSize, opts.Workers), opts.BatchSize, opts.Workers, func(rows []int32) error {
			batch := make([]map[string]any, len(rows))
			for j, i := range rows {
				batch[j] = st.row(int(i))
			}
			outcomes, err := run(ctx, s, "import "+string(st.kind), func(tx neo4j.ManagedTransaction) (batchOutcome, error) {
				return importBatch(ctx, tx, st, batch, fresh, allNew, opts.DryRun)
			})
			mu.Lock()
			defer mu.Unlock()
			for id, eid := range outcomes.elementIDs {
				created[st.kind][id] = eid
			}
			if err != nil {
				return fmt.Errorf("importing %s rows %s: %w", st.kind, rowRange(rows), err)
			}
			kc.Created += outcomes.created
			kc.Updated += outcomes.updated
			kc.Unchanged += outcomes.unchanged
			if st.kind != kindSkillParent {
				done += len(batch)
			}
			if opts.Progress != nil {
				opts.Progress(done, total)
			}
			return nil
		})
		if err != nil {
			return report, err
		}
		kc.Duration = time.Since(kindStart)
		if st.kind != kindSkillParent {
			report.Kinds = append(report.Kinds, kc)
			report.Rows += kc.Rows
		}
	}
	if !opts.DryRun {
		// The open-mentor index of everyone the files touch, changed or
		// not: so a run that completes an interrupted one repairs it too.
		indexStart := time.Now()
		if err := s.refreshMentorIndexOf(ctx, mentorIndexPeople(ds)); err != nil {
			return report, err
		}
		report.IndexDuration = time.Since(indexStart)
	}
	report.Duration = time.Since(start)
	return report, nil
}

// mentorIndexPeople are the people of ds whose open-mentor index links an
// import may change: everyone in people, person skills, and the mentors of
// mentorships, each once.
func mentorIndexPeople(ds *dataset.Dataset) []string {
	seen := make(map[string]bool, len(ds.People))
	var ids []string
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, p := range ds.People {
		add(p.ID)
	}
	for _, ps := range ds.PersonSkills {
		add(ps.PersonID)
	}
	for _, m := range ds.Mentorships {
		add(m.MentorID)
	}
	return ids
}

// batchOutcome is what one batch did: the nodes created (id → element
// id, for node kinds), and counts.
type batchOutcome struct {
	elementIDs                  map[string]string
	created, updated, unchanged int
}

// importBatch classifies a batch (but for fresh rows, which are created
// outright) and, unless dryRun, creates and updates the rows that need it.
// The create statement of a node kind returns each new node's id and
// element id.
func importBatch(ctx context.Context, tx neo4j.ManagedTransaction, st importStep, batch []map[string]any,
	fresh func(map[string]any) []any, allNew, dryRun bool) (batchOutcome, error) {
	byOutcome := map[string][]map[string]any{}
	var unknown []map[string]any
	var freshRows []any
	for _, r := range batch {
		if f := fresh(r); f != nil {
			freshRows = append(freshRows, f)
		} else {
			unknown = append(unknown, r)
		}
	}
	if allNew {
		byOutcome["created"], unknown = unknown, nil
	}
	if len(unknown) > 0 {
		res, err := tx.Run(ctx, st.classify, map[string]any{"rows": unknown})
		if err != nil {
			return batchOutcome{}, err
		}
		byIndex := make(map[int]map[string]any, len(unknown))
		for _, r := range unknown {
			byIndex[r["i"].(int)] = r
		}
		for res.Next(ctx) {
			rec := res.Record()
			o, _ := rec.Values[0].(string)
			idx, _ := rec.Values[1].([]any)
			for _, v := range idx {
				n, _ := v.(int64)
				byOutcome[o] = append(byOutcome[o], byIndex[int(n)])
			}
		}
		if err := res.Err(); err != nil {
			return batchOutcome{}, err
		}
	}
	out := batchOutcome{created: len(freshRows) + len(byOutcome["created"]),
		updated: len(byOutcome["updated"]), unchanged: len(byOutcome["unchanged"])}
	if dryRun {
		return out, nil
	}
	if st.lockHierarchy {
		if err := lockSkillHierarchy(ctx, tx); err != nil {
			return batchOutcome{}, err
		}
	}
	if len(freshRows) > 0 {
		if err := exec(ctx, tx, st.createFresh, map[string]any{"rows": freshRows}); err != nil {
			return batchOutcome{}, err
		}
	}
	if rows := byOutcome["created"]; len(rows) > 0 {
		if st.createRow != nil {
			now := time.Now().UTC()
			for i, r := range rows {
				rows[i] = st.createRow(r, now)
			}
		}
		res, err := tx.Run(ctx, st.create, map[string]any{"rows": rows})
		if err != nil {
			return batchOutcome{}, err
		}
		for res.Next(ctx) {
			pairs, _ := res.Record().Values[0].([]any)
			out.elementIDs = make(map[string]string, len(pairs))
			for _, p := range pairs {
				pair, _ := p.([]any)
				if len(pair) == 2 {
					id, _ := pair[0].(string)
					eid, _ := pair[1].(string)
					out.elementIDs[id] = eid
				}
			}
		}
		if err := res.Err(); err != nil {
			return batchOutcome{}, err
		}
	}
	for _, w := range []struct {
		cypher string
		rows   []map[string]any
	}{{st.create, byOutcome["linked"]}, {st.update, byOutcome["updated"]}} {
		if len(w.rows) == 0 {
			continue
		}
		if err := exec(ctx, tx, w.cypher, map[string]any{"rows": w.rows}); err != nil {
			return batchOutcome{}, err
		}
	}
	return out, nil
}

const knownIDsCypher = `
CALL () { UNWIND $people AS id MATCH (n:Person {id: id}) RETURN collect(id) AS people }
CALL () { UNWIND $skills AS id MATCH (n:Skill {id: id}) RETURN collect(id) AS skills }
CALL () { UNWIND $orgs AS id MATCH (n:Organization {id: id}) RETURN collect(id) AS orgs }
CALL () { MATCH (s:Skill)-[:PART_OF]->(b:Skill) RETURN collect([s.id, b.id]) AS parents }
CALL () {
  WITH $currentPairs AS pairs WHERE EXISTS { MATCH (:Person)-[:AFFILIATED_WITH]->(:Organization) }
  UNWIND pairs AS pair
  MATCH (:Person {id: pair[0]})-[a:AFFILIATED_WITH]->(:Organization {id: pair[1]})
  RETURN collect([pair[0], pair[1], a.role, a.since, a.until]) AS memberships
}
RETURN {people: people, skills: skills, orgs: orgs, parents: parents, memberships: memberships} AS known`

// known looks up the ids ds refers to without defining them, the stored
// skill hierarchy, and the stored memberships of the people and
// organizations ds gives a current membership, so validation accepts
// references to stored data and sees what the import adds to.
func (s *Store) known(ctx context.Context, ds *dataset.Dataset) (dataset.Known, error) {
	people, skills, orgs := ds.Missing()
	currentPairs := []any{}
	for _, p := range ds.CurrentAffiliationPairs() {
		currentPairs = append(currentPairs, []string{p.PersonID, p.OrganizationID})
	}
	return read(ctx, s, "import: look up referenced ids", func(tx neo4j.ManagedTransaction) (dataset.Known, error) {
		m, err := single(ctx, tx, knownIDsCypher, map[string]any{"people": people, "skills": skills, "orgs": orgs, "currentPairs": currentPairs},
			func(m map[string]any) map[string]any { return m })
		if err != nil {
			return dataset.Known{}, err
		}
		k := dataset.Known{People: set(strList(m, "people")), Skills: set(strList(m, "skills")),
			Organizations: set(strList(m, "orgs")), SkillParents: map[string]string{},
			Affiliations: map[dataset.PersonOrganization][]dataset.StoredAffiliation{}}
		pairs, _ := m["parents"].([]any)
		for _, p := range pairs {
			if pair, ok := p.([]any); ok && len(pair) == 2 {
				child, _ := pair[0].(string)
				parent, _ := pair[1].(string)
				k.SkillParents[child] = parent
			}
		}
		memberships, _ := m["memberships"].([]any)
		for _, v := range memberships {
			if row, ok := v.([]any); ok && len(row) == 5 {
				person, _ := row[0].(string)
				org, _ := row[1].(string)
				role, _ := row[2].(string)
				pair := dataset.PersonOrganization{PersonID: person, OrganizationID: org}
				k.Affiliations[pair] = append(k.Affiliations[pair], dataset.StoredAffiliation{Role: role,
					Since: datasetDate(row[3]), Until: datasetDate(row[4])})
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

// Each kind has three statements. classify reads the stored state of every
// row of a batch and returns the row indexes (r.i) per outcome: "created"
// (nothing stored), "updated" (a value differs) or "unchanged". create and
// update then write only the rows that need it, in the same transaction;
// a dry run runs classify alone. Splitting them keeps the common case of a
// first import to plain CREATEs, the fastest write Neo4j has.

// changedFn is true when the stored o lacks any of the row's values.
const changedFn = `any(k IN keys(r.props) WHERE o[k] IS NULL OR o[k] <> r.props[k])`

// outcomeOf classifies a row from its stored o (null when absent).
const outcomeOf = `CASE WHEN o IS NULL THEN 'created' WHEN ` + changedFn + ` THEN 'updated' ELSE 'unchanged' END`

const groupOutcomes = `
RETURN outcome, collect(r.i) AS rows`

const (
	personClassify = `
UNWIND $rows AS r
OPTIONAL MATCH (o:Person {id: r.id})
WITH r, ` + outcomeOf + ` AS outcome` + groupOutcomes
	// personCreate's rows are whole property maps (personCreateRow): one
	// SET per row is the cheapest write of a node with many properties.
	personCreate = `
UNWIND $rows AS r
CREATE (p:Person)
SET p = r
RETURN collect([r.id, elementId(p)])`
	personUpdate = `
WITH datetime() AS now
UNWIND $rows AS r
MATCH (p:Person {id: r.id})
SET p += r.props, p.updatedAt = now`

	skillClassify = `
UNWIND $rows AS r
OPTIONAL MATCH (o:Skill {id: r.id})
WITH r, o, [(o)-[:PART_OF]->(b:Skill) | b.id][0] AS parent
WITH r, CASE WHEN o IS NULL THEN 'created'
  WHEN ` + changedFn + ` OR (r.parent IS NOT NULL AND coalesce(parent, '') <> r.parent) THEN 'updated'
  ELSE 'unchanged' END AS outcome` + groupOutcomes
	skillCreate = `
UNWIND $rows AS r
CREATE (s:Skill {id: r.id})
SET s += r.props
RETURN collect([r.id, elementId(s)])`
	skillUpdate = `
UNWIND $rows AS r
MATCH (s:Skill {id: r.id})
SET s += r.props`

	// skillParentImport links skills to their broader skill once every
	// skill of the dataset exists; its rows were counted with the skills.
	skillParentImport = `
UNWIND $rows AS r
MATCH (s:Skill {id: r.id}), (b:Skill {id: r.parent})
WITH s, b WHERE NOT EXISTS { (s)-[:PART_OF]->(b) }
OPTIONAL MATCH (s)-[old:PART_OF]->(:Skill)
DELETE old
MERGE (s)-[:PART_OF]->(b)`
	skillParentClassify = `
UNWIND $rows AS r
RETURN 'linked' AS outcome, collect(r.i) AS rows`

	organizationClassify = `
UNWIND $rows AS r
OPTIONAL MATCH (o:Organization {id: r.id})
WITH r, ` + outcomeOf + ` AS outcome` + groupOutcomes
	organizationCreate = `
UNWIND $rows AS r
CREATE (n:Organization {id: r.id})
SET n += r.props
RETURN collect([r.id, elementId(n)])`
	organizationUpdate = `
UNWIND $rows AS r
MATCH (n:Organization {id: r.id})
SET n += r.props`
)

// linkStatements builds a link kind's statements from constants of this
// file: the two ends (a, b), the stored link (o) and the CREATE of a new one (l).
func linkStatements(aLabel, bLabel, existing, create string) (classify, createQ, update, createFresh string) {
	ends := `(a:` + aLabel + ` {id: r.a}), (b:` + bLabel + ` {id: r.b})`
	classify = `
UNWIND $rows AS r
OPTIONAL MATCH ` + ends + `
OPTIONAL MATCH ` + existing + `
WITH r, head(collect(o)) AS o
WITH r, ` + outcomeOf + ` AS outcome` + groupOutcomes
	createQ = `
UNWIND $rows AS r
MATCH ` + ends + `
` + create + `
SET l = r.props`
	update = `
UNWIND $rows AS r
MATCH ` + ends + `
MATCH ` + existing + `
WITH r, head(collect(o)) AS o
SET o += r.props`
	createFresh = `
UNWIND $rows AS r
MATCH (a:` + aLabel + `) WHERE elementId(a) = r[0]
MATCH (b:` + bLabel + `) WHERE elementId(b) = r[1]
` + create + `
SET l = r[2]`
	return
}

var (
	personSkillClassify, personSkillCreate, personSkillUpdate, personSkillFresh = linkStatements("Person", "Skill",
		`(a)-[o:HAS_SKILL]->(b)`, `CREATE (a)-[l:HAS_SKILL]->(b)`)
	affiliationClassify, affiliationCreate, affiliationUpdate, affiliationFresh = linkStatements("Person", "Organization",
		`(a)-[o:AFFILIATED_WITH]->(b) WHERE o.since = r.since OR (o.since IS NULL AND r.since IS NULL)`, `CREATE (a)-[l:AFFILIATED_WITH]->(b)`)
	mentorshipClassify, mentorshipCreate, mentorshipUpdate, mentorshipFresh = linkStatements("Person", "Person",
		`(a)-[o:MENTORED_BY]->(b)`, `CREATE (a)-[l:MENTORED_BY]->(b)`)
	connectionClassify, connectionCreate, connectionUpdate, connectionFresh = linkStatements("Person", "Person",
		`(a)-[o:KNOWS]-(b)`, `CREATE (a)-[l:KNOWS]->(b)`)
)

const (
	goalClassify = `
UNWIND $rows AS r
OPTIONAL MATCH (owner:Person)-[:HAS_GOAL]->(o:Goal {id: r.id})-[:ABOUT]->(about:Skill)
WITH r, CASE WHEN o IS NULL THEN 'created'
  WHEN ` + changedFn + ` OR owner.id <> r.person OR about.id <> r.skill THEN 'updated' ELSE 'unchanged' END AS outcome` + groupOutcomes
	// goalCreateFresh's rows are [person, skill, props, id], the two
	// ends by element id.
	goalCreateFresh = `
UNWIND $rows AS r
MATCH (p:Person) WHERE elementId(p) = r[0]
MATCH (s:Skill) WHERE elementId(s) = r[1]
CREATE (p)-[:HAS_GOAL]->(g:Goal)-[:ABOUT]->(s)
SET g = r[2], g.id = r[3]`
	goalCreate = `
UNWIND $rows AS r
MATCH (p:Person {id: r.person}), (s:Skill {id: r.skill})
CREATE (p)-[:HAS_GOAL]->(g:Goal {id: r.id})-[:ABOUT]->(s)
SET g += r.props`
	goalUpdate = `
UNWIND $rows AS r
MATCH (p:Person {id: r.person}), (s:Skill {id: r.skill}), (g:Goal {id: r.id})
SET g += r.props
WITH g, p, s
CALL (g, p, s) {
  OPTIONAL MATCH (other:Person)-[h:HAS_GOAL]->(g) WHERE other <> p
  DELETE h
  WITH DISTINCT g, p, s
  OPTIONAL MATCH (g)-[a:ABOUT]->(x:Skill) WHERE x <> s
  DELETE a
  WITH DISTINCT g, p, s
  MERGE (p)-[:HAS_GOAL]->(g)
  MERGE (g)-[:ABOUT]->(s)
}`
)

// personCreateRow is the whole property map of a new person: the
// defaults a person created through the API gets, then the row's values.
func personCreateRow(r map[string]any, now time.Time) map[string]any {
	props, _ := r["props"].(map[string]any)
	m := make(map[string]any, len(props)+6)
	m["id"], m["availableToMentor"], m["mentorCapacity"], m["seekingMentorship"] = r["id"], false, 0, false
	m["createdAt"], m["updatedAt"] = now, now
	for k, v := range props {
		m[k] = v
	}
	return m
}

// kindSkillParent is the step linking skills to their broader skill; its
// rows were counted with the skills.
const kindSkillParent dataset.Kind = "skill_parent"

// importSteps turns ds into the steps of an import, in dependency order.
// Rows are built a batch at a time (row(i)), so memory stays bounded by the
// batches in flight rather than the size of the dataset.
func importSteps(ds *dataset.Dataset) []importStep {
	var parents []int
	for i, s := range ds.Skills {
		if s.ParentID != "" {
			parents = append(parents, i)
		}
	}
	type end = struct {
		kind dataset.Kind
		key  string
	}
	person, skill, org := dataset.KindPerson, dataset.KindSkill, dataset.KindOrganization
	return []importStep{
		{kind: person, n: len(ds.People), label: "Person", classify: personClassify, create: personCreate, update: personUpdate, createRow: personCreateRow,
			row: func(i int) map[string]any {
				p := ds.People[i]
				return map[string]any{"i": i, "id": p.ID, "props": props("name", text(p.Name), "headline", text(p.Headline),
					"bio", text(p.Bio), "location", text(p.Location), "timezone", text(p.Timezone),
					"availableToMentor", ptrParam(p.AvailableToMentor), "mentorCapacity", ptrParam(p.MentorCapacity),
					"seekingMentorship", ptrParam(p.SeekingMentorship))}
			}},
		{kind: skill, n: len(ds.Skills), classify: skillClassify, create: skillCreate, update: skillUpdate,
			row: func(i int) map[string]any {
				s := ds.Skills[i]
				return map[string]any{"i": i, "id": s.ID, "parent": text(s.ParentID),
					"props": props("name", text(s.Name), "category", text(s.Category), "description", text(s.Description))}
			}},
		{kind: kindSkillParent, n: len(parents), classify: skillParentClassify, create: skillParentImport, lockHierarchy: true,
			row: func(i int) map[string]any {
				s := ds.Skills[parents[i]]
				return map[string]any{"i": i, "id": s.ID, "parent": s.ParentID}
			}},
		{kind: org, n: len(ds.Organizations), label: "Organization", classify: organizationClassify, create: organizationCreate, update: organizationUpdate,
			row: func(i int) map[string]any {
				o := ds.Organizations[i]
				return map[string]any{"i": i, "id": o.ID, "props": props("name", text(o.Name), "kind", text(o.Kind))}
			}},
		{kind: dataset.KindPersonSkill, n: len(ds.PersonSkills), ends: [2]end{{person, "a"}, {skill, "b"}},
			classify: personSkillClassify, create: personSkillCreate, update: personSkillUpdate, createFresh: personSkillFresh,
			row: func(i int) map[string]any {
				ps := ds.PersonSkills[i]
				return map[string]any{"i": i, "a": ps.PersonID, "b": ps.SkillID, "props": props("level", ps.Level, "years", ptrParam(ps.Years))}
			}},
		{kind: dataset.KindAffiliation, n: len(ds.Affiliations), ends: [2]end{{person, "a"}, {org, "b"}},
			classify: affiliationClassify, create: affiliationCreate, update: affiliationUpdate, createFresh: affiliationFresh,
			row: func(i int) map[string]any {
				a := ds.Affiliations[i]
				return map[string]any{"i": i, "a": a.PersonID, "b": a.OrganizationID, "since": optDate(a.Since),
					"props": props("role", text(a.Role), "since", optDate(a.Since), "until", optDate(a.Until))}
			}},
		{kind: dataset.KindMentorship, n: len(ds.Mentorships), ends: [2]end{{person, "a"}, {person, "b"}},
			classify: mentorshipClassify, create: mentorshipCreate, update: mentorshipUpdate, createFresh: mentorshipFresh,
			pair: func(i int) (string, string) { return ds.Mentorships[i].MenteeID, ds.Mentorships[i].MentorID },
			row: func(i int) map[string]any {
				m := ds.Mentorships[i]
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
				return map[string]any{"i": i, "a": m.MenteeID, "b": m.MentorID,
					"props": props("since", optDate(m.Since), "until", optDate(m.Until), "focus", focus, "status", status)}
			}},
		{kind: dataset.KindConnection, n: len(ds.Connections), ends: [2]end{{person, "a"}, {person, "b"}},
			classify: connectionClassify, create: connectionCreate, update: connectionUpdate, createFresh: connectionFresh,
			pair: func(i int) (string, string) { return ds.Connections[i].PersonA, ds.Connections[i].PersonB },
			row: func(i int) map[string]any {
				c := ds.Connections[i]
				return map[string]any{"i": i, "a": c.PersonA, "b": c.PersonB, "props": props("since", optDate(c.Since))}
			}},
		{kind: dataset.KindGoal, n: len(ds.Goals), label: "Goal", ends: [2]end{{person, "person"}, {skill, "skill"}},
			classify: goalClassify, create: goalCreate, update: goalUpdate, createFresh: goalCreateFresh,
			row: func(i int) map[string]any {
				g := ds.Goals[i]
				status := g.Status
				if status == "" {
					status = "OPEN"
				}
				return map[string]any{"i": i, "id": g.ID, "person": g.PersonID, "skill": g.SkillID,
					"props": props("title", text(g.Title), "targetLevel", ptrParam(g.TargetLevel), "dueDate", optDate(g.DueDate), "status", status)}
			}},
	}
}

// IsEmpty reports whether the graph holds no person.
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	people, err := s.anyStored(ctx, "Person")
	return !people, err
}

// anyStored reports whether any node has the label, one of the model's
// (a label cannot be a Cypher parameter; it never comes from input).
func (s *Store) anyStored(ctx context.Context, label string) (bool, error) {
	return read(ctx, s, "any "+label+" stored", func(tx neo4j.ManagedTransaction) (bool, error) {
		return single(ctx, tx, `RETURN {any: EXISTS { MATCH (:`+label+`) }} AS r`, nil,
			func(m map[string]any) bool { return boolVal(m, "any") })
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
