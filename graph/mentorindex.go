package graph

import (
	"context"
	"fmt"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The open-mentor index: a derived relationship
//
//	(:Person)-[:CAN_MENTOR {level}]->(:Skill)
//
// exists exactly when the person is available to mentor, has open slots
// (mentorCapacity above their count of ACTIVE mentees), and holds the skill
// at that level (HAS_SKILL's level). It lets "who can mentor me in X" start
// from the few open mentors of X instead of from everyone within reach of
// the asker: at 100k people the leadership subtree has 26,245 HAS_SKILL
// links but about 250 CAN_MENTOR links (see findmentors.go).
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
// wrong match. A database written before the index existed gets
// it built once by ApplySchema, which then records mentorIndexVersion in a
// (:MentorGraphMeta) node.

// mentorIndexVersion is the version of the open-mentor index ApplySchema
// makes sure of; raise it when the index's meaning changes.
const mentorIndexVersion = 1

// refreshMentorIndexCypher brings the CAN_MENTOR links of the people with
// the ids in $ids in line with their availability, open slots and skills,
// writing only what differs.
const refreshMentorIndexCypher = `
UNWIND $ids AS id
MATCH (x:Person {id: id})
WITH x, CASE WHEN x.availableToMentor = true
  THEN coalesce(x.mentorCapacity, 0) > COUNT { (x)<-[r:MENTORED_BY]-() WHERE r.status = 'ACTIVE' }
  ELSE false END AS open
CALL (x, open) {
  MATCH (x)-[c:CAN_MENTOR]->(s:Skill)
  WHERE NOT open OR NOT EXISTS { (x)-[h:HAS_SKILL]->(s) WHERE h.level = c.level }
  DELETE c
}
CALL (x, open) {
  WITH x WHERE open
  MATCH (x)-[h:HAS_SKILL]->(s:Skill)
  WHERE NOT EXISTS { (x)-[c:CAN_MENTOR]->(s) WHERE c.level = h.level }
  CREATE (x)-[:CAN_MENTOR {level: h.level}]->(s)
}`

// refreshMentorIndex refreshes the open-mentor index of the people ids
// within tx.
func refreshMentorIndex(ctx context.Context, tx neo4j.ManagedTransaction, ids ...string) error {
	if len(ids) == 0 {
		return nil
	}
	return exec(ctx, tx, refreshMentorIndexCypher, map[string]any{"ids": ids})
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
	mentorIndexVersionCypher = `OPTIONAL MATCH (m:MentorGraphMeta {key: 'mentorIndex'}) RETURN {version: m.version} AS r`
	// mentorIndexPeopleCypher lists the people whose index links may need
	// writing: those who may mentor, and those who have links.
	mentorIndexPeopleCypher = `
MATCH (x:Person) WHERE x.availableToMentor = true OR EXISTS { (x)-[:CAN_MENTOR]->() }
RETURN {ids: collect(x.id)} AS r`
	setMentorIndexVersionCypher = `MERGE (m:MentorGraphMeta {key: 'mentorIndex'}) SET m.version = $version`
)

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
