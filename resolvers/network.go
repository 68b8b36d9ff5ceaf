package resolvers

import (
	"context"
	"errors"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vikstrous/dataloadgen"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/loaders"
)

// mentorWeights turns the GraphQL weights into the store's, a weight given
// as null taking the schema's default; nil stays nil (the store's defaults).
func mentorWeights(w *MentorWeights) *graph.MentorWeights {
	if w == nil {
		return nil
	}
	return &graph.MentorWeights{Distance: deref(w.Distance, defaultWeightDistance), Level: deref(w.Level, defaultWeightLevel),
		Capacity: deref(w.Capacity, defaultWeightCapacity), SharedOrganization: deref(w.SharedOrganization, defaultWeightShared)}
}

// findMentors asks the store for a page of mentor matches and, when the
// query selects the connection's totalCount, their count in the same
// statement (FindMentorsWithCount: the count comes from the rows the page
// is ranked from, so asking for it costs little and no second round trip).
func findMentors(ctx context.Context, store *graph.Store, args graph.FindMentorsArgs) (graph.Page[graph.MentorMatch], int, error) {
	for _, f := range graphql.CollectFieldsCtx(ctx, nil) {
		if f.Name == "totalCount" {
			return store.FindMentorsWithCount(ctx, args)
		}
	}
	page, err := store.FindMentors(ctx, args)
	return page, 0, err
}

// peopleByIDs gives the people of ids, in order. When the query asks for
// nothing of them but their id (a coverage report's uncoveredMentees { id }),
// the ids are the answer and nothing is fetched; otherwise they come
// through the person loader (one batch, skipping ids that name nothing).
func peopleByIDs(ctx context.Context, ids []string) ([]*graph.Person, error) {
	if selectsOnlyID(ctx, "Person") {
		out := make([]*graph.Person, len(ids))
		for i, id := range ids {
			out[i] = &graph.Person{ID: id}
		}
		return out, nil
	}
	return byIDs(ctx, ld(ctx).Person, ids)
}

// selectsOnlyID reports whether the field being resolved, of objects of
// type typeName, selects nothing of them but id (and __typename).
func selectsOnlyID(ctx context.Context, typeName string) bool {
	for _, f := range graphql.CollectFieldsCtx(ctx, []string{typeName}) {
		if f.Name != "id" && f.Name != "__typename" {
			return false
		}
	}
	return true
}

// byIDs loads values by id through a loader (one batch), in the order of
// ids, skipping ids that name nothing.
func byIDs[V any](ctx context.Context, l *loaders.Loader[string, V], ids []string) ([]*V, error) {
	vals, err := l.LoadAll(ctx, ids)
	if err != nil && !loaders.OnlyNotFound(err) {
		return nil, err
	}
	var es dataloadgen.ErrorSlice
	errors.As(err, &es)
	out := make([]*V, 0, len(vals))
	for i := range vals {
		if i < len(es) && es[i] != nil {
			continue
		}
		out = append(out, &vals[i])
	}
	return out, nil
}
