package resolvers

import (
	"testing"
	"time"
)

func TestTokenLifetime(t *testing.T) {
	s := func(v string) *string { return &v }
	for _, c := range []struct {
		in   *string
		want time.Duration
		ok   bool
	}{
		{nil, DefaultTokenLifetime, true},
		{s("720h"), 720 * time.Hour, true},
		{s("30d"), 30 * 24 * time.Hour, true},
		{s(" 90m "), 90 * time.Minute, true},
		{s("365d"), MaxTokenLifetime, true},
		{s("366d"), 0, false},
		{s("30s"), 0, false},
		{s("-1h"), 0, false},
		{s("forever"), 0, false},
		{s("d"), 0, false},
	} {
		got, err := tokenLifetime(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("tokenLifetime(%v) = %v, %v; want %v (ok %v)", c.in, got, err, c.want, c.ok)
		}
	}
}
