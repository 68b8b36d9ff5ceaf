package graph

import (
	"context"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The open-mentor search of FindMentors and CountMentors forced one way
// (see openMentorsCypherBy), for the tests in package graph_test that
// check both ways give the store's answers.
var (
	findOpenMentorsForward   = openMentorVariants(findMentors(rankPage), alwaysForward)
	findOpenMentorsBackward  = openMentorVariants(findMentors(rankPage), alwaysBackward)
	countOpenMentorsForward  = openMentorVariants(countMentorsCypher, alwaysForward)
	countOpenMentorsBackward = openMentorVariants(countMentorsCypher, alwaysBackward)
)

// FindMentorsOneWay is FindMentors with its open-mentor search (available
// mentors within MaxOpenMentorHops) always forward from the asker, or
// always backward from the candidates.
func (s *Store) FindMentorsOneWay(ctx context.Context, args FindMentorsArgs, forward bool) (Page[MentorMatch], error) {
	open := findOpenMentorsBackward
	if forward {
		open = findOpenMentorsForward
	}
	page, _, err := s.findMentors(ctx, args, findMentorsVariants, open)
	return page, err
}

// CountMentorsOneWay is CountMentors searching as FindMentorsOneWay.
func (s *Store) CountMentorsOneWay(ctx context.Context, args FindMentorsArgs, forward bool) (int, error) {
	if forward {
		return s.countMentors(ctx, args, countOpenMentorsForward)
	}
	return s.countMentors(ctx, args, countOpenMentorsBackward)
}

// ProfileFindMentors runs a statement of FindMentors for args under
// PROFILE, straight through the driver (not as a store statement), and
// returns its plan and how long it took: kind "page" is FindMentors',
// "page+count" FindMentorsWithCount's, "count" CountMentors'.
func (s *Store) ProfileFindMentors(ctx context.Context, args FindMentorsArgs, kind string) (neo4j.ProfiledPlan, time.Duration, error) {
	q, err := args.check(kind != "count")
	if err != nil {
		return nil, 0, err
	}
	var cypher string
	switch kind {
	case "page":
		cypher = q.cypher(findMentorsVariants, findOpenMentors)
	case "page+count":
		cypher = q.cypher(findMentorsWithCountVariants, findOpenMentorsWithCount)
	case "count":
		cypher = q.cypher(countMentorsVariants, countOpenMentors)
	default:
		return nil, 0, fmt.Errorf("no statement kind %q", kind)
	}
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	t0 := time.Now()
	plan, err := neo4j.ExecuteRead(ctx, sess, func(tx neo4j.ManagedTransaction) (neo4j.ProfiledPlan, error) {
		res, err := tx.Run(ctx, "PROFILE "+cypher, q.params)
		if err != nil {
			return nil, err
		}
		sum, err := res.Consume(ctx)
		if err != nil {
			return nil, err
		}
		if sum.Profile() == nil {
			return nil, fmt.Errorf("no profile in the summary")
		}
		return sum.Profile(), nil
	})
	return plan, time.Since(t0), err
}

// CoverageFromScratch computes the whole coverage report args ask for
// with the statement alone, past the store's kept reports, its id lists
// cut for ctx's audience: what the kept reports are compared with.
func CoverageFromScratch(ctx context.Context, s *Store, args CoverageArgs) ([]SkillGap, error) {
	rows, err := s.computeCoverage(ctx, args)
	if err != nil {
		return nil, err
	}
	return rows, s.visibleCoverageIDs(ctx, rows)
}

// SetCoverageBounds changes s's CoverageMaxStale and CoverageRefreshAfter,
// for tests of the bounds.
func SetCoverageBounds(s *Store, maxStale, refreshAfter time.Duration) {
	s.coverage.mu.Lock()
	defer s.coverage.mu.Unlock()
	s.coverage.maxStale, s.coverage.refreshAfter = maxStale, refreshAfter
}
