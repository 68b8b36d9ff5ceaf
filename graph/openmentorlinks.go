package graph

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The open-mentor links: derived relationships, one type per level,
//
//	(:Person)-[:CAN_MENTOR_1 … CAN_MENTOR_5]->(:Skill)
//
// a link of type CAN_MENTOR_<L> exists exactly when the person is available
// to mentor, has open slots (mentorCapacity above their count of ACTIVE
// mentees), and holds the skill at level L (HAS_SKILL's level). It lets
// "who can mentor me in X" start from the few open mentors of X instead of
// from everyone within reach of the asker: at 100k people the leadership
// subtree has 26,245 HAS_SKILL links but about 700 open-mentor links, 236 of
// them at level 3 or above (see findmentors.go). The level is in the type,
// not in a property, so a reader asking for level 3 or above follows only
// the CAN_MENTOR_3|CAN_MENTOR_4|CAN_MENTOR_5 links and reads no property:
// measured at 100k ("leadership", 2 hops, 300 askers), that halved the
// statement's typical db hits (2,240–2,340 to 1,110–1,210) and cut its p50
// by a quarter (2.0–2.2 ms to 1.45–1.49 ms) against one CAN_MENTOR type
// with a level property.
//
// They are never written by users and never exported. Every write that
// changes what they depend on (a person's availability or capacity, their
// skills, the ACTIVE mentorships they mentor in, deleting a mentee, merging
// duplicate mentorships, imports) calls refreshOpenMentorLinks for the
// people it touched, in the same transaction as the change (the import
// refreshes the people of its files after its writes, in transactions of
// their own, so running an interrupted import again repairs them too).
// Each of those writes holds the write lock of the people it refreshes
// (it sets their updatedAt, or locks them with lockNodes) before
// refreshing: two writes about one person refresh one after the other,
// each seeing the other's committed mentorships.
// TestOpenMentorLinksMatchARecomputation checks the maintained links
// against links computed from scratch after a random sequence of writes.
//
// Readers use the links only to find candidates; FindMentors and
// MentorBoard check availability and open slots again from the person and
// their mentorships, so a link left over can never make a wrong match. A
// database written before the links existed, or with an older version of
// them (version 1: one CAN_MENTOR type with a level property), gets them
// built once by a schema migration (migrations.go; before migrations were
// numbered, a (:MentorGraphMeta {key: 'mentorIndex', version: 2}) node
// recorded it, the key they had when they were called an index). A change
// of the links' meaning is a new migration that rebuilds them: migration 6
// added the mentor keys of the skill links.

// canMentorPrefix starts the type of every open-mentor link; the level
// follows it.
const canMentorPrefix = "CAN_MENTOR_"

// canMentorTypes is the relationship type expression of the open-mentor
// links at level min or above: "CAN_MENTOR_3|CAN_MENTOR_4|…".
func canMentorTypes(min int) string {
	types := make([]string, 0, MaxSkillLevel)
	for l := max(min, 1); l <= MaxSkillLevel; l++ {
		types = append(types, canMentorPrefix+strconv.Itoa(l))
	}
	return strings.Join(types, "|")
}

// openMentorLinkTypes are the types of every open-mentor link there has
// been: version 1's CAN_MENTOR, and today's.
var openMentorLinkTypes = "CAN_MENTOR|" + canMentorTypes(1)

// refreshOpenMentorLinksCypher brings the open-mentor links of the people
// with the ids in $ids in line with their availability, open slots and
// skills, writing only what differs (and removing version 1's CAN_MENTOR
// links), and with them the mentor keys of their skill links (see
// skill_people.go): h.mentorSkill and h.mentorPerson, the ids of the
// link's ends, set exactly while the person is available to mentor.
// $prefix is canMentorPrefix and $levels the levels 1..MaxSkillLevel: a
// level outside them (never written: levels are checked) gets no link.
var refreshOpenMentorLinksCypher = `
UNWIND $ids AS id
MATCH (x:Person {id: id})
WITH x, CASE WHEN x.availableToMentor = true
  THEN coalesce(x.mentorCapacity, 0) > COUNT { (x)<-[r:MENTORED_BY]-() WHERE r.status = 'ACTIVE' }
  ELSE false END AS open
CALL (x, open) {
  MATCH (x)-[c:` + openMentorLinkTypes + `]->(s:Skill)
  WHERE NOT open OR NOT EXISTS { (x)-[h:HAS_SKILL]->(s) WHERE type(c) = $prefix + toString(toInteger(h.level)) }
  DELETE c
}
CALL (x, open) {
  WITH x WHERE open
  MATCH (x)-[h:HAS_SKILL]->(s:Skill)
  WITH x, s, $prefix + toString(toInteger(h.level)) AS t
  WHERE toInteger(h.level) IN $levels AND NOT EXISTS { (x)-[c:` + canMentorTypes(1) + `]->(s) WHERE type(c) = t }
  CREATE (x)-[:$(t)]->(s)
}
CALL (x) {
  MATCH (x)-[h:HAS_SKILL]->(s:Skill)
  WITH x, h, s, x.availableToMentor = true AS available
  WHERE CASE WHEN available THEN h.mentorSkill IS NULL OR h.mentorSkill <> s.id OR h.mentorPerson IS NULL OR h.mentorPerson <> x.id
    ELSE h.mentorSkill IS NOT NULL OR h.mentorPerson IS NOT NULL END
  SET h.mentorSkill = CASE WHEN available THEN s.id END, h.mentorPerson = CASE WHEN available THEN x.id END
}`

// refreshOpenMentorLinks brings the open-mentor links of the people with
// these ids in line with what they depend on, within tx: the one function
// every write path that changes them calls.
func refreshOpenMentorLinks(ctx context.Context, tx neo4j.ManagedTransaction, personIDs ...string) error {
	if len(personIDs) == 0 {
		return nil
	}
	return exec(ctx, tx, refreshOpenMentorLinksCypher, map[string]any{"ids": personIDs, "prefix": canMentorPrefix, "levels": skillLevels})
}

// refreshOpenMentorLinksBatch is how many people one transaction of a bulk
// refresh covers.
const refreshOpenMentorLinksBatch = 10000

// refreshOpenMentorLinksOf refreshes the open-mentor links of the people
// ids in transactions of refreshOpenMentorLinksBatch people each.
func (s *Store) refreshOpenMentorLinksOf(ctx context.Context, ids []string) error {
	for chunk := range slices.Chunk(ids, refreshOpenMentorLinksBatch) {
		t := time.Now()
		var workDone time.Time
		_, err := write(ctx, s, "refresh open-mentor links", func(tx neo4j.ManagedTransaction) (struct{}, error) {
			started := time.Now()
			err := refreshOpenMentorLinks(ctx, tx, chunk...)
			workDone = time.Now()
			traceSince("open-mentor links: refresh", started)
			return struct{}{}, err
		})
		if err != nil {
			return err
		}
		traceSince("open-mentor links: commit", workDone)
		traceSince("open-mentor links: transaction", t)
	}
	return nil
}

// openMentorLinksPeopleCypher lists the people whose open-mentor links may
// need writing: those who may mentor, and those who have links (of any
// version).
var openMentorLinksPeopleCypher = `
MATCH (x:Person) WHERE x.availableToMentor = true OR EXISTS { (x)-[:` + openMentorLinkTypes + `]->() }
RETURN {ids: collect(x.id)} AS r`

// rebuildOpenMentorLinks builds the open-mentor links of everyone who may
// mentor.
func (s *Store) rebuildOpenMentorLinks(ctx context.Context) error {
	ids, err := read(ctx, s, "list mentors", func(tx neo4j.ManagedTransaction) ([]string, error) {
		return single(ctx, tx, openMentorLinksPeopleCypher, nil, func(m map[string]any) []string { return strList(m, "ids") })
	})
	if err != nil {
		return err
	}
	return s.refreshOpenMentorLinksOf(ctx, ids)
}
