package graph

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Schema migrations (docs/design/schema-migrations.md). The database's
// schema and the data its model's changes needed are brought up to date by
// an ordered list of migrations, each applied once per database, in order.
// One node records how far a database got:
//
//	(:SchemaVersion:MentorGraphMeta {key: 'schemaVersion', version: 5,
//	  applied: [1, 2, 3, 4, 5], appliedAt: [datetime, ...],
//	  createdAt: datetime, createdAtVersion: 0})
//
// version is the last migration applied; applied and appliedAt say which
// migrations ran on this database since the node was made, and when;
// createdAtVersion is the version a database written before versions
// were recorded had reached (legacyVersion), 0 for any other. The node is
// also a MentorGraphMeta node: backups leave it out and restores keep it,
// as the rest of ApplySchema's bookkeeping.
//
// To add a migration, append an entry to migrations with the next version
// and write its function; nothing else changes.

// schemaStatement creates one constraint or index, named name (a
// constraint's index is named after it). Each is idempotent (IF NOT
// EXISTS).
type schemaStatement struct{ name, cypher string }

// migration is one step of the database's history.
type migration struct {
	// version is its place in migrations, from 1.
	version int
	// name says what it does, in a few words (logs, errors).
	name string
	// schema are the constraints and indexes it creates, each in a
	// transaction of its own (a schema command cannot share one with
	// other writes); the indexes are awaited before data runs. A database
	// at or past the migration that lacks one of them (dropped by hand)
	// gets it back at the next start.
	schema []schemaStatement
	// data does the migration's data work, in transactions of its own,
	// after schema; nil for a migration of schema only. It must be
	// idempotent and batched: a migration cut short (the process killed)
	// is not recorded, and runs again whole at the next start.
	data func(ctx context.Context, s *Store, report *SchemaReport) error
	// inPlace, when set, tells from the start-up read whether what data
	// made is still there (a node a write could delete): data runs again
	// when it is not, at any version past the migration.
	inPlace func(schemaState) bool
	// afterRestore: data runs again after restoring a backup made from a
	// database before this migration, whose data it changes (what a
	// backup leaves out, derived links and bookkeeping, Restore remakes
	// anyway).
	afterRestore bool
	// legacyKey and legacyVersion: versions before migrations were
	// numbered recorded the data work as a (:MentorGraphMeta {key:
	// legacyKey, version: legacyVersion or more}) node. Only the first
	// migrations have one.
	legacyKey     string
	legacyVersion int
}

// migrations in the order a database got them (the order the steps they
// replace appeared in ApplySchema). Never change or reorder a migration
// that has shipped: add one.
var migrations = []migration{
	{
		version: 1,
		name:    "constraints of people, skills, organizations and goals, and the names index",
		schema: []schemaStatement{
			{"person_id", `CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE`},
			{"skill_id", `CREATE CONSTRAINT skill_id IF NOT EXISTS FOR (n:Skill) REQUIRE n.id IS UNIQUE`},
			{"organization_id", `CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE`},
			{"goal_id", `CREATE CONSTRAINT goal_id IF NOT EXISTS FOR (n:Goal) REQUIRE n.id IS UNIQUE`},
			{"names", `CREATE FULLTEXT INDEX names IF NOT EXISTS FOR (n:Person|Skill|Organization) ON EACH [n.name]`},
		},
	},
	{
		version: 2,
		name:    "open-mentor links",
		data: func(ctx context.Context, s *Store, _ *SchemaReport) error {
			return s.rebuildOpenMentorLinks(ctx)
		},
		// The links' version 2 (one type per level); version 1's links
		// are rebuilt.
		legacyKey: "mentorIndex", legacyVersion: 2,
	},
	{
		version: 3,
		name:    "merge duplicate links",
		data: func(ctx context.Context, s *Store, report *SchemaReport) error {
			merged, err := s.mergeDuplicateLinks(ctx)
			if err != nil {
				return err
			}
			report.MergedLinks, report.Merged = true, merged
			return nil
		},
		afterRestore: true,
		legacyKey:    "uniqueLinks", legacyVersion: 1,
	},
	{
		version: 4,
		name:    "skill hierarchy lock node",
		data: func(ctx context.Context, s *Store, _ *SchemaReport) error {
			return s.ensureSkillHierarchyLock(ctx)
		},
		inPlace: func(st schemaState) bool { _, ok := st.meta[skillHierarchyKey]; return ok },
	},
	{
		version: 5,
		name:    "account, session and API token constraints",
		schema: []schemaStatement{
			{"account_id", `CREATE CONSTRAINT account_id IF NOT EXISTS FOR (n:Account) REQUIRE n.id IS UNIQUE`},
			{"account_login", `CREATE CONSTRAINT account_login IF NOT EXISTS FOR (n:Account) REQUIRE n.login IS UNIQUE`},
			{"session_hash", `CREATE CONSTRAINT session_hash IF NOT EXISTS FOR (n:Session) REQUIRE n.hash IS UNIQUE`},
			{"api_token_id", `CREATE CONSTRAINT api_token_id IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.id IS UNIQUE`},
			{"api_token_hash", `CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.hash IS UNIQUE`},
		},
	},
	{
		version: 6,
		name:    "mentor keys on skill links and the has_skill_mentor_order index",
		schema: []schemaStatement{
			{"has_skill_mentor_order", `CREATE RANGE INDEX has_skill_mentor_order IF NOT EXISTS FOR ()-[h:HAS_SKILL]-() ON (h.mentorSkill, h.level, h.mentorPerson)`},
		},
		// The keys are kept with the open-mentor links (skill_people.go):
		// rebuilding those sets them.
		data: func(ctx context.Context, s *Store, _ *SchemaReport) error {
			return s.rebuildOpenMentorLinks(ctx)
		},
		// A development build between the two recorded them as the
		// open-mentor links' version 3.
		legacyKey: "mentorIndex", legacyVersion: 3,
	},
}

// LatestSchemaVersion is the version of the last migration this build
// knows: the version ApplySchema brings a database to.
func LatestSchemaVersion() int { return len(migrations) }

// SchemaVersion is the database's schema version: the last migration it
// holds (a database from before versions were recorded, at the version
// its state shows).
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	st, err := s.readSchemaState(ctx)
	if err != nil || st.versioned {
		return st.version, err
	}
	return legacyVersion(st), nil
}

// migrateRestored runs the data work a backup made at schema version from
// (0: not recorded) lacks (afterRestore), oldest first.
func (s *Store) migrateRestored(ctx context.Context, from int) error {
	for _, m := range migrations {
		if m.version > from && m.afterRestore {
			if err := m.data(ctx, s, &SchemaReport{}); err != nil {
				return fmt.Errorf("migration %d (%s) of the restored data: %w", m.version, m.name, err)
			}
		}
	}
	return nil
}

// ErrSchemaTooNew: the database's schema version is past the last
// migration this build knows. A newer mentorgraph migrated it, and this
// one could misread or damage what that one wrote, so it does not start.
var ErrSchemaTooNew = errors.New("the database was migrated by a newer mentorgraph")

// tooNew is ErrSchemaTooNew naming both versions.
func tooNew(version int) error {
	return fmt.Errorf("%w: its schema is at version %d, this mentorgraph knows versions up to %d; run a mentorgraph that knows version %d (or restore a backup into a new database)",
		ErrSchemaTooNew, version, LatestSchemaVersion(), version)
}

type migrationLogKey struct{}

// WithMigrationLog returns ctx whose ApplySchema calls tell log of each
// migration they apply, once it is recorded, with the time it took (a
// data migration over a large database can take minutes: the log says
// what start-up is doing).
func WithMigrationLog(ctx context.Context, log func(version int, name string, took time.Duration)) context.Context {
	return context.WithValue(ctx, migrationLogKey{}, log)
}

// schemaVersionKey is the key of the SchemaVersion node.
const schemaVersionKey = "schemaVersion"

// schemaVersionConstraint keeps the SchemaVersion node unique: two
// servers starting at once on a new database MERGE it at the same moment,
// and without the constraint both could create one and each lock its own.
// ApplySchema makes it before anything else, outside the migrations.
var schemaVersionConstraint = schemaStatement{"schema_version_key", `CREATE CONSTRAINT schema_version_key IF NOT EXISTS FOR (v:SchemaVersion) REQUIRE v.key IS UNIQUE`}

const (
	// lockSchemaVersionCypher makes the SchemaVersion node if there is
	// none and takes its write lock (held until the transaction ends:
	// another server's lockSchemaVersionCypher waits), and returns its
	// version (null for a node just made).
	lockSchemaVersionCypher = `MERGE (v:SchemaVersion {key: $key})
ON CREATE SET v:MentorGraphMeta, v.createdAt = datetime()
SET v._lock = true REMOVE v._lock
RETURN {version: v.version} AS r`
	// startSchemaVersionCypher gives a SchemaVersion node just made the
	// version the database had reached, and deletes the records of the
	// versions before migrations were numbered (their keys in $legacy).
	startSchemaVersionCypher = `MATCH (v:SchemaVersion {key: $key})
SET v.version = $version, v.createdAtVersion = $version
WITH v
OPTIONAL MATCH (m:MentorGraphMeta) WHERE m.key IN $legacy
DELETE m`
	// recordSchemaVersionCypher records a migration applied.
	recordSchemaVersionCypher = `MATCH (v:SchemaVersion {key: $key})
SET v.version = $version, v.applied = coalesce(v.applied, []) + $version, v.appliedAt = coalesce(v.appliedAt, []) + datetime()`
)

// migrateStep takes the SchemaVersion node's lock and, holding it, does
// one step towards target: it records the version of a database that had
// none (legacyVersion), or applies the next migration and records it, or,
// with none pending, makes again what an applied migration made that is
// missing. It commits (releasing the lock) after each step, so a
// migration's record is kept when a later one fails or the process stops.
// done is true once nothing is pending.
//
// The lock is a transaction held open while the migration's own
// transactions run: a process that dies holding it loses its connection,
// and Neo4j rolls the transaction back, so no lock is ever left behind.
// The migrations never touch the SchemaVersion node themselves.
func (s *Store) migrateStep(ctx context.Context, target int, report *SchemaReport) (done bool, err error) {
	const op = "lock the schema version"
	cfg, err := txConfig(ctx)
	if err != nil {
		return false, translate(op, err)
	}
	s.open.Add(1)
	defer s.open.Add(-1)
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	etx, err := sess.BeginTransaction(ctx, cfg...)
	if err != nil {
		return false, translate(op, err)
	}
	defer etx.Close(ctx) // rolls back what is not committed
	s.transactions.Add(1)
	defer recoverMissingValue(&err)
	tx := countingTx{etx, &s.statements, AudienceOf(ctx).params()}
	key := map[string]any{"key": schemaVersionKey}
	version, err := single(ctx, tx, lockSchemaVersionCypher, key, func(m map[string]any) *int { return intPtr(m, "version") })
	if err != nil {
		return false, translate(op, err)
	}
	commit := func(what string, cypher string, params map[string]any) error {
		params["key"] = schemaVersionKey
		if err := exec(ctx, tx, cypher, params); err != nil {
			return translate(what, err)
		}
		return translate(what, etx.Commit(ctx))
	}
	switch {
	case version == nil:
		st, err := s.readSchemaState(ctx)
		if err != nil {
			return false, err
		}
		return false, commit("record the schema version", startSchemaVersionCypher, map[string]any{"version": legacyVersion(st), "legacy": legacyKeys()})
	case *version > len(migrations):
		return false, tooNew(*version)
	case *version < target:
		m, started := migrations[*version], time.Now()
		if err := s.runMigration(ctx, m, report); err != nil {
			return false, fmt.Errorf("schema migration %d (%s): %w", m.version, m.name, err)
		}
		if err := commit("record schema migration", recordSchemaVersionCypher, map[string]any{"version": m.version}); err != nil {
			return false, err
		}
		if log, ok := ctx.Value(migrationLogKey{}).(func(int, string, time.Duration)); ok {
			log(m.version, m.name, time.Since(started))
		}
		return false, nil
	}
	st, err := s.readSchemaState(ctx)
	if err != nil {
		return false, err
	}
	for _, m := range migrations[:*version] {
		for _, ss := range m.schema {
			if !st.has(ss, false) {
				if err := s.applySchemaStatement(ctx, ss); err != nil {
					return false, err
				}
			}
		}
		if m.inPlace != nil && !m.inPlace(st) {
			if err := m.data(ctx, s, report); err != nil {
				return false, fmt.Errorf("schema migration %d (%s) again: %w", m.version, m.name, err)
			}
		}
	}
	return true, s.awaitIndexes(ctx)
}

// runMigration applies m: its schema statements, then its data work.
func (s *Store) runMigration(ctx context.Context, m migration, report *SchemaReport) error {
	for _, ss := range m.schema {
		if err := s.applySchemaStatement(ctx, ss); err != nil {
			return err
		}
	}
	if len(m.schema) > 0 {
		// The data work of the migrations after it may need the indexes.
		if err := s.awaitIndexes(ctx); err != nil {
			return err
		}
	}
	if m.data == nil {
		return nil
	}
	return m.data(ctx, s, report)
}

// legacyVersion is the version a database written before migrations were
// numbered had reached: the last of the first migrations whose work it
// holds, each before it too (their schema objects, and their data work's
// record or result). Migrations past it run again: each is idempotent.
func legacyVersion(st schemaState) int {
	v := 0
	for _, m := range migrations {
		if !m.doneBeforeVersions(st) {
			break
		}
		v = m.version
	}
	return v
}

// doneBeforeVersions reports whether a database written before migrations
// were numbered holds m's work.
func (m migration) doneBeforeVersions(st schemaState) bool {
	for _, ss := range m.schema {
		if !st.has(ss, false) {
			return false
		}
	}
	switch {
	case m.data == nil:
		return true
	case m.inPlace != nil:
		return m.inPlace(st)
	case m.legacyKey != "":
		v, ok := st.meta[m.legacyKey]
		return ok && v >= m.legacyVersion
	}
	return false
}

// legacyKeys are the keys of the MentorGraphMeta records of the versions
// before migrations were numbered: the SchemaVersion node replaces them.
func legacyKeys() []string {
	var keys []string
	for _, m := range migrations {
		if m.legacyKey != "" {
			keys = append(keys, m.legacyKey)
		}
	}
	return keys
}
