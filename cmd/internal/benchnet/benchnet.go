// Package benchnet gives the benchmark commands (netbench, loadbench) the
// network they measure: a Neo4j from graph/neo4jtest with a network made
// by graph/seed imported into it.
//
// It imports graph, graph/dataset, graph/seed and graph/neo4jtest.
package benchnet

import (
	"context"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/dataset"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
	"github.com/mentorgraph/mentorgraph/graph/seed"
)

// Network is a Neo4j holding a generated network.
type Network struct {
	Server  *neo4jtest.Server
	Driver  neo4j.DriverWithContext
	Store   *graph.Store
	Dataset *dataset.Dataset
	// Rows is how many rows the import wrote, in Took.
	Rows int
	Took time.Duration
}

// Load starts Neo4j (NEO4J_URI, or a container with heap and pageCache as
// its memory unless the environment names sizes), applies the schema and
// imports the network graph/seed makes for cfg. Close stops it.
func Load(ctx context.Context, cfg seed.Config, heap, pageCache string) (*Network, error) {
	opts := neo4jtest.FromEnv()
	if opts.HeapSize == "" {
		opts.HeapSize, opts.PageCacheSize = heap, pageCache
	}
	srv, err := neo4jtest.Start(ctx, opts)
	if err != nil {
		return nil, err
	}
	n := &Network{Server: srv}
	if n.Driver, err = srv.Driver(ctx); err != nil {
		n.Close()
		return nil, err
	}
	n.Store = graph.NewStore(n.Driver, srv.Database)
	if err := n.Store.ApplySchema(ctx); err != nil {
		n.Close()
		return nil, err
	}
	n.Dataset = seed.Generate(cfg)
	start := time.Now()
	rep, err := n.Store.Import(ctx, n.Dataset, graph.ImportOptions{})
	if err != nil {
		n.Close()
		return nil, err
	}
	n.Rows, n.Took = rep.Rows, time.Since(start)
	return n, nil
}

// Close closes the driver and stops Neo4j (a container it started).
func (n *Network) Close() {
	if n.Driver != nil {
		_ = n.Driver.Close(context.Background())
	}
	_ = n.Server.Close()
}
