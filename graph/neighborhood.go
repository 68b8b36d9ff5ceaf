package graph

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Limits of a neighbourhood.
const (
	MaxNeighborhoodDepth     = 3
	MaxNeighborhoodLimit     = 2000
	DefaultNeighborhoodLimit = 200
)

// NeighborNode is a person of a neighbourhood and their distance in hops
// from its centre (0 for the centre).
type NeighborNode struct {
	Person Person
	Hops   int
}

// Link is a stored KNOWS or MENTORED_BY link, in its stored direction: for
// a mentorship FromID is the mentee and ToID the mentor.
type Link struct {
	FromID string
	ToID   string
	Kind   LinkKind
	Since  *Date
	// Status is the mentorship's status (ACTIVE, ENDED); "" for a connection.
	Status string
}

// Subgraph is a bounded piece of the network, for drawing.
type Subgraph struct {
	// Nodes, nearest first, then by id.
	Nodes []NeighborNode
	// Links are the links among Nodes, each once, ordered by from, to, kind.
	Links []Link
	// Truncated says that more people were within reach than the limit let in.
	Truncated bool
}

// neighborhoodCypher takes the centre and the nearest people within {n}
// hops (one more than fits, to know whether the list was cut), then the
// links among those kept: each node's outgoing links to another kept node,
// so every link comes once, in its stored direction. The reach plan is the
// one of FindMentors (see findmentors.go): pruning BFS per hop bound; Top keeps
// only $take rows however large the reach.
var neighborhoodCypher = `
OPTIONAL MATCH (me:Person {id: $person}) WHERE ` + seenBy("me") + `
CALL (me) {
  WITH me WHERE me IS NOT NULL
{reach}  WITH x, hops ORDER BY hops, x.id LIMIT $take
  RETURN collect({node: x, hops: hops}) AS found
}
WITH me, size(found) >= $take AS truncated,
  CASE WHEN me IS NULL THEN [] ELSE [{node: me, hops: 0}] + found[0..($take - 1)] END AS kept
CALL (kept) {
  WITH [k IN kept | k.node] AS nodes
  UNWIND nodes AS a
  MATCH (a)-[r:{types}]->(b:Person) WHERE b IN nodes
  RETURN collect({from: a.id, to: b.id, type: type(r), since: r.since, status: r.status}) AS links
}
CALL (kept) {
  UNWIND kept AS k
  WITH k.node AS p, k.hops AS hops
  RETURN collect({hops: hops, person: ` + personProjection + `}) AS people
}
RETURN {found: me IS NOT NULL, people: people, links: links, truncated: truncated} AS result`

var neighborhoodVariants = reachVariants(neighborhoodCypher, "true", MaxNeighborhoodDepth)

// Neighborhood returns the people within depth (1–3) hops of person over
// KNOWS and MENTORED_BY links (either direction), the centre included
// with Hops 0, and the links among them. At most limit (1–2000) people
// are returned, nearest first, then by id; Truncated says more were in
// reach. An unknown person is ErrNotFound. One Cypher statement.
func (s *Store) Neighborhood(ctx context.Context, person string, depth, limit int) (Subgraph, error) {
	var c checker
	c.id("person", person)
	if depth < 1 || depth > MaxNeighborhoodDepth {
		c.fail("depth", "depth must be between 1 and %d, got %d", MaxNeighborhoodDepth, depth)
	}
	if limit < 1 || limit > MaxNeighborhoodLimit {
		c.fail("limit", "limit must be between 1 and %d, got %d", MaxNeighborhoodLimit, limit)
	}
	if c.err != nil {
		return Subgraph{}, c.err
	}
	// take: the limit less the centre, plus one to detect truncation.
	params := map[string]any{"person": person, "take": limit}
	g, err := read(ctx, s, "neighborhood", func(tx neo4j.ManagedTransaction) (Subgraph, error) {
		result, err := single(ctx, tx, neighborhoodVariants[reachBoth][depth], params, func(m map[string]any) map[string]any { return m })
		if err != nil {
			return Subgraph{}, err
		}
		if !boolVal(result, "found") {
			return Subgraph{}, notFound("no person with id %q (person)", person)
		}
		g := Subgraph{Nodes: []NeighborNode{}, Links: []Link{}, Truncated: boolVal(result, "truncated")}
		people, _ := result["people"].([]any)
		for _, v := range people {
			m, _ := v.(map[string]any)
			pm, _ := m["person"].(map[string]any)
			g.Nodes = append(g.Nodes, NeighborNode{Person: personFrom(pm), Hops: intVal(m, "hops")})
		}
		links, _ := result["links"].([]any)
		for _, v := range links {
			m, _ := v.(map[string]any)
			l := Link{FromID: str(m, "from"), ToID: str(m, "to"), Kind: reachLinkKind(str(m, "type")), Since: datePtr(m, "since")}
			if l.Kind == LinkMentorship {
				l.Status = str(m, "status")
			}
			g.Links = append(g.Links, l)
		}
		return g, nil
	})
	if err != nil {
		return Subgraph{}, err
	}
	// collect keeps no order: restore it.
	slices.SortFunc(g.Nodes, func(a, b NeighborNode) int {
		return cmp.Or(cmp.Compare(a.Hops, b.Hops), strings.Compare(a.Person.ID, b.Person.ID))
	})
	slices.SortFunc(g.Links, func(a, b Link) int {
		return cmp.Or(strings.Compare(a.FromID, b.FromID), strings.Compare(a.ToID, b.ToID), strings.Compare(string(a.Kind), string(b.Kind)))
	})
	return g, nil
}
