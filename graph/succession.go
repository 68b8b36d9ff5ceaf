package graph

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Bounds of Successors.
const (
	// SuccessionDepth: successors are mentees (generation 1) and their
	// mentees (generation 2); successorsCypher holds it as a literal.
	SuccessionDepth = 2
	// KeySkillMinLevel is the level from which a person's skills are their
	// key skills when none are named.
	KeySkillMinLevel = 3
	// MaxSuccessionSkills is how many skills may be named.
	MaxSuccessionSkills = 20
)

// SuccessionArgs ask who could succeed a person.
type SuccessionArgs struct {
	Person string
	// Skills are the key skills to measure successors by; empty means the
	// person's own skills at KeySkillMinLevel or above.
	Skills []string
}

// SkillLevel is how far a successor is in one key skill.
type SkillLevel struct {
	// SkillID is the key skill.
	SkillID string
	// HeldSkillID is the skill the successor holds it through: SkillID
	// itself or a narrower skill (their best level, then the smallest id).
	HeldSkillID string
	// Skill and HeldSkill are those skills themselves.
	Skill, HeldSkill Skill
	// Level is the successor's level, Target the person's own (both the
	// best level in the skill or a narrower one); Gap is Target − Level,
	// never below 0.
	Level, Target, Gap int
}

// Successor is a mentee (or a mentee's mentee) holding some key skills.
type Successor struct {
	Person Person
	// Generation is 1 for the person's own mentees, 2 for theirs (the
	// smallest number of mentorships between them).
	Generation int
	// Covered lists the key skills the successor holds, in the order of
	// the key skills (by id).
	Covered []SkillLevel
	// Score is the share of the person's key-skill levels the successor
	// matches: the sum over all key skills of min(Level, Target)/Target
	// (0 for a key skill not held), divided by the number of key skills.
	// 1 means as good as the person in every key skill. Rounded to 9
	// decimal places.
	Score float64
}

// successorsCypher runs in one statement, with a fixed depth of two:
//
//   - the key skills (named ones, or my HAS_SKILL links at ≥ $keyLevel),
//     each with its narrower skills (PART_OF*0..5) and my best level in
//     them, the target;
//   - a single-source breadth-first search from me down MENTORED_BY
//     (ANY SHORTEST, at most 2 steps), reaching each mentee and mentee's
//     mentee once, at their smallest generation: the work is the size of
//     those two generations, cycles included;
//   - for each of them, one expand over their own HAS_SKILL links per key
//     skill, tested against the key skill's list of narrower skills.
//
// Unknown people and skills come back as flags in the one row.
var successorsCypher = `
OPTIONAL MATCH (me:Person {id: $id}) WHERE ` + seenBy("me") + `
CALL (me) {
  WITH me WHERE me IS NOT NULL
  UNWIND CASE WHEN $skills IS NULL
    THEN COLLECT { MATCH (me)-[h:HAS_SKILL]->(k:Skill) WHERE h.level >= $keyLevel RETURN k.id }
    ELSE $skills END AS keyID
  OPTIONAL MATCH (k:Skill {id: keyID})
  WITH me, keyID, k, COLLECT { MATCH (n:Skill)-[:PART_OF*0..5]->(k) RETURN DISTINCT n } AS within
  WITH keyID, k, within,
    COLLECT { MATCH (me)-[h:HAS_SKILL]->(n:Skill) WHERE n IN within RETURN h.level ORDER BY h.level DESC LIMIT 1 } AS best
  WITH keyID, k, within, coalesce(best[0], 0) AS target ORDER BY keyID
  RETURN collect({id: keyID, found: k IS NOT NULL, within: within, target: target,
    skills: [s IN within | ` + skillProjection + `]}) AS keys
}
CALL (me, keys) {
  WITH me, [k IN keys WHERE k.target > 0] AS measured
  WHERE me IS NOT NULL AND size(measured) > 0
  MATCH path = ANY SHORTEST (me)<-[:MENTORED_BY]-{1,2}(p:Person)
  WHERE p <> me AND ` + seenBy("p") + ` AND all(x IN nodes(path)[1..-1] WHERE ` + passableBy("x") + `)
  WITH p, length(path) AS generation, measured
  CALL (p, measured) {
    UNWIND measured AS key
    MATCH (p)-[h:HAS_SKILL]->(n:Skill)
    WHERE n IN key.within
    WITH key, h.level AS level, n.id AS held ORDER BY level DESC, held
    WITH key, collect({level: level, held: held})[0] AS best
    WITH key, best ORDER BY key.id
    RETURN collect({skill: key.id, held: best.held, level: best.level, target: key.target}) AS covered
  }
  WITH p, generation, covered WHERE size(covered) > 0
  RETURN collect({person: ` + personProjection + `, generation: generation, covered: covered}) AS candidates
}
RETURN {found: me IS NOT NULL, keys: [k IN keys | k {.id, .found, .target, .skills}], candidates: candidates} AS result`

// Successors ranks the people who could succeed args.Person in their key
// skills: their mentees and their mentees' mentees (mentorships of any
// status: past mentees learned from them too), each holding at least one
// key skill, or a narrower one; best Score first, then by id. A person
// without key skills has no successors (an empty slice).
//
// An unknown person or named skill is ErrNotFound; naming a skill the
// person does not hold (nor a narrower one) is an InputError on "skills",
// as there is no level to succeed them at.
func (s *Store) Successors(ctx context.Context, args SuccessionArgs) ([]Successor, error) {
	var c checker
	c.id("person", args.Person)
	skills := dedupe(args.Skills)
	if len(skills) > MaxSuccessionSkills {
		c.fail("skills", "skills holds %d skill ids; the limit is %d", len(skills), MaxSuccessionSkills)
	}
	for i, id := range skills {
		c.id(fmt.Sprintf("skills[%d]", i), id)
	}
	if c.err != nil {
		return nil, c.err
	}
	var skillsParam any // null: the person's key skills
	if len(skills) > 0 {
		skillsParam = skills
	}
	params := map[string]any{"id": args.Person, "skills": skillsParam, "keyLevel": KeySkillMinLevel}
	return read(ctx, s, "successors", func(tx neo4j.ManagedTransaction) ([]Successor, error) {
		m, err := single(ctx, tx, successorsCypher, params, func(m map[string]any) map[string]any { return m })
		if err != nil {
			return nil, err
		}
		if !boolVal(m, "found") {
			return nil, notFound("no person with id %q (person)", args.Person)
		}
		keys, _ := m["keys"].([]any)
		var missing, unheld []string
		named := map[string]Skill{}
		for _, v := range keys {
			km, _ := v.(map[string]any)
			within, _ := km["skills"].([]any)
			for _, sv := range within {
				sk := skillFrom(sv.(map[string]any))
				named[sk.ID] = sk
			}
			switch {
			case !boolVal(km, "found"):
				missing = append(missing, str(km, "id"))
			case intVal(km, "target") == 0:
				unheld = append(unheld, str(km, "id"))
			}
		}
		if len(missing) > 0 {
			return nil, notFound("no skill with id %s (skills)", strings.Join(quoteAll(missing), ", "))
		}
		if len(unheld) > 0 {
			return nil, invalid("skills", "%q holds neither %s nor a narrower skill, so has no level to be succeeded at", args.Person, strings.Join(quoteAll(unheld), ", "))
		}
		raw, _ := m["candidates"].([]any)
		out := make([]Successor, 0, len(raw))
		for _, v := range raw {
			cm, _ := v.(map[string]any)
			pm, _ := cm["person"].(map[string]any)
			succ := Successor{Person: personFrom(pm), Generation: intVal(cm, "generation")}
			covered, _ := cm["covered"].([]any)
			for _, cv := range covered {
				sm, _ := cv.(map[string]any)
				sl := SkillLevel{SkillID: str(sm, "skill"), HeldSkillID: str(sm, "held"), Level: intVal(sm, "level"), Target: intVal(sm, "target")}
				sl.Skill, sl.HeldSkill = named[sl.SkillID], named[sl.HeldSkillID]
				sl.Gap = max(sl.Target-sl.Level, 0)
				succ.Covered = append(succ.Covered, sl)
				succ.Score += float64(min(sl.Level, sl.Target)) / float64(sl.Target)
			}
			// Rounded so that equal shares reached in a different order tie.
			succ.Score = math.Round(succ.Score/float64(len(keys))*1e9) / 1e9
			out = append(out, succ)
		}
		slices.SortFunc(out, func(a, b Successor) int {
			return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Person.ID, b.Person.ID))
		})
		return out, nil
	})
}
