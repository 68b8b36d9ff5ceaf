package graph

import (
	"context"
	"sync"
	"time"
)

// A coverage report is computed whole by one statement that costs seconds
// on a large network (coverageTemplate), and organizers open the same few
// reports again and again between writes. So a Store keeps the reports it
// computed and answers from them (docs/design/coverage-reports.md):
//
//   - A report is stamped with the store's write count (Store.writes, raised
//     after every write transaction it runs) read before its computation
//     started, and with that start, computedAt. A write through the store
//     since then makes it stale.
//   - A request that allows a stale answer (CoverageArgs.AllowStale, the
//     GraphQL default) is answered from the kept report when it is at most
//     maxStale old, marked stale when a write through the store came
//     after it; a recomputation starts in the background when it is stale
//     or older than refreshAfter. Writes through other servers (which this
//     store does not count) thus show within refreshAfter of the next
//     request, and in any answer within maxStale.
//   - Any other request, and one that finds no report young enough, waits
//     for a computation that started after it arrived: its answer holds
//     every write committed before it, through any server.
//
// Reports hold their id lists whole; what an audience may see of them is
// read at each answer (visibleCoverageIDs), so no report shows anyone to
// an audience that may not see them now.

// Defaults of a Store's kept coverage reports.
const (
	// CoverageMaxStale is how old (from the start of its computation) a
	// report may be and still answer a request that allows stale answers.
	CoverageMaxStale = time.Minute
	// CoverageRefreshAfter is the age past which a report asked for is
	// recomputed in the background even when no write through this store
	// came after it (a write through another server may have).
	CoverageRefreshAfter = 20 * time.Second
	// coverageCacheSize is how many reports a Store keeps (the least
	// recently asked go first): one per organization, reach, level and
	// without person asked.
	coverageCacheSize = 1024
	// coverageComputations is how many coverage statements one Store runs
	// at once, so that many organizers opening different reports after a
	// write queue instead of loading Neo4j with many multi-second
	// statements.
	coverageComputations = 2
	// coverageComputeTimeout bounds a computation, which runs for no
	// request in particular (it outlives the one that started it).
	coverageComputeTimeout = 5 * time.Minute
)

// coverageReport is a whole coverage report, sorted worst gap first.
type coverageReport struct {
	rows []SkillGap
	// writes is the store's write count read before the computation
	// started, at computedAt.
	writes     int64
	computedAt time.Time
}

// coverageKey is what a report depends on besides the data.
type coverageKey struct {
	org, without       string
	hasOrg, hasWithout bool
	hops, minLevel     int
}

func coverageKeyOf(a CoverageArgs) coverageKey {
	k := coverageKey{hops: a.MaxHops, minLevel: a.MinLevel}
	if a.Organization != nil {
		k.org, k.hasOrg = *a.Organization, true
	}
	if a.Without != nil {
		k.without, k.hasWithout = *a.Without, true
	}
	return k
}

// coverageRun is one computation of a report, shared by every request
// waiting for it.
type coverageRun struct {
	done chan struct{}
	err  error
}

type coverageEntry struct {
	report  *coverageReport // the latest computed, nil before the first
	running *coverageRun    // the computation under way, if any
	used    time.Time
}

// coverageCache holds a Store's coverage reports.
type coverageCache struct {
	mu                     sync.Mutex
	entries                map[coverageKey]*coverageEntry
	slots                  chan struct{} // coverageComputations
	maxStale, refreshAfter time.Duration
}

func newCoverageCache() *coverageCache {
	return &coverageCache{entries: map[coverageKey]*coverageEntry{}, slots: make(chan struct{}, coverageComputations),
		maxStale: CoverageMaxStale, refreshAfter: CoverageRefreshAfter}
}

// coverageReportFor returns the report args ask for (see the top of this
// file) and whether it is stale.
func (s *Store) coverageReportFor(ctx context.Context, args CoverageArgs) (*coverageReport, bool, error) {
	c, key := s.coverage, coverageKeyOf(args)
	arrived, writes := time.Now(), s.writes.Load()
	for {
		c.mu.Lock()
		e := c.entry(key, arrived)
		r := e.report
		switch {
		case r != nil && args.AllowStale && arrived.Sub(r.computedAt) <= c.maxStale:
			stale := r.writes < writes
			if (stale || arrived.Sub(r.computedAt) > c.refreshAfter) && e.running == nil {
				s.startCoverageRun(ctx, e, args)
			}
			c.mu.Unlock()
			return r, stale, nil
		case r != nil && !r.computedAt.Before(arrived):
			// Computed after the request arrived: it holds every write
			// committed before.
			c.mu.Unlock()
			return r, false, nil
		}
		run := e.running
		if run == nil {
			run = s.startCoverageRun(ctx, e, args)
		}
		c.mu.Unlock()
		select {
		case <-run.done:
		case <-ctx.Done():
			return nil, false, translate("coverage gaps", ctx.Err())
		}
		if run.err != nil {
			return nil, false, run.err
		}
		// The report it made is e.report: take it, or (when it started
		// before the request arrived and a fresh one is asked for) wait
		// for the next.
	}
}

// startCoverageRun starts computing the report of e (c.mu held) in a
// goroutine of its own, which outlives the request that started it.
func (s *Store) startCoverageRun(ctx context.Context, e *coverageEntry, args CoverageArgs) *coverageRun {
	c := s.coverage
	run := &coverageRun{done: make(chan struct{})}
	e.running = run
	args.Page = PageArgs{}
	// Not the request's cancellation or deadline: the run serves every
	// request for the report, including ones that come after this one.
	runCtx, cancel := context.WithTimeout(context.WithValue(context.WithoutCancel(ctx), deadlineKey{}, nil), coverageComputeTimeout)
	go func() {
		defer cancel()
		c.slots <- struct{}{}
		writes, started := s.writes.Load(), time.Now()
		rows, err := s.computeCoverage(runCtx, args)
		<-c.slots
		c.mu.Lock()
		e.running, run.err = nil, err
		if err == nil && (e.report == nil || !started.Before(e.report.computedAt)) {
			e.report = &coverageReport{rows: rows, writes: writes, computedAt: started}
		}
		c.mu.Unlock()
		close(run.done)
	}()
	return run
}

// entry is the entry of key (c.mu held), made when there is none, marked
// used at now.
func (c *coverageCache) entry(key coverageKey, now time.Time) *coverageEntry {
	e := c.entries[key]
	if e == nil {
		// Marked used before evict runs: a new entry is the latest asked,
		// not the first to go.
		e = &coverageEntry{used: now}
		c.entries[key] = e
		c.evict()
	}
	e.used = now
	return e
}

// evict drops the least recently asked report that is not being computed
// while the cache holds more than coverageCacheSize (c.mu held).
func (c *coverageCache) evict() {
	for len(c.entries) > coverageCacheSize {
		var oldest *coverageKey
		var at time.Time
		for k, e := range c.entries {
			if e.running == nil && (oldest == nil || e.used.Before(at)) {
				oldest, at = &k, e.used
			}
		}
		if oldest == nil {
			return
		}
		delete(c.entries, *oldest)
	}
}
