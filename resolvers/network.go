package resolvers

import (
	"context"

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

// skillsByID loads skills in the order of ids, skipping unknown ones.
func skillsByID(ctx context.Context, ids []string) ([]*graph.Skill, error) {
	out := make([]*graph.Skill, 0, len(ids))
	for _, id := range ids {
		s, err := load(ctx, ld(ctx).Skill, id)
		if err != nil {
			return nil, err
		}
		if s != nil {
			out = append(out, s)
		}
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
