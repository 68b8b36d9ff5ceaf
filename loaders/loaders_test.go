package loaders

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
)

// countingFetch serves keys from data and counts its calls and keys.
type countingFetch struct {
	data        map[string]int
	calls, keys atomic.Int32
	fail        error
}

func (f *countingFetch) fetch(_ context.Context, keys []string) (map[string]int, error) {
	f.calls.Add(1)
	f.keys.Add(int32(len(keys)))
	if f.fail != nil {
		return nil, f.fail
	}
	out := map[string]int{}
	for _, k := range keys {
		if v, ok := f.data[k]; ok {
			out[k] = v
		}
	}
	return out, nil
}

func TestLoadNowFetchesAtOnceAndKeeps(t *testing.T) {
	ctx := context.Background()
	f := &countingFetch{data: map[string]int{"a": 1, "b": 2}}
	l := newLoader("test", f.fetch)

	if v, err := l.LoadNow(ctx, "a"); err != nil || v != 1 {
		t.Fatalf("LoadNow(a) = %v, %v", v, err)
	}
	if v, err := l.Load(ctx, "a"); err != nil || v != 1 || f.calls.Load() != 1 {
		t.Errorf("Load(a) after LoadNow = %v, %v with %d fetches; want 1 fetch", v, err, f.calls.Load())
	}
	if v, err := l.LoadNow(ctx, "a"); err != nil || v != 1 || f.calls.Load() != 1 {
		t.Errorf("LoadNow(a) again = %v, %v with %d fetches; want 1 fetch", v, err, f.calls.Load())
	}
	// A key a batch already brought comes from the cache.
	if v, err := l.Load(ctx, "b"); err != nil || v != 2 {
		t.Fatalf("Load(b) = %v, %v", v, err)
	}
	calls := f.calls.Load()
	if v, err := l.LoadNow(ctx, "b"); err != nil || v != 2 || f.calls.Load() != calls {
		t.Errorf("LoadNow(b) after Load = %v, %v with %d more fetches", v, err, f.calls.Load()-calls)
	}
	// A primed key is not fetched.
	l.Prime("c", 3)
	if v, err := l.LoadNow(ctx, "c"); err != nil || v != 3 || f.calls.Load() != calls {
		t.Errorf("LoadNow(c) after Prime = %v, %v with %d more fetches", v, err, f.calls.Load()-calls)
	}
	// A key that names nothing says so, like Load.
	if _, err := l.LoadNow(ctx, "nobody"); !IsNotFound(err) {
		t.Errorf("LoadNow(nobody): %v, want not found", err)
	}
	if _, err := l.Load(ctx, "nobody"); !IsNotFound(err) {
		t.Errorf("Load(nobody): %v, want not found", err)
	}
}

func TestLoadNowFailureIsNotKept(t *testing.T) {
	ctx := context.Background()
	f := &countingFetch{data: map[string]int{"a": 1}, fail: errors.New("neo4j down")}
	l := newLoader("test", f.fetch)
	if _, err := l.LoadNow(ctx, "a"); err == nil || err.Error() != "neo4j down" {
		t.Fatalf("LoadNow while fetching fails: %v", err)
	}
	f.fail = nil
	if v, err := l.LoadNow(ctx, "a"); err != nil || v != 1 {
		t.Errorf("LoadNow once fetching works again = %v, %v", v, err)
	}
}
