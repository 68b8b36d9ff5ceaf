package graph

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// TestImportReportCountsKinds: progress counts every row once (a skill's
// broader-skill link with the skill), and the report has no kind of its
// own for those links.
func TestImportReportCountsKinds(t *testing.T) {
	steps := []importStep{{kind: dataset.KindPerson, n: 3}, {kind: dataset.KindSkill, n: 2}, {kind: kindSkillParent, n: 1}}
	var told [][2]int
	p := newImportProgress(steps, func(done, total int) { told = append(told, [2]int{done, total}) })
	var report ImportReport
	for _, st := range steps {
		kc := KindCounts{Kind: st.kind, Rows: st.n}
		p.batchDone(st.kind, st.n, batchOutcome{created: st.n}, &kc)
		report.add(kc)
	}
	if diff := cmp.Diff([][2]int{{3, 5}, {5, 5}, {5, 5}}, told); diff != "" {
		t.Errorf("progress told (-want +got):\n%s", diff)
	}
	want := ImportReport{Rows: 5, Kinds: []KindCounts{{Kind: dataset.KindPerson, Rows: 3, Created: 3}, {Kind: dataset.KindSkill, Rows: 2, Created: 2}}}
	if diff := cmp.Diff(want, report); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}
}

// TraceImports makes every import tell f how long each of its parts took
// (importTrace), or, with nil, stops it; for BenchmarkImportPhases.
func TraceImports(f func(phase string, d time.Duration)) { importTrace = f }
