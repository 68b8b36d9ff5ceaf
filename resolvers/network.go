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

// primePaths loads, in one batch, the people on the paths of matches when
// the query asks for path steps (at path under the current field), and puts
// the matched mentors in the person loader's cache.
func primePaths(ctx context.Context, matches []graph.MentorMatch, path ...string) error {
	l := ld(ctx)
	for _, m := range matches {
		l.Person.Prime(m.Mentor.ID, m.Mentor)
	}
	if !selects(ctx, path...) {
		return nil
	}
	var ids []string
	for _, m := range matches {
		for _, st := range m.Path.Steps {
			ids = append(ids, st.FromID, st.ToID)
		}
	}
	_, err := l.Person.LoadAll(ctx, dedupe(ids))
	if err != nil && !loaders.OnlyNotFound(err) {
		return err
	}
	return nil
}

// selects reports whether the query selects path (e.g. "edges", "node",
// "path", "steps") under the current field.
func selects(ctx context.Context, path ...string) bool {
	for _, f := range fieldsAt(ctx, path[:len(path)-1]...) {
		if f.Name == path[len(path)-1] {
			return true
		}
	}
	return false
}
