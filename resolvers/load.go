package resolvers

import (
	"context"

	"github.com/vikstrous/dataloadgen"

	"github.com/mentorgraph/mentorgraph/loaders"
)

// load fetches one value through a loader; nil, nil when the key names
// nothing (a lookup that may miss, e.g. a link's person).
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

// fetchOne gets the record of a root field (person(id), skill(id), …)
// straight from the store and primes the loader with it. A root field has
// no sibling resolvers to share a batch with, so the loader's collecting
// window would only add its wait to the answer; nested fields asking for
// the same id later find it in the loader.
func fetchOne[V any](ctx context.Context, l *dataloadgen.Loader[string, V], fetch func(context.Context, []string) (map[string]V, error), id string) (*V, error) {
	found, err := fetch(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	v, ok := found[id]
	if !ok {
		return nil, nil
	}
	l.Prime(id, v)
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
