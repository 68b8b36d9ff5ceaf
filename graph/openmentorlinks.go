package graph

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The open-mentor index: derived relationships, one type per level,
//
//	(:Person)-[:CAN_MENTOR_1 … CAN_MENTOR_5]->(:Skill)
//
// a link of type CAN_MENTOR_<L> exists exactly when the person is available
// to mentor, has open slots (mentorCapacity above their count of ACTIVE
// mentees), and holds the skill at level L (HAS_SKILL's level). It lets
// "who can mentor me in X" start from the few open mentors of X instead of
// from everyone within reach of the asker: at 100k people the leadership
// subtree has 26,245 HAS_SKILL links but about 700 index links, 236 of
// them at level 3 or above (see findmentors.go). The level is in the type,
// not in a property, so a reader asking for level 3 or above follows only
// the CAN_MENTOR_3|CAN_MENTOR_4|CAN_MENTOR_5 links and reads no property:
// measured at 100k ("leadership", 2 hops, 300 askers), that halved the
// statement's typical db hits (2,240–2,340 to 1,110–1,210) and cut its p50
// by a quarter (2.0–2.2 ms to 1.45–1.49 ms) against one CAN_MENTOR type
// with a level property.
//
// It is never written by users and never exported; every write that can
// change it (a person's availability or capacity, their skills, the
// mentorships they mentor in, imports) refreshes it for the people it
// touched, in the same transaction as the change (the import refreshes the
// people of its files after its writes, so running an interrupted import
// again repairs it too). Each of those writes sets the person's updatedAt
// before refreshing, so it holds the person's write lock: two writes about
// one person refresh one after the other, each seeing the other's
// committed mentorships. Readers use the index only to find candidates;
// FindMentors and MentorBoard check availability and open slots again from
// the person and their mentorships, so a link left over can never make a
// wrong match. A database written before the index existed, or with an
// older version of it (version 1: one CAN_MENTOR type with a level
// property), gets it built once by ApplySchema, which then records
// mentorIndexVersion in a (:MentorGraphMeta) node.

// mentorIndexVersion is the version of the open-mentor index ApplySchema
// makes sure of; raise it when the index's meaning changes.
const mentorIndexVersion = 2

// canMentorPrefix starts the type of every open-mentor index link; the
// level follows it.
const canMentorPrefix = "CAN_MENTOR_"

// canMentorTypes is the relationship type expression of the open-mentor
// index links at level min or above: "CAN_MENTOR_3|CAN_MENTOR_4|…".
func canMentorTypes(min int) string {
	types := make([]string, 0, MaxSkillLevel)
	for l := max(min, 1); l <= MaxSkillLevel; l++ {
		types = append(types, canMentorPrefix+strconv.Itoa(l))
	}
	return strings.Join(types, "|")
}

// indexLinkTypes are the types of every link the index has had: version
// 1's CAN_MENTOR, and today's.
var indexLinkTypes = "CAN_MENTOR|" + canMentorTypes(1)

// refreshMentorIndexCypher brings the index links of the people with the
// ids in $ids in line with their availability, open slots and skills,
// writing only what differs (and removing version 1's CAN_MENTOR links).
// $prefix is canMentorPrefix and $levels the levels 1..MaxSkillLevel: a
// level outside them (never written: levels are checked) gets no link.
var refreshMentorIndexCypher = `
UNWIND $ids AS id
MATCH (x:Person {id: id})
WITH x, CASE WHEN x.availableToMentor = true
  THEN coalesce(x.mentorCapacity, 0) > COUNT { (x)<-[r:MENTORED_BY]-() WHERE r.status = 'ACTIVE' }
  ELSE false END AS open
CALL (x, open) {
  MATCH (x)-[c:` + indexLinkTypes + `]->(s:Skill)
  WHERE NOT open OR NOT EXISTS { (x)-[h:HAS_SKILL]->(s) WHERE type(c) = $prefix + toString(toInteger(h.level)) }
  DELETE c
}
CALL (x, open) {
  WITH x WHERE open
  MATCH (x)-[h:HAS_SKILL]->(s:Skill)
  WITH x, s, $prefix + toString(toInteger(h.level)) AS t
  WHERE toInteger(h.level) IN $levels AND NOT EXISTS { (x)-[c:` + canMentorTypes(1) + `]->(s) WHERE type(c) = t }
  CREATE (x)-[:$(t)]->(s)
}`

// refreshMentorIndex refreshes the open-mentor index of the people ids
// within tx.
func refreshMentorIndex(ctx context.Context, tx neo4j.ManagedTransaction, ids ...string) error {
	if len(ids) == 0 {
		return nil
	}
	return exec(ctx, tx, refreshMentorIndexCypher, map[string]any{"ids": ids, "prefix": canMentorPrefix, "levels": skillLevels})
}

// refreshMentorIndexBatch is how many people one transaction of a bulk
// refresh covers.
const refreshMentorIndexBatch = 10000

// refreshMentorIndexOf refreshes the open-mentor index of the people ids
// in transactions of refreshMentorIndexBatch people each.
func (s *Store) refreshMentorIndexOf(ctx context.Context, ids []string) error {
	for chunk := range slices.Chunk(ids, refreshMentorIndexBatch) {
		_, err := write(ctx, s, "refresh open-mentor index", func(tx neo4j.ManagedTransaction) (struct{}, error) {
			return struct{}{}, refreshMentorIndex(ctx, tx, chunk...)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

const (
	mentorIndexVersionCypher    = `OPTIONAL MATCH (m:MentorGraphMeta {key: 'mentorIndex'}) RETURN {version: m.version} AS r`
	setMentorIndexVersionCypher = `MERGE (m:MentorGraphMeta {key: 'mentorIndex'}) SET m.version = $version`
)

// mentorIndexPeopleCypher lists the people whose index links may need
// writing: those who may mentor, and those who have links (of any
// version).
var mentorIndexPeopleCypher = `
MATCH (x:Person) WHERE x.availableToMentor = true OR EXISTS { (x)-[:` + indexLinkTypes + `]->() }
RETURN {ids: collect(x.id)} AS r`

// ensureMentorIndex builds the open-mentor index of the whole database
// unless it is already at mentorIndexVersion.
func (s *Store) ensureMentorIndex(ctx context.Context) error {
	version, err := read(ctx, s, "read open-mentor index version", func(tx neo4j.ManagedTransaction) (int, error) {
		return single(ctx, tx, mentorIndexVersionCypher, nil, func(m map[string]any) int { return intVal(m, "version") })
	})
	if err != nil || version == mentorIndexVersion {
		return err
	}
	ids, err := read(ctx, s, "list mentors", func(tx neo4j.ManagedTransaction) ([]string, error) {
		return single(ctx, tx, mentorIndexPeopleCypher, nil, func(m map[string]any) []string { return strList(m, "ids") })
	})
	if err != nil {
		return err
	}
	if err := s.refreshMentorIndexOf(ctx, ids); err != nil {
		return fmt.Errorf("build the open-mentor index: %w", err)
	}
	_, err = write(ctx, s, "record open-mentor index version", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, setMentorIndexVersionCypher, map[string]any{"version": mentorIndexVersion})
	})
	return err
}
