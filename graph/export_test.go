package graph

import "context"

// The open-mentor search of FindMentors and CountMentors forced one way
// (see openMentorsCypherBy), for the tests in package graph_test that
// check both ways give the store's answers.
var (
	findOpenMentorsForward   = openMentorVariants(findMentorsCypher, alwaysForward)
	findOpenMentorsBackward  = openMentorVariants(findMentorsCypher, alwaysBackward)
	countOpenMentorsForward  = openMentorVariants(countMentorsCypher, alwaysForward)
	countOpenMentorsBackward = openMentorVariants(countMentorsCypher, alwaysBackward)
)

// FindMentorsOneWay is FindMentors with its open-mentor search (available
// mentors within MaxOpenMentorHops) always forward from the asker, or
// always backward from the candidates.
func (s *Store) FindMentorsOneWay(ctx context.Context, args FindMentorsArgs, forward bool) (Page[MentorMatch], error) {
	if forward {
		return s.findMentors(ctx, args, findOpenMentorsForward)
	}
	return s.findMentors(ctx, args, findOpenMentorsBackward)
}

// CountMentorsOneWay is CountMentors searching as FindMentorsOneWay.
func (s *Store) CountMentorsOneWay(ctx context.Context, args FindMentorsArgs, forward bool) (int, error) {
	if forward {
		return s.countMentors(ctx, args, countOpenMentorsForward)
	}
	return s.countMentors(ctx, args, countOpenMentorsBackward)
}
