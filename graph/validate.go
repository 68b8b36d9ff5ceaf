package graph

import (
	"crypto/rand"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of text fields, in characters.
const (
	MaxIDLen       = 200
	MaxNameLen     = 200
	MaxHeadlineLen = 300
	MaxPlaceLen    = 100
	MaxTextLen     = 5000
	MaxFocusSkills = 20
)

// checker collects the first problem of a series of checks on one input.
type checker struct{ err error }

func (c *checker) fail(field, format string, args ...any) {
	if c.err == nil {
		c.err = invalid(field, format, args...)
	}
}

// id checks an identifier: non-empty, at most MaxIDLen, no spaces or
// control characters.
func (c *checker) id(field, v string) {
	switch {
	case v == "":
		c.fail(field, "%s must not be empty", field)
	case utf8.RuneCountInString(v) > MaxIDLen:
		c.fail(field, "%s is %d characters long; the limit is %d", field, utf8.RuneCountInString(v), MaxIDLen)
	case strings.IndexFunc(v, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0:
		c.fail(field, "%s %q must not contain spaces or control characters", field, v)
	}
}

// name checks a required text: not blank, at most max characters.
func (c *checker) name(field, v string, max int) {
	if strings.TrimSpace(v) == "" {
		c.fail(field, "%s must not be empty", field)
		return
	}
	c.text(field, &v, max)
}

// text checks an optional text's length.
func (c *checker) text(field string, v *string, max int) {
	if v != nil && utf8.RuneCountInString(*v) > max {
		c.fail(field, "%s is %d characters long; the limit is %d", field, utf8.RuneCountInString(*v), max)
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

// quote is s in Go double quotes.
func quote(s string) string { return strconv.Quote(s) }

// notCleared refuses null for a required field of a patch.
func notCleared[T any](c *checker, field string, o Optional[T]) {
	if o.Set && o.Value == nil {
		c.fail(field, "%s cannot be cleared (null); give a value or leave it out", field)
	}
}
