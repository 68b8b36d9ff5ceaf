package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// MaxBoardSkills is the most skills a mentor board may be asked to cover.
const MaxBoardSkills = 10

// BoardMinLevel is the level a board member needs in a skill (or a
// narrower one) to cover it.
const BoardMinLevel = 3

// Seat is one member of a board of mentors.
type Seat struct {
	Mentor Person
	// Skills are the asked skills this seat was chosen to cover (those
	// still uncovered when it was chosen), in the order asked.
	Skills []Skill
	Hops   int
	// Path is a shortest path from the asking person to the mentor.
	Path Path
}

// Board is a personal board of mentors: seats in the order chosen, and
// the asked skills nobody in reach covers.
type Board struct {
	Seats []Seat
	// Uncovered are the asked skills nobody in reach covers, in the order
	// asked.
	Uncovered []Skill
}

// boardCandidatesCypher lists, for everyone within reach who is available
// with an open slot, the asked skills they cover (at BoardMinLevel or
// above, narrower skills counting) with their best level in each. The reach
// plans are those of FindMentors (see findmentors.go): from the open mentors
// of the asked skills up to MaxOpenMentorHops, pruning BFS per hop bound
// beyond.
var boardCandidatesCypher = `
OPTIONAL MATCH (me:Person {id: $for}) WHERE ` + seenBy("me") + `
WITH me, [id IN $skills WHERE NOT EXISTS { MATCH (:Skill {id: id}) }] AS missing
CALL (me, missing) {
  WITH me WHERE me IS NOT NULL AND size(missing) = 0
  CALL () {
    UNWIND $skills AS id
    MATCH (t:Skill {id: id})
    RETURN collect({id: id, within: COLLECT { MATCH (s:Skill)-[:PART_OF*0..5]->(t) RETURN DISTINCT s }}) AS asked
  }
  WITH me, asked, reduce(all = [], a IN asked | all + a.within) AS skills
{reach}  WITH * WHERE x.availableToMentor = true AND coalesce(x.mentorCapacity, 0) > COUNT { (x)<-[r:MENTORED_BY]-() WHERE r.status = 'ACTIVE' }
  CALL (x, asked) {
    MATCH (x)-[h:HAS_SKILL]->(s:Skill) WHERE h.level >= $minLevel
    UNWIND asked AS a
    WITH a, s, h WHERE s IN a.within
    RETURN a.id AS skill, max(h.level) AS level
  }
  WITH x, hops, collect({skill: skill, level: level}) AS cover
  RETURN collect({id: x.id, hops: hops, cover: cover}) AS candidates
}
RETURN {person: me IS NOT NULL, missing: missing, candidates: candidates,
  skills: [id IN $skills WHERE NOT id IN missing | head(COLLECT { MATCH (s:Skill {id: id}) RETURN ` + skillProjection + ` })]} AS result`

// boardSeatsCypher fetches the chosen people with a shortest path to each.
// The seats are collected and unwound before the search, as findMentors'
// reachPath takes its mentors from a list: with p bound by a MATCH just
// above it, Neo4j 5.26 plans the shortestPath twice and fails at run time
// ("VirtualNodeValue.id() ... value is null") once the audience's
// conditions (passableBy) are in its predicate.
var boardSeatsCypher = `
MATCH (me:Person {id: $for})
UNWIND $ids AS id
MATCH (seat:Person {id: id})
WITH me, collect(seat) AS seats
UNWIND seats AS p
MATCH path = shortestPath((me)-[:{types}*1..{n}]-(p))
WHERE all(n IN nodes(path) WHERE n = me OR n = p OR ` + passableBy("n") + `)
RETURN {person: ` + personProjection + `, path: ` + pathProjection + `} AS row`

// The candidates by reach, and from the open mentors of the asked skills
// (up to MaxOpenMentorHops, as FindMentors).
var (
	boardCandidatesVariants = reachVariants(boardCandidatesCypher, "x.availableToMentor", MaxReachHops)
	boardOpenCandidates     = openMentorVariants(boardCandidatesCypher, chooseWay)
	boardSeatsVariants      = reachVariants(boardSeatsCypher, "true", MaxReachHops)
)

// boardCandidate is someone in reach who covers some asked skills.
type boardCandidate struct {
	id    string
	hops  int
	cover map[string]int // asked skill → best level
}

// MentorBoard picks a personal board of mentors for person forID: few
// people, within maxHops (1–4) over KNOWS and MENTORED_BY links, each
// available with an open slot, who together cover skills (1–10 distinct
// ids; a skill is covered by a level of BoardMinLevel or above in it or a
// narrower skill). The choice is GREEDY set cover, so the board is small
// but not guaranteed minimal: each round takes the person covering the
// most still-uncovered skills, ties broken by the higher total level in
// those skills, then fewer hops, then id; the seat is given those skills. Asked skills nobody in reach covers are listed in Uncovered. An
// unknown person or skill is ErrNotFound naming the argument ("for",
// "skills"). Two Cypher statements: the candidates with their coverage,
// then the chosen seats with their paths.
func (s *Store) MentorBoard(ctx context.Context, forID string, skills []string, maxHops int) (Board, error) {
	var c checker
	c.id("for", forID)
	checkReachHops(&c, "maxHops", maxHops)
	if len(skills) < 1 || len(skills) > MaxBoardSkills {
		c.fail("skills", "skills must list 1 to %d skill ids, got %d", MaxBoardSkills, len(skills))
	}
	for i, id := range skills {
		c.id(fmt.Sprintf("skills[%d]", i), id)
		if slices.Index(skills, id) < i {
			c.fail("skills", "skills lists %q twice", id)
		}
	}
	if c.err != nil {
		return Board{}, c.err
	}
	params := map[string]any{"for": forID, "skills": skills, "minLevel": BoardMinLevel}
	return read(ctx, s, "mentor board", func(tx neo4j.ManagedTransaction) (Board, error) {
		cypher := pickVariant(boardCandidatesVariants, boardOpenCandidates, reachBoth, maxHops, BoardMinLevel, true)
		result, err := single(ctx, tx, cypher, params, func(m map[string]any) map[string]any { return m })
		if err != nil {
			return Board{}, err
		}
		if !boolVal(result, "person") {
			return Board{}, notFound("no person with id %q (for)", forID)
		}
		if missing := strList(result, "missing"); len(missing) > 0 {
			return Board{}, notFound("no skill with id %s (skills)", strings.Join(quoteAll(missing), ", "))
		}
		rows, _ := result["candidates"].([]any)
		candidates := make([]boardCandidate, 0, len(rows))
		for _, r := range rows {
			m, _ := r.(map[string]any)
			bc := boardCandidate{id: str(m, "id"), hops: intVal(m, "hops"), cover: map[string]int{}}
			cover, _ := m["cover"].([]any)
			for _, cv := range cover {
				cm, _ := cv.(map[string]any)
				bc.cover[str(cm, "skill")] = intVal(cm, "level")
			}
			candidates = append(candidates, bc)
		}
		asked := map[string]Skill{}
		skillRows, _ := result["skills"].([]any)
		for _, v := range skillRows {
			m, _ := v.(map[string]any)
			sk := skillFrom(m)
			asked[sk.ID] = sk
		}
		board := greedyBoard(skills, candidates, asked)
		if len(board.Seats) == 0 {
			return board, nil
		}
		ids := make([]string, len(board.Seats))
		for i, seat := range board.Seats {
			ids[i] = seat.Mentor.ID
		}
		res, err := tx.Run(ctx, boardSeatsVariants[reachBoth][maxHops], map[string]any{"for": forID, "ids": ids})
		if err != nil {
			return Board{}, err
		}
		found := map[string]map[string]any{}
		for res.Next(ctx) {
			m, _ := res.Record().Values[0].(map[string]any)
			pm, _ := m["person"].(map[string]any)
			found[str(pm, "id")] = m
		}
		if err := res.Err(); err != nil {
			return Board{}, err
		}
		for i := range board.Seats {
			seat := &board.Seats[i]
			m, ok := found[seat.Mentor.ID]
			if !ok {
				// The person or the links to them went between the two
				// statements (Neo4j reads committed data statement by statement).
				return Board{}, fmt.Errorf("board seat %q left the network while the board was read; ask again", seat.Mentor.ID)
			}
			pm, _ := m["person"].(map[string]any)
			seat.Mentor = personFrom(pm)
			seat.Path = pathFrom(m["path"])
		}
		return board, nil
	})
}

// greedyBoard chooses seats among candidates to cover skills (see
// MentorBoard for the rule); seats carry only the mentor's id, skills are
// taken from asked by id.
func greedyBoard(skills []string, candidates []boardCandidate, asked map[string]Skill) Board {
	uncovered := map[string]bool{}
	for _, sk := range skills {
		uncovered[sk] = true
	}
	// gain is what a candidate brings: the still-uncovered skills it
	// covers, and its total level in them.
	type gain struct{ skills, level int }
	gainOf := func(c boardCandidate) gain {
		var g gain
		for sk, lvl := range c.cover {
			if uncovered[sk] {
				g.skills++
				g.level += lvl
			}
		}
		return g
	}
	better := func(a boardCandidate, ag gain, b boardCandidate, bg gain) bool {
		if ag.skills != bg.skills {
			return ag.skills > bg.skills
		}
		if ag.level != bg.level {
			return ag.level > bg.level
		}
		if a.hops != b.hops {
			return a.hops < b.hops
		}
		return a.id < b.id
	}
	// Empty lists, not nil: the API shows them as [].
	board := Board{Seats: []Seat{}, Uncovered: []Skill{}}
	taken := map[string]bool{}
	for len(uncovered) > 0 {
		best, bestGain := -1, gain{}
		for i, c := range candidates {
			if taken[c.id] {
				continue
			}
			g := gainOf(c)
			if g.skills == 0 {
				continue
			}
			if best < 0 || better(c, g, candidates[best], bestGain) {
				best, bestGain = i, g
			}
		}
		if best < 0 {
			break
		}
		c := candidates[best]
		taken[c.id] = true
		seat := Seat{Mentor: Person{ID: c.id}, Hops: c.hops}
		for _, sk := range skills {
			if _, ok := c.cover[sk]; ok && uncovered[sk] {
				seat.Skills = append(seat.Skills, asked[sk])
				delete(uncovered, sk)
			}
		}
		board.Seats = append(board.Seats, seat)
	}
	for _, sk := range skills {
		if uncovered[sk] {
			board.Uncovered = append(board.Uncovered, asked[sk])
		}
	}
	return board
}
