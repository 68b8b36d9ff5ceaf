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
	Person       *Loader[string, graph.Person]
	Skill        *Loader[string, graph.Skill]
	Organization *Loader[string, graph.Organization]

	SkillsOfPerson       *Loader[string, []graph.PersonSkill]
	GoalsOfPerson        *Loader[string, []graph.Goal]
	AffiliationsOfPerson *Loader[string, []graph.Affiliation]
	MentorsOfPerson      *Loader[string, []graph.Mentorship]
	MenteesOfPerson      *Loader[string, []graph.Mentorship]
	ConnectionsOfPerson  *Loader[ConnectionsKey, []graph.Connection]

	NarrowerSkills *Loader[string, []graph.Skill]
	SkillCounts    *Loader[string, graph.SkillCounts]
	SkillMentors   *Loader[SkillMentorsKey, graph.Page[graph.SkillMentor]]
	SkillLearners  *Loader[PageKey, graph.Page[graph.Person]]
	Members        *Loader[PageKey, graph.Page[graph.Member]]
}

// Loader is a dataloadgen loader (Load and LoadAll batch the keys asked
// within Wait into one fetch and cache the results for the request) that
// can also fetch a key at once, with LoadNow.
type Loader[K comparable, V any] struct {
	*dataloadgen.Loader[K, V]
	fetch func(context.Context, []K) (map[K]V, error)
	mu    sync.Mutex
	// asked holds the keys Load, LoadAll, LoadNow or Prime have seen: the
	// loader holds (or is fetching) them.
	asked map[K]struct{}
}

// newLoader makes the loader called name over fetch; each batch it fetches
// is told to the observer of the fetch's context (ObserveBatches).
func newLoader[K comparable, V any](name string, fetch func(context.Context, []K) (map[K]V, error)) *Loader[K, V] {
	inner := fetch
	fetch = func(ctx context.Context, keys []K) (map[K]V, error) {
		if observe, ok := ctx.Value(observerKey{}).(func(string, int)); ok {
			observe(name, len(keys))
		}
		return inner(ctx, keys)
	}
	return &Loader[K, V]{
		Loader: dataloadgen.NewMappedLoader(fetch, dataloadgen.WithWait(Wait), dataloadgen.WithBatchCapacity(1000)),
		fetch:  fetch,
		asked:  map[K]struct{}{},
	}
}

// note records keys and reports whether all of them had been seen before.
func (l *Loader[K, V]) note(keys ...K) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	seen := true
	for _, k := range keys {
		if _, ok := l.asked[k]; !ok {
			seen = false
			l.asked[k] = struct{}{}
		}
	}
	return seen
}

// Load returns the value of key, batched with the keys asked within Wait.
func (l *Loader[K, V]) Load(ctx context.Context, key K) (V, error) {
	l.note(key)
	return l.Loader.Load(ctx, key)
}

// LoadAll returns the values of keys, batched with the keys asked within
// Wait.
func (l *Loader[K, V]) LoadAll(ctx context.Context, keys []K) ([]V, error) {
	l.note(keys...)
	return l.Loader.LoadAll(ctx, keys)
}

// Prime puts a value for key in the cache.
func (l *Loader[K, V]) Prime(key K, value V) bool {
	l.note(key)
	return l.Loader.Prime(key, value)
}

// LoadNow returns the value of key like Load, but fetches it at once
// instead of waiting for other keys to join a batch: for a field resolved
// once in its request, which has no sibling to wait for. A key the loader
// already holds or is fetching comes from there; a fetched value is kept
// for later Loads. A key that names nothing gives dataloadgen.ErrNotFound,
// as Load does.
func (l *Loader[K, V]) LoadNow(ctx context.Context, key K) (V, error) {
	if l.note(key) {
		return l.Loader.Load(ctx, key)
	}
	var zero V
	found, err := l.fetch(ctx, []K{key})
	if err != nil {
		l.forget(key)
		return zero, err
	}
	v, ok := found[key]
	if !ok {
		l.forget(key)
		return zero, dataloadgen.ErrNotFound
	}
	l.Loader.Prime(key, v)
	return v, nil
}

// forget drops a key LoadNow could not fetch, so a later call asks again.
func (l *Loader[K, V]) forget(key K) {
	l.mu.Lock()
	delete(l.asked, key)
	l.mu.Unlock()
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

type observerKey struct{}

// ObserveBatches returns ctx whose loaders tell observe the name of the
// loader and the number of keys of each batch they fetch (for metrics).
func ObserveBatches(ctx context.Context, observe func(loader string, keys int)) context.Context {
	return context.WithValue(ctx, observerKey{}, observe)
}

// New returns a fresh set of loaders over store, for one request.
func New(store *graph.Store) *Loaders {
	return &Loaders{
		Person:       newLoader("Person", store.PeopleByID),
		Skill:        newLoader("Skill", store.SkillsByID),
		Organization: newLoader("Organization", store.OrganizationsByID),

		SkillsOfPerson:       newLoader("SkillsOfPerson", store.SkillsOfPeople),
		GoalsOfPerson:        newLoader("GoalsOfPerson", store.GoalsOfPeople),
		AffiliationsOfPerson: newLoader("AffiliationsOfPerson", store.AffiliationsOfPeople),
		MentorsOfPerson:      newLoader("MentorsOfPerson", store.MentorsOfPeople),
		MenteesOfPerson:      newLoader("MenteesOfPerson", store.MenteesOfPeople),
		ConnectionsOfPerson: newLoader("ConnectionsOfPerson", grouped(
			func(k ConnectionsKey) (string, int) { return k.PersonID, k.First },
			func(ctx context.Context, ids []string, first int) (map[string][]graph.Connection, error) {
				return store.ConnectionsOfPeople(ctx, ids, first)
			})),

		NarrowerSkills: newLoader("NarrowerSkills", store.NarrowerSkills),
		SkillCounts:    newLoader("SkillCounts", store.CountsOfSkills),
		SkillMentors: newLoader("SkillMentors", grouped(
			func(k SkillMentorsKey) (string, SkillMentorsKey) {
				return k.ID, SkillMentorsKey{PageKey{"", k.First, k.After}, k.MinLevel, k.IncludeNarrower}
			},
			func(ctx context.Context, ids []string, k SkillMentorsKey) (map[string]graph.Page[graph.SkillMentor], error) {
				return store.SkillMentors(ctx, ids, graph.SkillMentorsArgs{MinLevel: k.MinLevel, IncludeNarrower: k.IncludeNarrower, Page: k.pageArgs()})
			})),
		SkillLearners: newLoader("SkillLearners", grouped(pageGroup,
			func(ctx context.Context, ids []string, k PageKey) (map[string]graph.Page[graph.Person], error) {
				return store.SkillLearners(ctx, ids, k.pageArgs())
			})),
		Members: newLoader("Members", grouped(pageGroup,
			func(ctx context.Context, ids []string, k PageKey) (map[string]graph.Page[graph.Member], error) {
				return store.MembersOf(ctx, ids, k.pageArgs())
			})),
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
