package resolvers

import (
	"context"
	"encoding/json"

	"github.com/99designs/gqlgen/graphql"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/loaders"
)

// Planned reads. A resolver that returns people where no list lies above
// it (person(id), people, a sole skill's mentors or organization's
// members) looks ahead at what the query selects of each person, asks the
// store for the people with those lists in one statement (graph.Reads),
// and primes the request's loaders with the answer: the field resolvers
// below then find every list in the loaders' cache, with no round trip of
// their own. What the plan does not reach (lists deeper than
// graph.MaxReadDepth, fields under a list of people's siblings) goes
// through the loaders as before.

// personNeeds is the groups of a person's fields that fields, a
// selection on Person, asks for.
func personNeeds(fields []graphql.CollectedField) graph.PersonFields {
	var need graph.PersonFields
	for _, f := range fields {
		switch f.Name {
		case "openSlots":
			need |= graph.PersonOpenSlots
		case "headline", "bio", "location", "timezone":
			need |= graph.PersonProfile
		case "privacy":
			need |= graph.PersonPrivacy
		}
	}
	return need
}

// personOr is the value of a field of type Person: p, read with the
// object that holds the field, when it holds every field the selection
// asks (a person a planned read left fields out of serves only selections
// that do not ask for them); else the person with id, through the loader.
func personOr(ctx context.Context, p *graph.Person, id string) (*graph.Person, error) {
	if p != nil && (p.Unread == 0 || personNeeds(graphql.CollectFieldsCtx(ctx, nil))&p.Unread == 0) {
		return p, nil
	}
	return load(ctx, ld(ctx).Person, id)
}

// readsOf plans what to read with each person from fields, the selection
// on Person, to depth levels of lists.
func readsOf(oc *graphql.OperationContext, fields []graphql.CollectedField, depth int) graph.Reads {
	var r graph.Reads
	if depth <= 0 {
		return r
	}
	r.Skip = graph.AllPersonFields &^ personNeeds(fields)
	// under is what the selection f asks of the person in its field name.
	under := func(f graphql.CollectedField, typ, name string) graph.Reads {
		var sub []graphql.CollectedField
		for _, g := range graphql.CollectFields(oc, f.Selections, []string{typ}) {
			if g.Name == name {
				sub = append(sub, graphql.CollectFields(oc, g.Selections, []string{"Person"})...)
			}
		}
		return readsOf(oc, sub, depth-1)
	}
	merge := func(into **graph.Reads, add graph.Reads) {
		if *into == nil {
			*into = &add
			return
		}
		merged := (**into).Merged(add)
		*into = &merged
	}
	for _, f := range fields {
		switch f.Name {
		case "skills":
			r.Skills = true
		case "goals":
			r.Goals = true
		case "affiliations":
			r.Affiliations = true
		case "mentors":
			merge(&r.Mentors, under(f, "Mentorship", "mentor"))
		case "mentees":
			merge(&r.Mentees, under(f, "Mentorship", "mentee"))
		case "connections":
			first, ok := intArg(f.ArgumentMap(oc.Variables)["first"])
			if !ok {
				first = defaultConnectionsFirst
			}
			// A limit out of range is left to the field's resolver, which
			// reports it at the field's path.
			if first >= 1 && first <= graph.MaxConnections {
				r.Connections = append(r.Connections, graph.ConnectionReads{First: first, Person: under(f, "Connection", "person")})
			}
		}
	}
	return r
}

// intArg reads an argument's int value as gqlparser or the request's
// variables give it.
func intArg(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case json.Number:
		i, err := n.Int64()
		return int(i), err == nil
	case float64:
		return int(n), n == float64(int(n))
	}
	return 0, false
}

// prime puts a planned read into the loaders: the person (when every
// field of it was read), and each list that was read (a nil list was
// not), down to the people at its ends. A list's items point at the
// people read with them, which their resolvers use when those hold what
// the selection asks (personOr).
func prime(l *loaders.Loaders, p graph.PersonReads) {
	if p.Unread == 0 {
		l.Person.Prime(p.ID, p.Person)
	}
	if p.Skills != nil {
		primeList(l.SkillsOfPerson, p.ID, p.Skills, func(s graph.PersonSkill) graph.PersonSkill {
			l.Skill.Prime(s.SkillID, *s.Skill)
			return s
		})
	}
	if p.Goals != nil {
		primeList(l.GoalsOfPerson, p.ID, p.Goals, func(g graph.GoalReads) graph.Goal {
			l.Skill.Prime(g.Skill.ID, g.Skill)
			return g.Goal
		})
	}
	if p.Affiliations != nil {
		primeList(l.AffiliationsOfPerson, p.ID, p.Affiliations, func(a graph.AffiliationReads) graph.Affiliation {
			l.Organization.Prime(a.Organization.ID, a.Organization)
			return a.Affiliation
		})
	}
	mentorship := func(m graph.MentorshipReads) graph.Mentorship {
		prime(l, m.Other)
		return m.Mentorship
	}
	if p.Mentors != nil {
		primeList(l.MentorsOfPerson, p.ID, p.Mentors, mentorship)
	}
	if p.Mentees != nil {
		primeList(l.MenteesOfPerson, p.ID, p.Mentees, mentorship)
	}
	for first, conns := range p.Connections {
		primeList(l.ConnectionsOfPerson, loaders.ConnectionsKey{PersonID: p.ID, First: first}, conns, func(c graph.ConnectionWith) graph.Connection {
			prime(l, c.Person)
			conn := c.Connection
			conn.Person = &c.Person.Person
			return conn
		})
	}
}

// primeList primes loader's key with each of items, as one gives it
// (which primes what hangs off the item).
func primeList[K comparable, T, V any](loader *loaders.Loader[K, []V], key K, items []T, one func(T) V) {
	out := make([]V, len(items))
	for i, it := range items {
		out[i] = one(it)
	}
	loader.Prime(key, out)
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

// readsAt plans what to read with the people under path of the current
// field.
func readsAt(ctx context.Context, path ...string) graph.Reads {
	return readsOf(graphql.GetOperationContext(ctx), fieldsAt(ctx, path...), graph.MaxReadDepth)
}

// readAhead reads, for people a page already holds, the lists the query
// selects under path, in one statement, and primes the loaders with them;
// only for a field resolved once in its request (under a list, the
// loaders batch the siblings' lists instead).
func readAhead(ctx context.Context, store *graph.Store, people []graph.Person, path ...string) error {
	if !sole(ctx) || len(people) == 0 {
		return nil
	}
	reads := readsAt(ctx, path...)
	if reads.IsZero() {
		return nil
	}
	// The page holds the people themselves: read only their lists.
	reads.Skip = graph.AllPersonFields
	ids := make([]string, len(people))
	for i, p := range people {
		ids[i] = p.ID
	}
	read, err := store.ReadPeople(ctx, ids, reads)
	if err != nil {
		return err
	}
	l := ld(ctx)
	for _, p := range read {
		prime(l, p)
	}
	return nil
}

// mapItems is f of each item.
func mapItems[T, U any](items []T, f func(T) U) []U {
	out := make([]U, len(items))
	for i, it := range items {
		out[i] = f(it)
	}
	return out
}
