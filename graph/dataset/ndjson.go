package dataset

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxNDJSONLine is the longest NDJSON line read; a longer one is a problem
// and skipped.
const maxNDJSONLine = 16 << 20

// ReadNDJSON reads NDJSON from r, appending its records to ds; file is the
// name problems give it. Each line is one JSON object whose `kind` field
// (person, skill, organization, person_skill, affiliation, mentorship,
// connection, goal) says what it holds, with the CSV columns as fields
// (an organization's kind as NDJSONOrganizationKind). Values are strings,
// numbers or booleans, numbers and booleans also as strings; null is not
// set; focus may be a list of skill ids or a ';'-separated string. Blank
// lines are skipped; an unknown field is ignored with one warning per kind.
//
// The error is as for ReadCSV.
func (ds *Dataset) ReadNDJSON(r io.Reader, file string) ([]Warning, error) {
	nr := ndjsonReader{
		decoder: recordDecoder{ds: ds},
		file:    file,
	}
	if err := nr.read(newInputReader(r)); err != nil {
		return nr.warnings, fmt.Errorf("read %s: %w", file, err)
	}
	return nr.warnings, problemsOrNil(nr.decoder.check.problems)
}

// ndjsonReader reads the lines of one NDJSON file.
type ndjsonReader struct {
	decoder  recordDecoder
	file     string
	warnings []Warning
	// warned holds, by kind, the unknown fields already warned about.
	warned [kindCount]map[string]bool
	// members and values are reused from line to line.
	members []member
	values  []byte
	// focusSpans locate the ids of a focus list in values.
	focusSpans [][2]int
	long       []byte // a line longer than the read buffer
}

// member is one field of a line's object: its name, and where its value
// lies in the line.
type member struct {
	name       []byte
	start, end int
	column     int // of the line's kind, -1 when unknown
}

// read reads every line of br.
func (nr *ndjsonReader) read(br *bufio.Reader) error {
	for lineNo := 1; ; lineNo++ {
		line, err := br.ReadSlice('\n')
		tooLong := false
		if errors.Is(err, bufio.ErrBufferFull) {
			nr.long = append(nr.long[:0], line...)
			for errors.Is(err, bufio.ErrBufferFull) {
				line, err = br.ReadSlice('\n')
				if len(nr.long)+len(line) > maxNDJSONLine {
					tooLong = true
				} else if !tooLong {
					nr.long = append(nr.long, line...)
				}
			}
			line = nr.long
		}
		if err != nil && err != io.EOF {
			return err
		}
		if tooLong {
			nr.problem(lineNo, "", "the line is longer than %d MiB: it was skipped", maxNDJSONLine>>20)
		} else {
			nr.line(line, lineNo)
		}
		if err == io.EOF {
			return nil
		}
	}
}

// problem records a problem of the line lineNo as a whole or of one field.
func (nr *ndjsonReader) problem(lineNo int, field, format string, args ...any) {
	nr.decoder.check.problems = append(nr.decoder.check.problems, Problem{
		File: nr.file, Line: lineNo, Column: field, Message: fmt.Sprintf(format, args...),
	})
}

// line reads the record of one line; lineNo counts from 1.
func (nr *ndjsonReader) line(line []byte, lineNo int) {
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return
	}
	members, ok := scanObject(line, nr.members[:0])
	nr.members = members
	if !ok {
		nr.notAnObject(line, lineNo)
		return
	}

	// Find the kind: it may come last.
	kindAt := -1
	for m := range nr.members {
		if bytes.EqualFold(nr.members[m].name, []byte("kind")) {
			if kindAt >= 0 {
				nr.problem(lineNo, "kind", "the field appears twice in the line")
				return
			}
			kindAt = m
		}
	}
	if kindAt < 0 {
		nr.problem(lineNo, "kind", "missing: every line needs a kind field, one of %s", kindNames())
		return
	}
	kindMember := nr.members[kindAt]
	kindValue := line[kindMember.start:kindMember.end]
	k := kindIndex(-1)
	if kindValue[0] == '"' {
		name := bytes.TrimSpace(jsonString(kindValue))
		for i, kind := range Kinds {
			if bytes.EqualFold(name, []byte(kind)) {
				k = kindIndex(i)
			}
		}
	}
	if k < 0 {
		nr.problem(lineNo, "kind", "must be one of %s, got %s", kindNames(), kindValue)
		return
	}

	// Match the fields to the kind's columns.
	at := Pos{File: nr.file, Line: lineNo}
	rw := row{at: at}
	var seen columnSet
	for m := range nr.members {
		mem := &nr.members[m]
		if m == kindAt {
			continue
		}
		c := fieldIndex(k, mem.name)
		if c < 0 {
			nr.warnUnknown(k, mem.name, lineNo)
			continue
		}
		if seen.has(c) {
			nr.problem(lineNo, fieldName(k, c), "the field appears twice in the line")
			rw.bad |= 1 << c
			continue
		}
		seen |= 1 << c
		mem.column = c
	}

	// Copy the values into one buffer, turned into one string for the
	// whole record.
	nr.values = nr.values[:0]
	var span [maxColumns][2]int
	for m := range nr.members {
		mem := &nr.members[m]
		c := mem.column
		if c < 0 || rw.bad.has(c) {
			continue
		}
		value := line[mem.start:mem.end]
		begin := len(nr.values)
		switch value[0] {
		case '"':
			nr.values = append(nr.values, jsonString(value)...)
		case 'n': // null: not set
		case '[':
			if k == mentorshipIndex && c == mentorshipFocus {
				if nr.focusList(value) {
					rw.focusIsList = true
				} else {
					nr.decoder.check.add(at, k, c, "must be a list of skill ids (strings) or one string of ids separated by ';', got %s", quote(string(value)))
					rw.bad |= 1 << c
				}
				continue
			}
			nr.decoder.check.add(at, k, c, "must be a string, number or boolean, got a list %s", quote(string(value)))
			rw.bad |= 1 << c
		case '{':
			nr.decoder.check.add(at, k, c, "must be a string, number or boolean, got an object %s", quote(string(value)))
			rw.bad |= 1 << c
		default: // a number, true or false: as written
			nr.values = append(nr.values, value...)
		}
		span[c] = [2]int{begin, len(nr.values)}
	}
	values := string(nr.values)
	for c := range span {
		if s := span[c]; s[1] > s[0] {
			rw.cells[c] = strings.TrimSpace(values[s[0]:s[1]])
		}
	}
	if rw.focusIsList && len(nr.focusSpans) > 0 {
		rw.focus = make([]string, len(nr.focusSpans))
		for i, s := range nr.focusSpans {
			rw.focus[i] = values[s[0]:s[1]]
		}
	}
	nr.decoder.decode(k, &rw)
}

// focusList copies the ids of a focus given as a JSON list into nr.values,
// locating them in nr.focusSpans; false when an item is not a string.
func (nr *ndjsonReader) focusList(list []byte) bool {
	nr.focusSpans = nr.focusSpans[:0]
	for i := skipSpace(list, 1); list[i] != ']'; {
		if list[i] != '"' {
			return false
		}
		end := scanString(list, i)
		begin := len(nr.values)
		nr.values = append(nr.values, jsonString(list[i:end])...)
		nr.focusSpans = append(nr.focusSpans, [2]int{begin, len(nr.values)})
		i = skipSpace(list, end)
		if list[i] == ',' {
			i = skipSpace(list, i+1)
		}
	}
	return true
}

// jsonString returns the text of the JSON string value s (quotes
// included), sharing s's bytes when it has no escapes.
func jsonString(s []byte) []byte {
	inner := s[1 : len(s)-1]
	if bytes.IndexByte(inner, '\\') < 0 {
		return inner
	}
	var text string
	json.Unmarshal(s, &text) // s is valid JSON: this cannot fail
	return []byte(text)
}

// notAnObject reports a line that is not a JSON object, saying why.
func (nr *ndjsonReader) notAnObject(line []byte, lineNo int) {
	var v any
	err := json.Unmarshal(line, &v)
	var syntax *json.SyntaxError
	switch {
	case errors.As(err, &syntax):
		nr.problem(lineNo, "", "not valid JSON: %v (at byte %d of the line)", syntax, syntax.Offset)
	case err != nil:
		nr.problem(lineNo, "", "not valid JSON: %v", err)
	default:
		nr.problem(lineNo, "", "must be a JSON object such as {\"kind\":\"person\",\"id\":…}, one record a line")
	}
}

// fieldIndex finds the column of kind k that an NDJSON field name names
// (without regard to case), or -1.
func fieldIndex(k kindIndex, name []byte) int {
	for c := range columnsOf[k] {
		if bytes.EqualFold(name, []byte(fieldName(k, c))) {
			return c
		}
	}
	return -1
}

// warnUnknown warns about an unknown field, once per kind and name.
func (nr *ndjsonReader) warnUnknown(k kindIndex, name []byte, lineNo int) {
	if nr.warned[k][string(name)] {
		return
	}
	if nr.warned[k] == nil {
		nr.warned[k] = make(map[string]bool)
	}
	nr.warned[k][string(name)] = true
	fields := make([]string, len(columnsOf[k]))
	for c := range fields {
		fields[c] = fieldName(k, c)
	}
	nr.warnings = append(nr.warnings, Warning{
		File: nr.file, Line: lineNo, Column: string(name),
		Message: fmt.Sprintf("unknown field of a %s, ignored here and on later lines (the fields are kind, %s)", Kinds[k], strings.Join(fields, ", ")),
	})
}
