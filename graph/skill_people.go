package graph

import (
	"context"
	"strconv"
	"strings"
)

// SkillMentorsArgs are the arguments of Skill.mentors besides the skill.
type SkillMentorsArgs struct {
	MinLevel        int
	IncludeNarrower bool
	Page            PageArgs
}

// SkillMentor is a mentor for a skill with the skill held (the asked one
// or a narrower one) and its level.
type SkillMentor struct {
	Person  Person
	SkillID string
	Level   int
}

// skillMentorsCypher reads a page of each skill's mentors: a person's
// place is their best level among the skill and (with $narrower) its
// narrower skills, at the levels of $levels (those from the asked minimum
// up that the page can still hold, strongest first). It never sorts every
// holder of a skill: the skill links of people available to mentor carry
// their ends' ids as mentor keys (h.mentorSkill, h.mentorPerson, kept by
// refreshOpenMentorLinks), and the range index has_skill_mentor_order on
// (mentorSkill, level, mentorPerson) hands out one skill's available
// holders at one level in person id order, from the cursor on.
//
// The levels are read one after the other (skillMentorsLevel, once per
// level a page can hold), each only while the page is not full: a broad
// skill's page is usually filled by its strongest level alone. Within a
// level, for each skill the first $limit holders the audience may see
// and who hold none of the skills at a higher level are the only ones
// that can be on the page, so each (level, skill) reads about $limit
// links, however many people hold the skill; merged by id, a person
// holding several of the skills at their best level shows the first by
// id. The ORDER BY names all three properties of the index in its order
// (the first two are fixed by the WHERE): ordered by the person alone,
// Neo4j would read every holder at the level and sort them instead of
// taking the index's order and stopping at $limit. Availability is
// checked again on the person: the keys only find candidates.
var skillMentorsCypher = `
UNWIND $ids AS id
MATCH (target:Skill {id: id})
CALL (target) {
  MATCH (s:Skill)-[:PART_OF*0..5]->(target)
  WHERE $narrower OR s = target
  RETURN collect(DISTINCT s.id) AS within
}
WITH target, within, [] AS found` + skillMentorsLevels() + `
UNWIND found[..$limit] AS m
WITH target, m.p AS p, m.level AS level, m.skill AS skill
RETURN {person: ` + personProjection + `, level: level, skill: skill, key: target.id} AS row`

// skillMentorsLevel is one stage of skillMentorsCypher: the level of
// $levels at index {i}, read when there is one and the page is not full.
var skillMentorsLevel = `
CALL (within, found) {
  WITH within, found WHERE {i} < size($levels) AND size(found) < $limit
  UNWIND within AS skill
  CALL (skill, within) {
    MATCH (p:Person)-[h:HAS_SKILL]->()
    USING INDEX h:HAS_SKILL(mentorSkill, level, mentorPerson)
    WHERE h.mentorSkill = skill AND h.level = {level}
      AND h.mentorPerson > CASE WHEN {level} = $afterLevel THEN $after ELSE '' END
      AND p.availableToMentor AND ` + seenBy("p") + `
      AND NOT EXISTS { MATCH (p)-[higher:HAS_SKILL]->() WHERE higher.level > {level} AND higher.mentorSkill IN within }
    WITH p, h ORDER BY h.mentorSkill, h.level, h.mentorPerson LIMIT $limit
    RETURN p, h.mentorPerson AS pid
  }
  WITH p, pid, min(skill) AS skill
  ORDER BY pid LIMIT $limit
  RETURN collect({p: p, level: {level}, skill: skill}) AS more
}
WITH target, within, found + more AS found`

// skillMentorsLevels is skillMentorsLevel for each index of $levels.
func skillMentorsLevels() string {
	var b strings.Builder
	for i := range MaxSkillLevel {
		b.WriteString(strings.NewReplacer("{i}", strconv.Itoa(i), "{level}", "$levels["+strconv.Itoa(i)+"]").Replace(skillMentorsLevel))
	}
	return b.String()
}

// SkillMentors returns, for each skill, a page of people available to
// mentor who hold it (or a narrower skill) at args.MinLevel or above,
// strongest first, then by id.
func (s *Store) SkillMentors(ctx context.Context, skillIDs []string, args SkillMentorsArgs) (map[string]Page[SkillMentor], error) {
	after, hasAfter, err := checkPage(args.Page, MaxPageSize)
	if err != nil {
		return nil, err
	}
	var c checker
	c.level("minLevel", args.MinLevel)
	if c.err != nil {
		return nil, c.err
	}
	if after.ID != "" && after.Level == nil {
		return nil, invalid("after", "after is not a cursor of this list: pass the endCursor of a previous page")
	}
	var levels []int
	for l := MaxSkillLevel; l >= args.MinLevel; l-- {
		if after.Level == nil || l <= *after.Level {
			levels = append(levels, l)
		}
	}
	rows, err := byKey(ctx, s, "mentors of skills", skillMentorsCypher, skillIDs, map[string]any{
		"narrower": args.IncludeNarrower, "levels": levels, "after": after.ID,
		"afterLevel": ptrParam(after.Level), "limit": args.Page.First + 1,
	}, func(m map[string]any) SkillMentor {
		pm, _ := m["person"].(map[string]any)
		return SkillMentor{Person: personFrom(pm), SkillID: str(m, "skill"), Level: intVal(m, "level")}
	})
	if err != nil {
		return nil, err
	}
	return pagesOf(rows, args.Page.First, hasAfter, func(m SkillMentor) Cursor {
		return Cursor{ID: m.Person.ID, Level: &m.Level}
	}), nil
}

var skillLearnersCypher = `
UNWIND $ids AS id
MATCH (target:Skill {id: id})
CALL (target) {
  MATCH (p:Person)-[:HAS_GOAL]->(:Goal {status: 'OPEN'})-[:ABOUT]->(target)
  WHERE p.id > $after AND ` + seenBy("p") + `
  WITH DISTINCT p ORDER BY p.id LIMIT $limit
  RETURN collect(` + personProjection + `) AS rows
}
UNWIND rows AS row
RETURN row {.*, key: target.id} AS row`

// SkillLearners returns, for each skill, a page of the people with an open
// goal about it, by id.
func (s *Store) SkillLearners(ctx context.Context, skillIDs []string, page PageArgs) (map[string]Page[Person], error) {
	after, hasAfter, err := checkPage(page, MaxPageSize)
	if err != nil {
		return nil, err
	}
	rows, err := byKey(ctx, s, "learners of skills", skillLearnersCypher, skillIDs,
		map[string]any{"after": after.ID, "limit": page.First + 1}, personFrom)
	if err != nil {
		return nil, err
	}
	return pagesOf(rows, page.First, hasAfter, func(p Person) Cursor { return Cursor{ID: p.ID} }), nil
}

// SkillCounts are the counts shown on a skill.
type SkillCounts struct {
	Holders  int
	Mentors  int
	Learners int
}

// skillCountsCypher counts only the people the audience may see, as the
// lists do: learnerCount is also learners' totalCount.
var skillCountsCypher = `
UNWIND $ids AS id
MATCH (s:Skill {id: id})
RETURN {key: id,
  holders: COUNT { (p:Person)-[:HAS_SKILL]->(s) WHERE ` + seenBy("p") + ` },
  mentors: COUNT { (p:Person)-[h:HAS_SKILL]->(s) WHERE p.availableToMentor AND h.level >= 3 AND ` + seenBy("p") + ` },
  learners: COUNT { MATCH (p:Person)-[:HAS_GOAL]->(:Goal {status: 'OPEN'})-[:ABOUT]->(s) WHERE ` + seenBy("p") + ` RETURN DISTINCT p }} AS row`

// CountsOfSkills returns holder, mentor (available, level ≥ 3) and learner
// (open goal) counts of each skill, of the people the audience may see.
func (s *Store) CountsOfSkills(ctx context.Context, skillIDs []string) (map[string]SkillCounts, error) {
	rows, err := byKey(ctx, s, "counts of skills", skillCountsCypher, skillIDs, nil, func(m map[string]any) SkillCounts {
		return SkillCounts{Holders: intVal(m, "holders"), Mentors: intVal(m, "mentors"), Learners: intVal(m, "learners")}
	})
	out := make(map[string]SkillCounts, len(rows))
	for k, r := range rows {
		if len(r) > 0 {
			out[k] = r[0]
		}
	}
	return out, err
}

var skillMentorsCountCypher = `
MATCH (target:Skill {id: $skill})
MATCH (s:Skill)-[:PART_OF*0..5]->(target)
WHERE $narrower OR s = target
WITH DISTINCT s
MATCH (p:Person)-[h:HAS_SKILL]->(s)
WHERE p.availableToMentor AND h.level >= $minLevel AND ` + seenBy("p") + `
RETURN count(DISTINCT p) AS n`

// CountSkillMentors counts what SkillMentors lists for one skill.
func (s *Store) CountSkillMentors(ctx context.Context, skillID string, minLevel int, includeNarrower bool) (int, error) {
	return count(ctx, s, "count mentors of skill", skillMentorsCountCypher,
		map[string]any{"skill": skillID, "minLevel": minLevel, "narrower": includeNarrower})
}
