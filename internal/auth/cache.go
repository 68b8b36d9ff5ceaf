package auth

import (
	"sync"
	"time"
)

// Cache keeps resolved viewers by the hash of their credential for a short
// time, so that a request with a known session or token does not ask the
// store who it is. Signing out, revoking a token and changing roles
// forget the account's entries at once in this process; other processes
// notice within the TTL.
type Cache struct {
	ttl time.Duration
	mu  sync.RWMutex
	m   map[string]cached
}

type cached struct {
	viewer *Viewer
	// until is when the entry goes stale: the TTL, or the credential's
	// expiry when sooner.
	until time.Time
}

// maxCached bounds the entries; past it the cache starts afresh.
const maxCached = 50_000

// NewCache returns a cache keeping entries for ttl (none when ttl ≤ 0).
func NewCache(ttl time.Duration) *Cache {
	return &Cache{ttl: ttl, m: map[string]cached{}}
}

// Get returns the viewer cached for the credential hash, if still fresh.
func (c *Cache) Get(hash string) (*Viewer, bool) {
	if c == nil || c.ttl <= 0 {
		return nil, false
	}
	c.mu.RLock()
	e, ok := c.m[hash]
	c.mu.RUnlock()
	if !ok || !time.Now().Before(e.until) {
		return nil, false
	}
	return e.viewer, true
}

// Put caches v for the credential hash until the TTL or expires, whichever
// is first.
func (c *Cache) Put(hash string, v *Viewer, expires time.Time) {
	if c == nil || c.ttl <= 0 {
		return
	}
	until := time.Now().Add(c.ttl)
	if !expires.IsZero() && expires.Before(until) {
		until = expires
	}
	c.mu.Lock()
	if len(c.m) >= maxCached {
		c.m = map[string]cached{}
	}
	c.m[hash] = cached{v, until}
	c.mu.Unlock()
}

// Forget drops the entry of one credential hash.
func (c *Cache) Forget(hash string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	delete(c.m, hash)
	c.mu.Unlock()
}

// ForgetAccount drops every entry of an account (its roles changed, or a
// token of it was revoked).
func (c *Cache) ForgetAccount(accountID string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	for k, e := range c.m {
		if e.viewer.AccountID == accountID {
			delete(c.m, k)
		}
	}
	c.mu.Unlock()
}
