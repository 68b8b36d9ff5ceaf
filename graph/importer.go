package graph

import (
	"context"
	"time"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// Import writes a dataset into the graph: records merge by their key (ids
// for nodes; the two ends, and for affiliations the start date, for links),
// so importing the same data twice changes nothing the second time. An
// empty optional cell means "not set": it never erases a stored value.
//
// Validation comes first (dataset.Validate, with the ids the dataset
// refers to but does not define looked up in the database): with any
// problem nothing is written and the problems are returned, all of them.
// Then the records are written kind by kind in batched UNWIND
// transactions (links between people in rounds, see importsched.go). A
// run cut short (process killed) leaves some of the batches written;
// running the same import again completes it and ends in exactly the graph
// one uninterrupted run makes. A batch the driver retries (after a
// transient failure, even of its commit: Neo4j may have applied it) is
// classified row by row, so a retry never writes a row twice
// (TestImportNeo4jRestartedMidway, internal/faults).
//
// An import records what its files say. Unlike RecordMentorship it checks
// no mentor's capacity: a file may give a mentor more active mentees than
// their mentorCapacity (history does), and coverage shows them overloaded.
// It keys memberships by their start date (a file may give a person's past
// memberships of an organization) but, like AddAffiliation, allows at most
// one current membership (no until) of a person in an organization: a row
// that would add a second one, beside an earlier row or beside a stored
// current membership the file neither repeats nor ends, is a problem. It
// takes none of the API's locks on people and organizations (lockNodes):
// an import is not meant to run beside API writes to the same links. Its
// writes of the skill hierarchy take the hierarchy's lock
// (lockSkillHierarchy), as the API's do.

// ImportOptions steer Import.
type ImportOptions struct {
	// DryRun validates and counts what would be created, updated or left
	// unchanged, writing nothing.
	DryRun bool
	// BatchSize is the number of rows per transaction (default 10,000).
	BatchSize int
	// Workers is how many batches of one kind are written at once
	// (default 2); kinds are still written one after the other, and links
	// between people that fit in Workers batches one batch after the
	// other (see importsched.go).
	Workers int
	// Progress, when set, is called after each batch with the rows done and
	// the rows in all.
	Progress func(done, total int)
	// ReadProblems are problems found while reading ds; they are reported
	// with the validation's own, all together, and nothing is written.
	ReadProblems dataset.Problems
}

// withDefaults fills the options left zero.
func (o ImportOptions) withDefaults() ImportOptions {
	if o.BatchSize <= 0 {
		o.BatchSize = 10000
	}
	if o.Workers <= 0 {
		o.Workers = 2
	}
	return o
}

// Import validates ds against the database and writes it (see above), in
// four stages: validate (validateImport: ds with the stored data it refers
// to), plan (importSteps: a step per record kind, in dependency order),
// write (writeStep: each step's batches), and report (ImportReport, with
// importProgress counting as the batches go). Then it refreshes the
// open-mentor links of everyone ds touches.
func (s *Store) Import(ctx context.Context, ds *dataset.Dataset, opts ImportOptions) (ImportReport, error) {
	start := time.Now()
	opts = opts.withDefaults()
	stored, err := s.validateImport(ctx, ds, opts.ReadProblems)
	if err != nil {
		return ImportReport{}, err
	}
	planStart := time.Now()
	steps := importSteps(ds)
	report := ImportReport{DryRun: opts.DryRun}
	progress := newImportProgress(steps, opts.Progress)
	traceSince("plan", planStart)
	created := createdNodes{}
	for _, st := range steps {
		kc, err := s.writeStep(ctx, st, stored, created, opts, progress)
		if err != nil {
			return report, err
		}
		report.add(kc)
	}
	if !opts.DryRun {
		// The open-mentor links of everyone the files touch, changed or
		// not: so a run that completes an interrupted one repairs them too.
		linksStart := time.Now()
		if err := s.refreshOpenMentorLinksOf(ctx, openMentorLinkPeople(ds)); err != nil {
			return report, err
		}
		report.OpenMentorLinksDuration = time.Since(linksStart)
	}
	report.Duration = time.Since(start)
	return report, nil
}

// openMentorLinkPeople are the people of ds whose open-mentor links an
// import may change: everyone in people, person skills, and the mentors of
// mentorships, each once.
func openMentorLinkPeople(ds *dataset.Dataset) []string {
	seen := make(map[string]bool, len(ds.People))
	var ids []string
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, p := range ds.People {
		add(p.ID)
	}
	for _, ps := range ds.PersonSkills {
		add(ps.PersonID)
	}
	for _, m := range ds.Mentorships {
		add(m.MentorID)
	}
	return ids
}
