package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

func TestBestConnected(t *testing.T) {
	// a knows b, c, d; b knows c; e knows nobody: a first, then b and c
	// (two links each, by id), then d.
	ds := &dataset.Dataset{
		People: []dataset.Person{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}, {ID: "e"}},
		Connections: []dataset.Connection{
			{PersonA: "a", PersonB: "b"}, {PersonA: "c", PersonB: "a"}, {PersonA: "a", PersonB: "d"}, {PersonA: "b", PersonB: "c"},
		},
	}
	got, summary := bestConnected(ds, 3)
	if want := []string{"a", "b", "c"}; !slices.Equal(got, want) {
		t.Errorf("bestConnected = %v, want %v", got, want)
	}
	if !strings.Contains(summary, "2–3 links") || !strings.Contains(summary, "60.0% of people") {
		t.Errorf("summary %q, want the degrees 2–3 and the biggest's 60.0%% of people", summary)
	}
	if got, _ := bestConnected(ds, 10); len(got) != 4 {
		t.Errorf("bestConnected(10) = %v, want the 4 people with links", got)
	}
}
