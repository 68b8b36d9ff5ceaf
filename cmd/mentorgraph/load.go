package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// loadOptions steer load.
type loadOptions struct {
	dryRun    bool
	batchSize int
	// readProblems are problems found reading the files; they are listed
	// with the validation's own and nothing is written.
	readProblems dataset.Problems
	// rerun names what to run again to complete an interrupted load, e.g.
	// "the same import".
	rerun string
	// fileName turns a problem's file into the name to show (import shows
	// files of a folder with the folder's path); nil shows it as it is.
	fileName func(string) string
}

// load is the import path import and seed share: it validates ds against
// the store and writes it (or, in a dry run, counts what would change),
// showing progress on stderr and the summary on stdout. With problems it
// lists them all on stderr and returns an error saying how many.
func load(ctx context.Context, store *graph.Store, ds *dataset.Dataset, opts loadOptions, stdout, stderr io.Writer) error {
	verb := "writing"
	if opts.dryRun {
		verb = "checking"
	}
	waiting := fmt.Sprintf("validating %s records against database %q", formatCount(recordCount(ds)), store.Database())
	p := startProgress(stderr, isTerminal(stderr), verb, waiting)
	report, err := store.Import(ctx, ds, graph.ImportOptions{
		DryRun:       opts.dryRun,
		BatchSize:    opts.batchSize,
		Progress:     p.update,
		ReadProblems: opts.readProblems,
	})
	done, total := p.stop()
	var problems dataset.Problems
	switch {
	case errors.As(err, &problems):
		return listProblems(stderr, problems, opts.fileName)
	case err != nil && opts.dryRun:
		if ctx.Err() != nil {
			return errors.New("interrupted; nothing was written (this was a dry run)")
		}
		return fmt.Errorf("%w; nothing was written (this was a dry run)", err)
	case err != nil && ctx.Err() != nil && done == 0:
		return fmt.Errorf("interrupted before writing anything; nothing was written: running %s again does it all", opts.rerun)
	case err != nil && ctx.Err() != nil:
		return fmt.Errorf("interrupted after writing %s of %s rows; the rows written are kept: running %s again completes it",
			formatCount(done), formatCount(total), opts.rerun)
	case err != nil && done == 0:
		return fmt.Errorf("%w; nothing was written", err)
	case err != nil:
		return fmt.Errorf("%w\n%s of %s rows were written before the failure and are kept: once the cause is fixed, running %s again completes it",
			err, formatCount(done), formatCount(total), opts.rerun)
	}
	return printReport(stdout, report, store.Database())
}

// listProblems writes every problem, one a line, and returns the error that
// ends the command.
func listProblems(w io.Writer, problems dataset.Problems, fileName func(string) string) error {
	bw := bufio.NewWriter(w)
	for _, p := range problems {
		if fileName != nil && p.File != "" {
			p.File = fileName(p.File)
		}
		fmt.Fprintln(bw, p.Error())
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return fmt.Errorf("%s; nothing was written", plural(len(problems), "problem", "problems"))
}

// printReport writes the summary of an import: a table of the rows of each
// kind and what became of them, the totals and speed, and a closing line
// saying in words what happened.
func printReport(w io.Writer, r graph.ImportReport, database string) error {
	var created, updated, unchanged int
	for _, k := range r.Kinds {
		created += k.Created
		updated += k.Updated
		unchanged += k.Unchanged
	}
	bw := bufio.NewWriter(w)
	if r.DryRun {
		fmt.Fprintf(bw, "dry run against database %q: what the import would do\n\n", database)
	} else {
		fmt.Fprintf(bw, "imported into database %q\n\n", database)
	}
	rows := [][]string{{"kind", "rows", "created", "updated", "unchanged"}}
	for _, k := range r.Kinds {
		if k.Rows == 0 {
			continue // a kind the input does not have
		}
		rows = append(rows, []string{string(k.Kind), formatCount(k.Rows), formatCount(k.Created), formatCount(k.Updated), formatCount(k.Unchanged)})
	}
	rows = append(rows, []string{"total", formatCount(r.Rows), formatCount(created), formatCount(updated), formatCount(unchanged)})
	writeTable(bw, rows)
	fmt.Fprintf(bw, "\n%s in %s (%s rows/s)\n", plural(r.Rows, "row", "rows"), formatDuration(r.Duration), formatCount(int(perSecond(r.Rows, r.Duration))))
	if r.OpenMentorLinksDuration > 0 {
		fmt.Fprintf(bw, "of which %s refreshing the open-mentor links\n", formatDuration(r.OpenMentorLinksDuration))
	}
	switch {
	case r.DryRun && !r.Changed():
		fmt.Fprintln(bw, "dry run: nothing was written; nothing would change: the graph already holds these records")
	case r.DryRun:
		fmt.Fprintf(bw, "dry run: nothing was written; importing would create %s, update %s and leave %s unchanged\n",
			formatCount(created), formatCount(updated), formatCount(unchanged))
	case !r.Changed():
		fmt.Fprintln(bw, "nothing changed: the graph already holds these records")
	}
	return bw.Flush()
}

// writeTable writes rows as a table: the first column aligned left, the
// others (numbers) right, two spaces between columns.
func writeTable(w io.Writer, rows [][]string) {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	for _, row := range rows {
		var b strings.Builder
		for i, cell := range row {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell))
			if i == 0 {
				b.WriteString(cell + pad)
			} else {
				b.WriteString("  " + pad + cell)
			}
		}
		fmt.Fprintln(w, b.String())
	}
}

// recordCount is the number of records in ds, all kinds together.
func recordCount(ds *dataset.Dataset) int {
	n := 0
	for _, k := range kindCounts(ds) {
		n += k.n
	}
	return n
}

// kindCount is the number of records of one kind.
type kindCount struct {
	kind dataset.Kind
	n    int
}

// kindCounts counts the records of ds by kind, in dataset.Kinds order.
func kindCounts(ds *dataset.Dataset) []kindCount {
	return []kindCount{
		{dataset.KindPerson, len(ds.People)},
		{dataset.KindSkill, len(ds.Skills)},
		{dataset.KindOrganization, len(ds.Organizations)},
		{dataset.KindPersonSkill, len(ds.PersonSkills)},
		{dataset.KindAffiliation, len(ds.Affiliations)},
		{dataset.KindMentorship, len(ds.Mentorships)},
		{dataset.KindConnection, len(ds.Connections)},
		{dataset.KindGoal, len(ds.Goals)},
	}
}

// printKindCounts writes how many records of each kind ds holds, one kind
// a line under the file it goes to (or, for NDJSON, its kind), and the total.
func printKindCounts(w io.Writer, ds *dataset.Dataset, byFile bool) error {
	var rows [][]string
	total := 0
	for _, k := range kindCounts(ds) {
		name := string(k.kind)
		if byFile {
			name = k.kind.FileName()
		}
		rows = append(rows, []string{"  " + name, formatCount(k.n)})
		total += k.n
	}
	rows = append(rows, []string{"  total", formatCount(total)})
	writeTable(w, rows)
	return nil
}

func perSecond(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

// plural writes n and the noun that fits it: "1 problem", "3 problems".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return formatCount(n) + " " + many
}
