package graph

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mentorgraph/mentorgraph/graph/internal/textrule"
)

// Limits of text fields, in characters: textrule's, which import files
// (graph/dataset) obey too.
const (
	MaxIDLen       = textrule.MaxIDLen
	MaxNameLen     = textrule.MaxNameLen
	MaxHeadlineLen = textrule.MaxHeadlineLen
	MaxPlaceLen    = textrule.MaxPlaceLen
	MaxTextLen     = textrule.MaxTextLen
	MaxFocusSkills = 20
	// MaxSearchLen bounds a full-text search (filter.search).
	MaxSearchLen = 200
)

// textKind says which characters a text may hold: textrule's rules, the
// ones import files (graph/dataset) obey too.
type textKind = textrule.Kind

const (
	idText   = textrule.ID
	lineText = textrule.Line
	longText = textrule.Long
)

// textProblem returns what is wrong with the characters of v as text of
// kind k, naming the first refused character and its position (1-based, in
// characters), or "" when nothing is.
func textProblem(k textKind, v string) string { return textrule.Check(k, v).String() }

// checker collects the first problem of a series of checks on one input.
type checker struct{ err error }

func (c *checker) fail(field, format string, args ...any) {
	if c.err == nil {
		c.err = invalid(field, format, args...)
	}
}

// id checks an identifier: non-empty, at most MaxIDLen, no spaces, control
// or bidirectional characters (textProblem).
func (c *checker) id(field, v string) {
	switch {
	case v == "":
		c.fail(field, "%s must not be empty", field)
	case utf8.RuneCountInString(v) > MaxIDLen:
		c.fail(field, "%s is %d characters long; the limit is %d", field, utf8.RuneCountInString(v), MaxIDLen)
	default:
		if p := textProblem(idText, v); p != "" {
			c.fail(field, "%s %s; an id has no spaces, control or bidirectional characters", field, p)
		}
	}
}

// name checks a required one-line text: not blank, at most max
// characters, no control or bidirectional characters.
func (c *checker) name(field, v string, max int) {
	if strings.TrimSpace(v) == "" {
		c.fail(field, "%s must not be empty", field)
		return
	}
	c.text(field, &v, max)
}

// text checks an optional one-line text (a headline, a role, a place): at
// most max characters, no control or bidirectional characters.
func (c *checker) text(field string, v *string, max int) {
	c.textOf(lineText, field, v, max)
}

// longText checks an optional free text (a bio, a description): at most
// max characters; tabs and line breaks are allowed, other control
// characters and bidirectional overrides are not.
func (c *checker) longText(field string, v *string, max int) {
	c.textOf(longText, field, v, max)
}

func (c *checker) textOf(k textKind, field string, v *string, max int) {
	if v == nil {
		return
	}
	if n := utf8.RuneCountInString(*v); n > max {
		c.fail(field, "%s is %d characters long; the limit is %d", field, n, max)
		return
	}
	if p := textProblem(k, *v); p != "" {
		c.fail(field, "%s %s", field, p)
	}
}

// search checks a full-text search: not blank, at most MaxSearchLen
// characters.
func (c *checker) search(field string, v *string) {
	switch {
	case v == nil:
	case strings.TrimSpace(*v) == "":
		c.fail(field, "%s must not be blank", field)
	case utf8.RuneCountInString(*v) > MaxSearchLen:
		c.fail(field, "%s is %d characters long; the limit is %d", field, utf8.RuneCountInString(*v), MaxSearchLen)
	}
}

// level checks a skill level 1..5.
func (c *checker) level(field string, v int) {
	if v < 1 || v > MaxSkillLevel {
		c.fail(field, "%s must be between 1 and %d, got %d", field, MaxSkillLevel, v)
	}
}

// MaxSkillLevel is the highest skill level; levels run 1..MaxSkillLevel.
const MaxSkillLevel = 5

// skillLevels are the levels 1..MaxSkillLevel, as a Cypher parameter.
var skillLevels = func() (l []int) {
	for v := 1; v <= MaxSkillLevel; v++ {
		l = append(l, v)
	}
	return l
}()

// nonNegative checks a count.
func (c *checker) nonNegative(field string, v *int) {
	if v != nil && *v < 0 {
		c.fail(field, "%s must be 0 or more, got %d", field, *v)
	}
}

// oneOf checks an enumerated value.
func (c *checker) oneOf(field, v string, allowed []string) {
	if !slices.Contains(allowed, v) {
		c.fail(field, "%s must be one of %s, got %q", field, strings.Join(allowed, ", "), v)
	}
}

// period checks that until is not before since.
func (c *checker) period(field string, since, until *Date) {
	if since != nil && until != nil && until.Before(*since) {
		c.fail(field, "%s %s is before since %s", field, until, since)
	}
}

// newID returns prefix followed by random hex, for records created without an id.
func newID(prefix string) string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return prefix + hex.EncodeToString(b[:])
}

// Slug turns a name into an id: lower-case letters and digits joined by '-'.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// maxQuoted is how many characters of a user's value a message quotes.
const maxQuoted = 64

// quote is s in Go double quotes (non-printable characters escaped),
// shortened to its first maxQuoted characters and "…" when longer, so a
// message never carries a whole long input back.
func quote(s string) string {
	if utf8.RuneCountInString(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	i, n := 0, 0
	for i = range s {
		if n == maxQuoted {
			break
		}
		n++
	}
	return strconv.Quote(s[:i]) + "…"
}

// message formats a message for people (errors of a kind, InputError):
// every string argument printed with %q goes through quote, so a message
// quotes at most a short prefix of what a user sent.
func message(format string, args ...any) string {
	clipped := make([]any, len(args))
	for i, a := range args {
		if s, ok := a.(string); ok {
			a = quoted(s)
		}
		clipped[i] = a
	}
	return fmt.Sprintf(format, clipped...)
}

// quoted is a string that %q prints with quote; other verbs print it as a
// plain string.
type quoted string

func (q quoted) Format(f fmt.State, verb rune) {
	if verb == 'q' {
		_, _ = io.WriteString(f, quote(string(q)))
		return
	}
	_, _ = fmt.Fprintf(f, fmt.FormatString(f, verb), string(q))
}

// notCleared refuses null for a required field of a patch.
func notCleared[T any](c *checker, field string, o Optional[T]) {
	if o.Set && o.Value == nil {
		c.fail(field, "%s cannot be cleared (null); give a value or leave it out", field)
	}
}
