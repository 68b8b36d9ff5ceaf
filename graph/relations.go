package graph

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Batched reads of what hangs off many people (or skills) at once, one
// query per call, each row carrying its key: the loaders map rows back by
// key. Each result map has an entry (possibly empty) for every key asked.

// byKey runs a batch query whose rows are {key, value} maps and groups the
// converted values by key, with an empty slice for keys without rows.
func byKey[T any](ctx context.Context, s *Store, op, cypher string, keys []string, extra map[string]any, conv func(map[string]any) T) (map[string][]T, error) {
	params := map[string]any{"ids": keys}
	for k, v := range extra {
		params[k] = v
	}
	return read(ctx, s, op, func(tx neo4j.ManagedTransaction) (map[string][]T, error) {
		res, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return nil, err
		}
		out := make(map[string][]T, len(keys))
		for _, k := range keys {
			out[k] = []T{}
		}
		for res.Next(ctx) {
			m, _ := res.Record().Values[0].(map[string]any)
			k := str(m, "key")
			out[k] = append(out[k], conv(m))
		}
		return out, res.Err()
	})
}

const skillsOfPeopleCypher = `
UNWIND $ids AS id
MATCH (:Person {id: id})-[h:HAS_SKILL]->(s:Skill)
WITH id, s, h ORDER BY h.level DESC, s.id
RETURN {key: id, skill: ` + skillProjection + `, level: h.level, years: h.years} AS row`

func personSkillFrom(m map[string]any) PersonSkill {
	sm, _ := m["skill"].(map[string]any)
	sk := skillFrom(sm)
	return PersonSkill{PersonID: str(m, "key"), SkillID: sk.ID, Level: intVal(m, "level"), Years: intPtr(m, "years"), Skill: &sk}
}

// SkillsOfPeople returns each person's skills, strongest first.
func (s *Store) SkillsOfPeople(ctx context.Context, ids []string) (map[string][]PersonSkill, error) {
	return byKey(ctx, s, "skills of people", skillsOfPeopleCypher, ids, nil, personSkillFrom)
}

const goalsOfPeopleCypher = `
UNWIND $ids AS id
MATCH (:Person {id: id})-[:HAS_GOAL]->(g:Goal)-[:ABOUT]->(s:Skill)
WITH id, g, s ORDER BY g.dueDate IS NULL, g.dueDate, g.id
RETURN {key: id, id: g.id, skill: s.id, title: g.title, targetLevel: g.targetLevel,
        dueDate: g.dueDate, status: g.status} AS row`

func goalFrom(m map[string]any) Goal {
	return Goal{ID: str(m, "id"), PersonID: str(m, "key"), SkillID: str(m, "skill"), Title: str(m, "title"),
		TargetLevel: intPtr(m, "targetLevel"), DueDate: datePtr(m, "dueDate"), Status: str(m, "status")}
}

// GoalsOfPeople returns each person's goals, soonest due first.
func (s *Store) GoalsOfPeople(ctx context.Context, ids []string) (map[string][]Goal, error) {
	return byKey(ctx, s, "goals of people", goalsOfPeopleCypher, ids, nil, goalFrom)
}

const affiliationsOfPeopleCypher = `
UNWIND $ids AS id
MATCH (:Person {id: id})-[a:AFFILIATED_WITH]->(o:Organization)
WITH id, a, o ORDER BY a.until IS NOT NULL, a.since DESC, o.id
RETURN {key: id, person: id, organization: o.id, role: a.role, since: a.since, until: a.until} AS row`

func affiliationFrom(m map[string]any) Affiliation {
	return Affiliation{PersonID: str(m, "person"), OrganizationID: str(m, "organization"), Role: strPtr(m, "role"),
		Since: datePtr(m, "since"), Until: datePtr(m, "until")}
}

// AffiliationsOfPeople returns each person's affiliations, current first.
func (s *Store) AffiliationsOfPeople(ctx context.Context, ids []string) (map[string][]Affiliation, error) {
	return byKey(ctx, s, "affiliations of people", affiliationsOfPeopleCypher, ids, nil, affiliationFrom)
}

// mentorshipRow is a mentorship with both people and the focus skills.
var mentorshipRow = `{mentee: mentee.id, mentor: mentor.id, since: m.since, until: m.until, focus: m.focus, status: m.status,
  menteePerson: [p IN [mentee] | ` + personProjection + `][0], mentorPerson: [p IN [mentor] | ` + personProjection + `][0],
  focusSkills: COLLECT { UNWIND coalesce(m.focus, []) AS f MATCH (s:Skill {id: f}) RETURN ` + skillProjection + ` }}`

var mentorsOfPeopleCypher = `
UNWIND $ids AS id
MATCH (mentee:Person {id: id})-[m:MENTORED_BY]->(mentor:Person)
WHERE ` + seenBy("mentor") + `
WITH id, m, mentee, mentor ORDER BY m.status, m.since DESC, mentor.id
WITH id, ` + mentorshipRow + ` AS r
RETURN r {.*, key: id} AS row`

var menteesOfPeopleCypher = `
UNWIND $ids AS id
MATCH (mentor:Person {id: id})<-[m:MENTORED_BY]-(mentee:Person)
WHERE ` + seenBy("mentee") + `
WITH id, m, mentee, mentor ORDER BY m.status, m.since DESC, mentee.id
WITH id, ` + mentorshipRow + ` AS r
RETURN r {.*, key: id} AS row`

// pairPeopleFrom reads the menteePerson and mentorPerson a link's
// projection may carry (nil when absent).
func pairPeopleFrom(m map[string]any) (mentee, mentor *Person) {
	if pm, ok := m["menteePerson"].(map[string]any); ok {
		p := personFrom(pm)
		mentee = &p
	}
	if pm, ok := m["mentorPerson"].(map[string]any); ok {
		p := personFrom(pm)
		mentor = &p
	}
	return mentee, mentor
}

func mentorshipFrom(m map[string]any) Mentorship {
	ms := Mentorship{MenteeID: str(m, "mentee"), MentorID: str(m, "mentor"), Since: datePtr(m, "since"),
		Until: datePtr(m, "until"), Focus: strList(m, "focus"), Status: str(m, "status")}
	ms.Mentee, ms.Mentor = pairPeopleFrom(m)
	if fl, ok := m["focusSkills"].([]any); ok {
		ms.FocusSkills = []Skill{}
		for _, f := range fl {
			if sm, ok := f.(map[string]any); ok {
				ms.FocusSkills = append(ms.FocusSkills, skillFrom(sm))
			}
		}
	}
	return ms
}

// MentorsOfPeople returns each person's mentorships as mentee, active first.
func (s *Store) MentorsOfPeople(ctx context.Context, ids []string) (map[string][]Mentorship, error) {
	return byKey(ctx, s, "mentors of people", mentorsOfPeopleCypher, ids, nil, mentorshipFrom)
}

// MenteesOfPeople returns each person's mentorships as mentor, active first.
func (s *Store) MenteesOfPeople(ctx context.Context, ids []string) (map[string][]Mentorship, error) {
	return byKey(ctx, s, "mentees of people", menteesOfPeopleCypher, ids, nil, mentorshipFrom)
}

// MaxConnections is the largest `first` of Person.connections.
const MaxConnections = 500

var connectionsOfPeopleCypher = `
UNWIND $ids AS id
MATCH (p:Person {id: id})
CALL (p) {
  MATCH (p)-[k:KNOWS]-(other:Person)
  WHERE ` + seenBy("other") + `
  WITH DISTINCT other, min(k.since) AS since
  ORDER BY other.id LIMIT $first
  RETURN collect({person: other.id, since: since}) AS rows
}
UNWIND rows AS row
RETURN row {.*, key: p.id} AS row`

func connectionFrom(m map[string]any) Connection {
	return Connection{PersonID: str(m, "person"), Since: datePtr(m, "since")}
}

// ConnectionsOfPeople returns up to first connections of each person, by id.
func (s *Store) ConnectionsOfPeople(ctx context.Context, ids []string, first int) (map[string][]Connection, error) {
	var c checker
	if first < 1 || first > MaxConnections {
		c.fail("first", "first must be between 1 and %d, got %d", MaxConnections, first)
		return nil, c.err
	}
	return byKey(ctx, s, "connections of people", connectionsOfPeopleCypher, ids, map[string]any{"first": first}, connectionFrom)
}
