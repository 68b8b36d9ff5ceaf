package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
)

// TestBackupCommand: `mentorgraph backup DIR` writes the gzipped streams
// and, last, a manifest with the counts and the schema version; a backup
// from a schema version this build does not know is not restored; it
// refuses a folder that holds
// files. `mentorgraph restore` refuses a folder without a manifest, and a
// database that holds data unless -replace (the round trip itself:
// graph's TestBackupAndRestore).
func TestBackupCommand(t *testing.T) {
	in := writeFiles(t, neo4jtest.Prefix(t), networkFiles)
	if _, stderr, err := runTool(t, runImport, in); err != nil {
		t.Fatalf("import: %v\n%s", err, stderr)
	}
	dir := filepath.Join(t.TempDir(), "backup")
	stdout, stderr, err := runTool(t, runBackup, dir)
	if err != nil {
		t.Fatalf("backup: %v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "backed up database") || !strings.Contains(stdout, "Person") {
		t.Errorf("backup says:\n%s", stdout)
	}
	raw, err := os.ReadFile(filepath.Join(dir, backupManifest))
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := json.Unmarshal(raw, &m); err != nil || m.Format != backupFormat || m.Nodes["Person"] < 3 || m.Relationships["HAS_SKILL"] < 1 ||
		m.SchemaVersion != graph.LatestSchemaVersion() {
		t.Errorf("manifest: %s (%v); want schema version %d", raw, err, graph.LatestSchemaVersion())
	}
	for _, f := range []string{backupNodes, backupRels} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	if _, _, err := runTool(t, runBackup, dir); err == nil || !strings.Contains(err.Error(), "is not empty") {
		t.Errorf("a backup into a folder holding one: %v", err)
	}
	if _, _, err := runTool(t, runRestore, dir); err == nil || !strings.Contains(err.Error(), "-replace") {
		t.Errorf("a restore into a database holding data: %v", err)
	}
	if _, _, err := runTool(t, runRestore, in); err == nil || !strings.Contains(err.Error(), "not a backup") {
		t.Errorf("a restore of a folder that is not a backup: %v", err)
	}

	// A backup a newer mentorgraph made: refused, with both versions named,
	// and the database left as it was.
	setVersion := func(v int) {
		m.SchemaVersion = v
		raw, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, backupManifest), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	setVersion(graph.LatestSchemaVersion() + 1)
	_, _, err = runTool(t, runRestore, "-replace", dir)
	if err == nil || !strings.Contains(err.Error(), "made by a newer mentorgraph") || !strings.Contains(err.Error(), fmt.Sprintf("schema version %d", m.SchemaVersion)) {
		t.Errorf("a restore of a newer backup: %v", err)
	}
	setVersion(graph.LatestSchemaVersion())
	if _, _, err := runTool(t, runRestore, dir); err == nil || !strings.Contains(err.Error(), "-replace") {
		t.Errorf("after the refused restore, the database should still hold its data: %v", err)
	}
}
