package graph

import (
	"context"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// schemaStatements create the constraints and indexes of the model. Each is
// idempotent (IF NOT EXISTS), so applying them at every start-up is safe.
var schemaStatements = []struct{ name, cypher string }{
	{"person_id", `CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE`},
	{"skill_id", `CREATE CONSTRAINT skill_id IF NOT EXISTS FOR (n:Skill) REQUIRE n.id IS UNIQUE`},
	{"organization_id", `CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE`},
	{"goal_id", `CREATE CONSTRAINT goal_id IF NOT EXISTS FOR (n:Goal) REQUIRE n.id IS UNIQUE`},
	{"account_id", `CREATE CONSTRAINT account_id IF NOT EXISTS FOR (n:Account) REQUIRE n.id IS UNIQUE`},
	{"account_login", `CREATE CONSTRAINT account_login IF NOT EXISTS FOR (n:Account) REQUIRE n.login IS UNIQUE`},
	{"session_hash", `CREATE CONSTRAINT session_hash IF NOT EXISTS FOR (n:Session) REQUIRE n.hash IS UNIQUE`},
	{"api_token_id", `CREATE CONSTRAINT api_token_id IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.id IS UNIQUE`},
	{"api_token_hash", `CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.hash IS UNIQUE`},
	{"names", `CREATE FULLTEXT INDEX names IF NOT EXISTS FOR (n:Person|Skill|Organization) ON EACH [n.name]`},
	{"has_skill_mentor_order", `CREATE RANGE INDEX has_skill_mentor_order IF NOT EXISTS FOR ()-[h:HAS_SKILL]-() ON (h.mentorSkill, h.level, h.mentorPerson)`},
}

// SchemaNames lists the constraints and indexes ApplySchema makes.
func SchemaNames() []string {
	names := make([]string, len(schemaStatements))
	for i, st := range schemaStatements {
		names[i] = st.name
	}
	return names
}

// ApplySchema creates the model's constraints and indexes where missing,
// waits for the indexes to come online, creates the skill hierarchy's lock
// node (lockSkillHierarchy), merges the duplicate links older versions
// could store (uniquelinks.go, once per database), and builds the
// open-mentor links (openmentorlinks.go) of a database written before it
// existed. Running it again changes nothing. Commands that report what it
// changed call ApplySchemaReport.
func (s *Store) ApplySchema(ctx context.Context) error {
	_, err := s.ApplySchemaReport(ctx)
	return err
}

// ApplySchemaReport is ApplySchema, saying what it changed besides the
// schema: whether the duplicate-link migration ran, and what it merged.
func (s *Store) ApplySchemaReport(ctx context.Context) (SchemaReport, error) {
	var report SchemaReport
	// Every import and every start-up begins here: a database that has it
	// all is answered by one read rather than a transaction per step.
	if done, err := s.schemaInPlace(ctx); err != nil || done {
		return report, err
	}
	for _, st := range schemaStatements {
		// Schema commands cannot share a transaction with other writes:
		// one managed transaction each.
		_, err := write(ctx, s, "apply schema "+st.name, func(tx neo4j.ManagedTransaction) (struct{}, error) {
			return struct{}{}, exec(ctx, tx, st.cypher, nil)
		})
		if err != nil {
			return report, err
		}
	}
	_, err := read(ctx, s, "await indexes", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, awaitIndexesCypher, map[string]any{"seconds": 300})
	})
	if err != nil {
		return report, err
	}
	if err := s.ensureSkillHierarchyLock(ctx); err != nil {
		return report, err
	}
	if report.Merged, report.MergedLinks, err = s.mergeDuplicateLinks(ctx); err != nil {
		return report, err
	}
	return report, s.ensureOpenMentorLinks(ctx)
}

// ensureSkillHierarchyLockCypher creates the node lockSkillHierarchy
// locks, unless it exists.
const ensureSkillHierarchyLockCypher = `MERGE (:MentorGraphMeta {key: 'skillHierarchy'})`

// ensureSkillHierarchyLock creates the skill hierarchy's lock node. It is
// made here, once, rather than merged by the writes that lock it: two
// concurrent MERGEs of a node no constraint keeps unique can both create
// it, and two writers each locking their own node would not wait for each
// other.
func (s *Store) ensureSkillHierarchyLock(ctx context.Context) error {
	_, err := write(ctx, s, "create the skill hierarchy lock", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, ensureSkillHierarchyLockCypher, nil)
	})
	return err
}

const awaitIndexesCypher = `CALL db.awaitIndexes($seconds)`

const (
	// schemaIndexesCypher lists the database's indexes: a constraint's
	// index is named after it.
	schemaIndexesCypher = `SHOW INDEXES YIELD name, state, owningConstraint RETURN {indexes: collect([name, state, owningConstraint])} AS r`
	// schemaMetaCypher lists the meta nodes: the skill hierarchy's lock and
	// the versions of the migrations ApplySchema ran.
	schemaMetaCypher = `MATCH (m:MentorGraphMeta) RETURN {meta: collect([m.key, m.version])} AS r`
)

// schemaInPlace reports whether everything ApplySchema makes is there
// already: each constraint and index of schemaStatements online (each
// constraint owning an index of its name), the skill hierarchy's lock
// node, and the duplicate-link migration and the open-mentor links at
// their versions.
func (s *Store) schemaInPlace(ctx context.Context) (bool, error) {
	return read(ctx, s, "read schema", func(tx neo4j.ManagedTransaction) (bool, error) {
		list := func(key string) func(map[string]any) []any {
			return func(m map[string]any) []any {
				l, _ := value(m, key).([]any)
				return l
			}
		}
		indexes, err := single(ctx, tx, schemaIndexesCypher, nil, list("indexes"))
		if err != nil {
			return false, err
		}
		meta, err := single(ctx, tx, schemaMetaCypher, nil, list("meta"))
		if err != nil {
			return false, err
		}
		online := map[string]string{} // index name → the constraint owning it ("" for none)
		for _, v := range indexes {
			if row, ok := v.([]any); ok && len(row) == 3 {
				name, _ := row[0].(string)
				state, _ := row[1].(string)
				owner, _ := row[2].(string)
				if state == "ONLINE" {
					online[name] = owner
				}
			}
		}
		for _, st := range schemaStatements {
			owner, ok := online[st.name]
			if !ok || (strings.HasPrefix(st.cypher, "CREATE CONSTRAINT") && owner != st.name) {
				return false, nil
			}
		}
		version := map[string]int{}
		for _, v := range meta {
			if row, ok := v.([]any); ok && len(row) == 2 {
				key, _ := row[0].(string)
				n, _ := row[1].(int64)
				version[key] = int(n)
			}
		}
		_, locked := version["skillHierarchy"]
		return locked && version["uniqueLinks"] >= uniqueLinksVersion && version["mentorIndex"] == openMentorLinksVersion, nil
	})
}
