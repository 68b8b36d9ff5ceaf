package graph_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
)

// TestMain starts the package's Neo4j, runs the tests, and fails the run
// when the store sent a statement that has no golden file
// (cypher_golden_test.go).
func TestMain(m *testing.M) {
	graph.RecordSentStatements()
	code := neo4jtest.RunMain(m)
	if unlisted := graph.UnlistedStatements(); code == 0 && len(unlisted) > 0 {
		fmt.Fprintf(os.Stderr, "FAIL: %d statements sent by the store have no golden file: list them in cypherStatements (graph/cypher_golden_test.go) and run go test ./graph -run Golden -update:\n", len(unlisted))
		for _, c := range unlisted {
			fmt.Fprintln(os.Stderr, "  ", c)
		}
		code = 1
	}
	os.Exit(code)
}
