// Command neo4j-dev starts (or finds running) the development Neo4j that
// `make run` uses, and prints shell `export` lines for NEO4J_URI,
// NEO4J_USER and NEO4J_PASSWORD on stdout:
//
//	eval "$(go run ./cmd/neo4j-dev)"
//
// The container is named mentorgraph-dev-neo4j and keeps its database in the
// Docker volume mentorgraph-dev-neo4j-data, so data survives restarts and
// removal of the container. `neo4j-dev -stop` stops it (the data stays).
// With NEO4J_URI already set, nothing is started and that server is used.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"

	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
)

const (
	containerName = "mentorgraph-dev-neo4j"
	volumeName    = "mentorgraph-dev-neo4j-data"
)

func main() {
	stop := flag.Bool("stop", false, "stop the development Neo4j container (its data volume is kept)")
	flag.Parse()
	if *stop {
		cmd := exec.Command("docker", "stop", containerName)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			fmt.Fprintf(os.Stderr, "neo4j-dev: stop %s: %v\n", containerName, err)
			os.Exit(1)
		}
		return
	}
	opts := neo4jtest.FromEnv()
	opts.Name = containerName
	opts.DataVolume = volumeName
	opts.KeepRunning = true
	srv, err := neo4jtest.Start(context.Background(), opts)
	if err != nil {
		fmt.Fprintf(os.Stderr, "neo4j-dev: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("export NEO4J_URI=%q\nexport NEO4J_USER=%q\nexport NEO4J_PASSWORD=%q\nexport NEO4J_DATABASE=%q\n",
		srv.URI, srv.User, srv.Password, srv.Database)
}
