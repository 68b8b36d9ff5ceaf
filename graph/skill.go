package graph

import (
	"context"
	"errors"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// MaxSkillLevels is how deep the skill hierarchy may be: a top-level skill
// and at most five narrower levels under it. Every PART_OF walk is bounded
// by it (`*1..5`).
const MaxSkillLevels = 6

// SkillInput is a new skill; a nil ID is derived from the name.
type SkillInput struct {
	ID          *string
	Name        string
	Category    string
	Description *string
	BroaderID   *string
}

// SkillPatch changes some fields of a skill.
type SkillPatch struct {
	Name        Optional[string]
	Category    Optional[string]
	Description Optional[string]
	BroaderID   Optional[string]
}

const skillProjection = `s {.id, .name, .category, .description, broader: [(s)-[:PART_OF]->(b:Skill) | b.id][0]}`

func skillFrom(m map[string]any) Skill {
	return Skill{ID: str(m, "id"), Name: str(m, "name"), Category: str(m, "category"),
		Description: strPtr(m, "description"), BroaderID: strPtr(m, "broader")}
}

// slugID checks a skill id: lower-case letters, digits and single '-'.
func (c *checker) slugID(field, v string) {
	c.id(field, v)
	if c.err == nil && Slug(v) != v {
		c.fail(field, "%s %q must be a slug: lower-case letters and digits joined by '-' (e.g. %q)", field, v, Slug(v))
	}
}

const createSkillCypher = `
CREATE (s:Skill {id: $id, name: $name, category: $category, description: $description})
WITH s
OPTIONAL MATCH (b:Skill {id: $broader})
FOREACH (_ IN CASE WHEN b IS NULL THEN [] ELSE [1] END | CREATE (s)-[:PART_OF]->(b))
RETURN ` + skillProjection

// CreateSkill stores a new skill, optionally part of a broader one (under
// the skill hierarchy's lock, see lockSkillHierarchy).
func (s *Store) CreateSkill(ctx context.Context, in SkillInput) (Skill, error) {
	id := Slug(in.Name)
	if in.ID != nil {
		id = *in.ID
	}
	var c checker
	c.slugID("input.id", id)
	c.name("input.name", in.Name, MaxNameLen)
	c.oneOf("input.category", in.Category, SkillCategories)
	c.longText("input.description", in.Description, MaxTextLen)
	if c.err != nil {
		return Skill{}, c.err
	}
	sk, err := write(ctx, s, "create skill", func(tx neo4j.ManagedTransaction) (Skill, error) {
		if in.BroaderID != nil {
			if err := lockSkillHierarchy(ctx, tx); err != nil {
				return Skill{}, err
			}
			if err := requireAll(ctx, tx, ref{skillLabel, *in.BroaderID, "input.broader"}); err != nil {
				return Skill{}, err
			}
			if err := checkHierarchy(ctx, tx, id, *in.BroaderID, "input.broader"); err != nil {
				return Skill{}, err
			}
		}
		return single(ctx, tx, createSkillCypher, map[string]any{"id": id, "name": in.Name, "category": in.Category,
			"description": ptrParam(in.Description), "broader": ptrParam(in.BroaderID)}, skillFrom)
	})
	if isConstraintViolation(err) {
		return Skill{}, conflict("a skill with id %q already exists", id)
	}
	return sk, err
}

// skillHierarchyLockCypher write-locks the node that stands for the whole
// skill hierarchy (ApplySchema creates it, see ensureSkillHierarchyLock),
// every one of them should an older version have made two.
const skillHierarchyLockCypher = `
MATCH (m:MentorGraphMeta {key: 'skillHierarchy'})
SET m._lock = true REMOVE m._lock
RETURN {locked: count(m)} AS r`

// lockSkillHierarchy takes the skill hierarchy's lock until tx ends. Every
// write that adds or moves a PART_OF link takes it before checkHierarchy
// reads the hierarchy, so such writes are decided one after the other.
// Locking the link's two skills would not do: a cycle of three or more
// (a under b, b under c, c under a, asked at once) is closed by writes
// that share no skill, each checking a hierarchy that lacks the others'
// links; so is a depth over MaxSkillLevels.
func lockSkillHierarchy(ctx context.Context, tx neo4j.ManagedTransaction) error {
	n, err := single(ctx, tx, skillHierarchyLockCypher, nil, func(m map[string]any) int { return intVal(m, "locked") })
	if err != nil {
		return err
	}
	if n == 0 {
		return errors.New("the skill hierarchy's lock node (:MentorGraphMeta {key: 'skillHierarchy'}) is missing: ApplySchema creates it")
	}
	return nil
}

const hierarchyCypher = `
MATCH (b:Skill {id: $broader})
OPTIONAL MATCH (s:Skill {id: $skill})
WITH b, s, [p = (b)-[:PART_OF*0..6]->(r:Skill) WHERE NOT EXISTS { (r)-[:PART_OF]->(:Skill) } | length(p)][0] AS above
RETURN {
  cycle: s IS NOT NULL AND EXISTS { MATCH (b)-[:PART_OF*0..6]->(s) },
  above: coalesce(above, 6),
  below: CASE WHEN s IS NULL THEN 0
         ELSE reduce(m = 0, l IN [p = (:Skill)-[:PART_OF*0..6]->(s) | length(p)] | CASE WHEN l > m THEN l ELSE m END) END
} AS h`

// checkHierarchy refuses to put skill under broader when broader is skill
// itself or one of its narrower skills (a cycle), or when the hierarchy
// would get deeper than MaxSkillLevels.
func checkHierarchy(ctx context.Context, tx neo4j.ManagedTransaction, skill, broader, field string) error {
	h, err := single(ctx, tx, hierarchyCypher, map[string]any{"skill": skill, "broader": broader}, func(m map[string]any) map[string]any { return m })
	if err != nil {
		return err
	}
	if boolVal(h, "cycle") {
		if skill == broader {
			return invalid(field, "skill %q cannot be part of itself", skill)
		}
		return invalid(field, "skill %q cannot be part of %q: %q is already part of %q (a cycle)", skill, broader, broader, skill)
	}
	// levels: broader's ancestors, broader, the skill, its deepest narrower chain.
	levels := intVal(h, "above") + 1 + 1 + intVal(h, "below")
	if levels > MaxSkillLevels {
		return invalid(field, "putting %q under %q would make the skill hierarchy %d levels deep; the limit is %d", skill, broader, levels, MaxSkillLevels)
	}
	return nil
}

const updateSkillCypher = `
MATCH (s:Skill {id: $id})
SET s += $set
WITH s
CALL (s) {
  WITH s WHERE $moveBroader
  OPTIONAL MATCH (s)-[old:PART_OF]->(:Skill)
  DELETE old
  WITH s
  OPTIONAL MATCH (b:Skill {id: $broader})
  FOREACH (_ IN CASE WHEN b IS NULL THEN [] ELSE [1] END | MERGE (s)-[:PART_OF]->(b))
}
RETURN ` + skillProjection

// UpdateSkill applies patch to the skill with id; a change of its broader
// skill is made under the skill hierarchy's lock (lockSkillHierarchy).
func (s *Store) UpdateSkill(ctx context.Context, id string, patch SkillPatch) (Skill, error) {
	var c checker
	notCleared(&c, "input.name", patch.Name)
	if patch.Name.Value != nil {
		c.name("input.name", *patch.Name.Value, MaxNameLen)
	}
	notCleared(&c, "input.category", patch.Category)
	if patch.Category.Value != nil {
		c.oneOf("input.category", *patch.Category.Value, SkillCategories)
	}
	c.longText("input.description", patch.Description.Value, MaxTextLen)
	if c.err != nil {
		return Skill{}, c.err
	}
	set := map[string]any{}
	setOptional(set, "name", patch.Name)
	setOptional(set, "category", patch.Category)
	setOptional(set, "description", patch.Description)
	return write(ctx, s, "update skill", func(tx neo4j.ManagedTransaction) (Skill, error) {
		if patch.BroaderID.Set {
			if err := lockSkillHierarchy(ctx, tx); err != nil {
				return Skill{}, err
			}
		}
		if err := requireAll(ctx, tx, ref{skillLabel, id, "input.id"}); err != nil {
			return Skill{}, err
		}
		if b := patch.BroaderID.Value; patch.BroaderID.Set && b != nil {
			if err := requireAll(ctx, tx, ref{skillLabel, *b, "input.broader"}); err != nil {
				return Skill{}, err
			}
			if err := checkHierarchy(ctx, tx, id, *b, "input.broader"); err != nil {
				return Skill{}, err
			}
		}
		return single(ctx, tx, updateSkillCypher, map[string]any{"id": id, "set": set,
			"moveBroader": patch.BroaderID.Set, "broader": ptrParam(patch.BroaderID.Value)}, skillFrom)
	})
}

const deleteSkillCypher = `
MATCH (s:Skill {id: $id})
WITH s, COUNT { (:Goal)-[:ABOUT]->(s) } AS goals
CALL (s, goals) {
  WITH s WHERE goals = 0
  MATCH (:Person)-[m:MENTORED_BY]->(:Person) WHERE $id IN m.focus
  SET m.focus = [f IN m.focus WHERE f <> $id]
}
CALL (s, goals) {
  WITH s WHERE goals = 0
  DETACH DELETE s
}
RETURN {goals: goals} AS result`

// DeleteSkill deletes a skill: people's levels in it and its hierarchy
// links go, narrower skills become top-level, mentorship focus lists drop
// it. ErrConflict while goals are about it.
func (s *Store) DeleteSkill(ctx context.Context, id string) error {
	_, err := write(ctx, s, "delete skill", func(tx neo4j.ManagedTransaction) (bool, error) {
		goals, err := single(ctx, tx, deleteSkillCypher, map[string]any{"id": id}, func(m map[string]any) int { return intVal(m, "goals") })
		switch {
		case errors.Is(err, errNoRows):
			return false, notFound("no skill with id %q", id)
		case err != nil:
			return false, err
		case goals > 0:
			return false, conflict("skill %q cannot be deleted: %d goal(s) are about it; remove them or point them at another skill first", id, goals)
		}
		return true, nil
	})
	return err
}

const skillsByIDCypher = `
UNWIND $ids AS id
MATCH (s:Skill {id: id})
RETURN ` + skillProjection

// SkillsByID returns the skills with these ids, keyed by id.
func (s *Store) SkillsByID(ctx context.Context, ids []string) (map[string]Skill, error) {
	return read(ctx, s, "skills by id", func(tx neo4j.ManagedTransaction) (map[string]Skill, error) {
		skills, err := collect(ctx, tx, skillsByIDCypher, map[string]any{"ids": ids}, skillFrom)
		return keyBy(skills, func(s Skill) string { return s.ID }), err
	})
}

const narrowerSkillsCypher = `
UNWIND $ids AS id
MATCH (s:Skill)-[:PART_OF]->(:Skill {id: id})
WITH id, s ORDER BY s.name, s.id
WITH id, ` + skillProjection + ` AS skill
RETURN skill {.*, key: id} AS row`

// NarrowerSkills returns the skills directly part of each skill, by name.
func (s *Store) NarrowerSkills(ctx context.Context, ids []string) (map[string][]Skill, error) {
	return byKey(ctx, s, "narrower skills", narrowerSkillsCypher, ids, nil, skillFrom)
}

// SkillFilter narrows a list of skills.
type SkillFilter struct {
	Category *string
	Search   *string
}

const skillsPageCypher = `
MATCH (s:Skill)
WHERE s.id > $after AND ($category IS NULL OR s.category = $category)
WITH s ORDER BY s.id LIMIT $limit
RETURN ` + skillProjection + ` AS skill, null AS score`

const skillsSearchCypher = `
CALL db.index.fulltext.queryNodes('names', $search) YIELD node AS s, score
WHERE s:Skill AND ($category IS NULL OR s.category = $category)
  AND ($afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND s.id > $after))
WITH s, score ORDER BY score DESC, s.id LIMIT $limit
RETURN ` + skillProjection + ` AS skill, score`

const skillsCountCypher = `
MATCH (s:Skill) WHERE $category IS NULL OR s.category = $category
RETURN count(s) AS n`

const skillsSearchCountCypher = `
CALL db.index.fulltext.queryNodes('names', $search) YIELD node AS s
WHERE s:Skill AND ($category IS NULL OR s.category = $category)
RETURN count(s) AS n`

func (f SkillFilter) params() (map[string]any, error) {
	return enumSearchParams("filter.category", "category", f.Category, SkillCategories, f.Search)
}

// enumSearchParams checks a list filter made of one enumerated value and a
// full-text search, and returns its parameters.
func enumSearchParams(field, param string, v *string, allowed []string, search *string) (map[string]any, error) {
	var c checker
	if v != nil {
		c.oneOf(field, *v, allowed)
	}
	c.search("filter.search", search)
	return map[string]any{param: ptrParam(v), "search": ptrParam(search)}, c.err
}

// Skills lists skills a page at a time: by id, or best match first.
func (s *Store) Skills(ctx context.Context, f SkillFilter, page PageArgs) (Page[Skill], error) {
	cypher := skillsPageCypher
	if f.Search != nil {
		cypher = skillsSearchCypher
	}
	return listPage(ctx, s, "list skills", cypher, f.Search, f.params, page, skillFrom, func(s Skill) string { return s.ID })
}

// CountSkills counts the skills matching f.
func (s *Store) CountSkills(ctx context.Context, f SkillFilter) (int, error) {
	return countMatching(ctx, s, "count skills", skillsCountCypher, skillsSearchCountCypher, f.Search, f.params)
}

// listPage runs a list query whose rows are (map, score) and pages them,
// with (score, id) cursors when search is set and id cursors otherwise.
func listPage[T any](ctx context.Context, s *Store, op, cypher string, search *string, filterParams func() (map[string]any, error),
	page PageArgs, conv func(map[string]any) T, id func(T) string) (Page[T], error) {
	after, hasAfter, err := checkPage(page, MaxPageSize)
	if err != nil {
		return Page[T]{}, err
	}
	params, err := filterParams()
	if err != nil {
		return Page[T]{}, err
	}
	params["after"], params["afterScore"], params["limit"] = after.ID, ptrParam(after.Score), page.First+1
	type scored struct {
		item  T
		score float64
	}
	rows, err := read(ctx, s, op, func(tx neo4j.ManagedTransaction) ([]scored, error) {
		res, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return nil, err
		}
		var out []scored
		for res.Next(ctx) {
			rec := res.Record()
			m, _ := rec.Values[0].(map[string]any)
			sc, _ := rec.Values[1].(float64)
			out = append(out, scored{conv(m), sc})
		}
		return out, res.Err()
	})
	if err != nil {
		return Page[T]{}, searchError(search, err)
	}
	p := pageOf(rows, page.First, hasAfter, func(r scored) Cursor {
		c := Cursor{ID: id(r.item)}
		if search != nil {
			c.Score = &r.score
		}
		return c
	})
	out := Page[T]{Cursors: p.Cursors, HasNext: p.HasNext, HasPrevious: p.HasPrevious, Items: make([]T, len(p.Items))}
	for i, r := range p.Items {
		out.Items[i] = r.item
	}
	return out, nil
}
