package graph

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

const mentorshipProjection = `{mentee: mentee.id, mentor: mentor.id, since: m.since, until: m.until, focus: m.focus, status: m.status}`

const recordMentorshipCypher = `
MATCH (mentee:Person {id: $mentee}), (mentor:Person {id: $mentor})
CREATE (mentee)-[m:MENTORED_BY {since: $since, until: $until, focus: $focus, status: $status}]->(mentor)
SET mentee.updatedAt = datetime(), mentor.updatedAt = datetime()
RETURN ` + mentorshipProjection + ` AS m`

// mentorshipPairCypher reads what RecordMentorship checks, once both
// people are locked: the pair's stored mentorship (an active one first,
// should older versions have left several) and the mentor's capacity and
// active mentees.
const mentorshipPairCypher = `
MATCH (mentee:Person {id: $mentee}), (mentor:Person {id: $mentor})
RETURN {` + mentorshipPairFields + `
} AS r`

// mentorshipPairFields are the map entries of mentorshipPairCypher
// (requestPairCypher reads them too).
const mentorshipPairFields = `
  existing: COLLECT { MATCH (mentee)-[m:MENTORED_BY]->(mentor)
    WITH m ORDER BY m.status, m.since
    RETURN ` + mentorshipProjection + ` }[0],
  capacity: coalesce(mentor.mentorCapacity, 0),
  active: COUNT { (mentor)<-[a:MENTORED_BY]-() WHERE a.status = 'ACTIVE' }`

// mentorshipPair is what mentorshipPairCypher reads.
type mentorshipPair struct {
	existing         *Mentorship
	capacity, active int
}

// openSlot is a *CapacityError when the mentor's active mentees already
// reach their capacity, nil when a new active mentorship fits.
func (p mentorshipPair) openSlot(mentor string) error {
	if p.active >= p.capacity {
		return &CapacityError{Mentor: mentor, Capacity: p.capacity, Active: p.active}
	}
	return nil
}

func mentorshipPairFrom(m map[string]any) mentorshipPair {
	p := mentorshipPair{capacity: intVal(m, "capacity"), active: intVal(m, "active")}
	if e, ok := m["existing"].(map[string]any); ok {
		ms := mentorshipFrom(e)
		p.existing = &ms
	}
	return p
}

const unknownSkillsCypher = `
UNWIND $ids AS id
WITH id WHERE NOT EXISTS { MATCH (:Skill {id: id}) }
RETURN {missing: collect(id)} AS r`

// RecordMentorship records that in.MenteeID is mentored by in.MentorID
// (since defaults to today; an until makes it ENDED).
//
// A pair has at most one mentorship, whatever its status. A request
// identical to the stored one (same focus, until and status; an omitted
// since matches any) returns the stored one and writes nothing, so a
// client may repeat it; any other request for a pair that has one is
// ErrConflict naming it. A new active mentorship (no until) needs an open
// slot: with the mentor's active mentees already at their mentorCapacity
// (none when unset) it is a *CapacityError (ErrCapacityFull). An ENDED
// one needs no slot. Both people are locked before the checks, so
// concurrent requests about one mentor are decided one after the other.
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
	for i, id := range in.Focus {
		c.id(fmt.Sprintf("input.focus[%d]", i), id)
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
	want := Mentorship{MenteeID: in.MenteeID, MentorID: in.MentorID, Since: in.Since, Until: in.Until, Focus: focus, Status: status}
	params := map[string]any{"mentee": in.MenteeID, "mentor": in.MentorID,
		"since": dateParam(&since), "until": dateParam(in.Until), "focus": focus, "status": status}
	return write(ctx, s, "record mentorship", func(tx neo4j.ManagedTransaction) (Mentorship, error) {
		if err := lockNodes(ctx, tx, personLabel, in.MenteeID, in.MentorID); err != nil {
			return Mentorship{}, err
		}
		if err := requireAll(ctx, tx, ref{personLabel, in.MenteeID, "input.menteeId"}, ref{personLabel, in.MentorID, "input.mentorId"}); err != nil {
			return Mentorship{}, err
		}
		if err := requireSkills(ctx, tx, focus, "input.focus"); err != nil {
			return Mentorship{}, err
		}
		pair, err := single(ctx, tx, mentorshipPairCypher, params, mentorshipPairFrom)
		if err != nil {
			return Mentorship{}, err
		}
		if old := pair.existing; old != nil {
			if sameMentorship(want, *old) {
				return *old, nil
			}
			return Mentorship{}, mentorshipConflict(*old)
		}
		if status == "ACTIVE" {
			if err := pair.openSlot(in.MentorID); err != nil {
				return Mentorship{}, err
			}
		}
		m, err := single(ctx, tx, recordMentorshipCypher, params, mentorshipFrom)
		if err != nil {
			return Mentorship{}, err
		}
		return m, refreshOpenMentorLinks(ctx, tx, in.MentorID)
	})
}

// sameMentorship reports whether the stored mentorship old is what the
// request want asks for: the same status, until and focus (as a set), and
// the same since unless want leaves it out.
func sameMentorship(want, old Mentorship) bool {
	return want.Status == old.Status && sameDate(want.Until, old.Until) &&
		(want.Since == nil || sameDate(want.Since, old.Since)) && sameSet(want.Focus, old.Focus)
}

// mentorshipConflict says that the pair already has the mentorship old.
func mentorshipConflict(old Mentorship) error {
	if old.Status == "ACTIVE" {
		return conflict("%q is already mentored by %q (ACTIVE%s); end it first", old.MenteeID, old.MentorID, period(old.Since, old.Until))
	}
	return conflict("%q was already mentored by %q (%s%s); a pair keeps one mentorship record", old.MenteeID, old.MentorID, old.Status, period(old.Since, old.Until))
}

// period describes a link's dates for a message: " since 2024-01-03",
// " from 2024-01-03 to 2024-06-01", " until 2024-06-01" or "".
func period(since, until *Date) string {
	switch {
	case since != nil && until != nil:
		return " from " + since.String() + " to " + until.String()
	case since != nil:
		return " since " + since.String()
	case until != nil:
		return " until " + until.String()
	}
	return ""
}

// sameDate reports whether a and b are both absent or the same date.
func sameDate(a, b *Date) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

// sameString reports whether a and b are both absent or the same string.
func sameString(a, b *string) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

// sameSet reports whether a and b hold the same strings, in any order.
func sameSet(a, b []string) bool {
	as, bs := slices.Clone(a), slices.Clone(b)
	slices.Sort(as)
	slices.Sort(bs)
	return slices.Equal(slices.Compact(as), slices.Compact(bs))
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
		return m, refreshOpenMentorLinks(ctx, tx, mentorID)
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
