package server

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestLinesCarryTheRequestID: a line logged with a request's context
// carries its request id; one without a request does not.
func TestLinesCarryTheRequestID(t *testing.T) {
	var out bytes.Buffer
	log, err := NewLogger(&out, "json")
	if err != nil {
		t.Fatal(err)
	}
	log.WarnContext(context.WithValue(context.Background(), requestIDKey{}, "abc123"), "database unavailable")
	log.Info("serving")
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"request_id":"abc123"`) || strings.Contains(lines[1], "request_id") {
		t.Errorf("lines: %q", lines)
	}
	if _, err := NewLogger(&out, "xml"); err == nil || !strings.Contains(err.Error(), "want json or text") {
		t.Errorf("a bad format: %v", err)
	}
}
