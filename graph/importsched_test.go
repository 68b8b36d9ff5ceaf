package graph

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// Links between people are written in rounds whose lanes share no person:
// every row comes exactly once, and two lanes of one round never hold the
// same person.
func TestImportRoundsKeepConcurrentLanesApart(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const people, links = 500, 20000
	ends := make([][2]string, links)
	for i := range ends {
		ends[i] = [2]string{fmt.Sprintf("p%d", rng.IntN(people)), fmt.Sprintf("p%d", rng.IntN(people))}
	}
	st := importStep{n: links, pair: func(i int) (string, string) { return ends[i][0], ends[i][1] }}
	for _, workers := range []int{2, 3, 4} {
		rounds := importRounds(st, 1000, workers)
		seen := make([]int, links)
		for r, lanes := range rounds {
			owner := map[string]int{} // person → lane of this round
			for l, lane := range lanes {
				for _, i := range lane {
					seen[i]++
					for _, p := range ends[i] {
						if o, ok := owner[p]; ok && o != l {
							t.Fatalf("workers %d, round %d: %s is in lanes %d and %d", workers, r, p, o, l)
						}
						owner[p] = l
					}
				}
			}
		}
		for i, n := range seen {
			if n != 1 {
				t.Fatalf("workers %d: row %d written %d times", workers, i, n)
			}
		}
		// A tournament of 2w buckets: 2w-1 rounds of w lanes, then one of the
		// 2w cells within a bucket.
		if len(rounds) != 2*workers {
			t.Errorf("workers %d: %d rounds, want %d", workers, len(rounds), 2*workers)
		}
	}
	// One worker, or links not between people: consecutive batches.
	plain := importRounds(importStep{n: 2500}, 1000, 2)
	if len(plain) != 1 || len(plain[0]) != 3 || plain[0][2][0] != 2000 || len(plain[0][2]) != 500 {
		t.Errorf("plain rows: %d rounds, lanes %v", len(plain), plain)
	}
	// Links that fit in workers batches: one lane, its batches written one
	// after the other, not a transaction per cell.
	st.n = 2000
	if one := importRounds(st, 1000, 2); len(one) != 1 || len(one[0]) != 1 || len(one[0][0]) != 2000 || one[0][0][1999] != 1999 {
		t.Errorf("links in two batches of two workers: %d rounds, %d lanes", len(one), len(one[0]))
	}
}
