package graph_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/mentorgraph/mentorgraph/graph"
)

// TestExportRecordsBound: one organization's export holds the whole
// skill hierarchy above the skills it names (six levels), and counts
// every record it holds against MaxRecords: at the bound it answers, one
// below it refuses with ErrInvalid, wherever the bound falls (among the
// people, among the skills read last). The whole network is refused to
// any audience but an admin, and bounded as well.
func TestExportRecordsBound(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := newTestNet(t)
	n.org("club")
	n.people("a", "b", "c", "outsider")
	for _, p := range []string{"a", "b", "c"} {
		n.member(p, "club", true)
	}
	// s0 ← s1 ← … ← s5: the deepest hierarchy there may be.
	n.skill("s0", "")
	for i := 1; i < graph.MaxSkillLevels; i++ {
		n.skill(fmt.Sprintf("s%d", i), fmt.Sprintf("s%d", i-1))
	}
	n.has("a", fmt.Sprintf("s%d", graph.MaxSkillLevels-1), 3)
	n.knows("a", "b")
	n.knows("a", "outsider")
	n.mentoredBy("b", "c", "ACTIVE")
	n.load(t, s)
	// 1 organization, 3 people, 3 affiliations, 1 person_skill, 1
	// mentorship, 1 connection, the 6 skills.
	const records = 16

	ds, err := s.ExportRecords(ctx, graph.ExportOptions{Organization: n.id("club"), MaxRecords: records})
	if err != nil {
		t.Fatalf("at the bound: %v", err)
	}
	got := len(ds.Organizations) + len(ds.People) + len(ds.Affiliations) + len(ds.PersonSkills) +
		len(ds.Mentorships) + len(ds.Connections) + len(ds.Goals) + len(ds.Skills)
	if got != records || len(ds.Skills) != graph.MaxSkillLevels || len(ds.Connections) != 1 {
		t.Errorf("the export holds %d records, %d skills, %d connections; want %d, %d, 1: %+v", got, len(ds.Skills), len(ds.Connections), records, graph.MaxSkillLevels, ds)
	}
	for _, bound := range []int{records - 1, 3} {
		_, err := s.ExportRecords(ctx, graph.ExportOptions{Organization: n.id("club"), MaxRecords: bound})
		if !errors.Is(err, graph.ErrInvalid) {
			t.Errorf("bound %d: %v, want ErrInvalid", bound, err)
		}
	}

	member := graph.WithAudience(ctx, graph.Audience{PersonID: n.id("a"), Member: true})
	if _, err := s.ExportRecords(member, graph.ExportOptions{MaxRecords: 1000}); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("the whole network for a member: %v, want ErrInvalid", err)
	}
	if _, err := s.ExportRecords(ctx, graph.ExportOptions{MaxRecords: records - 1}); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("the whole network past its bound: %v, want ErrInvalid", err)
	}
	if _, err := s.ExportRecords(ctx, graph.ExportOptions{Organization: n.id("nowhere"), MaxRecords: records}); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("an unknown organization: %v, want ErrNotFound", err)
	}
}
