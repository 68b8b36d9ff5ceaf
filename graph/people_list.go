package graph

import (
	"context"
	"errors"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// PeopleFilter narrows a list of people; nil fields do not filter.
type PeopleFilter struct {
	SkillID           *string
	MinLevel          int // 1..5; 0 means 1
	IncludeNarrower   bool
	OrganizationID    *string
	AvailableToMentor *bool
	SeekingMentorship *bool
	// Search is a full-text query on names; results come best match first.
	Search *string
}

// MaxPageSize is the largest `first` of a list.
const MaxPageSize = 100

// peopleWhere holds every filter of PeopleFilter as a parameterised
// condition on p; a null parameter disables its condition.
var peopleWhere = `
  ` + seenBy("p") + `
  AND ($available IS NULL OR p.availableToMentor = $available)
  AND ($seeking IS NULL OR p.seekingMentorship = $seeking)
  AND ($org IS NULL OR EXISTS { MATCH (p)-[a:AFFILIATED_WITH]->(:Organization {id: $org}) WHERE a.until IS NULL })
  AND ($skill IS NULL OR EXISTS {
    MATCH (p)-[h:HAS_SKILL]->(s:Skill)
    WHERE h.level >= $minLevel
      AND (s.id = $skill OR ($narrower AND EXISTS { MATCH (s)-[:PART_OF*1..5]->(:Skill {id: $skill}) }))
  })`

// peoplePageCypherWith walks people in id order (the unique index serves
// the order and the `after` seek), each returned as projection.
func peoplePageCypherWith(projection string) string {
	return `
MATCH (p:Person)
WHERE p.id > $after AND` + peopleWhere + `
WITH p ORDER BY p.id LIMIT $limit
RETURN ` + projection + ` AS person, null AS score`
}

// peopleOfOrganizationCypherWith starts from the organization's current
// members, so a small organization's page does not walk everyone: the
// same answer as peoplePageCypherWith when $org is set.
func peopleOfOrganizationCypherWith(projection string) string {
	return `
MATCH (:Organization {id: $org})<-[membership:AFFILIATED_WITH]-(p:Person)
WHERE membership.until IS NULL AND p.id > $after AND` + peopleWhere + `
WITH DISTINCT p ORDER BY p.id LIMIT $limit
RETURN ` + projection + ` AS person, null AS score`
}

// peopleCypherFor picks the list statement for f: best match first when
// it searches, from the organization's members when it names one, else
// everyone in id order.
func peopleCypherFor(f PeopleFilter, projection string) string {
	switch {
	case f.Search != nil:
		return peopleSearchCypherWith(projection)
	case f.OrganizationID != nil:
		return peopleOfOrganizationCypherWith(projection)
	}
	return peoplePageCypherWith(projection)
}

// peopleSearchCypherWith ranks people by full-text score, then id, each
// returned as projection.
func peopleSearchCypherWith(projection string) string {
	return `
CALL db.index.fulltext.queryNodes('names', $search) YIELD node AS p, score
WHERE p:Person AND ($afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND p.id > $after)) AND` + peopleWhere + `
WITH p, score ORDER BY score DESC, p.id LIMIT $limit
RETURN ` + projection + ` AS person, score`
}

var (
	peoplePageCypher           = peoplePageCypherWith(personProjection)
	peopleSearchCypher         = peopleSearchCypherWith(personProjection)
	peopleOfOrganizationCypher = peopleOfOrganizationCypherWith(personProjection)
)

var peopleCountCypher = `
MATCH (p:Person)
WHERE` + peopleWhere + `
RETURN count(p) AS n`

var peopleOfOrganizationCountCypher = `
MATCH (:Organization {id: $org})<-[membership:AFFILIATED_WITH]-(p:Person)
WHERE membership.until IS NULL AND` + peopleWhere + `
RETURN count(DISTINCT p) AS n`

var peopleSearchCountCypher = `
CALL db.index.fulltext.queryNodes('names', $search) YIELD node AS p
WHERE p:Person AND` + peopleWhere + `
RETURN count(p) AS n`

func (f PeopleFilter) params() (map[string]any, error) {
	var c checker
	minLevel := f.MinLevel
	if minLevel == 0 {
		minLevel = 1
	}
	c.level("filter.minLevel", minLevel)
	c.search("filter.search", f.Search)
	if c.err != nil {
		return nil, c.err
	}
	return map[string]any{
		"available": ptrParam(f.AvailableToMentor), "seeking": ptrParam(f.SeekingMentorship),
		"org": ptrParam(f.OrganizationID), "skill": ptrParam(f.SkillID), "minLevel": minLevel,
		"narrower": f.IncludeNarrower, "search": ptrParam(f.Search),
	}, nil
}

// People lists people matching f, a page at a time: by id, or best match
// first when f.Search is set.
func (s *Store) People(ctx context.Context, f PeopleFilter, page PageArgs) (Page[Person], error) {
	return listPage(ctx, s, "list people", peopleCypherFor(f, personProjection), f.Search, f.params, page, personFrom, func(p Person) string { return p.ID })
}

// CountPeople counts the people matching f.
func (s *Store) CountPeople(ctx context.Context, f PeopleFilter) (int, error) {
	plain := peopleCountCypher
	if f.OrganizationID != nil {
		plain = peopleOfOrganizationCountCypher
	}
	return countMatching(ctx, s, "count people", plain, peopleSearchCountCypher, f.Search, f.params)
}

// countMatching counts what a filtered list holds, with the search variant
// of the count when search is set.
func countMatching(ctx context.Context, s *Store, op, plain, searched string, search *string, filterParams func() (map[string]any, error)) (int, error) {
	params, err := filterParams()
	if err != nil {
		return 0, err
	}
	cypher := plain
	if search != nil {
		cypher = searched
	}
	n, err := count(ctx, s, op, cypher, params)
	return n, searchError(search, err)
}

// count runs a query returning one integer.
func count(ctx context.Context, s *Store, op, cypher string, params map[string]any) (int, error) {
	return read(ctx, s, op, func(tx neo4j.ManagedTransaction) (int, error) {
		res, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return 0, err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return 0, err
		}
		n, _ := rec.Values[0].(int64)
		return int(n), nil
	})
}

// searchError turns a full-text syntax error into an InputError on
// filter.search; other errors pass unchanged.
func searchError(search *string, err error) error {
	var n4j *neo4j.Neo4jError
	if search != nil && errors.As(err, &n4j) && n4j.Code == "Neo.ClientError.Procedure.ProcedureCallFailed" {
		return invalid("filter.search", "filter.search %q is not a valid search (Lucene syntax: words, \"phrases\", prefix*, fuzzy~)", *search)
	}
	return err
}
