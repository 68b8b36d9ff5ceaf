package main

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/mentorgraph/mentorgraph/graph"
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

func TestBareWay(t *testing.T) {
	// Two questions: the bare handler must call the one the ask names,
	// with the ask's inputs, and the client must read back its count.
	qs := []question{
		{direct: func(context.Context, *graph.Store, params) (int, error) { return -1, nil }},
		{direct: func(_ context.Context, _ *graph.Store, p params) (int, error) {
			return len(p.person) + 10*len(p.other) + 100*len(p.skill) + 1000*len(p.org), nil
		}},
	}
	ts := httptest.NewServer(bareHandler(nil, qs, graph.Everyone))
	defer ts.Close()
	cl, err := dial(ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer cl.conn.Close()
	n, took, err := cl.bare(1, params{person: "p", other: "oo", skill: "sss", org: "oooo"})
	if err != nil {
		t.Fatal(err)
	}
	if n != 4321 || took <= 0 {
		t.Errorf("bare ask answered %d items in %s, want 4321 items in some time", n, took)
	}
	if _, _, err := cl.bare(2, params{}); err == nil || !strings.Contains(err.Error(), "HTTP 400") {
		t.Errorf("an ask for a question that is not there: err %v, want HTTP 400", err)
	} else if !strings.Contains(err.Error(), "question 2 is not one of the run's 2") {
		t.Errorf("an ask for a question that is not there: %v, want it to say which", err)
	}
}
