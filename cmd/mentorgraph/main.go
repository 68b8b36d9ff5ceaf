// Command mentorgraph is the MentorGraph server and its tools.
//
//	mentorgraph serve     serve the GraphQL API over Neo4j
//
// Run `mentorgraph <command> -h` for a command's flags. Every flag can also
// be given as an environment variable (shown in the flag's help).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
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
