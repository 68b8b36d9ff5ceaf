package graph

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Backups: everything a user saved, nodes and relationships with every
// property, read in one read transaction (a consistent snapshot) and
// written back into an empty database all or nothing.
//
// A backup is two streams of JSON lines: nodes ({"label", "props"}) and
// relationships ({"type", "from": [label, id], "to": [label, id],
// "props"}). Every node a backup holds has one of backupLabels and an id.
// Left out, because they are remade or must not come back: sign-in
// sessions (restoring them would bring back signed-out cookies; people
// sign in again), the open-mentor links (derived: Restore rebuilds them)
// and the MentorGraphMeta nodes (ApplySchema's bookkeeping). A label or a
// relationship type this version does not know stops the backup: nothing
// is left out silently. Property values keep their types: integers as
// JSON numbers, other numbers as {"$float": x}, dates as {"$date":
// "2024-01-03"}, date-times as {"$datetime": RFC 3339}.

// backupLabels are the labels of the nodes a backup holds (each keyed by
// id).
var backupLabels = []string{"Person", "Skill", "Organization", "Goal", "Account", "ApiToken"}

// backupShapes are the relationships a backup holds: each type with the
// labels of its ends.
var backupShapes = []backupShape{
	{"KNOWS", "Person", "Person"}, {"MENTORED_BY", "Person", "Person"}, {"MENTORSHIP_REQUEST", "Person", "Person"},
	{"HAS_SKILL", "Person", "Skill"}, {"PART_OF", "Skill", "Skill"}, {"AFFILIATED_WITH", "Person", "Organization"},
	{"HAS_GOAL", "Person", "Goal"}, {"ABOUT", "Goal", "Skill"},
	{"IS", "Account", "Person"}, {"ORGANIZES", "Account", "Organization"}, {"HAS_TOKEN", "Account", "ApiToken"},
}

type backupShape struct{ typ, from, to string }

// restoreRelationshipCypher creates a batch of relationships of one shape,
// and counts them (a line whose ends are missing creates nothing): one
// statement per shape, never a name from the input.
var restoreRelationshipCypher = func() map[backupShape]string {
	m := map[backupShape]string{}
	for _, sh := range backupShapes {
		m[sh] = `UNWIND $rows AS row
MATCH (a:` + sh.from + ` {id: row.from})
MATCH (b:` + sh.to + ` {id: row.to})
CREATE (a)-[r:` + sh.typ + `]->(b)
SET r = row.props
RETURN {created: count(r)} AS r`
	}
	return m
}()

// BackupCounts counts what a backup holds, by label and by type.
type BackupCounts struct {
	Nodes         map[string]int `json:"nodes"`
	Relationships map[string]int `json:"relationships"`
}

// backupNode and backupRelationship are the lines of a backup.
type backupNode struct {
	Label string         `json:"label"`
	Props map[string]any `json:"props"`
}

type backupRelationship struct {
	Type  string         `json:"type"`
	From  [2]string      `json:"from"`
	To    [2]string      `json:"to"`
	Props map[string]any `json:"props"`
}

const (
	backupNodesCypher = `MATCH (n) WHERE NOT n:Session AND NOT n:MentorGraphMeta
RETURN labels(n) AS labels, properties(n) AS props`
	backupRelationshipsCypher = `MATCH (a)-[r]->(b)
WHERE NOT type(r) STARTS WITH 'CAN_MENTOR_' AND NOT a:Session AND NOT b:Session AND NOT a:MentorGraphMeta AND NOT b:MentorGraphMeta
RETURN type(r) AS type, labels(a) AS fromLabels, a.id AS fromId, labels(b) AS toLabels, b.id AS toId, properties(r) AS props`
)

// Backup writes every node of the database to nodes and every
// relationship to relationships (see above), read in one read transaction,
// and returns what it wrote. A failure part-way leaves the writers with
// part of it: the caller keeps a backup only when Backup returns no error.
func (s *Store) Backup(ctx context.Context, nodes, relationships io.Writer) (BackupCounts, error) {
	counts := BackupCounts{Nodes: map[string]int{}, Relationships: map[string]int{}}
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	// One explicit transaction, not a retried one: a retry would write the
	// lines again after those already written.
	tx, err := sess.BeginTransaction(ctx)
	if err != nil {
		return counts, translate("back up", err)
	}
	defer tx.Close(ctx)
	nw, rw := bufio.NewWriterSize(nodes, 64<<10), bufio.NewWriterSize(relationships, 64<<10)
	nenc, renc := json.NewEncoder(nw), json.NewEncoder(rw)
	err = streamRows(ctx, tx, backupNodesCypher, func(rec *neo4j.Record) error {
		labels, props := rec.Values[0].([]any), rec.Values[1].(map[string]any)
		label, err := backupLabelOf(labels)
		if err != nil {
			return err
		}
		enc, err := encodeProps(props)
		if err != nil {
			return fmt.Errorf("%s %v: %w", label, props["id"], err)
		}
		counts.Nodes[label]++
		return nenc.Encode(backupNode{label, enc})
	})
	if err != nil {
		return counts, err
	}
	err = streamRows(ctx, tx, backupRelationshipsCypher, func(rec *neo4j.Record) error {
		typ, _ := rec.Values[0].(string)
		from, err := backupLabelOf(rec.Values[1].([]any))
		if err != nil {
			return err
		}
		to, err := backupLabelOf(rec.Values[3].([]any))
		if err != nil {
			return err
		}
		if _, ok := restoreRelationshipCypher[backupShape{typ, from, to}]; !ok {
			return fmt.Errorf("a relationship %s from a %s to a %s: this version of MentorGraph does not know it, so it cannot back it up", typ, from, to)
		}
		fromID, _ := rec.Values[2].(string)
		toID, _ := rec.Values[4].(string)
		enc, err := encodeProps(rec.Values[5].(map[string]any))
		if err != nil {
			return fmt.Errorf("%s from %q to %q: %w", typ, fromID, toID, err)
		}
		counts.Relationships[typ]++
		return renc.Encode(backupRelationship{typ, [2]string{from, fromID}, [2]string{to, toID}, enc})
	})
	if err != nil {
		return counts, err
	}
	if err := nw.Flush(); err != nil {
		return counts, err
	}
	return counts, rw.Flush()
}

// streamRows runs cypher in tx and calls row with each record as it comes.
func streamRows(ctx context.Context, tx neo4j.ExplicitTransaction, cypher string, row func(*neo4j.Record) error) error {
	s := time.Now()
	res, err := tx.Run(ctx, cypher, nil)
	if err != nil {
		return translate("back up", err)
	}
	for res.Next(ctx) {
		if err := row(res.Record()); err != nil {
			return err
		}
	}
	traceSince("backup: "+strings.Fields(cypher)[1], s)
	return translate("back up", res.Err())
}

// backupLabelOf is the one label of backupLabels a node has.
func backupLabelOf(labels []any) (string, error) {
	if len(labels) == 1 {
		if l, _ := labels[0].(string); slices.Contains(backupLabels, l) {
			return l, nil
		}
	}
	return "", fmt.Errorf("a node labelled %v: this version of MentorGraph does not know it, so it cannot back it up", labels)
}

// encodeProps is props in the backup's JSON form.
func encodeProps(props map[string]any) (map[string]any, error) {
	out := make(map[string]any, len(props))
	for k, v := range props {
		e, err := encodeValue(v)
		if err != nil {
			return nil, fmt.Errorf("property %s: %w", k, err)
		}
		out[k] = e
	}
	return out, nil
}

func encodeValue(v any) (any, error) {
	switch x := v.(type) {
	case nil, string, bool, int64:
		return x, nil
	case float64:
		return map[string]any{"$float": x}, nil
	case dbtype.Date:
		return map[string]any{"$date": x.Time().Format(time.DateOnly)}, nil
	case time.Time:
		return map[string]any{"$datetime": x.Format(time.RFC3339Nano)}, nil
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			ev, err := encodeValue(e)
			if err != nil {
				return nil, err
			}
			out[i] = ev
		}
		return out, nil
	}
	return nil, fmt.Errorf("a value of type %T, which this version of MentorGraph does not back up", v)
}

// decodeValue is encodeValue's inverse, for a value decoded with UseNumber.
func decodeValue(v any) (any, error) {
	switch x := v.(type) {
	case nil, string, bool:
		return x, nil
	case json.Number:
		n, err := x.Int64()
		if err != nil {
			return nil, fmt.Errorf("%s is not an integer (other numbers are written {\"$float\": …})", x)
		}
		return n, nil
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			d, err := decodeValue(e)
			if err != nil {
				return nil, err
			}
			out[i] = d
		}
		return out, nil
	case map[string]any:
		if len(x) == 1 {
			for k, raw := range x {
				switch k {
				case "$float":
					if n, ok := raw.(json.Number); ok {
						return n.Float64()
					}
				case "$date":
					if s, ok := raw.(string); ok {
						t, err := time.Parse(time.DateOnly, s)
						if err != nil {
							return nil, err
						}
						return neo4j.DateOf(t), nil
					}
				case "$datetime":
					if s, ok := raw.(string); ok {
						return time.Parse(time.RFC3339Nano, s)
					}
				}
			}
		}
	}
	return nil, fmt.Errorf("%v is not a value a backup holds", v)
}

func decodeProps(props map[string]any) (map[string]any, error) {
	out := make(map[string]any, len(props))
	for k, v := range props {
		d, err := decodeValue(v)
		if err != nil {
			return nil, fmt.Errorf("property %s: %w", k, err)
		}
		out[k] = d
	}
	return out, nil
}

// RestoreOptions steer Restore.
type RestoreOptions struct {
	// Replace deletes what the database holds first; without it Restore
	// refuses a database that holds anything.
	Replace bool
	// BatchSize is the number of lines per transaction (default 5,000).
	BatchSize int
	// Progress, when set, is told the lines written so far.
	Progress func(lines int)
	// SchemaVersion is the schema version of the database the backup was
	// made from (Store.SchemaVersion, in its manifest); 0 when not known
	// (a backup from before it was recorded). The data migrations the
	// backup predates run on what it restores; a backup from a version
	// this build does not know is refused.
	SchemaVersion int
}

// ErrBackupTooNew: a backup made from a database at a schema version past
// the last migration this build knows (a newer mentorgraph's); it is not
// restored, as this build could misread what it holds.
var ErrBackupTooNew = errors.New("the backup was made by a newer mentorgraph")

// ErrInterruptedRestore: a restore was cut short (the process killed, Neo4j
// lost) and left part of a backup in the database.
var ErrInterruptedRestore = errors.New("an interrupted restore left part of a backup in the database: run `mentorgraph restore` again (it deletes that part first)")

const (
	restoreStateCypher = `RETURN {taken: EXISTS { MATCH (n) WHERE NOT n:MentorGraphMeta },
  interrupted: EXISTS { MATCH (:MentorGraphMeta {key: 'restore'}) }} AS r`
	restoreMarkCypher   = `MERGE (m:MentorGraphMeta {key: 'restore'}) SET m.startedAt = datetime()`
	restoreUnmarkCypher = `MATCH (m:MentorGraphMeta {key: 'restore'}) DELETE m`
	// restoreWipeCypher deletes up to $limit nodes (with their links) of
	// what the database holds but ApplySchema's bookkeeping.
	restoreWipeCypher = `MATCH (n) WHERE NOT n:MentorGraphMeta
WITH n LIMIT $limit
DETACH DELETE n
RETURN {deleted: count(*)} AS r`
)

// restoreNodeCypher creates a batch of nodes of one label, and counts
// them: one statement per label, never a label from the input.
var restoreNodeCypher = func() map[string]string {
	m := map[string]string{}
	for _, l := range backupLabels {
		m[l] = `UNWIND $rows AS props CREATE (n:` + l + `) SET n = props RETURN {created: count(n)} AS r`
	}
	return m
}()

// RestoreInterrupted reports whether an interrupted restore left part of a
// backup in the database (the server refuses to start on one).
func (s *Store) RestoreInterrupted(ctx context.Context) (bool, error) {
	st, err := s.restoreState(ctx)
	return st.interrupted, err
}

type restoreState struct{ taken, interrupted bool }

func (s *Store) restoreState(ctx context.Context) (restoreState, error) {
	return read(ctx, s, "read the database's state", func(tx neo4j.ManagedTransaction) (restoreState, error) {
		return single(ctx, tx, restoreStateCypher, nil, func(m map[string]any) restoreState {
			return restoreState{boolVal(m, "taken"), boolVal(m, "interrupted")}
		})
	})
}

// Restore writes a backup (Backup's two streams) into the database, all
// or nothing: it refuses a database that holds anything (unless
// opts.Replace: then it deletes it first; what an interrupted restore left
// is always deleted first), marks the database while it writes, and on any
// problem (a line that is not a backup's, a relationship whose end is
// missing, a duplicate id, Neo4j lost) deletes what it wrote before
// returning the error, with the line it stopped at. A restore cut short
// leaves the mark: RestoreInterrupted then says so and the next Restore
// starts over. Last, it runs the data migrations a backup from an older
// schema version predates (opts.SchemaVersion) and rebuilds the
// open-mentor links. The caller applies
// the schema first (its constraints make the relationships' lookups fast).
func (s *Store) Restore(ctx context.Context, nodes, relationships io.Reader, opts RestoreOptions) (BackupCounts, error) {
	counts := BackupCounts{Nodes: map[string]int{}, Relationships: map[string]int{}}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 5000
	}
	if opts.SchemaVersion > LatestSchemaVersion() {
		return counts, fmt.Errorf("%w: it was made from a database at schema version %d, this mentorgraph knows versions up to %d; restore it with a mentorgraph that knows version %d",
			ErrBackupTooNew, opts.SchemaVersion, LatestSchemaVersion(), opts.SchemaVersion)
	}
	st, err := s.restoreState(ctx)
	if err != nil {
		return counts, err
	}
	if st.taken && !st.interrupted && !opts.Replace {
		return counts, conflict("the database is not empty: a restore writes into an empty database (use -replace to delete what it holds first)")
	}
	if st.taken {
		if err := s.wipe(ctx); err != nil {
			return counts, fmt.Errorf("delete what the database held: %w", err)
		}
	}
	if _, err := write(ctx, s, "mark the restore", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, restoreMarkCypher, nil)
	}); err != nil {
		return counts, err
	}
	lines := 0
	err = s.restoreLines(ctx, nodes, relationships, opts, &counts, &lines)
	if err == nil {
		err = s.migrateRestored(ctx, opts.SchemaVersion)
	}
	if err == nil {
		err = s.rebuildOpenMentorLinks(ctx)
	}
	if err != nil {
		// All or nothing: what was written goes, with the mark. Without
		// a context (one cancelled would stop the deletion too).
		wctx := context.WithoutCancel(ctx)
		if werr := s.wipe(wctx); werr != nil {
			return counts, fmt.Errorf("%w; deleting what was restored failed too (%v): the database holds part of the backup, and the next restore deletes it", err, werr)
		}
		if _, werr := write(wctx, s, "unmark the restore", func(tx neo4j.ManagedTransaction) (struct{}, error) {
			return struct{}{}, exec(wctx, tx, restoreUnmarkCypher, nil)
		}); werr != nil {
			return counts, fmt.Errorf("%w; the database is empty again but still marked (%v)", err, werr)
		}
		return counts, fmt.Errorf("%w; nothing was restored (the database is empty)", err)
	}
	_, err = write(ctx, s, "unmark the restore", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, restoreUnmarkCypher, nil)
	})
	return counts, err
}

// restoreLines writes the nodes, then the relationships, in batches of
// one label or one (type, from label, to label).
func (s *Store) restoreLines(ctx context.Context, nodes, relationships io.Reader, opts RestoreOptions, counts *BackupCounts, lines *int) error {
	type batch struct {
		cypher string
		rows   []any
		first  int // the line of the first row
		what   string
	}
	pending := map[string]*batch{}
	flush := func(b *batch) error {
		if len(b.rows) == 0 {
			return nil
		}
		n, err := write(ctx, s, "restore "+b.what, func(tx neo4j.ManagedTransaction) (int, error) {
			return single(ctx, tx, b.cypher, map[string]any{"rows": b.rows}, func(m map[string]any) int { return intVal(m, "created") })
		})
		if isConstraintViolation(err) {
			return fmt.Errorf("%s, lines %d on: an id appears twice", b.what, b.first)
		}
		if err != nil {
			return err
		}
		if n != len(b.rows) {
			return fmt.Errorf("%s, lines %d on: %d of %d relationships name a node the backup does not hold", b.what, b.first, len(b.rows)-n, len(b.rows))
		}
		*lines += len(b.rows)
		if opts.Progress != nil {
			opts.Progress(*lines)
		}
		b.rows = b.rows[:0]
		return nil
	}
	add := func(key, cypher, what string, line int, row any) error {
		b := pending[key]
		if b == nil {
			b = &batch{cypher: cypher, what: what}
			pending[key] = b
		}
		if len(b.rows) == 0 {
			b.first = line
		}
		b.rows = append(b.rows, row)
		if len(b.rows) >= opts.BatchSize {
			return flush(b)
		}
		return nil
	}
	flushAll := func() error {
		keys := make([]string, 0, len(pending))
		for k := range pending {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if err := flush(pending[k]); err != nil {
				return err
			}
		}
		clear(pending)
		return nil
	}

	err := eachLine(nodes, "nodes", func(line int, dec *json.Decoder) error {
		var n backupNode
		if err := dec.Decode(&n); err != nil {
			return err
		}
		cypher, ok := restoreNodeCypher[n.Label]
		if !ok {
			return fmt.Errorf("label %q is not one a backup holds", n.Label)
		}
		props, err := decodeProps(n.Props)
		if err != nil {
			return err
		}
		if id, _ := props["id"].(string); id == "" {
			return errors.New("a node without an id")
		}
		counts.Nodes[n.Label]++
		return add(n.Label, cypher, n.Label+" nodes", line, props)
	})
	if err == nil {
		err = flushAll()
	}
	if err != nil {
		return err
	}
	err = eachLine(relationships, "relationships", func(line int, dec *json.Decoder) error {
		var r backupRelationship
		if err := dec.Decode(&r); err != nil {
			return err
		}
		shape := backupShape{r.Type, r.From[0], r.To[0]}
		cypher, ok := restoreRelationshipCypher[shape]
		if !ok {
			return fmt.Errorf("a relationship %s from a %s to a %s is not one a backup holds", r.Type, r.From[0], r.To[0])
		}
		props, err := decodeProps(r.Props)
		if err != nil {
			return err
		}
		counts.Relationships[r.Type]++
		key := r.Type + " " + r.From[0] + " " + r.To[0]
		return add(key, cypher, r.Type+" relationships", line,
			map[string]any{"from": r.From[1], "to": r.To[1], "props": props})
	})
	if err == nil {
		err = flushAll()
	}
	return err
}

// eachLine calls row with a decoder over each line of r (numbered from 1);
// an error names the stream and the line.
func eachLine(r io.Reader, stream string, row func(line int, dec *json.Decoder) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		dec.UseNumber()
		if err := row(line, dec); err != nil {
			return fmt.Errorf("%s, line %d: %w", stream, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s, after line %d: %w", stream, line, err)
	}
	return nil
}

// wipe deletes every node but ApplySchema's bookkeeping, with its links,
// in transactions of restoreWipeBatch nodes.
func (s *Store) wipe(ctx context.Context) error {
	for {
		n, err := write(ctx, s, "delete", func(tx neo4j.ManagedTransaction) (int, error) {
			return single(ctx, tx, restoreWipeCypher, map[string]any{"limit": restoreWipeBatch}, func(m map[string]any) int { return intVal(m, "deleted") })
		})
		if err != nil || n == 0 {
			return err
		}
	}
}

const restoreWipeBatch = 5000
