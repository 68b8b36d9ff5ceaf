package graph

import (
	"context"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Reach: the people within N hops of someone over KNOWS and/or MENTORED_BY
// links, either direction, with each one's hop count, as used by
// FindMentors, MentorBoard and Neighborhood.
//
// Plan choice (measured with PROFILE on a generated 100k-person network
// with hubs of degree 1,000–6,500): the reach is computed by Neo4j's
// pruning breadth-first var-length expand — `MATCH (me)-[:T*1..k]-(x)`
// whose end nodes are made DISTINCT, which visits every node once instead
// of enumerating paths — once per hop bound k = 1 … N (UNION ALL), and a
// person's hop count is the smallest k that reaches them (min, grouped by
// person). The alternatives measured worse: unpruned `[*1..4]` enumerates
// paths and explodes on hubs; `ANY SHORTEST (me)-[…]-{1,4}(x)` (one
// stateful shortest-path search from me) gives hops and paths in one pass
// but costs ~10× more per visited node (5 s against 0.5 s for a 4-hop
// reach next to a hub); a shortest path per skill holder costs one
// bidirectional search per candidate (thousands for a broad skill);
// collecting each layer into a list and testing `x IN r1` is as fast but
// every row buffered later (ORDER BY … LIMIT) carries the lists, which
// the memory pool counts per row (hundreds of MB next to a hub). So
// candidates are ranked from the hop counts, and only a page's rows get a
// path, from shortestPath (a bidirectional search, a few thousand db hits
// per row).
//
// Available mentors within 1 or 2 hops (FindMentors' default, and
// MentorBoard's) are found the other way round (openMentorsCypherBy): from
// the open mentors of the skill, kept in the open-mentor links
// (openmentorlinks.go), linked to the asker found forward from the asker or
// backward from the candidates, whichever follows fewer links (see
// openMentorsCypherBy; forward cut typical askers' db hits from about 4,700
// to 1,650–3,200 on the network below, and one link type per level (see
// openmentorlinks.go) to 1,100–1,200). Measured backward only
// on the same 100k network, "leadership within 2 hops", 300 random askers:
// p50 4.6 ms, p99 12.5–14.6 ms, against 8.2 ms and 131 ms by reach. The
// reach next to a hub is tens of thousands of people; the open leadership
// mentors are 214 with 1,438 links, whoever asks.
//
// On a network with hubs (graph/seed's social shape: the biggest hub knows
// a quarter of everyone) the asker's reach is not what costs: from the
// open mentors, a hub asker pays one pass over their own links (mine) and
// the candidates' links, whoever they are. What did cost was a second
// statement for totalCount (the same work again) and the paths of a page
// through two hubs (expand-into between two hubs, once per row): the
// count now comes from the rows the page is ranked from
// (FindMentorsWithCount), and my links to the page's next people are read
// once (openMentorPath). Pruning by the score's upper bound was measured
// not to pay: the distance part (1/hops) spreads less than the others
// together, so a farther person can still beat a nearer one; see
// docs/design/hubs.md.
//
// Variable-length bounds and the open-mentor links' types are literals: each
// query exists in one variant per link set and hop bound (and, from the
// open mentors, minimum level 1..5), built once at start-up from the
// constant fragments below (never from client strings).

// MaxReachHops is the largest hop bound of a reach question.
const MaxReachHops = 4

// DefaultReachHops is the hop bound when none is given.
const DefaultReachHops = 2

// reachLinks is a set of link kinds a reach may follow.
type reachLinks int

const (
	reachBoth        reachLinks = iota // KNOWS and MENTORED_BY
	reachConnections                   // KNOWS only
	reachMentorships                   // MENTORED_BY only
	reachLinkSets
)

// reachTypes are the relationship types of each link set.
var reachTypes = [reachLinkSets]string{
	reachBoth:        "KNOWS|MENTORED_BY",
	reachConnections: "KNOWS",
	reachMentorships: "MENTORED_BY",
}

// reachOf maps the link kinds of a Via argument to a link set: nil means
// both; an empty list or an unknown kind is an InputError on field.
func reachOf(field string, via []LinkKind) (reachLinks, error) {
	if via == nil {
		return reachBoth, nil
	}
	if len(via) == 0 {
		return 0, invalid(field, "%s must name at least one link kind (CONNECTION, MENTORSHIP)", field)
	}
	var connections, mentorships bool
	for _, k := range via {
		switch k {
		case LinkConnection:
			connections = true
		case LinkMentorship:
			mentorships = true
		default:
			return 0, invalid(field, "%s: unknown link kind %q (use CONNECTION or MENTORSHIP)", field, string(k))
		}
	}
	switch {
	case connections && mentorships:
		return reachBoth, nil
	case connections:
		return reachConnections, nil
	default:
		return reachMentorships, nil
	}
}

// checkReachHops checks a hop bound 1..MaxReachHops.
func checkReachHops(c *checker, field string, v int) {
	if v < 1 || v > MaxReachHops {
		c.fail(field, "%s must be between 1 and %d, got %d", field, MaxReachHops, v)
	}
}

// reachCypher fills a query template for a link set and a hop bound n:
//
//	{types}  the relationship types, e.g. KNOWS|MENTORED_BY
//	{n}      the hop bound, a literal
//	{reach}  a CALL binding x and hops: each person other than me within n
//	         hops who passes filter (a condition on x), and their hop count
//	         ({nestedReach}: the same, indented one level more)
//	{path}   binds walk and links to a shortest path from me to each row m
//	         of a page (reachPath)
func reachCypher(template, filter string, links reachLinks, n int) string {
	types := reachTypes[links]
	var b strings.Builder
	b.WriteString("  CALL (me) {\n    CALL (me) {\n")
	for k := 1; k <= n; k++ {
		if k > 1 {
			b.WriteString("      UNION ALL\n")
		}
		// Within k hops: one link from me, or from someone within k-1
		// hops whom every step passes through (passableBy): a person
		// who opted out of being an intermediary, or whom the audience
		// may not see, ends a path but never carries one further.
		if k > 1 {
			bound := "*1.." + strconv.Itoa(k-1)
			b.WriteString("      MATCH inner = (me)-[:" + types + bound + "]-(y:Person) WHERE all(n IN nodes(inner) WHERE n = me OR " + passableBy("n") + ")\n" +
				"      WITH DISTINCT me, y MATCH (y)-[:" + types + "]-(x:Person)")
		} else {
			b.WriteString("      MATCH (me)-[:" + types + "]-(x:Person)")
		}
		b.WriteString(" WHERE x <> me AND " + seenBy("x") + " AND " + filter +
			" RETURN DISTINCT x, " + strconv.Itoa(k) + " AS hops\n")
	}
	b.WriteString("    }\n    RETURN x, min(hops) AS hops, null AS via\n  }\n")
	return fillTypes(fillReach(template, b.String(), reachPath), links, n)
}

// fillReach fills a template's {reach} with reach, {nestedReach} with
// reach indented one level (for a template that ranks inside a CALL of its
// own), and {path} with path.
func fillReach(template, reach, path string) string {
	lines := strings.SplitAfter(reach, "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			lines[i] = "  " + l
		}
	}
	return strings.NewReplacer("{reach}", reach, "{nestedReach}", strings.Join(lines, ""), "{path}", path).Replace(template)
}

// reachVariants builds template for every link set and hop bound 1..max.
func reachVariants(template, filter string, max int) [reachLinkSets][MaxReachHops + 1]string {
	return variants(max, func(l reachLinks, n int) string { return reachCypher(template, filter, l, n) })
}

// variants builds build(l, n) for every link set l and hop bound n = 1..max.
func variants(max int, build func(l reachLinks, n int) string) [reachLinkSets][MaxReachHops + 1]string {
	var out [reachLinkSets][MaxReachHops + 1]string
	for l := range reachLinkSets {
		for n := 1; n <= max; n++ {
			out[l][n] = build(l, n)
		}
	}
	return out
}

// MaxOpenMentorHops is the largest hop bound for which FindMentors starts
// from the open mentors of the skill (the open-mentor links) rather than
// from the asker's reach.
const MaxOpenMentorHops = 2

// openVariants are a query's open-mentor variants, by link set, hop bound
// (1..MaxOpenMentorHops) and minimum level (1..MaxSkillLevel).
type openVariants [reachLinkSets][MaxOpenMentorHops + 1][MaxSkillLevel + 1]string

// openMentorVariants builds openMentorsCypherBy(template, …, way) for every
// link set, hop bound and level.
func openMentorVariants(template string, way searchWay) *openVariants {
	var out openVariants
	for l := range reachLinkSets {
		for n := 1; n <= MaxOpenMentorHops; n++ {
			for level := 1; level <= MaxSkillLevel; level++ {
				out[l][n][level] = openMentorsCypherBy(template, l, n, level, way)
			}
		}
	}
	return &out
}

// searchWay says how openMentorsCypherBy's statement searches: choosing by
// the sizes at hand (what the store runs), or always one way (for tests
// that check both ways give the same answers).
type searchWay int

const (
	chooseWay searchWay = iota
	alwaysForward
	alwaysBackward
)

// openMentorsCypherBy fills a query template's {reach} with a CALL binding x,
// hops and via, starting from the open mentors of the skill list `skills`
// at minLevel or above (the CAN_MENTOR_<L> links for L ≥ minLevel, see
// openmentorlinks.go): the candidates. minLevel must be what the statement's
// $minLevel will be: each level has its variant, as each hop bound has
// (measured at 100k, a guarded UNION of the five types with $minLevel
// took 10–20 % longer, and one dynamic type list, :$any($types), 13 times
// longer: it scans every relationship of the skills). x runs over the
// candidates linked to me (hops 1) or, for n = 2, to one of my neighbours
// (hops 2; via is then the neighbour with the smallest id). The links that
// show it are found from whichever end is cheaper, chosen in the statement
// itself from the sizes at hand (way chooseWay; the tests force either):
//
//   - forward, from me: my neighbours (n = 1), or my neighbours and their
//     links (n = 2, the fan: the sum of my neighbours' degrees, read from
//     the degree counts), each end checked against the candidates;
//   - backward, from the candidates: each one's links, kept when they reach
//     me or one of my neighbours.
//
// Forward is taken when what it follows (my neighbours for n = 1, the fan
// for n = 2) is at most forwardPerCandidate per candidate. The fan is only
// summed when my neighbours alone are within that bound, so an asker with
// thousands of links pays for no degree counts.
func openMentorsCypherBy(template string, links reachLinks, n, minLevel int, way searchWay) string {
	limit := strconv.Itoa(forwardPerCandidate) + " * size(candidates)"
	// forward: whether the forward search follows few enough links.
	forward := "size(mine) <= " + limit
	fan := ""
	// hop2 adds, for n = 2, the candidates linked to one of my neighbours
	// (forward) and the links of a candidate to my neighbours (backward).
	hop2Forward, near := "", "y = me"
	if n >= 2 {
		fan = `    CALL (mine, candidates) {
      UNWIND CASE WHEN size(mine) <= ` + limit + ` THEN mine ELSE [] END AS y
      RETURN sum(COUNT { (y)-[:{types}]-() }) AS fan
    }
`
		forward += " AND fan <= " + limit
		hop2Forward = `        UNION ALL
        WITH me, y, candidates WHERE ` + passableBy("y") + `
        MATCH (y)-[:{types}]-(x) WHERE x <> me AND x IN candidates
        RETURN x, y AS through
`
		near = "y = me OR (y IN mine AND " + passableBy("y") + ")"
	}
	switch way {
	case alwaysForward:
		fan, forward = "", "true"
	case alwaysBackward:
		fan, forward = "", "false"
	}
	reach := `  CALL (me, skills) {
    UNWIND skills AS s
    MATCH (s)<-[:` + canMentorTypes(minLevel) + `]-(x)
    WHERE x <> me AND ` + seenBy("x") + `
    WITH collect(DISTINCT x) AS candidates
    WITH candidates, COLLECT { MATCH (me)-[:{types}]-(y) RETURN DISTINCT y } AS mine
` + fan + `    WITH candidates, mine, ` + forward + ` AS forward
    CALL (me, candidates, mine, forward) {
      WITH * WHERE forward
      UNWIND mine AS y
      CALL (me, y, candidates) {
        WITH me, y AS x WHERE x IN candidates
        RETURN x, me AS through
` + hop2Forward + `      }
      RETURN x, through
      UNION ALL
      WITH * WHERE NOT forward
      UNWIND candidates AS x
      MATCH (x)-[:{types}]-(y)
      WHERE ` + near + `
      RETURN x, y AS through
    }
    WITH DISTINCT x, through ORDER BY through.id
    WITH x, collect(through) AS ys
    WITH x, ys, CASE WHEN me IN ys THEN 1 ELSE 2 END AS hops
    RETURN x, hops, CASE WHEN hops = 2 THEN ys[0] END AS via
  }
`
	return fillTypes(fillReach(template, reach, openMentorPath), links, n)
}

// forwardPerCandidate is how many links a forward search of
// openMentorsCypherBy may follow per candidate before the backward one is
// taken instead. Measured on the generated 100k network ("leadership", 236
// candidates with about 1,440 links, 300 askers): forward costs about one
// db hit per link it follows, backward about 13 per candidate; forward was
// faster up to a fan of 2,000–3,000.
const forwardPerCandidate = 8

// fillTypes fills {types} and {n} in q.
func fillTypes(q string, links reachLinks, n int) string {
	return strings.NewReplacer("{types}", reachTypes[links], "{n}", strconv.Itoa(n)).Replace(q)
}

// reachPath binds, for each row m of a page (m.x, its mentor), walk and
// links to the people and links of a shortest path from me to m.x, from
// a bidirectional search.
var reachPath = `    UNWIND page AS m
    WITH me, m, m.x AS x
    MATCH path = shortestPath((me)-[:{types}*1..{n}]-(x))
    WHERE all(n IN nodes(path) WHERE n = me OR n = x OR ` + passableBy("n") + `)
    WITH m, nodes(path) AS walk, relationships(path) AS links
`

// openMentorPath binds, for each row m of a page (m.x its mentor, m.via
// the common neighbour with the smallest id when m.hops is 2), walk and
// links to a shortest path from me to m.x: the link between me and the
// next person on it (m.x, or m.via), then for 2 hops the one from m.via
// to m.x. Where two people are linked twice, the step names their
// connection, else the mentorship in which the walker is the mentee (as
// referral paths do).
//
// My links to the next people are read once per person, from whichever
// side follows fewer links: expand-into from each (it reads the smaller
// of the two ends' links), or one pass over my links. Next to a hub the
// next person is often another hub (hubs know each other, and a
// mentor's smallest-id common neighbour with a hub is often one): one
// expand-into per row between two hubs read about 4,800 links each (63,000
// db hits for a page of 20 from a hub of 7,931 links, on the social
// network of 100k people), where one pass over my links reads 7,931.
const openMentorPath = `    WITH me, page, reduce(d = [], m IN page | CASE WHEN coalesce(m.via, m.x) IN d THEN d ELSE d + coalesce(m.via, m.x) END) AS next
    CALL (me, next) {
      WITH me, next, COUNT { (me)-[:{types}]-() } AS mine
      WITH me, next, mine <= reduce(t = 0, e IN next | t + CASE WHEN COUNT { (e)-[:{types}]-() } < mine THEN COUNT { (e)-[:{types}]-() } ELSE mine END) AS onePass
      CALL (me, next, onePass) {
        WITH me, next WHERE onePass
        MATCH (me)-[r:{types}]-(e) WHERE e IN next
        RETURN r
        UNION ALL
        WITH me, next WHERE NOT onePass
        UNWIND next AS e
        MATCH (me)-[r:{types}]-(e)
        RETURN r
      }
      RETURN collect(r) AS mineToNext
    }
    UNWIND page AS m
    WITH me, m, m.x AS x, coalesce(m.via, m.x) AS e, mineToNext
    WITH me, m, x, e, [r IN mineToNext WHERE startNode(r) = e OR endNode(r) = e] AS toE
    WITH me, m, x, e, head([r IN toE WHERE type(r) = 'KNOWS'] + [r IN toE WHERE startNode(r) = me] + toE) AS first,
      COLLECT { MATCH (e)-[r:{types}]-(x) WHERE e <> x
        RETURN r ORDER BY type(r), CASE WHEN startNode(r) = e THEN 0 ELSE 1 END LIMIT 1 } AS second
    WITH m, CASE WHEN e = x THEN [me, x] ELSE [me, e, x] END AS walk, [first] + second AS links
`

// MentorWeights weigh the parts of a mentor match's score; each is 0 or
// more.
type MentorWeights struct {
	Distance           float64
	Level              float64
	Capacity           float64
	SharedOrganization float64
}

// DefaultMentorWeights are the weights when none are given.
var DefaultMentorWeights = MentorWeights{Distance: 0.4, Level: 0.3, Capacity: 0.2, SharedOrganization: 0.1}

// DefaultMentorMinLevel is the skill level a mentor needs when none is given.
const DefaultMentorMinLevel = 3

// FindMentorsArgs asks for mentors of For in Skill. Nil fields take their
// defaults: MaxHops 2 (1–4), MinLevel 3 (1–5), IncludeNarrower true, Via
// both link kinds (a non-nil empty list is an error), AvailableOnly true,
// ExcludeCurrentMentors true, Weights DefaultMentorWeights.
type FindMentorsArgs struct {
	For      string
	Skill    string
	MaxHops  *int
	MinLevel *int
	// IncludeNarrower counts skills PART_OF Skill (at any depth) as Skill.
	IncludeNarrower *bool
	// Via are the link kinds a path may follow (either direction).
	Via []LinkKind
	// AvailableOnly keeps people available to mentor with open slots.
	AvailableOnly *bool
	// ExcludeCurrentMentors leaves out people For has an ACTIVE mentorship with.
	ExcludeCurrentMentors *bool
	Weights               *MentorWeights
	Page                  PageArgs
}

// ScoreBreakdown holds the parts of a match's score, each already
// multiplied by its weight: Distance = w·1/hops, Level = w·level/5,
// Capacity = w·min(openSlots, 3)/3, SharedOrganization = w·(1 if the two
// share a current organization, else 0).
type ScoreBreakdown struct {
	Distance           float64
	Level              float64
	Capacity           float64
	SharedOrganization float64
}

// MentorMatch is a person who can mentor in the asked skill, how far they
// are and why they rank where they do.
type MentorMatch struct {
	Mentor Person
	// Hops is the length of a shortest path from the asking person.
	Hops int
	// SkillID is the matched skill (the asked one or a narrower one) with
	// the highest level, ties by id; Level is that level.
	SkillID string
	// Skill is the matched skill itself.
	Skill     Skill
	Level     int
	OpenSlots int
	// Score is the sum of the Breakdown's parts.
	Score     float64
	Breakdown ScoreBreakdown
	// Path is a shortest path from the asking person to the mentor over the
	// allowed link kinds.
	Path Path
}

// findMentorsCypher ranks the reached people who hold the skill; the reach
// is planned as the comment at the top of this file says. Skill
// holding is checked from the person's side (a few HAS_SKILL links each)
// against the list of the skill and its narrower skills; the score is
// computed for every candidate (it orders them), the path and the person's
// projection only for the page. {rank} is rankPage or rankAndCount: it
// returns the page, as a list of rows m, and with rankAndCount the total
// ({total}). Every CALL inside ends in an aggregation, so it returns one
// row even when nothing matches; the outer one is OPTIONAL for an unknown
// person or skill.
var findMentorsCypher = `
OPTIONAL MATCH (me:Person {id: $for}) WHERE ` + seenBy("me") + `
OPTIONAL MATCH (target:Skill {id: $skill})
OPTIONAL CALL (me, target) {
  WITH me, target WHERE me IS NOT NULL AND target IS NOT NULL
  WITH me,
    COLLECT { MATCH (s:Skill)-[:PART_OF*0..5]->(target) WHERE $narrower OR s = target RETURN DISTINCT s } AS skills,
    COLLECT { MATCH (me)-[a:AFFILIATED_WITH]->(o:Organization) WHERE a.until IS NULL RETURN DISTINCT o } AS orgs,
    COLLECT { MATCH (me)-[r:MENTORED_BY]->(c:Person) WHERE $excludeCurrent AND r.status = 'ACTIVE' RETURN DISTINCT c } AS current
  CALL (me, skills, orgs, current) {
{nestedReach}    WITH * WHERE NOT x IN current
    CALL (x, skills) {
      MATCH (x)-[h:HAS_SKILL]->(s:Skill) WHERE s IN skills AND h.level >= $minLevel
      RETURN h.level AS level, s.id AS skillId, s AS matched ORDER BY level DESC, skillId LIMIT 1
    }
    WITH me, orgs, x, level, matched, hops, via,
      CASE WHEN x.availableToMentor
        THEN coalesce(x.mentorCapacity, 0) - COUNT { (x)<-[r:MENTORED_BY]-() WHERE r.status = 'ACTIVE' }
        ELSE 0 END AS open
    WHERE NOT $availableOnly OR open > 0
    WITH me, x, level, matched, hops, via, CASE WHEN open < 0 THEN 0 ELSE open END AS open,
      CASE WHEN size(orgs) > 0 AND EXISTS { (x)-[b:AFFILIATED_WITH]->(o:Organization) WHERE b.until IS NULL AND o IN orgs }
        THEN 1.0 ELSE 0.0 END AS shared
    WITH x, level, matched, hops, via, open,
      $wDistance * (1.0 / hops) AS distance, $wLevel * (level / 5.0) AS lvl,
      $wCapacity * ((CASE WHEN open < 3 THEN open ELSE 3 END) / 3.0) AS capacity, $wShared * shared AS sharedOrg
    WITH x, level, matched, hops, via, open, distance, lvl, capacity, sharedOrg, distance + lvl + capacity + sharedOrg AS score
{rank}  }
  CALL (me, page) {
{path}    WITH m, walk, links, m.matched AS s
    RETURN collect({mentor: m.x.id, hops: m.hops, skill: ` + skillProjection + `, level: m.level, open: m.open,
      score: m.score, distance: m.distance, lvl: m.lvl, capacity: m.capacity, shared: m.sharedOrg,
      path: ` + walkIDsProjection + `}) AS rows, collect(walk) AS walks
  }
  RETURN rows, {total}, [p IN COLLECT { UNWIND walks AS walk UNWIND walk AS n RETURN DISTINCT n } | ` + personProjection + `] AS people
}
RETURN {person: me IS NOT NULL, skill: target IS NOT NULL, rows: rows, people: people, total: total} AS result`

// pageRow is a ranked row of findMentorsCypher, as the page lists it.
const pageRow = `{x: x, level: level, matched: matched, hops: hops, via: via, open: open,
      distance: distance, lvl: lvl, capacity: capacity, sharedOrg: sharedOrg, score: score}`

// afterCursor keeps the rows after the page's cursor ($after, $afterScore).
const afterCursor = `$afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND x.id > $after)`

// rankPage is findMentorsCypher's {rank} when no count is asked: the
// $limit best rows after the cursor (a top-k sort).
const rankPage = `    WHERE ` + afterCursor + `
    ORDER BY score DESC, x.id LIMIT $limit
    RETURN collect(` + pageRow + `) AS page
`

// rankAndCount is findMentorsCypher's {rank} when the count is asked too
// (FindMentorsWithCount): every row is counted, then the $limit best after
// the cursor are kept, in order (collect keeps the order of the sort).
const rankAndCount = `    ORDER BY score DESC, x.id
    RETURN count(*) AS total,
      collect(CASE WHEN ` + afterCursor + `
        THEN ` + pageRow + ` END)[0..$limit] AS page
`

// walkIDsProjection is pathIDsProjection for a path given as its people,
// walk, and its links, links.
const walkIDsProjection = `{steps: [i IN range(0, size(links) - 1) | {
      from: (walk[i]).id, to: (walk[i + 1]).id, type: type(links[i]),
      forward: startNode(links[i]) = walk[i], since: (links[i]).since}], people: [n IN walk | n.id]}`

// countMentorsCypher counts what findMentorsCypher ranks; its {reach} binds
// x: countReach (no hop counts needed), or the open mentors' one.
var countMentorsCypher = `
OPTIONAL MATCH (me:Person {id: $for}) WHERE ` + seenBy("me") + `
OPTIONAL MATCH (target:Skill {id: $skill})
CALL (me, target) {
  WITH me, target WHERE me IS NOT NULL AND target IS NOT NULL
  WITH me,
    COLLECT { MATCH (s:Skill)-[:PART_OF*0..5]->(target) WHERE $narrower OR s = target RETURN DISTINCT s } AS skills,
    COLLECT { MATCH (me)-[r:MENTORED_BY]->(c:Person) WHERE $excludeCurrent AND r.status = 'ACTIVE' RETURN DISTINCT c } AS current
{reach}  WITH * WHERE NOT x IN current
    AND EXISTS { (x)-[h:HAS_SKILL]->(s:Skill) WHERE s IN skills AND h.level >= $minLevel }
    AND (NOT $availableOnly
      OR coalesce(x.mentorCapacity, 0) > COUNT { (x)<-[r:MENTORED_BY]-() WHERE r.status = 'ACTIVE' })
  RETURN count(x) AS n
}
RETURN {person: me IS NOT NULL, skill: target IS NOT NULL, n: n} AS result`

// mentorReachFilter keeps the people who may be matches.
const mentorReachFilter = `(NOT $availableOnly OR x.availableToMentor)`

// countReach is countMentorsCypher's {reach} by reach: everyone within
// {n} hops who passes mentorReachFilter, once (one pruning breadth-first
// expand; a count needs no hop counts).
const countReach = `  CALL (me) {
    MATCH (me)-[:{types}*1..{n}]-(x:Person)
    WHERE x <> me AND ` + mentorReachFilter + `
    RETURN DISTINCT x
  }
`

// The variants of each query: by reach (any question) and from the open
// mentors (available mentors only, up to MaxOpenMentorHops).
var (
	findMentorsVariants          = reachVariants(findMentors(rankPage), mentorReachFilter, MaxReachHops)
	findMentorsWithCountVariants = reachVariants(findMentors(rankAndCount), mentorReachFilter, MaxReachHops)
	countMentorsVariants         = variants(MaxReachHops, func(l reachLinks, n int) string {
		return fillTypes(strings.Replace(countMentorsCypher, "{reach}", countReach, 1), l, n)
	})
	findOpenMentors          = openMentorVariants(findMentors(rankPage), chooseWay)
	findOpenMentorsWithCount = openMentorVariants(findMentors(rankAndCount), chooseWay)
	countOpenMentors         = openMentorVariants(countMentorsCypher, chooseWay)
)

// findMentors is findMentorsCypher with rank as its {rank}: rankPage, or
// rankAndCount (which returns the total).
func findMentors(rank string) string {
	total := "null AS total"
	if rank == rankAndCount {
		total = "total"
	}
	return strings.NewReplacer("{rank}", rank, "{total}", total).Replace(findMentorsCypher)
}

// cypher picks the query variant for q from the reach variants and the
// open-mentor ones.
func (q findMentorsQuery) cypher(reach [reachLinkSets][MaxReachHops + 1]string, open *openVariants) string {
	return pickVariant(reach, open, q.links, q.hops, q.params["minLevel"].(int), q.params["availableOnly"] == true)
}

// pickVariant is the query of a reach question for a link set, hop bound
// and minimum level (1..MaxSkillLevel, the statement's $minLevel): the
// open-mentor variant when only available mentors count and the bound is
// at most MaxOpenMentorHops, the reach variant otherwise.
func pickVariant(reach [reachLinkSets][MaxReachHops + 1]string, open *openVariants, links reachLinks, hops, minLevel int, availableOnly bool) string {
	if availableOnly && hops <= MaxOpenMentorHops {
		return open[links][hops][minLevel]
	}
	return reach[links][hops]
}

// findMentorsQuery is a checked FindMentorsArgs: the query variant and its
// parameters.
type findMentorsQuery struct {
	links   reachLinks
	hops    int
	params  map[string]any
	hasPrev bool
}

// check validates args, fills defaults and builds the parameters.
func (args FindMentorsArgs) check(paged bool) (findMentorsQuery, error) {
	var c checker
	c.id("for", args.For)
	c.id("skill", args.Skill)
	hops := orDefault(args.MaxHops, DefaultReachHops)
	checkReachHops(&c, "maxHops", hops)
	minLevel := orDefault(args.MinLevel, DefaultMentorMinLevel)
	c.level("minLevel", minLevel)
	w := orDefault(args.Weights, DefaultMentorWeights)
	for _, f := range []struct {
		field string
		v     float64
	}{{"weights.distance", w.Distance}, {"weights.level", w.Level}, {"weights.capacity", w.Capacity}, {"weights.sharedOrganization", w.SharedOrganization}} {
		if !(f.v >= 0) || math.IsInf(f.v, 0) {
			c.fail(f.field, "%s must be a number 0 or more, got %v", f.field, f.v)
		}
	}
	if c.err != nil {
		return findMentorsQuery{}, c.err
	}
	links, err := reachOf("via", args.Via)
	if err != nil {
		return findMentorsQuery{}, err
	}
	q := findMentorsQuery{links: links, hops: hops, params: map[string]any{
		"for": args.For, "skill": args.Skill, "minLevel": minLevel,
		"narrower":       orDefault(args.IncludeNarrower, true),
		"availableOnly":  orDefault(args.AvailableOnly, true),
		"excludeCurrent": orDefault(args.ExcludeCurrentMentors, true),
		"wDistance":      w.Distance, "wLevel": w.Level, "wCapacity": w.Capacity, "wShared": w.SharedOrganization,
	}}
	if !paged {
		return q, nil
	}
	after, hasAfter, err := checkPage(args.Page, MaxPageSize)
	if err != nil {
		return findMentorsQuery{}, err
	}
	if hasAfter && after.Score == nil {
		return findMentorsQuery{}, invalid("after", "after is not a cursor of this list: pass the endCursor of a previous page")
	}
	q.params["after"], q.params["afterScore"], q.params["limit"] = after.ID, ptrParam(after.Score), args.Page.First+1
	q.hasPrev = hasAfter
	return q, nil
}

// orDefault is *p, or def when p is nil.
func orDefault[T any](p *T, def T) T {
	if p == nil {
		return def
	}
	return *p
}

// mentorsNotFound names the argument that refers to nothing, if any.
func mentorsNotFound(m map[string]any, args FindMentorsArgs) error {
	if !boolVal(m, "person") {
		return notFound("no person with id %q (for)", args.For)
	}
	if !boolVal(m, "skill") {
		return notFound("no skill with id %q (skill)", args.Skill)
	}
	return nil
}

// FindMentors ranks the people within args.MaxHops of args.For (over the
// link kinds of args.Via, either direction) who hold args.Skill, or a
// narrower skill, at args.MinLevel or above: by score (see ScoreBreakdown),
// then by id, a page at a time, each with a shortest path from args.For.
// The person themself is never a match. An unknown person or skill is
// ErrNotFound naming the argument ("for", "skill"); bad arguments are an
// InputError naming theirs. One Cypher statement per call.
func (s *Store) FindMentors(ctx context.Context, args FindMentorsArgs) (Page[MentorMatch], error) {
	page, _, err := s.findMentors(ctx, args, findMentorsVariants, findOpenMentors)
	return page, err
}

// FindMentorsWithCount is FindMentors and CountMentors in one statement:
// the page, and how many matches there are in all. The count comes from
// the rows the page is ranked from, so it costs little more than the page.
func (s *Store) FindMentorsWithCount(ctx context.Context, args FindMentorsArgs) (Page[MentorMatch], int, error) {
	return s.findMentors(ctx, args, findMentorsWithCountVariants, findOpenMentorsWithCount)
}

// findMentors is FindMentors with reach and open as the statement's
// variants; total is the count, when the statement counts.
func (s *Store) findMentors(ctx context.Context, args FindMentorsArgs, reach [reachLinkSets][MaxReachHops + 1]string, open *openVariants) (page Page[MentorMatch], total int, err error) {
	q, err := args.check(true)
	if err != nil {
		return Page[MentorMatch]{}, 0, err
	}
	cypher := q.cypher(reach, open)
	type answer struct {
		matches []MentorMatch
		total   int
	}
	a, err := read(ctx, s, "find mentors", func(tx neo4j.ManagedTransaction) (answer, error) {
		result, err := single(ctx, tx, cypher, q.params, func(m map[string]any) map[string]any { return m })
		if err != nil {
			return answer{}, err
		}
		if err := mentorsNotFound(result, args); err != nil {
			return answer{}, err
		}
		rows, _ := result["rows"].([]any)
		people := peopleByID(result["people"])
		out := make([]MentorMatch, 0, len(rows))
		for _, r := range rows {
			out = append(out, mentorMatchFrom(r.(map[string]any), people))
		}
		return answer{out, intVal(result, "total")}, nil
	})
	if err != nil {
		return Page[MentorMatch]{}, 0, err
	}
	// collect keeps no order: restore the ranking.
	slices.SortFunc(a.matches, func(a, b MentorMatch) int {
		if a.Score != b.Score {
			if a.Score > b.Score {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Mentor.ID, b.Mentor.ID)
	})
	return pageOf(a.matches, args.Page.First, q.hasPrev, func(m MentorMatch) Cursor {
		return Cursor{ID: m.Mentor.ID, Score: &m.Score}
	}), a.total, nil
}

// mentorMatchFrom reads a row of findMentorsCypher; people are the
// answer's people (every path's), by id.
func mentorMatchFrom(m map[string]any, people map[string]Person) MentorMatch {
	sm, _ := m["skill"].(map[string]any)
	return MentorMatch{
		Mentor:    people[str(m, "mentor")],
		Hops:      intVal(m, "hops"),
		Skill:     skillFrom(sm),
		SkillID:   str(sm, "id"),
		Level:     intVal(m, "level"),
		OpenSlots: intVal(m, "open"),
		Score:     floatVal(m, "score"),
		Breakdown: ScoreBreakdown{
			Distance:           floatVal(m, "distance"),
			Level:              floatVal(m, "lvl"),
			Capacity:           floatVal(m, "capacity"),
			SharedOrganization: floatVal(m, "shared"),
		},
		Path: pathAmong(m["path"], people),
	}
}

// CountMentors counts the matches FindMentors lists for args (args.Page is
// ignored).
func (s *Store) CountMentors(ctx context.Context, args FindMentorsArgs) (int, error) {
	return s.countMentors(ctx, args, countOpenMentors)
}

// countMentors is CountMentors with open as the open-mentor variants.
func (s *Store) countMentors(ctx context.Context, args FindMentorsArgs, open *openVariants) (int, error) {
	q, err := args.check(false)
	if err != nil {
		return 0, err
	}
	cypher := q.cypher(countMentorsVariants, open)
	return read(ctx, s, "count mentors", func(tx neo4j.ManagedTransaction) (int, error) {
		result, err := single(ctx, tx, cypher, q.params, func(m map[string]any) map[string]any { return m })
		if err != nil {
			return 0, err
		}
		if err := mentorsNotFound(result, args); err != nil {
			return 0, err
		}
		return intVal(result, "n"), nil
	})
}
