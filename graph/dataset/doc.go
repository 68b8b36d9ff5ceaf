// Package dataset is MentorGraph's import layout: the record types of each
// file (people.csv, skills.csv, …, or NDJSON lines with a `kind` field),
// reading them with every problem located by file, line and column,
// validating a whole dataset (references, levels, dates, duplicate ids and
// links, one current membership per organization, self-mentorship, skill
// cycles) and writing it back out.
//
// What lives where: records.go and date.go the types; layout.go the files,
// columns and enum values; read.go (CSV, ReadDir, ReadFiles) and ndjson.go
// read, decode.go turns cells into records, check.go holds the rules of one
// record (applied while reading and again by Validate), validate.go the
// rules across records and Missing; write.go writes CSV and NDJSON.
//
// Which characters ids and texts may hold, and their lengths, are
// graph/internal/textrule's rules, the ones the API applies. It imports
// only the standard library and textrule; graph writes what it reads.
package dataset
