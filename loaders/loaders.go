package loaders

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/mentorgraph/mentorgraph/graph"
)

// Wait is how long a loader collects keys before it sends a batch: long
// enough for sibling resolvers to join, far below a query's own latency.
const Wait = 250 * time.Microsecond

// Loaders is one request's set of dataloaders. Each batches the keys asked
// within Wait into one store call (one UNWIND query) and caches results
// for the rest of the request.
type Loaders struct {
	Person       *dataloadgen.Loader[string, graph.Person]
	Skill        *dataloadgen.Loader[string, graph.Skill]
	Organization *dataloadgen.Loader[string, graph.Organization]

	SkillsOfPerson       *dataloadgen.Loader[string, []graph.PersonSkill]
	GoalsOfPerson        *dataloadgen.Loader[string, []graph.Goal]
	AffiliationsOfPerson *dataloadgen.Loader[string, []graph.Affiliation]
	MentorsOfPerson      *dataloadgen.Loader[string, []graph.Mentorship]
	MenteesOfPerson      *dataloadgen.Loader[string, []graph.Mentorship]
	ConnectionsOfPerson  *dataloadgen.Loader[ConnectionsKey, []graph.Connection]

	NarrowerSkills *dataloadgen.Loader[string, []graph.Skill]
	SkillCounts    *dataloadgen.Loader[string, graph.SkillCounts]
	SkillMentors   *dataloadgen.Loader[SkillMentorsKey, graph.Page[graph.SkillMentor]]
	SkillLearners  *dataloadgen.Loader[PageKey, graph.Page[graph.Person]]
	Members        *dataloadgen.Loader[PageKey, graph.Page[graph.Member]]
}

// ConnectionsKey asks for up to First connections of a person.
type ConnectionsKey struct {
	PersonID string
	First    int
}

// PageKey asks for a page of a list that hangs off ID.
type PageKey struct {
	ID    string
	First int
	After string // "" for the first page
}

// SkillMentorsKey asks for a page of a skill's mentors.
type SkillMentorsKey struct {
	PageKey
	MinLevel        int
	IncludeNarrower bool
}

// New returns a fresh set of loaders over store, for one request.
func New(store *graph.Store) *Loaders {
	opts := []dataloadgen.Option{dataloadgen.WithWait(Wait), dataloadgen.WithBatchCapacity(1000)}
	return &Loaders{
		Person:       dataloadgen.NewMappedLoader(store.PeopleByID, opts...),
		Skill:        dataloadgen.NewMappedLoader(store.SkillsByID, opts...),
		Organization: dataloadgen.NewMappedLoader(store.OrganizationsByID, opts...),

		SkillsOfPerson:       dataloadgen.NewMappedLoader(store.SkillsOfPeople, opts...),
		GoalsOfPerson:        dataloadgen.NewMappedLoader(store.GoalsOfPeople, opts...),
		AffiliationsOfPerson: dataloadgen.NewMappedLoader(store.AffiliationsOfPeople, opts...),
		MentorsOfPerson:      dataloadgen.NewMappedLoader(store.MentorsOfPeople, opts...),
		MenteesOfPerson:      dataloadgen.NewMappedLoader(store.MenteesOfPeople, opts...),
		ConnectionsOfPerson: dataloadgen.NewMappedLoader(grouped(
			func(k ConnectionsKey) (string, int) { return k.PersonID, k.First },
			func(ctx context.Context, ids []string, first int) (map[string][]graph.Connection, error) {
				return store.ConnectionsOfPeople(ctx, ids, first)
			}), opts...),

		NarrowerSkills: dataloadgen.NewMappedLoader(store.NarrowerSkills, opts...),
		SkillCounts:    dataloadgen.NewMappedLoader(store.CountsOfSkills, opts...),
		SkillMentors: dataloadgen.NewMappedLoader(grouped(
			func(k SkillMentorsKey) (string, SkillMentorsKey) {
				return k.ID, SkillMentorsKey{PageKey{"", k.First, k.After}, k.MinLevel, k.IncludeNarrower}
			},
			func(ctx context.Context, ids []string, k SkillMentorsKey) (map[string]graph.Page[graph.SkillMentor], error) {
				return store.SkillMentors(ctx, ids, graph.SkillMentorsArgs{MinLevel: k.MinLevel, IncludeNarrower: k.IncludeNarrower, Page: k.pageArgs()})
			}), opts...),
		SkillLearners: dataloadgen.NewMappedLoader(grouped(pageGroup,
			func(ctx context.Context, ids []string, k PageKey) (map[string]graph.Page[graph.Person], error) {
				return store.SkillLearners(ctx, ids, k.pageArgs())
			}), opts...),
		Members: dataloadgen.NewMappedLoader(grouped(pageGroup,
			func(ctx context.Context, ids []string, k PageKey) (map[string]graph.Page[graph.Member], error) {
				return store.MembersOf(ctx, ids, k.pageArgs())
			}), opts...),
	}
}

func (k PageKey) pageArgs() graph.PageArgs {
	p := graph.PageArgs{First: k.First}
	if k.After != "" {
		p.After = &k.After
	}
	return p
}

func pageGroup(k PageKey) (string, PageKey) { return k.ID, PageKey{"", k.First, k.After} }

// grouped turns a store call that takes ids plus shared arguments into a
// batch function over keys that carry their own arguments: keys are grouped
// by arguments, one store call per group, results mapped back by key.
func grouped[K comparable, A comparable, V any](split func(K) (string, A), fetch func(context.Context, []string, A) (map[string]V, error)) func(context.Context, []K) (map[K]V, error) {
	return func(ctx context.Context, keys []K) (map[K]V, error) {
		groups := map[A][]string{}
		var order []A
		for _, k := range keys {
			id, a := split(k)
			if _, ok := groups[a]; !ok {
				order = append(order, a)
			}
			groups[a] = append(groups[a], id)
		}
		out := make(map[K]V, len(keys))
		for _, a := range order {
			res, err := fetch(ctx, groups[a], a)
			if err != nil {
				return nil, err
			}
			for _, k := range keys {
				if id, ka := split(k); ka == a {
					if v, ok := res[id]; ok {
						out[k] = v
					}
				}
			}
		}
		return out, nil
	}
}

type ctxKey struct{}

// perRequest makes a request's Loaders when a resolver first asks for them:
// most questions are one store call and never need them (making them costs
// about 5 µs).
type perRequest struct {
	once    sync.Once
	store   *graph.Store
	loaders *Loaders
}

// Middleware gives every request its own Loaders over store, made on first
// use.
func Middleware(store *graph.Store, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), ctxKey{}, &perRequest{store: store})
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// For returns the request's loaders (nil outside a request that went
// through Middleware).
func For(ctx context.Context) *Loaders {
	pr, _ := ctx.Value(ctxKey{}).(*perRequest)
	if pr == nil {
		return nil
	}
	pr.once.Do(func() { pr.loaders = New(pr.store) })
	return pr.loaders
}

// IsNotFound reports whether a loader found nothing for its key.
func IsNotFound(err error) bool { return errors.Is(err, dataloadgen.ErrNotFound) }

// OnlyNotFound reports whether err, from LoadAll, says only that some keys
// named nothing (no other failure).
func OnlyNotFound(err error) bool {
	var es dataloadgen.ErrorSlice
	if !errors.As(err, &es) {
		return IsNotFound(err)
	}
	for _, e := range es {
		if e != nil && !errors.Is(e, dataloadgen.ErrNotFound) {
			return false
		}
	}
	return true
}
