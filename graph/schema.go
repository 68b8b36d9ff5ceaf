package graph

import (
	"context"
	"errors"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// SchemaNames lists the constraints and indexes ApplySchema makes.
func SchemaNames() []string {
	names := []string{schemaVersionConstraint.name}
	for _, m := range migrations {
		for _, st := range m.schema {
			names = append(names, st.name)
		}
	}
	return names
}

// ApplySchema brings the database up to this build's schema version
// (LatestSchemaVersion): it applies each migration the database has not
// had (migrations.go), once, in order, recording each as it completes,
// and waits for the indexes to come online. Two processes applying it at
// once take turns: each migration runs once. A database at a version past
// this build's is refused (ErrSchemaTooNew). What an applied migration
// made and is missing (an index dropped by hand, the skill hierarchy's
// lock node) is made again. Running it again changes nothing. Commands
// that report what it changed call ApplySchemaReport.
func (s *Store) ApplySchema(ctx context.Context) error {
	_, err := s.ApplySchemaReport(ctx)
	return err
}

// ApplySchemaReport is ApplySchema, saying what it changed besides the
// schema: whether the duplicate-link migration ran, and what it merged.
func (s *Store) ApplySchemaReport(ctx context.Context) (SchemaReport, error) {
	return s.applySchemaUpTo(ctx, len(migrations))
}

// applySchemaUpTo is ApplySchemaReport applying the migrations up to
// version target only (tests build databases as older versions left them).
func (s *Store) applySchemaUpTo(ctx context.Context, target int) (SchemaReport, error) {
	var report SchemaReport
	// Every import and every start-up begins here: a database that has it
	// all is answered by one read rather than a transaction per step.
	st, err := s.readSchemaState(ctx)
	if err != nil {
		return report, err
	}
	if st.versioned && st.version > len(migrations) {
		return report, tooNew(st.version)
	}
	if st.current(target) {
		return report, nil
	}
	if err := s.applySchemaStatement(ctx, schemaVersionConstraint); err != nil {
		return report, err
	}
	for {
		done, err := s.migrateStep(ctx, target, &report)
		if err != nil || done {
			return report, err
		}
	}
}

// applySchemaStatement runs one schema statement in a transaction of its
// own (a schema command cannot share one with other writes).
func (s *Store) applySchemaStatement(ctx context.Context, st schemaStatement) error {
	run := func() error {
		_, err := write(ctx, s, "apply schema "+st.name, func(tx neo4j.ManagedTransaction) (struct{}, error) {
			return struct{}{}, exec(ctx, tx, st.cypher, nil)
		})
		return err
	}
	err := run()
	if schemaRuleCreatedMeanwhile(err) {
		// Another process created the same rule between this statement's
		// IF NOT EXISTS check and its commit: now the check sees it.
		err = run()
	}
	return err
}

// schemaRuleCreatedMeanwhile reports whether err is Neo4j refusing a
// schema rule that exists already, which IF NOT EXISTS can meet when
// another transaction creates the rule at the same moment.
func schemaRuleCreatedMeanwhile(err error) bool {
	var n4j *neo4j.Neo4jError
	return errors.As(err, &n4j) && strings.HasPrefix(n4j.Code, "Neo.ClientError.Schema.") && strings.HasSuffix(n4j.Code, "AlreadyExists")
}

const awaitIndexesCypher = `CALL db.awaitIndexes($seconds)`

// awaitIndexes waits for every index to come online.
func (s *Store) awaitIndexes(ctx context.Context) error {
	_, err := read(ctx, s, "await indexes", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, awaitIndexesCypher, map[string]any{"seconds": 300})
	})
	return err
}

// skillHierarchyKey is the key of the skill hierarchy's lock node.
const skillHierarchyKey = "skillHierarchy"

// ensureSkillHierarchyLockCypher creates the node lockSkillHierarchy
// locks, unless it exists.
const ensureSkillHierarchyLockCypher = `MERGE (:MentorGraphMeta {key: 'skillHierarchy'})`

// ensureSkillHierarchyLock creates the skill hierarchy's lock node. It is
// made here, once, rather than merged by the writes that lock it: two
// concurrent MERGEs of a node no constraint keeps unique can both create
// it, and two writers each locking their own node would not wait for each
// other (migrations run under the schema version's lock, one at a time).
func (s *Store) ensureSkillHierarchyLock(ctx context.Context) error {
	_, err := write(ctx, s, "create the skill hierarchy lock", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, ensureSkillHierarchyLockCypher, nil)
	})
	return err
}

const (
	// schemaIndexesCypher lists the database's indexes: a constraint's
	// index is named after it.
	schemaIndexesCypher = `SHOW INDEXES YIELD name, state, owningConstraint RETURN {indexes: collect([name, state, owningConstraint])} AS r`
	// schemaVersionCypher reads the schema version (null when there is no
	// SchemaVersion node) and the meta nodes: the skill hierarchy's lock,
	// and the records of the versions before migrations were numbered.
	schemaVersionCypher = `OPTIONAL MATCH (v:SchemaVersion {key: $key})
RETURN {version: v.version, meta: COLLECT { MATCH (m:MentorGraphMeta) RETURN [m.key, m.version] }} AS r`
)

// schemaState is what the start-up read finds.
type schemaState struct {
	// versioned: the SchemaVersion node exists, at version.
	versioned bool
	version   int
	// indexes by name.
	indexes map[string]schemaIndex
	// meta are the MentorGraphMeta nodes' keys and versions (0 for none).
	meta map[string]int
}

// schemaIndex is an index as SHOW INDEXES lists it.
type schemaIndex struct {
	online bool
	// owner is the constraint that owns it, "" for none.
	owner string
}

// has reports whether the constraint or index st makes exists (and is
// online, when online is asked): a constraint owns an index of its name.
func (s schemaState) has(st schemaStatement, online bool) bool {
	ix, ok := s.indexes[st.name]
	if !ok || online && !ix.online {
		return false
	}
	return !strings.HasPrefix(st.cypher, "CREATE CONSTRAINT") || ix.owner == st.name
}

// current reports whether the database is at version target or past it
// with everything the migrations up to target made in place: each
// constraint and index online, and what inPlace checks.
func (s schemaState) current(target int) bool {
	if !s.versioned || s.version < target || !s.has(schemaVersionConstraint, true) {
		return false
	}
	for _, m := range migrations[:target] {
		for _, st := range m.schema {
			if !s.has(st, true) {
				return false
			}
		}
		if m.inPlace != nil && !m.inPlace(s) {
			return false
		}
	}
	return true
}

// readSchemaState reads the indexes, the schema version and the meta nodes
// in one read transaction.
func (s *Store) readSchemaState(ctx context.Context) (schemaState, error) {
	return read(ctx, s, "read schema", func(tx neo4j.ManagedTransaction) (schemaState, error) {
		st := schemaState{indexes: map[string]schemaIndex{}, meta: map[string]int{}}
		list := func(m map[string]any, key string) []any {
			l, _ := value(m, key).([]any)
			return l
		}
		indexes, err := single(ctx, tx, schemaIndexesCypher, nil, func(m map[string]any) []any { return list(m, "indexes") })
		if err != nil {
			return st, err
		}
		type versionAndMeta struct {
			version *int
			meta    []any
		}
		vm, err := single(ctx, tx, schemaVersionCypher, map[string]any{"key": schemaVersionKey}, func(m map[string]any) versionAndMeta {
			return versionAndMeta{intPtr(m, "version"), list(m, "meta")}
		})
		if err != nil {
			return st, err
		}
		for _, v := range indexes {
			if row, ok := v.([]any); ok && len(row) == 3 {
				name, _ := row[0].(string)
				state, _ := row[1].(string)
				owner, _ := row[2].(string)
				st.indexes[name] = schemaIndex{online: state == "ONLINE", owner: owner}
			}
		}
		if vm.version != nil {
			st.versioned, st.version = true, *vm.version
		}
		for _, v := range vm.meta {
			if row, ok := v.([]any); ok && len(row) == 2 {
				key, _ := row[0].(string)
				n, _ := row[1].(int64)
				st.meta[key] = int(n)
			}
		}
		return st, nil
	})
}
