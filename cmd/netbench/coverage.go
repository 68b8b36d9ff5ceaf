package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/mentorgraph/mentorgraph/graph"
)

// coverageOrgCount is how many organizations the coverage question asks
// about (their reports are computed in the warm-up, then kept).
const coverageOrgCount = 20

// coverageComputations is how many reports coverageFigures computes of
// each kind.
const coverageComputations = 5

// coverageFigures measures, when the coverage questions ran, what the
// table's kept reports cost to compute, and the whole network's answer
// right after a write, straight through the store:
//   - computing a report: an organization's (organizations outside the
//     table's) and the whole network's, asked fresh (which waits for a
//     computation that starts after the ask);
//   - after a write (a random person's headline: any write marks the kept
//     reports stale): the answer allowing a stale one (GraphQL's default),
//     then fresh.
func coverageFigures(ctx context.Context, store *graph.Store, pl *pools, qs []question) error {
	if !slices.ContainsFunc(qs, func(q question) bool { return strings.HasPrefix(q.name, "coverageGaps") }) {
		return nil
	}
	ask := func(org *string, allowStale bool) (time.Duration, graph.CoveragePage, error) {
		t0 := time.Now()
		p, err := store.Coverage(ctx, graph.CoverageArgs{Organization: org, MaxHops: 2, MinLevel: graph.DefaultCoverageMinLevel,
			Page: graph.PageArgs{First: 20}, AllowStale: allowStale})
		return time.Since(t0), p, err
	}
	var orgs, whole []time.Duration
	for _, o := range pl.orgs {
		if len(orgs) == coverageComputations {
			break
		}
		if slices.Contains(pl.coverageOrgs, o) {
			continue
		}
		took, _, err := ask(&o, false)
		if err != nil {
			return fmt.Errorf("coverage of %s, computed: %w", o, err)
		}
		orgs = append(orgs, took)
	}
	for range coverageComputations {
		took, _, err := ask(nil, false)
		if err != nil {
			return fmt.Errorf("coverage of the whole network, computed: %w", err)
		}
		whole = append(whole, took)
	}
	fmt.Printf("coverageGaps (2 hops, first 20) computed, direct, %d each: an organization p50 %s, max %s; the whole network p50 %s, max %s\n",
		coverageComputations, ms(pct(orgs, 50)), ms(slices.Max(orgs)), ms(pct(whole, 50)), ms(slices.Max(whole)))

	var writes, staleAsks, freshAsks []time.Duration
	stale := 0
	for i := range coverageComputations {
		headline := fmt.Sprintf("netbench %d", i)
		t0 := time.Now()
		if _, err := store.UpdatePerson(ctx, pl.any().person, graph.PersonPatch{Headline: graph.Optional[string]{Set: true, Value: &headline}}); err != nil {
			return fmt.Errorf("coverage after a write: %w", err)
		}
		writes = append(writes, time.Since(t0))
		took, p, err := ask(nil, true)
		if err != nil {
			return fmt.Errorf("coverage after a write: %w", err)
		}
		staleAsks = append(staleAsks, took)
		if p.Stale {
			stale++
		}
		if took, _, err = ask(nil, false); err != nil {
			return fmt.Errorf("coverage after a write, fresh: %w", err)
		}
		freshAsks = append(freshAsks, took)
	}
	fmt.Printf("coverageGaps (whole network) right after a write, direct, %d writes (p50 %s): stale allowed p50 %s, max %s (%d of %d stale); then fresh p50 %s, max %s\n",
		coverageComputations, ms(pct(writes, 50)), ms(pct(staleAsks, 50)), ms(slices.Max(staleAsks)), stale, coverageComputations,
		ms(pct(freshAsks, 50)), ms(slices.Max(freshAsks)))
	return nil
}
