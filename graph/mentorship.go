package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

const mentorshipProjection = `{mentee: mentee.id, mentor: mentor.id, since: m.since, until: m.until, focus: m.focus, status: m.status}`

const recordMentorshipCypher = `
MATCH (mentee:Person {id: $mentee}), (mentor:Person {id: $mentor})
WHERE NOT EXISTS { (mentee)-[:MENTORED_BY]->(mentor) }
CREATE (mentee)-[m:MENTORED_BY {since: $since, until: $until, focus: $focus, status: $status}]->(mentor)
SET mentee.updatedAt = datetime(), mentor.updatedAt = datetime()
RETURN ` + mentorshipProjection + ` AS m`

const unknownSkillsCypher = `
UNWIND $ids AS id
WITH id WHERE NOT EXISTS { MATCH (:Skill {id: id}) }
RETURN {missing: collect(id)} AS r`

// RecordMentorship records that in.MenteeID is mentored by in.MentorID
// (since defaults to today; an until makes it ENDED). ErrConflict if a
// mentorship between them is already recorded.
func (s *Store) RecordMentorship(ctx context.Context, in Mentorship) (Mentorship, error) {
	var c checker
	c.id("input.menteeId", in.MenteeID)
	c.id("input.mentorId", in.MentorID)
	if c.err == nil && in.MenteeID == in.MentorID {
		c.fail("input.mentorId", "a person cannot mentor themselves (%q)", in.MenteeID)
	}
	if len(in.Focus) > MaxFocusSkills {
		c.fail("input.focus", "input.focus lists %d skills; the limit is %d", len(in.Focus), MaxFocusSkills)
	}
	since := Today()
	if in.Since != nil {
		since = *in.Since
	}
	c.period("input.until", &since, in.Until)
	if c.err != nil {
		return Mentorship{}, c.err
	}
	status := "ACTIVE"
	if in.Until != nil {
		status = "ENDED"
	}
	focus := dedupe(in.Focus)
	return write(ctx, s, "record mentorship", func(tx neo4j.ManagedTransaction) (Mentorship, error) {
		if err := requireAll(ctx, tx, ref{personLabel, in.MenteeID, "input.menteeId"}, ref{personLabel, in.MentorID, "input.mentorId"}); err != nil {
			return Mentorship{}, err
		}
		if err := requireSkills(ctx, tx, focus, "input.focus"); err != nil {
			return Mentorship{}, err
		}
		m, err := single(ctx, tx, recordMentorshipCypher, map[string]any{"mentee": in.MenteeID, "mentor": in.MentorID,
			"since": dateParam(&since), "until": dateParam(in.Until), "focus": focus, "status": status}, mentorshipFrom)
		if errors.Is(err, errNoRows) {
			return Mentorship{}, conflict("a mentorship of %q by %q is already recorded", in.MenteeID, in.MentorID)
		}
		if err != nil {
			return Mentorship{}, err
		}
		return m, refreshMentorIndex(ctx, tx, in.MentorID)
	})
}

// requireSkills returns ErrNotFound naming the skill ids that do not exist.
func requireSkills(ctx context.Context, tx neo4j.ManagedTransaction, ids []string, field string) error {
	if len(ids) == 0 {
		return nil
	}
	missing, err := single(ctx, tx, unknownSkillsCypher, map[string]any{"ids": ids}, func(m map[string]any) []string { return strList(m, "missing") })
	if err != nil {
		return err
	}
	if len(missing) > 0 {
		return &kindError{ErrNotFound, fmt.Sprintf("no skill with id %s (%s)", strings.Join(quoteAll(missing), ", "), field)}
	}
	return nil
}

func dedupe(ids []string) []string {
	out := make([]string, 0, len(ids))
	seen := map[string]bool{}
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

const endMentorshipCypher = `
MATCH (mentee:Person {id: $mentee})-[m:MENTORED_BY]->(mentor:Person {id: $mentor})
WHERE m.status = 'ACTIVE'
SET m.until = $until, m.status = 'ENDED', mentee.updatedAt = datetime(), mentor.updatedAt = datetime()
RETURN ` + mentorshipProjection + ` AS m`

const activeMentorshipCypher = `
MATCH (mentee:Person {id: $mentee})-[m:MENTORED_BY]->(mentor:Person {id: $mentor})
WHERE m.status = 'ACTIVE'
RETURN ` + mentorshipProjection + ` AS m`

// EndMentorship ends an active mentorship (until defaults to today);
// ErrNotFound if there is none.
func (s *Store) EndMentorship(ctx context.Context, menteeID, mentorID string, until *Date) (Mentorship, error) {
	end := Today()
	if until != nil {
		end = *until
	}
	return write(ctx, s, "end mentorship", func(tx neo4j.ManagedTransaction) (Mentorship, error) {
		if err := requireAll(ctx, tx, ref{personLabel, menteeID, "input.menteeId"}, ref{personLabel, mentorID, "input.mentorId"}); err != nil {
			return Mentorship{}, err
		}
		params := map[string]any{"mentee": menteeID, "mentor": mentorID, "until": dateParam(&end)}
		cur, err := single(ctx, tx, activeMentorshipCypher, params, mentorshipFrom)
		if errors.Is(err, errNoRows) {
			return Mentorship{}, notFound("%q has no active mentorship by %q", menteeID, mentorID)
		}
		if err != nil {
			return Mentorship{}, err
		}
		var c checker
		c.period("input.until", cur.Since, &end)
		if c.err != nil {
			return Mentorship{}, c.err
		}
		m, err := single(ctx, tx, endMentorshipCypher, params, mentorshipFrom)
		if err != nil {
			return Mentorship{}, err
		}
		return m, refreshMentorIndex(ctx, tx, mentorID)
	})
}

// GoalPatch changes some fields of a goal.
type GoalPatch struct {
	Title       Optional[string]
	SkillID     Optional[string]
	TargetLevel Optional[int]
	DueDate     Optional[Date]
	Status      Optional[string]
}

const goalProjection = `{key: p.id, id: g.id, skill: s.id, title: g.title, targetLevel: g.targetLevel, dueDate: g.dueDate, status: g.status}`

const addGoalCypher = `
MATCH (p:Person {id: $person}), (s:Skill {id: $skill})
CREATE (p)-[:HAS_GOAL]->(g:Goal {id: $id, title: $title, targetLevel: $targetLevel, dueDate: $dueDate, status: $status})-[:ABOUT]->(s)
SET p.updatedAt = datetime()
RETURN ` + goalProjection + ` AS g`

// AddGoal adds a goal to a person; an empty in.ID gets a generated id.
func (s *Store) AddGoal(ctx context.Context, in Goal) (Goal, error) {
	id := in.ID
	if id == "" {
		id = newID("g-")
	}
	var c checker
	c.id("input.id", id)
	c.id("input.personId", in.PersonID)
	c.id("input.skillId", in.SkillID)
	c.name("input.title", in.Title, MaxNameLen)
	if in.TargetLevel != nil {
		c.level("input.targetLevel", *in.TargetLevel)
	}
	c.oneOf("input.status", in.Status, GoalStatuses)
	if c.err != nil {
		return Goal{}, c.err
	}
	g, err := write(ctx, s, "add goal", func(tx neo4j.ManagedTransaction) (Goal, error) {
		if err := requireAll(ctx, tx, ref{personLabel, in.PersonID, "input.personId"}, ref{skillLabel, in.SkillID, "input.skillId"}); err != nil {
			return Goal{}, err
		}
		return single(ctx, tx, addGoalCypher, map[string]any{"id": id, "person": in.PersonID, "skill": in.SkillID,
			"title": in.Title, "targetLevel": ptrParam(in.TargetLevel), "dueDate": dateParam(in.DueDate), "status": in.Status}, goalFrom)
	})
	if isConstraintViolation(err) {
		return Goal{}, conflict("a goal with id %q already exists", id)
	}
	return g, err
}

const updateGoalCypher = `
MATCH (p:Person)-[:HAS_GOAL]->(g:Goal {id: $id})-[about:ABOUT]->(old:Skill)
SET g += $set
WITH p, g, about, old
CALL (g, about, old) {
  WITH g, about, old WHERE $skill IS NOT NULL AND $skill <> old.id
  MATCH (new:Skill {id: $skill})
  DELETE about
  CREATE (g)-[:ABOUT]->(new)
}
WITH p, g
MATCH (g)-[:ABOUT]->(s:Skill)
SET p.updatedAt = datetime()
RETURN ` + goalProjection + ` AS g`

// UpdateGoal applies patch to the goal with id.
func (s *Store) UpdateGoal(ctx context.Context, id string, patch GoalPatch) (Goal, error) {
	var c checker
	notCleared(&c, "input.title", patch.Title)
	notCleared(&c, "input.skillId", patch.SkillID)
	notCleared(&c, "input.status", patch.Status)
	if v := patch.Title.Value; v != nil {
		c.name("input.title", *v, MaxNameLen)
	}
	if v := patch.TargetLevel.Value; v != nil {
		c.level("input.targetLevel", *v)
	}
	if v := patch.Status.Value; v != nil {
		c.oneOf("input.status", *v, GoalStatuses)
	}
	if c.err != nil {
		return Goal{}, c.err
	}
	set := map[string]any{}
	setOptional(set, "title", patch.Title)
	setOptional(set, "targetLevel", patch.TargetLevel)
	setOptional(set, "status", patch.Status)
	if patch.DueDate.Set {
		set["dueDate"] = dateParam(patch.DueDate.Value)
	}
	return write(ctx, s, "update goal", func(tx neo4j.ManagedTransaction) (Goal, error) {
		refs := []ref{{goalLabel, id, "input.id"}}
		if v := patch.SkillID.Value; v != nil {
			refs = append(refs, ref{skillLabel, *v, "input.skillId"})
		}
		if err := requireAll(ctx, tx, refs...); err != nil {
			return Goal{}, err
		}
		return single(ctx, tx, updateGoalCypher, map[string]any{"id": id, "set": set, "skill": ptrParam(patch.SkillID.Value)}, goalFrom)
	})
}

const removeGoalCypher = `
MATCH (g:Goal {id: $id})
OPTIONAL MATCH (p:Person)-[:HAS_GOAL]->(g)
SET p.updatedAt = datetime()
DETACH DELETE g
RETURN {removed: true} AS r`

// RemoveGoal deletes a goal.
func (s *Store) RemoveGoal(ctx context.Context, id string) error {
	_, err := write(ctx, s, "remove goal", func(tx neo4j.ManagedTransaction) (bool, error) {
		_, err := single(ctx, tx, removeGoalCypher, map[string]any{"id": id}, func(map[string]any) bool { return true })
		if errors.Is(err, errNoRows) {
			return false, notFound("no goal with id %q", id)
		}
		return true, err
	})
	return err
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = quote(s)
	}
	return out
}
