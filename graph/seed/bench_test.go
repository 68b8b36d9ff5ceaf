package seed

import "testing"

// BenchmarkGenerate generates a 100k-person network.
func BenchmarkGenerate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Generate(Config{People: 100_000, Seed: 1})
	}
}

// BenchmarkGenerate1M generates a 1M-person network (run it explicitly:
// -bench Generate1M -benchtime 1x).
func BenchmarkGenerate1M(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Generate(Config{People: 1_000_000, Seed: 1})
	}
}
