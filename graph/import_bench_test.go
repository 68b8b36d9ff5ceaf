package graph_test

import (
	"context"
	"flag"
	"testing"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/seed"
)

var benchPeople = flag.Int("import-people", 100000, "people in the network BenchmarkImport loads")
var benchBatch = flag.Int("import-batch", 10000, "rows per transaction in BenchmarkImport")
var benchWorkers = flag.Int("import-workers", 2, "concurrent batches in BenchmarkImport")

// BenchmarkImport generates a network (graph/seed) and imports it into the
// package's Neo4j, reporting rows/s. Each iteration imports under fresh ids
// is not possible with fixed seed ids, so iteration 1 creates and later
// ones find everything unchanged; run with -benchtime=1x for the load rate:
//
//	go test ./graph -run '^$' -bench Import -benchtime=1x -import-people=1000000
func BenchmarkImport(b *testing.B) {
	ds := seed.Generate(seed.Config{People: *benchPeople, Seed: 42})
	s := newStore(b)
	b.ResetTimer()
	for range b.N {
		rep, err := s.Import(context.Background(), ds, graph.ImportOptions{BatchSize: *benchBatch, Workers: *benchWorkers})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(rep.Rows)/rep.Duration.Seconds(), "rows/s")
		b.ReportMetric(float64(rep.Rows), "rows")
		for _, k := range rep.Kinds {
			b.Logf("%-13s rows %9d created %9d updated %6d unchanged %9d  %8s %7.0f rows/s", k.Kind, k.Rows, k.Created, k.Updated, k.Unchanged,
				k.Duration.Round(1e6), float64(k.Rows)/k.Duration.Seconds())
		}
		b.Logf("open-mentor links refreshed in %s", rep.OpenMentorLinksDuration.Round(1e6))
		b.Logf("%d rows in %s: %.0f rows/s", rep.Rows, rep.Duration.Round(1e6), float64(rep.Rows)/rep.Duration.Seconds())
	}
}
