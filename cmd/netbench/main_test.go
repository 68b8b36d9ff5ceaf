package main

import (
	"testing"
	"time"
)

func TestPairedRatio(t *testing.T) {
	ms := func(v ...float64) []time.Duration {
		out := make([]time.Duration, len(v))
		for i, f := range v {
			out[i] = time.Duration(f * float64(time.Millisecond))
		}
		return out
	}
	for _, tc := range []struct {
		name        string
		direct, gql []time.Duration
		want        float64
	}{
		{"no asks", nil, nil, 0},
		// Ask by ask 1.1, 1.2 and 3.0: the median is the middle one,
		// whatever each ask's own size.
		{"median of the asks' ratios", ms(1, 10, 2), ms(1.1, 12, 6), 1.2},
		// A slow spell that doubles both sides of an ask leaves its ratio.
		{"slow spell divides out", ms(1, 2, 1), ms(1.1, 2.2, 1.1), 1.1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := pairedRatio(tc.direct, tc.gql); got < tc.want-1e-9 || got > tc.want+1e-9 {
				t.Errorf("pairedRatio = %.4f, want %.4f", got, tc.want)
			}
		})
	}
}
