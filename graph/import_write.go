package graph

// The write stage of an import: each step's rows in batches, each batch
// classified and written in a transaction of its own (statements in
// import_statements.go).

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// createdNodes maps the ids of the nodes an import created, per kind, to
// their element ids.
type createdNodes map[dataset.Kind]map[string]string

// writeStep writes (or, for a dry run, classifies) the rows of st in
// batches, as importRounds plans them, each batch in a transaction of its
// own, and says what it did. The nodes it creates are added to created,
// which later steps read to create links between new nodes outright.
func (s *Store) writeStep(ctx context.Context, st importStep, stored storedLabels, created createdNodes, opts ImportOptions, progress *importProgress) (KindCounts, error) {
	kc := KindCounts{Kind: st.kind, Rows: st.n}
	if opts.DryRun && st.classify == "" {
		// Nothing to classify, and its rows count with another kind's.
		progress.batchDone(st.kind, st.n, batchOutcome{}, &kc)
		return kc, nil
	}
	start := time.Now()
	run := write[batchOutcome]
	if opts.DryRun {
		run = read[batchOutcome]
	}
	// allNew: no node of the kind was stored when the import began (the
	// steps before this one write no node of it), so every row creates one
	// and none needs classifying (ids are unique within a dataset).
	allNew := st.label != "" && stored.none(st.label)
	// Ends are of earlier steps: created[e.kind] is only read here, while
	// this step's own map is written under mu.
	fresh := func(r map[string]any) []any { return freshRow(st, created, allNew, r) }
	isNew := func(r map[string]any) bool { return newLink(st, created, r) }
	if created[st.kind] == nil {
		created[st.kind] = map[string]string{}
	}
	var mu sync.Mutex
	t := time.Now()
	rounds := importRounds(st, opts.BatchSize, opts.Workers)
	traceSince(string(st.kind)+": rounds", t)
	err := writeRounds(ctx, rounds, opts.BatchSize, opts.Workers, func(rows []int32) error {
		t := time.Now()
		batch := make([]map[string]any, len(rows))
		for j, i := range rows {
			batch[j] = st.row(int(i))
		}
		traceSince(string(st.kind)+": rows", t)
		t = time.Now()
		var workDone time.Time
		attempts := 0
		outcome, err := run(ctx, s, "import "+string(st.kind), func(tx neo4j.ManagedTransaction) (batchOutcome, error) {
			attempts++
			if attempts > 1 {
				// A retry: the attempt before may have committed (the
				// driver retries a commit whose answer was a transient
				// failure, as from a Neo4j shutting down, and Neo4j may
				// have applied it), so every row is classified against
				// what is stored, none created outright.
				out, err := importBatch(ctx, tx, st, batch, noFreshRow, noNewLink, false, opts.DryRun)
				workDone = time.Now()
				return out, err
			}
			out, err := importBatch(ctx, tx, st, batch, fresh, isNew, allNew, opts.DryRun)
			workDone = time.Now()
			return out, err
		})
		if err == nil {
			traceSince(string(st.kind)+": commit", workDone)
			traceSince(string(st.kind)+": transaction", t)
		}
		mu.Lock()
		for id, eid := range outcome.elementIDs {
			created[st.kind][id] = eid
		}
		mu.Unlock()
		if err != nil {
			return fmt.Errorf("importing %s rows %s: %w", st.kind, rowRange(rows), err)
		}
		progress.batchDone(st.kind, len(batch), outcome, &kc)
		return nil
	})
	kc.Duration = time.Since(start)
	return kc, err
}

// noFreshRow and noNewLink make importBatch classify every row (a retried
// batch's).
func noFreshRow(map[string]any) []any { return nil }
func noNewLink(map[string]any) bool   { return false }

// freshRow returns row r of st as a createFresh row when the nodes at its
// ends were created by this import, or nil: for a link kind (which cannot
// exist yet when its ends are new), and for a node kind only when allNew
// (no node of the kind was stored). The row is [a, b, props], and for a
// node kind [a, b, props, id], its ends by element id.
func freshRow(st importStep, created createdNodes, allNew bool, r map[string]any) []any {
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

// newLink reports whether row r of st, a link kind that classifies its
// rows, has an end this import created: such a link cannot be stored yet,
// so it is created without classifying (through the id index; freshRow
// takes the rows whose two ends are new).
func newLink(st importStep, created createdNodes, r map[string]any) bool {
	if st.label != "" || st.classify == "" {
		return false
	}
	for _, e := range st.ends {
		id, _ := r[e.key].(string)
		if _, ok := created[e.kind][id]; ok {
			return true
		}
	}
	return false
}

// batchOutcome is what one batch did: the nodes created (id → element
// id, for node kinds), and counts.
type batchOutcome struct {
	elementIDs                  map[string]string
	created, updated, unchanged int
}

// importBatch classifies a batch (but for fresh rows, which are created
// outright, new links (isNew) and rows of a kind none of which is stored
// (allNew), created too, and rows of a step without classify, written by
// its create) and, unless dryRun, creates and updates the rows that need it.
// The create statement of a node kind returns each new node's id and
// element id.
func importBatch(ctx context.Context, tx neo4j.ManagedTransaction, st importStep, batch []map[string]any,
	fresh func(map[string]any) []any, isNew func(map[string]any) bool, allNew, dryRun bool) (batchOutcome, error) {
	var unknown, newRows []map[string]any
	var freshRows []any
	for _, r := range batch {
		if f := fresh(r); f != nil {
			freshRows = append(freshRows, f)
		} else if isNew(r) {
			newRows = append(newRows, r)
		} else {
			unknown = append(unknown, r)
		}
	}
	byOutcome := map[string][]map[string]any{}
	switch {
	case allNew:
		byOutcome["created"], unknown = unknown, nil
	case st.classify == "":
		byOutcome["linked"], unknown = unknown, nil
	}
	if len(unknown) > 0 {
		var err error
		if byOutcome, err = classifyRows(ctx, tx, st, unknown); err != nil {
			return batchOutcome{}, err
		}
	}
	byOutcome["created"] = append(byOutcome["created"], newRows...)
	out := batchOutcome{created: len(freshRows) + len(byOutcome["created"]),
		updated: len(byOutcome["updated"]), unchanged: len(byOutcome["unchanged"])}
	if dryRun {
		return out, nil
	}
	if st.lockHierarchy {
		t := time.Now()
		if err := lockSkillHierarchy(ctx, tx); err != nil {
			return batchOutcome{}, err
		}
		traceSince(string(st.kind)+": lock", t)
	}
	if len(freshRows) > 0 {
		t := time.Now()
		if err := exec(ctx, tx, st.createFresh, map[string]any{"rows": freshRows}); err != nil {
			return batchOutcome{}, err
		}
		traceSince(string(st.kind)+": create fresh", t)
	}
	if rows := byOutcome["created"]; len(rows) > 0 {
		t := time.Now()
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
		traceSince(string(st.kind)+": create", t)
	}
	for _, w := range []struct {
		what, cypher string
		rows         []map[string]any
	}{{"link", st.create, byOutcome["linked"]}, {"update", st.update, byOutcome["updated"]}} {
		if len(w.rows) == 0 {
			continue
		}
		t := time.Now()
		if err := exec(ctx, tx, w.cypher, map[string]any{"rows": w.rows}); err != nil {
			return batchOutcome{}, err
		}
		traceSince(string(st.kind)+": "+w.what, t)
	}
	return out, nil
}

// classifyRows runs st's classify statement on rows and returns them by
// outcome ("created", "updated", "unchanged").
func classifyRows(ctx context.Context, tx neo4j.ManagedTransaction, st importStep, rows []map[string]any) (map[string][]map[string]any, error) {
	t := time.Now()
	res, err := tx.Run(ctx, st.classify, map[string]any{"rows": rows})
	if err != nil {
		return nil, err
	}
	byIndex := make(map[int]map[string]any, len(rows))
	for _, r := range rows {
		byIndex[r["i"].(int)] = r
	}
	byOutcome := map[string][]map[string]any{}
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
		return nil, err
	}
	traceSince(string(st.kind)+": classify", t)
	return byOutcome, nil
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
		return single(ctx, tx, anyStoredCypher(label), nil,
			func(m map[string]any) bool { return boolVal(m, "any") })
	})
}

// anyStoredCypher asks whether any node has the label.
func anyStoredCypher(label string) string {
	return `RETURN {any: EXISTS { MATCH (:` + label + `) }} AS r`
}
