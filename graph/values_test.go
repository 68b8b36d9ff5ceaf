package graph

import (
	"strings"
	"testing"
)

// TestMissingValueIsAnError: a key the Cypher's answer lacks is an error
// naming it (the Cypher and the Go disagree), where a null value, or a
// null map, reads as zero.
func TestMissingValueIsAnError(t *testing.T) {
	read := func(m map[string]any) (n int, err error) {
		defer recoverMissingValue(&err)
		return intVal(m, "mentorCapacity"), nil
	}
	if _, err := read(map[string]any{"id": "p1"}); err == nil || !strings.Contains(err.Error(), `"mentorCapacity"`) {
		t.Errorf("a missing value read as %v, want an error naming mentorCapacity", err)
	}
	for _, m := range []map[string]any{{"mentorCapacity": nil}, nil} {
		if n, err := read(m); err != nil || n != 0 {
			t.Errorf("reading %v: %d, %v; want 0 and no error", m, n, err)
		}
	}
	if n, err := read(map[string]any{"mentorCapacity": int64(3)}); err != nil || n != 3 {
		t.Errorf("reading 3: %d, %v", n, err)
	}
}
