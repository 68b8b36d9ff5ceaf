package neo4jtest

import (
	"testing"
	"time"

	"github.com/testcontainers/testcontainers-go"
	"github.com/testcontainers/testcontainers-go/wait"
)

// TestStartupWaitOutlastsTheModules: the container waits for Neo4j as the
// neo4j module does (its log line, then HTTP), but each wait may take
// startupWait, not the module's 60 s, which a loaded machine starting
// several containers at once exceeded.
func TestStartupWaitOutlastsTheModules(t *testing.T) {
	req := testcontainers.GenericContainerRequest{}
	// What tcneo4j.Run sets before our options, then ours.
	if err := testcontainers.WithWaitStrategy(wait.NewLogStrategy("Bolt enabled on")).Customize(&req); err != nil {
		t.Fatal(err)
	}
	if err := startupDeadline(startupWait).Customize(&req); err != nil {
		t.Fatal(err)
	}
	all, ok := req.WaitingFor.(*wait.MultiStrategy)
	if !ok {
		t.Fatalf("wait strategy is %T, want wait.ForAll", req.WaitingFor)
	}
	if len(all.Strategies) != 2 {
		t.Fatalf("%d wait strategies, want the log line and HTTP", len(all.Strategies))
	}
	if _, ok := all.Strategies[0].(*wait.LogStrategy); !ok {
		t.Errorf("first wait is %T, want the log line", all.Strategies[0])
	}
	if _, ok := all.Strategies[1].(*wait.HTTPStrategy); !ok {
		t.Errorf("second wait is %T, want HTTP", all.Strategies[1])
	}
	for _, st := range all.Strategies {
		if d := st.(wait.StrategyTimeout).Timeout(); d == nil || *d != startupWait {
			t.Errorf("%T may wait %v, want %v", st, d, startupWait)
		}
	}
	if startupWait < 2*time.Minute {
		t.Errorf("startupWait %v gives a loaded machine little more than the module's 60 s", startupWait)
	}
}
