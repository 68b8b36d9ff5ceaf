package dataset

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// ReadDir reads every import file in dir: any of the eight CSV files
// (people.csv, skills.csv, …; names matched without regard to case) and
// every *.ndjson or *.jsonl file. Problems and warnings name files relative
// to dir. A .csv file with another name is ignored with a warning.
//
// The error is Problems when some cells or rows cannot be read or break a
// rule of their own record (the dataset then holds every record that could
// be read); any other error means a file could not be read at all. Rules
// across records (references, duplicates, cycles) are Validate's.
func ReadDir(dir string) (*Dataset, []Warning, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	var files []inputFile
	var warnings []Warning
	for i, kind := range Kinds {
		for _, e := range entries {
			if !e.IsDir() && strings.EqualFold(e.Name(), fileNames[i]) {
				files = append(files, inputFile{path: filepath.Join(dir, e.Name()), name: e.Name(), format: csvFormat, kind: kind})
			}
		}
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		switch format, _ := formatOf(e.Name()); {
		case format == ndjsonFormat:
			files = append(files, inputFile{path: filepath.Join(dir, e.Name()), name: e.Name(), format: ndjsonFormat})
		case format == unknownFormat && strings.EqualFold(filepath.Ext(e.Name()), ".csv"):
			warnings = append(warnings, Warning{File: e.Name(), Message: "not an import file, ignored (the CSV files are " + strings.Join(fileNames[:], ", ") + ")"})
		}
	}
	if len(files) == 0 {
		return nil, warnings, fmt.Errorf("%s holds no import file (%s)", dir, knownFileNames())
	}
	ds, more, err := readFiles(files)
	return ds, append(warnings, more...), err
}

// ReadFiles reads the named files: a CSV file's kind comes from its name
// (people.csv, skills.csv, …, matched without regard to case), and *.ndjson
// and *.jsonl files are NDJSON. Problems and warnings name files as given.
// A name that is none of these is an error, before anything is read. The
// error is as for ReadDir.
func ReadFiles(paths ...string) (*Dataset, []Warning, error) {
	files := make([]inputFile, len(paths))
	for i, path := range paths {
		format, kind := formatOf(path)
		if format == unknownFormat {
			return nil, nil, fmt.Errorf("%s: not an import file: the known names are %s", path, knownFileNames())
		}
		files[i] = inputFile{path: path, name: path, format: format, kind: kind}
	}
	return readFiles(files)
}

// inputFile is a file to read: where it is, the name problems give it, and
// how to read it.
type inputFile struct {
	path, name string
	format     fileFormat
	kind       Kind // of a CSV file
}

// fileResult is what reading one file gave.
type fileResult struct {
	ds       Dataset
	warnings []Warning
	err      error
}

// readFiles reads files side by side, one goroutine a file up to the number
// of CPUs, and joins what they read in the order of files.
func readFiles(files []inputFile) (*Dataset, []Warning, error) {
	results := make([]fileResult, len(files))
	workers := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		workers <- struct{}{}
		go func() {
			defer func() { <-workers; wg.Done() }()
			results[i].warnings, results[i].err = readFile(&results[i].ds, f)
		}()
	}
	wg.Wait()

	var warnings []Warning
	var problems Problems
	parts := make([]*Dataset, len(results))
	for i := range results {
		res := &results[i]
		var ps Problems
		switch {
		case errors.As(res.err, &ps):
			problems = append(problems, ps...)
		case res.err != nil:
			return nil, nil, res.err
		}
		warnings = append(warnings, res.warnings...)
		parts[i] = &res.ds
	}
	return joinDatasets(parts), warnings, problemsOrNil(problems)
}

// readFile reads one file into ds.
func readFile(ds *Dataset, f inputFile) ([]Warning, error) {
	file, err := os.Open(f.path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	if f.format == ndjsonFormat {
		return ds.ReadNDJSON(file, f.name)
	}
	return ds.ReadCSV(file, f.name, f.kind)
}

// joinDatasets appends the records of parts in order, reusing a part's
// slice when it is the only one holding records of a kind.
func joinDatasets(parts []*Dataset) *Dataset {
	var ds Dataset
	ds.People = joinRecords(parts, func(p *Dataset) *[]Person { return &p.People })
	ds.Skills = joinRecords(parts, func(p *Dataset) *[]Skill { return &p.Skills })
	ds.Organizations = joinRecords(parts, func(p *Dataset) *[]Organization { return &p.Organizations })
	ds.PersonSkills = joinRecords(parts, func(p *Dataset) *[]PersonSkill { return &p.PersonSkills })
	ds.Affiliations = joinRecords(parts, func(p *Dataset) *[]Affiliation { return &p.Affiliations })
	ds.Mentorships = joinRecords(parts, func(p *Dataset) *[]Mentorship { return &p.Mentorships })
	ds.Connections = joinRecords(parts, func(p *Dataset) *[]Connection { return &p.Connections })
	ds.Goals = joinRecords(parts, func(p *Dataset) *[]Goal { return &p.Goals })
	return &ds
}

// joinRecords joins the records of one kind, chosen by of, from parts.
func joinRecords[T any](parts []*Dataset, of func(*Dataset) *[]T) []T {
	var only []T
	holding, total := 0, 0
	for _, p := range parts {
		if n := len(*of(p)); n > 0 {
			only = *of(p)
			holding++
			total += n
		}
	}
	if holding <= 1 {
		return only
	}
	all := make([]T, 0, total)
	for _, p := range parts {
		all = append(all, *of(p)...)
	}
	return all
}

// byteOrderMark is UTF-8's, which some programs put at the start of a file.
const byteOrderMark = "\uFEFF"

// newInputReader buffers r and skips a byte order mark at its start.
func newInputReader(r io.Reader) *bufio.Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(len(byteOrderMark)); err == nil && string(b) == byteOrderMark {
		br.Discard(len(byteOrderMark))
	}
	return br
}

// ReadCSV reads one CSV file of kind from r, appending its records to ds;
// file is the name problems give it. Columns are matched by their header
// (trimmed, without regard to case) in any order; an unknown column is
// ignored with a warning. Rows whose cells are all empty are skipped.
//
// The error is Problems for rows and cells that cannot be read or break a
// rule of their own record, each located at the line the record starts on;
// reading goes on past them. Any other error is r's.
func (ds *Dataset) ReadCSV(r io.Reader, file string, kind Kind) ([]Warning, error) {
	k := kind.index()
	if k < 0 {
		return nil, fmt.Errorf("%s: unknown record kind %q (known: %s)", file, kind, kindNames())
	}
	d := recordDecoder{ds: ds, inputSize: inputSize(r)}
	warnings, err := d.readCSV(newInputReader(r), file, k)
	if err != nil {
		return warnings, fmt.Errorf("read %s: %w", file, err)
	}
	return warnings, problemsOrNil(d.check.problems)
}

// readCSV reads the header, then every record, of a CSV file of kind k.
func (d *recordDecoder) readCSV(r io.Reader, file string, k kindIndex) ([]Warning, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // counted here, to say which line is off
	cr.ReuseRecord = true
	cr.TrimLeadingSpace = true // so `a, "b"` reads as it looks
	problem := func(line int, column, format string, args ...any) {
		d.check.problems = append(d.check.problems, Problem{File: file, Line: line, Column: column, Message: fmt.Sprintf(format, args...)})
	}

	header, err := cr.Read()
	var parseErr *csv.ParseError
	switch {
	case err == io.EOF:
		problem(1, "", "the file is empty: it needs a header row naming its columns (%s)", strings.Join(Kinds[k].Columns(), ", "))
		return nil, nil
	case errors.As(err, &parseErr):
		problem(parseErr.StartLine, "", "the header row cannot be read: %s", csvErrorMessage(parseErr))
		return nil, nil
	case err != nil:
		return nil, err
	}
	headerLine, _ := cr.FieldPos(0)
	header = append([]string(nil), header...) // the reader reuses its slice
	columns := columnsOf[k]
	var cellAt [maxColumns]int // header position of each column, -1 if absent
	for c := range cellAt {
		cellAt[c] = -1
	}
	var warnings []Warning
	headerOK := true
	for i, h := range header {
		name := strings.TrimSpace(h)
		c := columnIndex(columns, name)
		switch {
		case c < 0 && name == "":
			warnings = append(warnings, Warning{File: file, Line: headerLine, Message: fmt.Sprintf("column %d has no name in the header: ignored", i+1)})
		case c < 0:
			warnings = append(warnings, Warning{File: file, Line: headerLine, Column: name, Message: fmt.Sprintf("unknown column, ignored (the columns of %s are %s)", fileNames[k], strings.Join(Kinds[k].Columns(), ", "))})
		case cellAt[c] >= 0:
			problem(headerLine, columns[c].name, "the header names this column twice (columns %d and %d)", cellAt[c]+1, i+1)
			headerOK = false
		default:
			cellAt[c] = i
		}
	}
	for c, col := range columns {
		if col.required && cellAt[c] < 0 {
			problem(headerLine, col.name, "required column missing from the header (it has: %s)", strings.Join(trimAll(header), ", "))
			headerOK = false
		}
	}
	if !headerOK {
		return warnings, nil // rows cannot be read without knowing their columns
	}

	headerEnd := cr.InputOffset()
	rows := 0
	var rw row
	for {
		record, err := cr.Read()
		if err == io.EOF {
			return warnings, nil
		}
		if errors.As(err, &parseErr) {
			problem(parseErr.StartLine, "", "%s", csvErrorMessage(parseErr))
			continue
		}
		if err != nil {
			return warnings, err
		}
		line, _ := cr.FieldPos(0)
		if len(record) != len(header) {
			if !allEmpty(record) {
				problem(line, "", "the row has %d cells but the header has %d: a cell holding a comma must be in double quotes", len(record), len(header))
			}
			continue
		}
		rw = row{at: Pos{File: file, Line: line}}
		empty := true
		for c := range columns {
			if i := cellAt[c]; i >= 0 {
				rw.cells[c] = strings.TrimSpace(record[i])
				empty = empty && rw.cells[c] == ""
			}
		}
		if !empty {
			d.decode(k, &rw)
			if rows++; rows == sampleRows && d.inputSize > 0 {
				// Make room for the rest of the file at once: growing a
				// slice of millions of records step by step copies it
				// many times over.
				read := cr.InputOffset() - headerEnd
				expected := float64(d.inputSize-headerEnd) / float64(read) * sampleRows * 1.05
				d.reserve(k, int(expected)-sampleRows)
			}
		}
	}
}

// sampleRows is how many rows readCSV reads before it estimates how many
// the whole file holds.
const sampleRows = 1000

// inputSize returns the size of r in bytes when r can tell (a file, a
// bytes.Reader, a strings.Reader), or 0.
func inputSize(r io.Reader) int64 {
	switch r := r.(type) {
	case interface{ Stat() (os.FileInfo, error) }:
		if info, err := r.Stat(); err == nil && info.Mode().IsRegular() {
			return info.Size()
		}
	case interface{ Size() int64 }:
		return r.Size()
	}
	return 0
}

// reserve makes room for n more records of kind k.
func (d *recordDecoder) reserve(k kindIndex, n int) {
	if n <= 0 {
		return
	}
	ds := d.ds
	switch k {
	case personIndex:
		ds.People = slices.Grow(ds.People, n)
	case skillIndex:
		ds.Skills = slices.Grow(ds.Skills, n)
	case organizationIndex:
		ds.Organizations = slices.Grow(ds.Organizations, n)
	case personSkillIndex:
		ds.PersonSkills = slices.Grow(ds.PersonSkills, n)
	case affiliationIndex:
		ds.Affiliations = slices.Grow(ds.Affiliations, n)
	case mentorshipIndex:
		ds.Mentorships = slices.Grow(ds.Mentorships, n)
	case connectionIndex:
		ds.Connections = slices.Grow(ds.Connections, n)
	case goalIndex:
		ds.Goals = slices.Grow(ds.Goals, n)
	}
}

// columnIndex finds the column called name (without regard to case), or -1.
func columnIndex(columns []column, name string) int {
	for c, col := range columns {
		if strings.EqualFold(col.name, name) {
			return c
		}
	}
	return -1
}

// csvErrorMessage says what is wrong with the quoting encoding/csv refused.
func csvErrorMessage(e *csv.ParseError) string {
	at := fmt.Sprintf("line %d, column %d", e.Line, e.Column)
	switch {
	case errors.Is(e.Err, csv.ErrBareQuote):
		return fmt.Sprintf(`a quote (") inside a cell that does not start with one (%s): put the whole cell in double quotes and double each quote inside it ("")`, at)
	case errors.Is(e.Err, csv.ErrQuote):
		return fmt.Sprintf(`bad quoting (%s): a quoted cell must end with a quote followed by a comma or the end of the line, a quote inside it must be doubled (""), and an opening quote needs a closing one`, at)
	}
	return fmt.Sprintf("%v (%s)", e.Err, at)
}

// allEmpty reports whether every cell of record is empty or white space.
func allEmpty(record []string) bool {
	for _, cell := range record {
		if strings.TrimSpace(cell) != "" {
			return false
		}
	}
	return true
}

// trimAll returns cells trimmed of surrounding white space.
func trimAll(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.TrimSpace(c)
	}
	return out
}
