package graph_test

import (
	"context"
	"net/url"
	"runtime"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
)

// The Neo4j containers of tests, benchmarks and `make run` keep connections
// alive only while streaming, so Neo4j sends no read-timeout hint and the
// driver reads answers without a goroutine per chunk.
func TestContainerKeepsAliveOnlyWhileStreaming(t *testing.T) {
	srv := neo4jtest.Get(t)
	if srv.Image == "" {
		t.Skip("NEO4J_URI names an existing server; its settings are its own")
	}
	res, err := neo4j.ExecuteQuery(context.Background(), neo4jtest.Driver(t),
		`SHOW SETTINGS YIELD name, value WHERE name = $name RETURN value`,
		map[string]any{"name": neo4jtest.KeepAliveSetting}, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase("system"), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		t.Fatalf("SHOW SETTINGS: %v", err)
	}
	if len(res.Records) != 1 {
		t.Fatalf("SHOW SETTINGS %s: %d rows, want 1", neo4jtest.KeepAliveSetting, len(res.Records))
	}
	if got := res.Records[0].Values[0]; got != neo4jtest.KeepAliveValue {
		t.Errorf("%s = %v, want %s", neo4jtest.KeepAliveSetting, got, neo4jtest.KeepAliveValue)
	}
}

// On a local Docker engine on Linux (what `make test` provisions) the
// container is reached on its own address, not through docker-proxy on the
// published port, unless NEO4J_PUBLISHED_PORT=1 asks for the port.
func TestContainerReachedOnItsOwnAddress(t *testing.T) {
	srv := neo4jtest.Get(t)
	switch srv.Reach {
	case neo4jtest.ReachExisting:
		t.Skip("NEO4J_URI names an existing server")
	case neo4jtest.ReachPublishedRemote:
		t.Skipf("%s: the container's address is not on this machine", srv.ReachWhy)
	case neo4jtest.ReachPublishedFallback:
		if runtime.GOOS == "linux" {
			t.Fatalf("a local Docker engine on Linux, yet the published port: %s", srv.ReachWhy)
		}
		t.Skipf("not Linux (%s): %s", runtime.GOOS, srv.ReachWhy)
	}
	ip, err := srv.ContainerIP(context.Background())
	if err != nil || ip == "" {
		t.Fatalf("container IP: %q, %v", ip, err)
	}
	u, err := url.Parse(srv.URI)
	if err != nil {
		t.Fatalf("URI %q: %v", srv.URI, err)
	}
	switch want := "bolt://" + ip + ":7687"; srv.Reach {
	case neo4jtest.ReachPublishedAsked:
		if u.Hostname() == ip {
			t.Errorf("the published port was asked for, but the URI is the container's address: %s", srv.URI)
		}
	case neo4jtest.ReachDirect:
		if srv.URI != want {
			t.Errorf("URI = %s, want the container's own address %s", srv.URI, want)
		}
	default:
		t.Errorf("Reach = %v, not one Start returns for a container", srv.Reach)
	}
	if asked := neo4jtest.FromEnv().PublishedPort; asked != (srv.Reach == neo4jtest.ReachPublishedAsked) {
		t.Errorf("the published port asked for (NEO4J_PUBLISHED_PORT=1): %v, but Reach = %v", asked, srv.Reach)
	}
}
