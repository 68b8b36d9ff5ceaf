package graph

import (
	"context"
	"fmt"
	"sync"
)

// The order an import writes a kind's rows in. Batches are written by
// several workers at once; for links between two people that alone makes
// them slow, as two transactions creating links of the same person wait
// for each other's locks (and sometimes deadlock and retry). So such links
// are written in rounds: people are hashed into 2×workers buckets, the
// links sorted into cells by the buckets of their two ends, and each round
// writes cells that share no bucket side by side (a round-robin
// tournament of the buckets, then the cells within one bucket). Other
// kinds are one round of consecutive batches, as they come.
//
// Rounds keep people apart, not the links already stored: a new link is
// put at the head of each end's chain of links, which locks the link that
// was there, and two people of different lanes can share that link (a
// mentorship, a connection of an earlier round). Two lanes can still
// deadlock on it, and the driver retries the loser after a second or two.
// At 12,000 connections (with their mentorships) most imports met such a
// retry, which cost more than side-by-side writing saved; so links that
// fit in workers batches are one lane, written one batch after the other.

// importRounds returns the rows of st (their indexes) as rounds of lanes:
// the lanes of a round are written side by side, each lane's batches one
// after the other, and a round starts when the one before is done.
func importRounds(st importStep, batchSize, workers int) [][][]int32 {
	if st.pair != nil && st.n <= workers*batchSize {
		lane := make([]int32, st.n)
		for i := range lane {
			lane[i] = int32(i)
		}
		return [][][]int32{{lane}}
	}
	if st.pair == nil || workers < 2 {
		var lanes [][]int32
		for from := 0; from < st.n; from += batchSize {
			lane := make([]int32, min(batchSize, st.n-from))
			for j := range lane {
				lane[j] = int32(from + j)
			}
			lanes = append(lanes, lane)
		}
		return [][][]int32{lanes}
	}
	buckets := 2 * workers
	cellOf := func(i int) int {
		a, b := st.pair(i)
		x, y := bucketOf(a, buckets), bucketOf(b, buckets)
		if x > y {
			x, y = y, x
		}
		return x*buckets + y
	}
	cells := make([][]int32, buckets*buckets)
	for i := range st.n {
		c := cellOf(i)
		cells[c] = append(cells[c], int32(i))
	}
	var rounds [][][]int32
	add := func(lanes [][]int32) {
		var kept [][]int32
		for _, l := range lanes {
			if len(l) > 0 {
				kept = append(kept, l)
			}
		}
		if len(kept) > 0 {
			rounds = append(rounds, kept)
		}
	}
	// Circle method: bucket 0 stays, the others turn one place a round;
	// position i meets position buckets-1-i.
	seat := make([]int, buckets)
	for i := range seat {
		seat[i] = i
	}
	for range buckets - 1 {
		lanes := make([][]int32, 0, workers)
		for i := range buckets / 2 {
			x, y := min(seat[i], seat[buckets-1-i]), max(seat[i], seat[buckets-1-i])
			lanes = append(lanes, cells[x*buckets+y])
		}
		add(lanes)
		last := seat[buckets-1]
		copy(seat[2:], seat[1:buckets-1])
		seat[1] = last
	}
	diagonal := make([][]int32, 0, buckets)
	for x := range buckets {
		diagonal = append(diagonal, cells[x*buckets+x])
	}
	add(diagonal)
	return rounds
}

// bucketOf hashes a person id (FNV-1a) into one of n buckets.
func bucketOf(id string, n int) int {
	h := uint32(2166136261)
	for i := 0; i < len(id); i++ {
		h ^= uint32(id[i])
		h *= 16777619
	}
	return int(h % uint32(n))
}

// writeRounds calls write for every batch of rounds (see importRounds)
// with up to workers calls at once. The first error stops it: batches not
// yet started are not written, and that error is returned (or ctx's).
func writeRounds(ctx context.Context, rounds [][][]int32, batchSize, workers int, write func(rows []int32) error) error {
	var (
		mu       sync.Mutex
		firstErr error
	)
	stopped := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return firstErr != nil || ctx.Err() != nil
	}
	for _, lanes := range rounds {
		next := make(chan []int32)
		var wg sync.WaitGroup
		for range min(workers, len(lanes)) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for lane := range next {
					for from := 0; from < len(lane) && !stopped(); from += batchSize {
						if err := write(lane[from:min(from+batchSize, len(lane))]); err != nil {
							mu.Lock()
							if firstErr == nil {
								firstErr = err
							}
							mu.Unlock()
						}
					}
				}
			}()
		}
		for _, lane := range lanes {
			if stopped() {
				break
			}
			next <- lane
		}
		close(next)
		wg.Wait()
		if firstErr != nil {
			return firstErr
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	return nil
}

// rowRange names the rows of a batch (1-based, as counted in their kind).
func rowRange(rows []int32) string {
	first, last := rows[0], rows[len(rows)-1]
	if int(last-first) == len(rows)-1 {
		return fmt.Sprintf("%d-%d", first+1, last+1)
	}
	return fmt.Sprintf("%d, %d, … (%d rows between %d and %d)", rows[0]+1, rows[1]+1, len(rows), first+1, last+1)
}
