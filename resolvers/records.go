package resolvers

import (
	"errors"
	"strings"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// Bounds of one importRecords call.
const (
	MaxImportBytes = 5 << 20
	MaxImportLines = 10000
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

func importReport(rep graph.ImportReport) *ImportReport {
	out := &ImportReport{DryRun: rep.DryRun, Rows: rep.Rows, Changed: rep.Changed()}
	for _, k := range rep.Kinds {
		out.Kinds = append(out.Kinds, &ImportKindCounts{Kind: string(k.Kind), Rows: k.Rows, Created: k.Created, Updated: k.Updated, Unchanged: k.Unchanged})
	}
	return out
}
