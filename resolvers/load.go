package resolvers

import (
	"context"

	"github.com/vikstrous/dataloadgen"

	"github.com/mentorgraph/mentorgraph/loaders"
)

// load fetches one value through a loader; nil, nil when the key names
// nothing (a lookup that may miss, e.g. Query.person).
func load[K comparable, V any](ctx context.Context, l *dataloadgen.Loader[K, V], key K) (*V, error) {
	v, err := l.Load(ctx, key)
	if loaders.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// loadList fetches a list through a loader, as pointers.
func loadList[K comparable, V any](ctx context.Context, l *dataloadgen.Loader[K, []V], key K) ([]*V, error) {
	vs, err := l.Load(ctx, key)
	if err != nil && !loaders.IsNotFound(err) {
		return nil, err
	}
	return ptrs(vs), nil
}

// ptrs returns pointers to the elements of vs.
func ptrs[V any](vs []V) []*V {
	out := make([]*V, len(vs))
	for i := range vs {
		out[i] = &vs[i]
	}
	return out
}

// ld is the request's loaders.
func ld(ctx context.Context) *loaders.Loaders { return loaders.For(ctx) }
