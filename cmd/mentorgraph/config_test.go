package main

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/mentorgraph/mentorgraph/internal/server"
)

// TestServeRequestLimits: each request limit defaults to
// server.DefaultLimits, is set by its flag or its environment variable,
// and must be positive.
func TestServeRequestLimits(t *testing.T) {
	def := server.DefaultLimits
	tests := []struct {
		flag, env string
		get       func(server.Limits) any
		def       any
		set       string
		want      any
	}{
		{"max-network-questions", "MENTORGRAPH_MAX_NETWORK_QUESTIONS", func(l server.Limits) any { return l.MaxNetworkQuestions }, def.MaxNetworkQuestions, "3", 3},
		{"max-selections", "MENTORGRAPH_MAX_SELECTIONS", func(l server.Limits) any { return l.MaxSelections }, def.MaxSelections, "800", 800},
		{"max-body-bytes", "MENTORGRAPH_MAX_BODY_BYTES", func(l server.Limits) any { return l.MaxBodyBytes }, def.MaxBodyBytes, "65536", 65536},
		{"body-read-timeout", "MENTORGRAPH_BODY_READ_TIMEOUT", func(l server.Limits) any { return l.BodyReadTimeout }, def.BodyReadTimeout, "250ms", 250 * time.Millisecond},
		{"max-response-bytes", "MENTORGRAPH_MAX_RESPONSE_BYTES", func(l server.Limits) any { return l.MaxResponseBytes }, def.MaxResponseBytes, "1000000", 1000000},
		{"max-depth", "MENTORGRAPH_MAX_DEPTH", func(l server.Limits) any { return l.MaxDepth }, def.MaxDepth, "5", 5},
		{"max-complexity", "MENTORGRAPH_MAX_COMPLEXITY", func(l server.Limits) any { return l.MaxComplexity }, def.MaxComplexity, "900", 900},
		{"request-timeout", "MENTORGRAPH_REQUEST_TIMEOUT", func(l server.Limits) any { return l.Timeout }, def.Timeout, "2s", 2 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.flag, func(t *testing.T) {
			c, err := parseServeConfig(nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := tt.get(c.Limits); got != tt.def {
				t.Errorf("default %v, want %v", got, tt.def)
			}
			if c, err := parseServeConfig([]string{"-" + tt.flag, tt.set}); err != nil || tt.get(c.Limits) != tt.want {
				t.Errorf("-%s %s: %v, %v", tt.flag, tt.set, tt.get(c.Limits), err)
			}
			t.Setenv(tt.env, tt.set)
			if c, err := parseServeConfig(nil); err != nil || tt.get(c.Limits) != tt.want {
				t.Errorf("%s=%s: %v, %v", tt.env, tt.set, tt.get(c.Limits), err)
			}
			bad := []string{"0", "-1"}
			if _, ok := tt.want.(time.Duration); ok {
				bad = []string{"0s", "-1s"}
			}
			for _, bad := range bad {
				_, err := parseServeConfig([]string{"-" + tt.flag, bad})
				var ce configError
				if !errors.As(err, &ce) || !strings.Contains(err.Error(), tt.env) {
					t.Errorf("-%s %s: error %v, want a configError naming %s", tt.flag, bad, err, tt.env)
				}
			}
		})
	}
}
