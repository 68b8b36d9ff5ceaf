package graph

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// LineageDirection says which way a lineage goes.
type LineageDirection string

// Ancestors: my mentors, their mentors, …; Descendants: my mentees, their
// mentees, ….
const (
	Ancestors   LineageDirection = "ANCESTORS"
	Descendants LineageDirection = "DESCENDANTS"
)

// Bounds and default of a lineage's depth.
const (
	MaxLineageDepth     = 6
	DefaultLineageDepth = 3
)

// LineageArgs ask for a person's lineage.
type LineageArgs struct {
	Person    string
	Direction LineageDirection
	// Depth is the number of generations, 1..MaxLineageDepth.
	Depth int
}

// LineageEntry is one person of a lineage.
type LineageEntry struct {
	Person Person
	// Generation is 1 for the start person's own mentors (or mentees), 2
	// for theirs, and so on: the smallest number of mentorships between
	// the start person and this one.
	Generation int
	// Via is the mentorship this person was reached through, walked from
	// the start person (generation 1) or an entry of the previous
	// generation to this person: FORWARD for ancestors (From is mentored
	// by To), BACKWARD for descendants.
	Via Step
	// Status is the status of the Via mentorship: ACTIVE or ENDED.
	Status string
}

// lineageTemplate is a lineage in one statement: a single-source
// breadth-first search from me over MENTORED_BY in one direction
// ({walk}, bounded by the literal {n}), which reaches each person once, at
// their smallest generation, so cycles in the data cost nothing and the
// work is the size of the lineage. Then, for each person reached, one
// expand over their own mentorships ({via}) picks the link they were
// reached through: from the start person, or from someone of the
// previous generation (a list membership test), the smallest id first,
// so the tree is the same on every call.
var lineageTemplate = `
OPTIONAL MATCH (me:Person {id: $id}) WHERE ` + seenBy("me") + `
CALL (me) {
  WITH me WHERE me IS NOT NULL
  MATCH path = ANY SHORTEST (me){walk}{1,{n}}(p:Person)
  WHERE p <> me AND ` + seenBy("p") + ` AND all(x IN nodes(path)[1..-1] WHERE ` + passableBy("x") + `)
  RETURN collect({p: p, generation: length(path)}) AS found
}
WITH me, found, [g IN range(1, {n}) | [f IN found WHERE f.generation = g | f.p]] AS byGeneration
CALL (me, found, byGeneration) {
  UNWIND found AS f
  WITH me, byGeneration, f.p AS p, f.generation AS generation
  CALL (me, byGeneration, p, generation) {
    MATCH {via}
    WHERE CASE WHEN generation = 1 THEN q = me ELSE q IN byGeneration[generation - 2] END
    WITH q, m ORDER BY q.id, m.since
    LIMIT 1
    RETURN {from: q.id, since: m.since, status: m.status} AS via
  }
  RETURN collect({person: ` + personProjection + `, generation: generation, via: via}) AS entries
}
RETURN {found: me IS NOT NULL, entries: entries,
  start: [p IN [me] WHERE p IS NOT NULL | ` + personProjection + `][0]} AS result`

// lineageWalks holds, per direction, the pattern walked from me to a
// person and the pattern of that person's links back towards me (q is the
// previous generation, m the link).
var lineageWalks = map[LineageDirection]struct{ walk, via string }{
	Ancestors:   {`-[:MENTORED_BY]->`, `(q:Person)-[m:MENTORED_BY]->(p)`},
	Descendants: {`<-[:MENTORED_BY]-`, `(p)-[m:MENTORED_BY]->(q:Person)`},
}

// lineageVariants[direction][n] is lineageTemplate for n generations.
var lineageVariants = func() map[LineageDirection][MaxLineageDepth + 1]string {
	v := map[LineageDirection][MaxLineageDepth + 1]string{}
	for dir, w := range lineageWalks {
		var byDepth [MaxLineageDepth + 1]string
		for n := 1; n <= MaxLineageDepth; n++ {
			byDepth[n] = strings.NewReplacer("{walk}", w.walk, "{via}", w.via, "{n}", strconv.Itoa(n)).Replace(lineageTemplate)
		}
		v[dir] = byDepth
	}
	return v
}()

// Lineage returns the people args.Depth generations up (Ancestors) or
// down (Descendants) the mentorships from args.Person, each once, at their
// smallest generation, ordered by generation and then id. Mentorships of
// any status count: a lineage is who learned from whom, past or present;
// each entry says whether the link it was reached through is still
// active. The start person never appears, even when the mentorships go
// round in a cycle. Every entry's Via starts at the start person or at an
// entry of the previous generation, so the entries form a tree.
//
// A depth out of range or an unknown direction is an InputError; an
// unknown person is ErrNotFound.
func (s *Store) Lineage(ctx context.Context, args LineageArgs) ([]LineageEntry, error) {
	var c checker
	c.id("person", args.Person)
	c.oneOf("direction", string(args.Direction), []string{string(Ancestors), string(Descendants)})
	if args.Depth < 1 || args.Depth > MaxLineageDepth {
		c.fail("depth", "depth must be between 1 and %d, got %d", MaxLineageDepth, args.Depth)
	}
	if c.err != nil {
		return nil, c.err
	}
	return read(ctx, s, "lineage", func(tx neo4j.ManagedTransaction) ([]LineageEntry, error) {
		m, err := single(ctx, tx, lineageVariants[args.Direction][args.Depth], map[string]any{"id": args.Person},
			func(m map[string]any) map[string]any { return m })
		if err != nil {
			return nil, err
		}
		if !boolVal(m, "found") {
			return nil, notFound("no person with id %q (person)", args.Person)
		}
		raw, _ := m["entries"].([]any)
		entries := make([]LineageEntry, 0, len(raw))
		for _, v := range raw {
			em, _ := v.(map[string]any)
			pm, _ := em["person"].(map[string]any)
			via, _ := em["via"].(map[string]any)
			e := LineageEntry{Person: personFrom(pm), Generation: intVal(em, "generation"), Status: str(via, "status")}
			e.Via = stepFrom(map[string]any{"from": str(via, "from"), "to": e.Person.ID, "since": via["since"]},
				false, args.Direction == Ancestors)
			entries = append(entries, e)
		}
		slices.SortFunc(entries, func(a, b LineageEntry) int {
			return cmp.Or(cmp.Compare(a.Generation, b.Generation), cmp.Compare(a.Person.ID, b.Person.ID))
		})
		start, _ := m["start"].(map[string]any)
		people := map[string]Person{args.Person: personFrom(start)}
		for _, e := range entries {
			people[e.Person.ID] = e.Person
		}
		for i := range entries {
			entries[i].Via.From, entries[i].Via.To = people[entries[i].Via.FromID], entries[i].Person
		}
		return entries, nil
	})
}
