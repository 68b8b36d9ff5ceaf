package resolvers

import (
	"context"
	"errors"

	"github.com/vikstrous/dataloadgen"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/loaders"
)

// mentorWeights turns the GraphQL weights (defaults filled per field) into
// the store's; nil stays nil (the store's defaults).
func mentorWeights(w *MentorWeights) *graph.MentorWeights {
	if w == nil {
		return nil
	}
	d := graph.DefaultMentorWeights
	return &graph.MentorWeights{Distance: deref(w.Distance, d.Distance), Level: deref(w.Level, d.Level),
		Capacity: deref(w.Capacity, d.Capacity), SharedOrganization: deref(w.SharedOrganization, d.SharedOrganization)}
}

// byIDs loads values by id through a loader (one batch), in the order of
// ids, skipping ids that name nothing.
func byIDs[V any](ctx context.Context, l *dataloadgen.Loader[string, V], ids []string) ([]*V, error) {
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
