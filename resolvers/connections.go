package resolvers

import (
	"context"
	"fmt"
	"time"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/loaders"
)

// counter computes a connection's totalCount, only when a client asks.
type counter struct {
	count func(context.Context) (int, error)
}

// PersonConnection is a page of people.
type PersonConnection struct {
	Edges    []*PersonEdge
	PageInfo *PageInfo
	counter
}

// SkillConnection is a page of skills.
type SkillConnection struct {
	Edges    []*SkillEdge
	PageInfo *PageInfo
	counter
}

// OrganizationConnection is a page of organizations.
type OrganizationConnection struct {
	Edges    []*OrganizationEdge
	PageInfo *PageInfo
	counter
}

// SkillMentorConnection is a page of a skill's mentors.
type SkillMentorConnection struct {
	Edges    []*SkillMentorEdge
	PageInfo *PageInfo
	counter
}

// MemberConnection is a page of an organization's members.
type MemberConnection struct {
	Edges    []*MemberEdge
	PageInfo *PageInfo
	counter
}

// pageInfo describes p.
func pageInfo[T any](p graph.Page[T]) *PageInfo {
	info := &PageInfo{HasNextPage: p.HasNext, HasPreviousPage: p.HasPrevious}
	if n := len(p.Cursors); n > 0 {
		info.StartCursor, info.EndCursor = &p.Cursors[0], &p.Cursors[n-1]
	}
	return info
}

// edges makes one edge per item of p.
func edges[T, E any](p graph.Page[T], edge func(item T, cursor string) *E) []*E {
	out := make([]*E, len(p.Items))
	for i, it := range p.Items {
		out[i] = edge(it, p.Cursors[i])
	}
	return out
}

func personConnection(p graph.Page[graph.Person], count func(context.Context) (int, error)) *PersonConnection {
	return &PersonConnection{
		Edges: edges(p, func(it graph.Person, c string) *PersonEdge {
			return &PersonEdge{Node: &it, Cursor: c}
		}),
		PageInfo: pageInfo(p),
		counter:  counter{count},
	}
}

// pageArgs turns GraphQL first/after into the store's PageArgs.
func pageArgs(first *int, after *string) graph.PageArgs {
	p := graph.PageArgs{First: 20, After: after}
	if first != nil {
		p.First = *first
	}
	return p
}

// deref returns *p, or def when p is nil.
func deref[T any](p *T, def T) T {
	if p == nil {
		return def
	}
	return *p
}

// optional turns a gqlgen Omittable into the store's Optional.
func optional[T any](o interface {
	IsSet() bool
	Value() *T
}) graph.Optional[T] {
	return graph.Optional[T]{Set: o.IsSet(), Value: o.Value()}
}

// enumPtr converts an optional GraphQL enum to the store's string.
func enumPtr[E ~string](e *E) *string {
	if e == nil {
		return nil
	}
	s := string(*e)
	return &s
}

// optionalEnum turns an omittable GraphQL enum into the store's Optional string.
func optionalEnum[E ~string](o interface {
	IsSet() bool
	Value() *E
}) graph.Optional[string] {
	return graph.Optional[string]{Set: o.IsSet(), Value: enumPtr(o.Value())}
}

// pageKey is the loader key of a page of a list under id.
func pageKey(id string, first *int, after *string) loaders.PageKey {
	return loaders.PageKey{ID: id, First: deref(first, 20), After: deref(after, "")}
}

// SkillMentorEdge is a mentor for a skill with the skill (asked or
// narrower) they hold and its level.
type SkillMentorEdge struct {
	Node    *graph.Person
	SkillID string
	Level   int
	Cursor  string
}

// Neighborhood is a graph.Subgraph whose links carry their two people, so
// that answering them takes no resolver (and no goroutine) per link.
type Neighborhood struct {
	Nodes     []graph.NeighborNode
	Links     []NeighborLink
	Truncated bool
}

// NeighborLink is a graph.Link with its two people.
type NeighborLink struct {
	From, To *graph.Person
	Kind     graph.LinkKind
	Since    *graph.Date
	// Status is nil for a connection.
	Status *string
}

// neighborhoodOf gives every link of g its two people, taken from g's
// nodes (a link only joins people of the neighbourhood).
func neighborhoodOf(g graph.Subgraph) (*Neighborhood, error) {
	people := make(map[string]*graph.Person, len(g.Nodes))
	for i := range g.Nodes {
		people[g.Nodes[i].Person.ID] = &g.Nodes[i].Person
	}
	n := &Neighborhood{Nodes: g.Nodes, Links: make([]NeighborLink, len(g.Links)), Truncated: g.Truncated}
	for i, l := range g.Links {
		from, to := people[l.FromID], people[l.ToID]
		if from == nil || to == nil {
			return nil, fmt.Errorf("neighborhood: link %s-%s joins someone outside it", l.FromID, l.ToID)
		}
		n.Links[i] = NeighborLink{From: from, To: to, Kind: l.Kind, Since: l.Since}
		if l.Status != "" {
			st := l.Status
			n.Links[i].Status = &st
		}
	}
	return n, nil
}

// MentorMatchConnection is a page of mentor matches.
type MentorMatchConnection struct {
	Edges    []*MentorMatchEdge
	PageInfo *PageInfo
	counter
}

// SkillGapConnection is a page of coverage gaps.
type SkillGapConnection struct {
	Edges      []*SkillGapEdge
	PageInfo   *PageInfo
	TotalCount int
	ComputedAt time.Time
	Stale      bool
}
