package resolvers

import (
	"errors"
	"fmt"
	"strings"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// Bounds of one importRecords call.
const (
	MaxImportBytes = 5 << 20
	MaxImportLines = 10000
)

// Bounds of one exportRecords answer: those of importRecords, so that
// whatever one answers, one importRecords call takes back. The store
// stops reading past MaxExportRecords, so a request holds at most that
// many records (and their NDJSON) however large the network; bigger
// exports are the command line's (`mentorgraph export`, which streams
// nothing either but has no request to answer within).
const (
	MaxExportBytes   = MaxImportBytes
	MaxExportRecords = MaxImportLines
)

// readRecords reads importRecords' NDJSON, within its bounds. Problems in
// the records come back with the dataset (what could be read), for the
// import to report with its validation's.
func readRecords(ndjson string) (*dataset.Dataset, dataset.Problems, error) {
	if len(ndjson) > MaxImportBytes {
		return nil, nil, &graph.InputError{Field: "ndjson", Msg: "ndjson is too large for one call: split it, or use `mentorgraph import`"}
	}
	if n := strings.Count(ndjson, "\n") + 1; n > MaxImportLines {
		return nil, nil, &graph.InputError{Field: "ndjson", Msg: "ndjson has more lines than the 10,000 one call takes: split it, or use `mentorgraph import`"}
	}
	ds := &dataset.Dataset{}
	_, err := ds.ReadNDJSON(strings.NewReader(ndjson), "ndjson")
	var problems dataset.Problems
	if errors.As(err, &problems) {
		return ds, problems, nil
	}
	return ds, nil, err
}

// writeRecords is exportRecords' NDJSON of ds, within its bounds.
func writeRecords(ds *dataset.Dataset) (string, error) {
	var b strings.Builder
	if err := dataset.WriteNDJSON(&b, ds); err != nil {
		return "", err
	}
	if b.Len() > MaxExportBytes {
		return "", &graph.InputError{Field: "organization", Msg: fmt.Sprintf("the export is larger than the %d MB one answer carries: an admin exports the whole network with `mentorgraph export`", MaxExportBytes>>20)}
	}
	return b.String(), nil
}

func importReport(rep graph.ImportReport) *ImportReport {
	out := &ImportReport{DryRun: rep.DryRun, Rows: rep.Rows, Changed: rep.Changed()}
	for _, k := range rep.Kinds {
		out.Kinds = append(out.Kinds, &ImportKindCounts{Kind: string(k.Kind), Rows: k.Rows, Created: k.Created, Updated: k.Updated, Unchanged: k.Unchanged})
	}
	return out
}
