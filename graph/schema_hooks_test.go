package graph

import (
	"context"
	"testing"
)

// ApplySchemaUpTo applies the migrations up to version v only, for tests
// that build a database as an older version left it.
func (s *Store) ApplySchemaUpTo(ctx context.Context, v int) (SchemaReport, error) {
	return s.applySchemaUpTo(ctx, v)
}

// MigrationVersion is the version of the migration named name, 0 for none.
func MigrationVersion(name string) int {
	for _, m := range migrations {
		if m.name == name {
			return m.version
		}
	}
	return 0
}

// TestMigrationsAreNumberedInOrder: each migration's version is its place
// in the list (the version a database records names one migration), and
// no two migrations make a constraint or index of one name.
func TestMigrationsAreNumberedInOrder(t *testing.T) {
	names := map[string]int{schemaVersionConstraint.name: 0}
	for i, m := range migrations {
		if m.version != i+1 {
			t.Errorf("migration %q is number %d in the list but has version %d", m.name, i+1, m.version)
		}
		if m.name == "" || len(m.schema) == 0 && m.data == nil {
			t.Errorf("migration %d has no name or does nothing", m.version)
		}
		if m.inPlace != nil && m.data == nil {
			t.Errorf("migration %d checks its data work but has none", m.version)
		}
		for _, st := range m.schema {
			if v, dup := names[st.name]; dup {
				t.Errorf("migrations %d and %d both make %s", v, m.version, st.name)
			}
			names[st.name] = m.version
		}
	}
}
