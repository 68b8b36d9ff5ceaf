package main

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/mentorgraph/mentorgraph/graph"
)

// A backup folder: manifest.json (written last: a folder without it is
// not a backup), nodes.ndjson.gz and relationships.ndjson.gz (graph.Backup's
// streams, gzipped).
const (
	backupManifest = "manifest.json"
	backupNodes    = "nodes.ndjson.gz"
	backupRels     = "relationships.ndjson.gz"
	backupFormat   = 1
)

// manifest describes a backup.
type manifest struct {
	Format    int       `json:"format"`
	CreatedAt time.Time `json:"createdAt"`
	Version   string    `json:"mentorgraphVersion"`
	Database  string    `json:"database"`
	// SchemaVersion is the database's schema version when the backup was
	// made (absent from backups made before it was recorded).
	SchemaVersion int `json:"schemaVersion,omitempty"`
	graph.BackupCounts
}

type backupConfig struct {
	Config
	Dir     string
	Replace bool
}

func parseBackupConfig(name string, args []string, out io.Writer) (backupConfig, error) {
	var c backupConfig
	help := "Backs up everything in the database (people, skills, organizations, goals, links,\nprivacy settings, accounts, roles, API tokens, mentorship requests; not sign-in\nsessions) into DIR, read in one transaction. DIR must be new or empty."
	if name == "restore" {
		help = "Restores a backup made by `mentorgraph backup` from DIR into an empty database,\nall or nothing (on any problem it deletes what it wrote). -replace deletes what\nthe database holds first."
	}
	fs := newToolFlags(name, "[flags] DIR", help, out)
	c.neo4jFlags(fs)
	if name == "restore" {
		fs.BoolVar(&c.Replace, "replace", false, "delete everything the database holds before restoring")
	}
	rest, err := parseArgs(fs, args)
	if err != nil {
		return c, err
	}
	var errs []error
	switch len(rest) {
	case 1:
		c.Dir = rest[0]
	case 0:
		errs = append(errs, fmt.Errorf("no DIR: give the backup's folder (mentorgraph %s [flags] DIR)", name))
	default:
		errs = append(errs, fmt.Errorf("unexpected arguments: %s (give one DIR)", strings.Join(rest[1:], " ")))
	}
	errs = append(errs, c.validateNeo4j()...)
	if len(errs) > 0 {
		return c, configError{errors.Join(errs...)}
	}
	return c, nil
}

// runBackup is `mentorgraph backup DIR`.
func runBackup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, err := parseBackupConfig("backup", args, stderr)
	if err != nil {
		return err
	}
	if entries, err := os.ReadDir(c.Dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty: a backup goes into a new or empty folder", c.Dir)
	}
	if err := os.MkdirAll(c.Dir, 0o755); err != nil {
		return err
	}
	driver, store, err := openStore(ctx, c.Config)
	if err != nil {
		return err
	}
	defer driver.Close(context.Background())
	schemaVersion, err := store.SchemaVersion(ctx)
	if err != nil {
		return fmt.Errorf("back up database %q: %w; no backup was written", c.Neo4jDatabase, err)
	}
	start := time.Now()
	nodes, rels := createGzip(filepath.Join(c.Dir, backupNodes)), createGzip(filepath.Join(c.Dir, backupRels))
	counts, err := store.Backup(ctx, nodes, rels)
	err = errors.Join(err, nodes.Close(), rels.Close())
	if err == nil {
		m := manifest{Format: backupFormat, CreatedAt: start.UTC().Truncate(time.Second), Version: version(), Database: c.Neo4jDatabase,
			SchemaVersion: schemaVersion, BackupCounts: counts}
		err = writeFileAtomically(filepath.Join(c.Dir, backupManifest), func(w io.Writer) error {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			return enc.Encode(m)
		})
	}
	if err != nil {
		_ = os.Remove(filepath.Join(c.Dir, backupNodes))
		_ = os.Remove(filepath.Join(c.Dir, backupRels))
		if ctx.Err() != nil {
			return errors.New("interrupted; no backup was written")
		}
		return fmt.Errorf("back up database %q: %w; no backup was written", c.Neo4jDatabase, err)
	}
	fmt.Fprintf(stdout, "backed up database %q to %s in %s:\n", c.Neo4jDatabase, c.Dir, time.Since(start).Round(time.Millisecond))
	printBackupCounts(stdout, counts)
	return nil
}

// runRestore is `mentorgraph restore DIR`.
func runRestore(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, err := parseBackupConfig("restore", args, stderr)
	if err != nil {
		return err
	}
	raw, err := os.ReadFile(filepath.Join(c.Dir, backupManifest))
	if err != nil {
		return fmt.Errorf("%s holds no %s: it is not a backup, or one that did not finish", c.Dir, backupManifest)
	}
	var m manifest
	if err := json.Unmarshal(raw, &m); err != nil || m.Format != backupFormat {
		return fmt.Errorf("%s: not a backup of format %d this version restores", filepath.Join(c.Dir, backupManifest), backupFormat)
	}
	nodes, err := openGzip(filepath.Join(c.Dir, backupNodes))
	if err != nil {
		return err
	}
	defer nodes.Close()
	rels, err := openGzip(filepath.Join(c.Dir, backupRels))
	if err != nil {
		return err
	}
	defer rels.Close()
	driver, store, err := openStore(ctx, c.Config)
	if err != nil {
		return err
	}
	defer driver.Close(context.Background())
	if err := applySchema(ctx, store, c.Neo4jDatabase, slog.New(slog.NewTextHandler(stderr, nil))); err != nil {
		return err
	}
	start := time.Now()
	counts, err := store.Restore(ctx, nodes, rels, graph.RestoreOptions{Replace: c.Replace, SchemaVersion: m.SchemaVersion})
	if err == nil && !maps.Equal(counts.Nodes, m.Nodes) || err == nil && !maps.Equal(counts.Relationships, m.Relationships) {
		err = fmt.Errorf("the backup's files hold other counts than its manifest says (%v, %v; manifest %v, %v): the files are damaged",
			counts.Nodes, counts.Relationships, m.Nodes, m.Relationships)
	}
	if err != nil {
		return fmt.Errorf("restore %s into database %q: %w", c.Dir, c.Neo4jDatabase, err)
	}
	fmt.Fprintf(stdout, "restored the backup of %s (made %s) into database %q in %s:\n", m.Database, m.CreatedAt.Format(time.RFC3339), c.Neo4jDatabase, time.Since(start).Round(time.Millisecond))
	printBackupCounts(stdout, counts)
	return nil
}

func printBackupCounts(w io.Writer, c graph.BackupCounts) {
	for _, part := range []struct {
		what string
		m    map[string]int
	}{{"nodes", c.Nodes}, {"relationships", c.Relationships}} {
		for _, k := range slices.Sorted(maps.Keys(part.m)) {
			fmt.Fprintf(w, "  %-20s %8d %s\n", k, part.m[k], part.what)
		}
	}
}

// gzipFile is a gzip stream into a file; Close ends both.
type gzipFile struct {
	f   *os.File
	z   *gzip.Writer
	err error
}

func createGzip(path string) *gzipFile {
	f, err := os.Create(path)
	if err != nil {
		return &gzipFile{err: err}
	}
	return &gzipFile{f: f, z: gzip.NewWriter(f)}
}

func (g *gzipFile) Write(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	return g.z.Write(p)
}

func (g *gzipFile) Close() error {
	if g.f == nil {
		return g.err
	}
	return errors.Join(g.z.Close(), g.f.Close())
}

// gzipReader reads a gzipped file; Close closes the file.
type gzipReader struct {
	*gzip.Reader
	f *os.File
}

func openGzip(path string) (*gzipReader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("the backup lacks %s: %w", filepath.Base(path), err)
	}
	z, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &gzipReader{z, f}, nil
}

func (g *gzipReader) Close() error { return errors.Join(g.Reader.Close(), g.f.Close()) }
