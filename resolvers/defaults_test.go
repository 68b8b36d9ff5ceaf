package resolvers

import (
	"testing"

	"github.com/mentorgraph/mentorgraph/graph"
)

// TestSchemaDefaultsAreTheStores: an argument the client leaves out (the
// schema's default) and a store method called without it (the store's
// default, for callers other than the API) must mean the same.
func TestSchemaDefaultsAreTheStores(t *testing.T) {
	for _, c := range []struct {
		name          string
		schema, store any
	}{
		{"findMentors(maxHops)", defaultFindMentorsHops, graph.DefaultReachHops},
		{"findMentors(minLevel)", argDefault[int]("Query", "findMentors", "minLevel"), graph.DefaultMentorMinLevel},
		{"mentorBoard(maxHops)", defaultBoardHops, graph.DefaultReachHops},
		{"neighborhood(limit)", defaultNeighborhoodLimit, graph.DefaultNeighborhoodLimit},
		{"referralPaths(maxHops)", defaultReferralHops, graph.DefaultReferralHops},
		{"referralPaths(k)", defaultReferralPaths, graph.DefaultReferralPaths},
		{"lineage(depth)", defaultLineageDepth, graph.DefaultLineageDepth},
		{"coverageGaps(maxHops)", defaultCoverageHops, graph.DefaultCoverageHops},
		{"coverageGaps(minLevel)", defaultCoverageMinLevel, graph.DefaultCoverageMinLevel},
		{"MentorWeights", graph.MentorWeights{Distance: defaultWeightDistance, Level: defaultWeightLevel,
			Capacity: defaultWeightCapacity, SharedOrganization: defaultWeightShared}, graph.DefaultMentorWeights},
	} {
		if c.schema != c.store {
			t.Errorf("%s: the schema's default is %v, the store's %v", c.name, c.schema, c.store)
		}
	}
}
