// Command mentorgraph is the MentorGraph server and its tools.
//
//	mentorgraph serve     serve the GraphQL API over Neo4j
//	mentorgraph import    validate CSV or NDJSON files and load them into Neo4j
//	mentorgraph export    write the graph as the import layout's CSV files or NDJSON
//	mentorgraph seed      generate a demo network: load it, or write it as CSV files
//	mentorgraph admin     create an admin account (the first one of a fresh database)
//	mentorgraph token     print a new API token of an account (or of each demo account)
//
// Run `mentorgraph <command> -h` for a command's flags. The Neo4j connection
// flags and serve's flags can also be given as environment variables (shown
// in each flag's help).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// command is one subcommand of mentorgraph.
type command struct {
	name, summary string
	run           func(ctx context.Context, args []string) error
}

var commands = []command{
	{"serve", "serve the GraphQL API over Neo4j", runServe},
	{"import", "validate CSV or NDJSON files and load them into Neo4j", withStdio(runImport)},
	{"export", "write the graph as the import layout's CSV files or NDJSON", withStdio(runExport)},
	{"backup", "back up everything in the database into a folder (one consistent read)", withStdio(runBackup)},
	{"restore", "restore a backup into an empty database, all or nothing", withStdio(runRestore)},
	{"seed", "generate a demo network: load it, or write it as CSV files", withStdio(runSeed)},
	{"admin", "create an admin account: mentorgraph admin create -login ... -person ...", func(ctx context.Context, args []string) error {
		return runAdmin(ctx, args, os.Stdin, os.Stdout, os.Stderr)
	}},
	{"token", "print a new API token: mentorgraph token create -login ... (token demo: one per demo account)", withStdio(runToken)},
}

// withStdio runs a command that writes to the writers it is given on the
// process's standard output and error (tests give it buffers).
func withStdio(run func(ctx context.Context, args []string, stdout, stderr io.Writer) error) func(context.Context, []string) error {
	return func(ctx context.Context, args []string) error { return run(ctx, args, os.Stdout, os.Stderr) }
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: mentorgraph <command> [flags]\n\ncommands:")
	for _, c := range commands {
		fmt.Fprintf(os.Stderr, "  %-10s %s\n", c.name, c.summary)
	}
}

func main() {
	if len(os.Args) < 2 {
		usage()
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	for _, c := range commands {
		if c.name != os.Args[1] {
			continue
		}
		err := c.run(ctx, os.Args[2:])
		switch {
		case err == nil:
			return
		case errors.Is(err, flag.ErrHelp):
			os.Exit(0)
		default:
			fmt.Fprintf(os.Stderr, "mentorgraph %s: %v\n", c.name, err)
			var ce configError
			if errors.As(err, &ce) {
				os.Exit(2)
			}
			os.Exit(1)
		}
	}
	fmt.Fprintf(os.Stderr, "mentorgraph: unknown command %q\n", os.Args[1])
	usage()
	os.Exit(2)
}
