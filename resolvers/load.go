package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/loaders"
)

// sole reports whether the field being resolved is resolved once in its
// request: no list lies above it (person(id) at the root, that person's
// skills). Such a field has no siblings whose keys could join its loader
// batch, so waiting for them (loaders.Wait) would only add to the answer.
func sole(ctx context.Context) bool {
	for fc := graphql.GetFieldContext(ctx); fc != nil; fc = fc.Parent {
		if fc.Index != nil {
			return false
		}
	}
	return true
}

// loadFrom fetches key through l: at once for a sole field, batched with
// its siblings otherwise.
func loadFrom[K comparable, V any](ctx context.Context, l *loaders.Loader[K, V], key K) (V, error) {
	if sole(ctx) {
		return l.LoadNow(ctx, key)
	}
	return l.Load(ctx, key)
}

// load fetches one value through a loader; nil, nil when the key names
// nothing (a lookup that may miss: person(id), a link's person).
func load[K comparable, V any](ctx context.Context, l *loaders.Loader[K, V], key K) (*V, error) {
	v, err := loadFrom(ctx, l, key)
	if loaders.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// loadList fetches a list through a loader, as pointers.
func loadList[K comparable, V any](ctx context.Context, l *loaders.Loader[K, []V], key K) ([]*V, error) {
	vs, err := loadFrom(ctx, l, key)
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

// focusSkills loads the skills of a focus list (a mentorship's or a
// request's), leaving out those deleted since.
func focusSkills(ctx context.Context, ids []string) ([]*graph.Skill, error) {
	return byIDs(ctx, ld(ctx).Skill, ids)
}
