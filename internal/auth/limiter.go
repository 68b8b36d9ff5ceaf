package auth

import (
	"sync"
	"time"
)

// Limiter counts failures per key (a login, a client address) in fixed
// windows: after Max failures within Window a key is refused until its
// window ends. It is per process: behind several servers each counts its
// own.
type Limiter struct {
	Max    int
	Window time.Duration

	mu   sync.Mutex
	keys map[string]*window
	now  func() time.Time
}

type window struct {
	failures int
	ends     time.Time
}

// maxLimiterKeys bounds the keys a Limiter holds; past it, ended windows
// are dropped.
const maxLimiterKeys = 100_000

// NewLimiter returns a Limiter of max failures per window.
func NewLimiter(max int, per time.Duration) *Limiter {
	return &Limiter{Max: max, Window: per, keys: map[string]*window{}, now: time.Now}
}

// Blocked reports whether key is refused now, and for how long.
func (l *Limiter) Blocked(key string) (bool, time.Duration) {
	if l == nil || l.Max <= 0 {
		return false, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	w := l.keys[key]
	now := l.now()
	if w == nil || !now.Before(w.ends) {
		return false, 0
	}
	if w.failures >= l.Max {
		return true, w.ends.Sub(now)
	}
	return false, 0
}

// Fail counts a failure of key.
func (l *Limiter) Fail(key string) {
	if l == nil || l.Max <= 0 {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	w := l.keys[key]
	if w == nil || !now.Before(w.ends) {
		if len(l.keys) >= maxLimiterKeys {
			for k, old := range l.keys {
				if !now.Before(old.ends) {
					delete(l.keys, k)
				}
			}
		}
		w = &window{ends: now.Add(l.Window)}
		l.keys[key] = w
	}
	w.failures++
}

// Reset forgets key's failures (after a successful sign-in).
func (l *Limiter) Reset(key string) {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.keys, key)
}
