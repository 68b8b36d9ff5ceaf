// Package dataset is MentorGraph's import layout: the record types of each
// file (people.csv, skills.csv, …, or NDJSON lines with a `kind` field),
// reading them with every problem located by file, line and column,
// validating a whole dataset (references, levels, dates, duplicate ids,
// self-mentorship, skill cycles) and writing it back out.
//
// It imports only the standard library; graph writes what it reads.
package dataset
