package dataset

import (
	"fmt"
	"strconv"
	"strings"
)

// Problem is one thing wrong with a dataset, located so a person can fix it:
// the file, the line its record starts on and the column (or NDJSON field).
type Problem struct {
	// File is the file as named to the reader; for a record built in
	// memory, the CSV file of its kind.
	File string
	// Line is where the record starts, counting from 1; 0 for a record
	// built in memory.
	Line int
	// Column is the column or NDJSON field at fault; "" when the problem is
	// with the whole row or file.
	Column string
	// Message says what is wrong, quoting the bad value.
	Message string
}

// Error formats p as file:line: column: message, leaving out what is unknown.
func (p Problem) Error() string {
	return formatLocated(p.File, p.Line, p.Column, p.Message)
}

// formatLocated writes file:line: column: message, leaving out what is empty.
func formatLocated(file string, line int, column, message string) string {
	var b strings.Builder
	if file != "" {
		b.WriteString(file)
		if line > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(line))
		}
		b.WriteString(": ")
	}
	if column != "" {
		b.WriteString(column)
		b.WriteString(": ")
	}
	b.WriteString(message)
	return b.String()
}

// Problems is every problem found in a dataset. As an error it prints one
// problem a line, the first maxPrintedProblems of them; the slice keeps all.
type Problems []Problem

// maxPrintedProblems caps how many problems Problems.Error lists.
const maxPrintedProblems = 100

// Error lists the problems one a line, then how many more there are.
func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i == maxPrintedProblems {
			fmt.Fprintf(&b, "\n… and %d more problems (%d in all)", len(ps)-i, len(ps))
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// Warning is something in the input that was ignored but may be a mistake,
// such as an unknown column.
type Warning struct {
	File    string
	Line    int
	Column  string
	Message string
}

// String formats w as file:line: column: message.
func (w Warning) String() string {
	return formatLocated(w.File, w.Line, w.Column, w.Message)
}

// problemsOrNil returns ps as an error, or nil when there are none (a nil
// Problems in an error interface would not be nil).
func problemsOrNil(ps Problems) error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}
