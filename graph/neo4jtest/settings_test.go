package neo4jtest

import (
	"maps"
	"testing"
)

func TestParseSettings(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want map[string]string
	}{
		{"", map[string]string{}},
		{"db.relationship_grouping_threshold=1", map[string]string{"db.relationship_grouping_threshold": "1"}},
		{" a.b = 1 , c.d=x=y,,broken", map[string]string{"a.b": "1", "c.d": "x=y"}},
	} {
		if got := parseSettings(tc.in); !maps.Equal(got, tc.want) {
			t.Errorf("parseSettings(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
