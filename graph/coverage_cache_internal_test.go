package graph

import (
	"testing"
	"time"
)

// TestCoverageCacheKeepsTheNewReport: with the cache full, asking for a
// new report evicts the least recently asked one, not the new one.
func TestCoverageCacheKeepsTheNewReport(t *testing.T) {
	c := newCoverageCache()
	t0 := time.Now()
	for i := range coverageCacheSize {
		c.entry(coverageKey{hops: i}, t0.Add(time.Duration(i)*time.Second))
	}
	fresh := coverageKey{hops: -1}
	e := c.entry(fresh, t0.Add(time.Hour))
	if len(c.entries) != coverageCacheSize {
		t.Fatalf("%d entries, want %d", len(c.entries), coverageCacheSize)
	}
	if c.entries[fresh] != e {
		t.Error("the new report's entry was evicted as soon as it was made")
	}
	if _, ok := c.entries[coverageKey{hops: 0}]; ok {
		t.Error("the least recently asked report was kept")
	}
}
