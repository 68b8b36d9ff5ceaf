package graph

// The report stage of an import: what it did to each kind, counted as
// its batches are written.

import (
	"sync"
	"time"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// KindCounts says what an import did (or would do) to one record kind.
type KindCounts struct {
	Kind      dataset.Kind
	Rows      int
	Created   int
	Updated   int
	Unchanged int
	Duration  time.Duration
}

// ImportReport is the outcome of Import.
type ImportReport struct {
	Kinds []KindCounts
	Rows  int
	// OpenMentorLinksDuration is the time spent refreshing the open-mentor links
	// (see openmentorlinks.go) after the writes; part of Duration.
	OpenMentorLinksDuration time.Duration
	Duration                time.Duration
	DryRun                  bool
}

// Changed reports whether the import created or updated anything.
func (r ImportReport) Changed() bool {
	for _, k := range r.Kinds {
		if k.Created > 0 || k.Updated > 0 {
			return true
		}
	}
	return false
}

// add counts a step's outcome in the report; the step linking skills to
// their broader skill is not a kind of its own (its rows are the skills').
func (r *ImportReport) add(kc KindCounts) {
	if kc.Kind == kindSkillParent {
		return
	}
	r.Kinds = append(r.Kinds, kc)
	r.Rows += kc.Rows
}

// importProgress counts the rows written across an import's batches and
// tells report (ImportOptions.Progress) after each batch. Safe for the
// batches written at once.
type importProgress struct {
	mu          sync.Mutex
	done, total int
	report      func(done, total int)
}

// newImportProgress counts the rows of steps (a skill's broader-skill link
// counts with the skill).
func newImportProgress(steps []importStep, report func(done, total int)) *importProgress {
	p := &importProgress{report: report}
	for _, st := range steps {
		if st.kind != kindSkillParent {
			p.total += st.n
		}
	}
	return p
}

// batchDone counts a batch of rows of kind, and adds its outcome to kc,
// under the same lock.
func (p *importProgress) batchDone(kind dataset.Kind, rows int, outcome batchOutcome, kc *KindCounts) {
	p.mu.Lock()
	defer p.mu.Unlock()
	kc.Created += outcome.created
	kc.Updated += outcome.updated
	kc.Unchanged += outcome.unchanged
	if kind != kindSkillParent {
		p.done += rows
	}
	if p.report != nil {
		p.report(p.done, p.total)
	}
}

// importTrace, when set (by the package's import benchmark, before any
// import runs), is told how long each part of an import took, under
// names such as "validate: look up", "person: create", "person: commit"
// and "person: transaction" (a batch's whole transaction). Batches
// written side by side report at once: it must be safe for concurrent use.
var importTrace func(phase string, d time.Duration)

// traceSince tells importTrace, if set, the time since start under phase.
func traceSince(phase string, start time.Time) {
	if importTrace != nil {
		importTrace(phase, time.Since(start))
	}
}
