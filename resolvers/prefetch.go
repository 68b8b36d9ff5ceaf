package resolvers

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"

	"github.com/mentorgraph/mentorgraph/graph"
)

// Lookahead prefetching. A list resolver that returns people (a page of
// people, a skill's mentors, an organization's members) looks at what the
// query asks of each person and loads it for the whole list at once, one
// loader batch per nested field, following mentors/mentees down the query.
// The per-person resolvers then find everything in the request's loader
// cache. The number of Cypher round trips so depends on the shape of the
// query only, never on the length of its lists or on goroutine timing.

// prefetchPeople prefetches what fields (the selection on Person) ask of
// the people with ids.
func prefetchPeople(ctx context.Context, fields []graphql.CollectedField, ids []string) error {
	if len(ids) == 0 || len(fields) == 0 {
		return nil
	}
	oc := graphql.GetOperationContext(ctx)
	l := ld(ctx)
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	run := func(f func() error) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := f(); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		}()
	}
	for _, f := range fields {
		switch f.Name {
		case "skills":
			run(func() error { _, err := l.SkillsOfPerson.LoadAll(ctx, ids); return err })
		case "goals":
			run(func() error { _, err := l.GoalsOfPerson.LoadAll(ctx, ids); return err })
		case "affiliations":
			run(func() error { _, err := l.AffiliationsOfPerson.LoadAll(ctx, ids); return err })
		case "mentors", "mentees":
			loader, other := l.MentorsOfPerson, "mentor"
			if f.Name == "mentees" {
				loader, other = l.MenteesOfPerson, "mentee"
			}
			run(func() error {
				lists, err := loader.LoadAll(ctx, ids)
				if err != nil {
					return err
				}
				var next []string
				for _, ms := range lists {
					for _, m := range ms {
						next = append(next, map[string]string{"mentor": m.MentorID, "mentee": m.MenteeID}[other])
					}
				}
				for _, sub := range graphql.CollectFields(oc, f.Selections, []string{"Mentorship"}) {
					if sub.Name == other {
						if err := prefetchPeople(ctx, graphql.CollectFields(oc, sub.Selections, []string{"Person"}), dedupe(next)); err != nil {
							return err
						}
					}
				}
				return nil
			})
		}
	}
	wg.Wait()
	if len(errs) > 0 {
		return errs[0]
	}
	return nil
}

// fieldsAt returns the selection under path of the current field, e.g.
// fieldsAt(ctx, "edges", "node") inside Query.people.
func fieldsAt(ctx context.Context, path ...string) []graphql.CollectedField {
	oc := graphql.GetOperationContext(ctx)
	fields := graphql.CollectFieldsCtx(ctx, nil)
	for _, name := range path {
		var next []graphql.CollectedField
		for _, f := range fields {
			if f.Name == name {
				next = append(next, graphql.CollectFields(oc, f.Selections, nil)...)
			}
		}
		fields = next
	}
	return fields
}

// prefetchPage prefetches, for a page of people, what the query asks of
// each node.
func prefetchPage(ctx context.Context, people []graph.Person) error {
	ids := make([]string, len(people))
	for i, p := range people {
		ids[i] = p.ID
	}
	return prefetchPeople(ctx, fieldsAt(ctx, "edges", "node"), ids)
}

func dedupe(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
