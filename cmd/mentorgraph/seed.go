package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
	"github.com/mentorgraph/mentorgraph/graph/seed"
)

// runSeed is `mentorgraph seed [flags]`: it generates a demo network and
// writes it as CSV files (-out) or loads it through the import path.
func runSeed(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, err := parseSeedConfig(args, stderr)
	if err != nil {
		return err
	}
	network := fmt.Sprintf("a network of %s (seed %d)", plural(c.People, "person", "people"), c.Seed)
	if c.Shape != seed.ShapeDefault {
		network = fmt.Sprintf("a %s network of %s (seed %d)", c.Shape, plural(c.People, "person", "people"), c.Seed)
	}
	cfg := seed.Config{People: c.People, Seed: c.Seed, Shape: c.Shape}
	if c.Out != "" {
		ds := seed.Generate(cfg)
		if err := dataset.WriteDir(c.Out, ds); err != nil {
			return fmt.Errorf("write CSV files to %s: %w", c.Out, err)
		}
		fmt.Fprintf(stdout, "wrote %s to %s:\n", network, c.Out)
		if err := printKindCounts(stdout, ds, true); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "load it with: mentorgraph import %s\n", c.Out)
		return nil
	}

	driver, store, err := openStore(ctx, c.Config)
	if err != nil {
		return err
	}
	defer driver.Close(context.Background())
	if c.IfEmpty {
		empty, err := store.IsEmpty(ctx)
		if err != nil {
			return fmt.Errorf("look for people in database %q: %w", c.Neo4jDatabase, err)
		}
		if !empty {
			fmt.Fprintln(stdout, "database already has data; demo not loaded")
			return nil
		}
	}
	if err := applySchema(ctx, store, c.Neo4jDatabase, slog.New(slog.NewTextHandler(stderr, nil))); err != nil {
		return err
	}
	ds := seed.Generate(cfg)
	fmt.Fprintf(stderr, "generated %s\n", network)
	if err := load(ctx, store, ds, loadOptions{batchSize: c.BatchSize, rerun: "the same seed command"}, stdout, stderr); err != nil {
		return err
	}
	if c.DemoAccounts {
		return createDemoAccounts(ctx, store, ds, stdout)
	}
	return nil
}
