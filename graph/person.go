package graph

import (
	"context"
	"errors"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Optional is one field of a patch: Set says the client gave it; a nil
// Value then clears it.
type Optional[T any] struct {
	Set   bool
	Value *T
}

// PersonInput is a new person. A nil ID gets a generated one.
type PersonInput struct {
	ID                *string
	Name              string
	Headline          *string
	Bio               *string
	Location          *string
	Timezone          *string
	AvailableToMentor bool
	MentorCapacity    int
	SeekingMentorship bool
}

// PersonPatch changes some fields of a person.
type PersonPatch struct {
	Name              Optional[string]
	Headline          Optional[string]
	Bio               Optional[string]
	Location          Optional[string]
	Timezone          Optional[string]
	AvailableToMentor Optional[bool]
	MentorCapacity    Optional[int]
	SeekingMentorship Optional[bool]
}

// personProjection is a person p as a map for the audience
// (personProjectionOf).
var personProjection = personProjectionOf("p", "activeLink")

func personFrom(m map[string]any) Person { return personWithout(m, 0) }

// personWithout reads a person projected without the groups in unread
// (personFieldsFor), and marks it so.
func personWithout(m map[string]any, unread PersonFields) Person {
	profile, _ := m["profile"].(map[string]any)
	p := Person{
		ID:                str(m, "id"),
		Name:              str(m, "name"),
		Headline:          strPtr(profile, "headline"),
		Bio:               strPtr(profile, "bio"),
		Location:          strPtr(profile, "location"),
		Timezone:          strPtr(profile, "timezone"),
		Privacy:           privacyFrom(m["privacy"]),
		AvailableToMentor: boolVal(m, "availableToMentor"),
		MentorCapacity:    intVal(m, "mentorCapacity"),
		SeekingMentorship: boolVal(m, "seekingMentorship"),
		CreatedAt:         timeVal(m, "createdAt"),
		UpdatedAt:         timeVal(m, "updatedAt"),
		Unread:            unread,
	}
	if p.AvailableToMentor && unread&PersonOpenSlots == 0 {
		p.OpenSlots = max(p.MentorCapacity-intVal(m, "active"), 0)
	}
	return p
}

func (c *checker) personFields(prefix string, name *string, headline, bio, location, timezone *string, capacity *int) {
	if name != nil {
		c.name(prefix+"name", *name, MaxNameLen)
	}
	c.text(prefix+"headline", headline, MaxHeadlineLen)
	c.longText(prefix+"bio", bio, MaxTextLen)
	c.text(prefix+"location", location, MaxPlaceLen)
	c.text(prefix+"timezone", timezone, MaxPlaceLen)
	c.nonNegative(prefix+"mentorCapacity", capacity)
}

var createPersonCypher = `
CREATE (p:Person {id: $id, name: $name, headline: $headline, bio: $bio, location: $location,
  timezone: $timezone, availableToMentor: $available, mentorCapacity: $capacity,
  seekingMentorship: $seeking, createdAt: datetime(), updatedAt: datetime()})
RETURN ` + personProjection

// CreatePerson stores a new person. A taken id is ErrConflict.
func (s *Store) CreatePerson(ctx context.Context, in PersonInput) (Person, error) {
	id := newID("p-")
	if in.ID != nil {
		id = *in.ID
	}
	var c checker
	c.id("input.id", id)
	c.personFields("input.", &in.Name, in.Headline, in.Bio, in.Location, in.Timezone, &in.MentorCapacity)
	if c.err != nil {
		return Person{}, c.err
	}
	params := map[string]any{
		"id": id, "name": in.Name, "headline": ptrParam(in.Headline), "bio": ptrParam(in.Bio),
		"location": ptrParam(in.Location), "timezone": ptrParam(in.Timezone),
		"available": in.AvailableToMentor, "capacity": in.MentorCapacity, "seeking": in.SeekingMentorship,
	}
	p, err := write(ctx, s, "create person", func(tx neo4j.ManagedTransaction) (Person, error) {
		return single(ctx, tx, createPersonCypher, params, personFrom)
	})
	if isConstraintViolation(err) {
		return Person{}, conflict("a person with id %q already exists", id)
	}
	return p, err
}

var updatePersonCypher = `
MATCH (p:Person {id: $id})
SET p += $set, p.updatedAt = datetime()
RETURN ` + personProjection

// UpdatePerson applies patch to the person with id.
func (s *Store) UpdatePerson(ctx context.Context, id string, patch PersonPatch) (Person, error) {
	var c checker
	c.id("input.id", id)
	c.personFields("input.", patch.Name.Value, patch.Headline.Value, patch.Bio.Value, patch.Location.Value, patch.Timezone.Value, patch.MentorCapacity.Value)
	notCleared(&c, "input.name", patch.Name)
	notCleared(&c, "input.availableToMentor", patch.AvailableToMentor)
	notCleared(&c, "input.mentorCapacity", patch.MentorCapacity)
	notCleared(&c, "input.seekingMentorship", patch.SeekingMentorship)
	if c.err != nil {
		return Person{}, c.err
	}
	set := map[string]any{}
	setOptional(set, "name", patch.Name)
	setOptional(set, "headline", patch.Headline)
	setOptional(set, "bio", patch.Bio)
	setOptional(set, "location", patch.Location)
	setOptional(set, "timezone", patch.Timezone)
	setOptional(set, "availableToMentor", patch.AvailableToMentor)
	setOptional(set, "mentorCapacity", patch.MentorCapacity)
	setOptional(set, "seekingMentorship", patch.SeekingMentorship)
	return write(ctx, s, "update person", func(tx neo4j.ManagedTransaction) (Person, error) {
		p, err := single(ctx, tx, updatePersonCypher, map[string]any{"id": id, "set": set}, personFrom)
		if errors.Is(err, errNoRows) {
			return Person{}, notFound("no person with id %q", id)
		}
		if err != nil {
			return Person{}, err
		}
		return p, refreshOpenMentorLinks(ctx, tx, id)
	})
}

// setOptional puts a given field into a SET map; null removes the property.
func setOptional[T any](set map[string]any, prop string, o Optional[T]) {
	if o.Set {
		set[prop] = ptrParam(o.Value)
	}
}

// deletePersonCypher deletes a person and their goals, and returns the
// mentors of their ACTIVE mentorships, who have a slot more.
const deletePersonCypher = `
MATCH (p:Person {id: $id})
WITH p, COLLECT { MATCH (p)-[r:MENTORED_BY]->(m:Person) WHERE r.status = 'ACTIVE' RETURN DISTINCT m.id } AS mentors
CALL (p) { MATCH (p)-[:HAS_GOAL]->(g:Goal) DETACH DELETE g }
DETACH DELETE p
RETURN {mentors: mentors} AS r`

// DeletePerson deletes a person with their goals and every link they have;
// the people, skills and organizations they were linked to stay. The
// mentors of their active mentorships get a slot back: their open-mentor
// links are refreshed.
func (s *Store) DeletePerson(ctx context.Context, id string) error {
	_, err := write(ctx, s, "delete person", func(tx neo4j.ManagedTransaction) (bool, error) {
		mentors, err := single(ctx, tx, deletePersonCypher, map[string]any{"id": id}, func(m map[string]any) []string { return strList(m, "mentors") })
		if errors.Is(err, errNoRows) {
			return false, notFound("no person with id %q", id)
		}
		if err != nil {
			return false, err
		}
		if len(mentors) == 0 {
			return true, nil
		}
		if err := lockNodes(ctx, tx, personLabel, mentors...); err != nil {
			return false, err
		}
		return true, refreshOpenMentorLinks(ctx, tx, mentors...)
	})
	return err
}

var peopleByIDCypher = `
UNWIND $ids AS id
MATCH (p:Person {id: id})
WHERE ` + seenBy("p") + `
RETURN ` + personProjection

// PeopleByID returns the people with these ids, keyed by id; unknown ids
// are absent from the map.
func (s *Store) PeopleByID(ctx context.Context, ids []string) (map[string]Person, error) {
	return read(ctx, s, "people by id", func(tx neo4j.ManagedTransaction) (map[string]Person, error) {
		people, err := collect(ctx, tx, peopleByIDCypher, map[string]any{"ids": ids}, personFrom)
		return keyBy(people, func(p Person) string { return p.ID }), err
	})
}

// Person returns one person, or ErrNotFound.
func (s *Store) Person(ctx context.Context, id string) (Person, error) {
	m, err := s.PeopleByID(ctx, []string{id})
	if err != nil {
		return Person{}, err
	}
	p, ok := m[id]
	if !ok {
		return Person{}, notFound("no person with id %q", id)
	}
	return p, nil
}

var setPersonSkillCypher = `
MATCH (p:Person {id: $person}), (s:Skill {id: $skill})
MERGE (p)-[h:HAS_SKILL]->(s)
SET h.level = $level, h.years = $years, p.updatedAt = datetime()
RETURN ` + personProjection

// SetPersonSkill sets the level (1–5) and years of a skill of a person.
func (s *Store) SetPersonSkill(ctx context.Context, ps PersonSkill) (Person, error) {
	var c checker
	c.id("input.personId", ps.PersonID)
	c.id("input.skillId", ps.SkillID)
	c.level("input.level", ps.Level)
	c.nonNegative("input.years", ps.Years)
	if c.err != nil {
		return Person{}, c.err
	}
	return write(ctx, s, "set person skill", func(tx neo4j.ManagedTransaction) (Person, error) {
		if err := requireAll(ctx, tx, ref{personLabel, ps.PersonID, "input.personId"}, ref{skillLabel, ps.SkillID, "input.skillId"}); err != nil {
			return Person{}, err
		}
		p, err := single(ctx, tx, setPersonSkillCypher, map[string]any{
			"person": ps.PersonID, "skill": ps.SkillID, "level": ps.Level, "years": ptrParam(ps.Years),
		}, personFrom)
		if err != nil {
			return Person{}, err
		}
		return p, refreshOpenMentorLinks(ctx, tx, ps.PersonID)
	})
}

var removePersonSkillCypher = `
MATCH (p:Person {id: $person})-[h:HAS_SKILL]->(:Skill {id: $skill})
DELETE h
SET p.updatedAt = datetime()
RETURN ` + personProjection

// RemovePersonSkill removes a skill from a person; ErrNotFound if they do
// not hold it.
func (s *Store) RemovePersonSkill(ctx context.Context, personID, skillID string) (Person, error) {
	return write(ctx, s, "remove person skill", func(tx neo4j.ManagedTransaction) (Person, error) {
		if err := requireAll(ctx, tx, ref{personLabel, personID, "personId"}, ref{skillLabel, skillID, "skillId"}); err != nil {
			return Person{}, err
		}
		p, err := single(ctx, tx, removePersonSkillCypher, map[string]any{"person": personID, "skill": skillID}, personFrom)
		if errors.Is(err, errNoRows) {
			return Person{}, notFound("person %q does not hold skill %q", personID, skillID)
		}
		if err != nil {
			return Person{}, err
		}
		return p, refreshOpenMentorLinks(ctx, tx, personID)
	})
}

const connectCypher = `
MATCH (a:Person {id: $a}), (b:Person {id: $b})
CREATE (a)-[k:KNOWS {since: $since}]->(b)
SET a.updatedAt = datetime(), b.updatedAt = datetime()
RETURN {person: b.id, since: k.since} AS k`

// connectionCypher reads the connection of a and b, either direction (the
// earliest, should older versions have left several).
const connectionCypher = `
MATCH (:Person {id: $a})-[k:KNOWS]-(b:Person {id: $b})
WITH b, k ORDER BY k.since
RETURN {person: b.id, since: k.since} AS k LIMIT 1`

// Connect records that a and b know each other (KNOWS, one link per pair
// whatever its direction) and returns the stored connection, seen from a
// (PersonID is b). When they are already connected, a request whose since
// is left out or equal to the stored one is done already: nothing is
// written and the stored connection is returned, with its since, so a
// client may repeat it; another since is ErrConflict. Both people are
// locked first, so concurrent requests about the pair store one link.
func (s *Store) Connect(ctx context.Context, a, b string, since *Date) (Connection, error) {
	var c checker
	c.id("input.a", a)
	c.id("input.b", b)
	if c.err == nil && a == b {
		c.fail("input.b", "a person cannot be connected to themselves (%q)", a)
	}
	if c.err != nil {
		return Connection{}, c.err
	}
	params := map[string]any{"a": a, "b": b, "since": dateParam(since)}
	return write(ctx, s, "connect", func(tx neo4j.ManagedTransaction) (Connection, error) {
		if err := lockNodes(ctx, tx, personLabel, a, b); err != nil {
			return Connection{}, err
		}
		if err := requireAll(ctx, tx, ref{personLabel, a, "input.a"}, ref{personLabel, b, "input.b"}); err != nil {
			return Connection{}, err
		}
		old, err := single(ctx, tx, connectionCypher, params, connectionFrom)
		switch {
		case err == nil && (since == nil || sameDate(since, old.Since)):
			return old, nil
		case err == nil:
			return Connection{}, conflict("%q and %q are already connected (%s); disconnect them first to record another date",
				a, b, connectedSince(old.Since))
		case !errors.Is(err, errNoRows):
			return Connection{}, err
		}
		return single(ctx, tx, connectCypher, params, connectionFrom)
	})
}

// connectedSince describes a connection's date for a message.
func connectedSince(since *Date) string {
	if since == nil {
		return "with no date"
	}
	return "since " + since.String()
}

const disconnectCypher = `
MATCH (a:Person {id: $a})-[k:KNOWS]-(b:Person {id: $b})
DELETE k
RETURN count(k) AS removed`

// Disconnect removes the connection between a and b; ErrNotFound if none.
func (s *Store) Disconnect(ctx context.Context, a, b string) error {
	_, err := write(ctx, s, "disconnect", func(tx neo4j.ManagedTransaction) (bool, error) {
		if err := requireAll(ctx, tx, ref{personLabel, a, "a"}, ref{personLabel, b, "b"}); err != nil {
			return false, err
		}
		res, err := tx.Run(ctx, disconnectCypher, map[string]any{"a": a, "b": b})
		if err != nil {
			return false, err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return false, err
		}
		if n, _ := rec.Values[0].(int64); n == 0 {
			return false, notFound("%q and %q are not connected", a, b)
		}
		return true, nil
	})
	return err
}
