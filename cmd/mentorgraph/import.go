package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// runImport is `mentorgraph import [flags] PATH...`: it reads a folder of
// import files (or the files), validates them against the database and
// writes them, with progress on stderr and a summary on stdout.
func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, err := parseImportConfig(args, stderr)
	if err != nil {
		return err
	}
	ds, warnings, dir, err := readInput(c.Paths)
	var readProblems dataset.Problems
	if errors.As(err, &readProblems) {
		err = nil // listed with the validation's problems, below
	}
	if err != nil {
		return err
	}
	fileName := func(name string) string { return name }
	if dir != "" {
		fileName = func(name string) string { return filepath.Join(dir, name) }
	}
	for _, w := range warnings {
		if w.File != "" {
			w.File = fileName(w.File)
		}
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}

	driver, store, err := openStore(ctx, c.Config)
	if err != nil {
		if len(readProblems) > 0 {
			// Show what is wrong with the files even though the references
			// cannot be checked.
			_ = listProblems(stderr, readProblems, fileName)
			return fmt.Errorf("%s in the files (references not checked); nothing was written\n%w", plural(len(readProblems), "problem", "problems"), err)
		}
		return err
	}
	defer driver.Close(context.Background())
	if !c.DryRun {
		if err := applySchema(ctx, store, c.Neo4jDatabase, slog.New(slog.NewTextHandler(stderr, nil))); err != nil {
			return err
		}
	}
	return load(ctx, store, ds, loadOptions{
		dryRun:       c.DryRun,
		batchSize:    c.BatchSize,
		readProblems: readProblems,
		rerun:        "the same import",
		fileName:     fileName,
	}, stdout, stderr)
}

// readInput reads one folder (returned as dir, the folder problems and
// warnings are relative to) or one or more files.
func readInput(paths []string) (ds *dataset.Dataset, warnings []dataset.Warning, dir string, err error) {
	for _, path := range paths {
		fi, err := os.Stat(path)
		if err != nil {
			return nil, nil, "", err
		}
		if fi.IsDir() {
			if len(paths) > 1 {
				return nil, nil, "", configError{fmt.Errorf("%s is a folder: give one folder, or files", path)}
			}
			dir = path
		}
	}
	if dir != "" {
		ds, warnings, err = dataset.ReadDir(dir)
		return ds, warnings, dir, err
	}
	ds, warnings, err = dataset.ReadFiles(paths...)
	return ds, warnings, "", err
}
