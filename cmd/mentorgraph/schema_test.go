package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
)

// TestServeRefusesANewerDatabase: serve, started on a database a newer
// mentorgraph migrated (its schema version past this build's), stops
// before listening with an error naming both versions (main prints it
// and exits 1).
func TestServeRefusesANewerDatabase(t *testing.T) {
	testStore(t) // the schema applied: the database is at this build's version
	ctx := context.Background()
	srv := neo4jtest.Get(t)
	setVersion := func(v int) {
		t.Helper()
		_, err := neo4j.ExecuteQuery(ctx, neo4jtest.Driver(t), `MATCH (v:SchemaVersion) SET v.version = $v`, map[string]any{"v": v},
			neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(srv.Database))
		if err != nil {
			t.Fatal(err)
		}
	}
	latest := graph.LatestSchemaVersion()
	setVersion(latest + 1)
	t.Cleanup(func() { setVersion(latest) })

	serve := func(ctx context.Context, args []string, _, _ io.Writer) error {
		return runServe(ctx, append(args, "-listen", "127.0.0.1:0", "-log-format", "text"))
	}
	_, _, err := runTool(t, serve)
	if err == nil {
		t.Fatal("serve started on a database of a newer version")
	}
	for _, says := range []string{fmt.Sprintf("version %d", latest+1), fmt.Sprintf("up to %d", latest), srv.Database} {
		if !strings.Contains(err.Error(), says) {
			t.Errorf("serve's error %q does not say %q", err, says)
		}
	}
	if !errors.Is(err, graph.ErrSchemaTooNew) {
		t.Errorf("serve's error is not ErrSchemaTooNew: %v", err)
	}
}
