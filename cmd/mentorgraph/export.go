package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// runExport is `mentorgraph export [flags] DIR`: it reads the whole graph
// and writes it in the import layout, as the eight CSV files into DIR or,
// with -ndjson, as NDJSON lines; then it prints the records of each kind.
func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, err := parseExportConfig(args, stderr)
	if err != nil {
		return err
	}
	driver, store, err := openStore(ctx, c.Config)
	if err != nil {
		return err
	}
	defer driver.Close(context.Background())
	ds, err := store.Export(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return errors.New("interrupted; nothing was written")
		}
		return fmt.Errorf("read the graph of database %q: %w", c.Neo4jDatabase, err)
	}

	// With NDJSON on standard output the counts go to stderr.
	report := stdout
	switch c.NDJSON {
	case "":
		if err := dataset.WriteDir(c.Dir, ds); err != nil {
			return fmt.Errorf("write CSV files to %s: %w", c.Dir, err)
		}
		fmt.Fprintf(report, "exported database %q to %s:\n", c.Neo4jDatabase, c.Dir)
		return printKindCounts(report, ds, true)
	case "-":
		report = stderr
		bw := bufio.NewWriterSize(stdout, 64<<10)
		if err := dataset.WriteNDJSON(bw, ds); err != nil {
			return fmt.Errorf("write NDJSON: %w", err)
		}
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("write NDJSON: %w", err)
		}
		fmt.Fprintf(report, "exported database %q as NDJSON to standard output:\n", c.Neo4jDatabase)
	default:
		if err := writeFileAtomically(c.NDJSON, func(w io.Writer) error { return dataset.WriteNDJSON(w, ds) }); err != nil {
			return fmt.Errorf("write NDJSON to %s: %w", c.NDJSON, err)
		}
		fmt.Fprintf(report, "exported database %q as NDJSON to %s:\n", c.Neo4jDatabase, c.NDJSON)
	}
	return printKindCounts(report, ds, false)
}

// writeFileAtomically writes path through write: into a temporary file
// next to it, renamed over path only when all was written, so a failed or
// interrupted export never leaves half a file under the name.
func writeFileAtomically(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Chmod(0o644)
	}
	err = errors.Join(err, f.Close())
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		_ = os.Remove(f.Name())
	}
	return err
}
