// Package textrule says which characters stored text may hold, and how
// long it may be: the one set of rules that graph applies to API input and
// graph/dataset to import files, so both refuse the same text. It imports
// only the standard library.
//
// Characters refused, by kind of text:
//
//   - ids: white space, control characters (Unicode Cc: NUL, tab, newline,
//     DEL, C1), and the bidirectional formatting characters (embeddings
//     and overrides U+202A–U+202E, isolates U+2066–U+2069, and the marks
//     U+200E, U+200F, U+061C);
//   - one-line text (names, titles, headlines, roles, locations, time
//     zones): control characters and bidirectional formatting characters;
//   - long free text (a person's bio, a skill's description): control
//     characters other than tab, line feed and carriage return (which lay
//     out paragraphs), and the bidirectional embeddings, overrides and
//     isolates; the marks stay allowed, as right-to-left writing needs them
//     and they cannot reorder what follows.
//
// Control characters end up in logs, CSV exports and terminals; the
// bidirectional overrides and isolates make text display in an order other
// than the one it is stored in ("Trojan Source"), so a name or an id could
// look like another. Text that is not valid UTF-8 is refused everywhere.
package textrule

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Limits of text, in characters (Unicode code points).
const (
	MaxIDLen       = 200
	MaxNameLen     = 200 // names, titles, roles
	MaxHeadlineLen = 300
	MaxPlaceLen    = 100 // locations, time zones
	MaxTextLen     = 5000
)

// Kind says which characters a text may hold (see the package comment).
type Kind int

const (
	// ID is an identifier.
	ID Kind = iota
	// Line is one line of text.
	Line
	// Long is free text of paragraphs.
	Long
)

// Reason is why a character is refused.
type Reason int

const (
	// OK: nothing is refused.
	OK Reason = iota
	// NotUTF8: the text is not valid UTF-8 from this position on.
	NotUTF8
	// Control: a control character.
	Control
	// Bidi: a bidirectional formatting character.
	Bidi
	// Space: white space, in an id.
	Space
)

// Fault is the first character of a text its kind refuses.
type Fault struct {
	Reason Reason
	// Rune is the character (utf8.RuneError when NotUTF8).
	Rune rune
	// Pos is its position, counting characters from 1.
	Pos int
}

// String says what is wrong, naming the character and its position:
// "contains a control character (U+0000) at character 3", or "" for OK.
func (f Fault) String() string {
	var what string
	switch f.Reason {
	case OK:
		return ""
	case NotUTF8:
		return fmt.Sprintf("is not valid UTF-8 text (at character %d)", f.Pos)
	case Control:
		what = "a control character"
	case Bidi:
		what = "a bidirectional text control"
	case Space:
		what = "white space"
	}
	return fmt.Sprintf("contains %s (U+%04X) at character %d", what, f.Rune, f.Pos)
}

// Check returns the first character of v that text of kind k may not hold,
// or a Fault with Reason OK.
func Check(k Kind, v string) Fault {
	plain := &plainASCII[k]
	pos := 0
	for i := 0; i < len(v); {
		// The common case: a run of ASCII characters that pass, read a
		// byte a step without decoding.
		j := i
		for j < len(v) && plain[v[j]] {
			j++
		}
		pos += j - i
		if i = j; i == len(v) {
			break
		}
		pos++
		c := v[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case k == Long && (c == '\t' || c == '\n' || c == '\r'):
			case c == ' ':
				return Fault{Space, ' ', pos}
			default:
				return Fault{Control, rune(c), pos}
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(v[i:])
		i += size
		if r == utf8.RuneError && size == 1 {
			return Fault{NotUTF8, r, pos}
		}
		if reason := refused(k, r); reason != OK {
			return Fault{reason, r, pos}
		}
	}
	return Fault{}
}

// plainASCII[k][c] is true for the ASCII characters c that text of kind k
// may hold, tab, line feed and carriage return aside: the printable ones,
// space only outside ids.
var plainASCII = func() (t [3][256]bool) {
	for k := range t {
		for c := 0x20; c < 0x7f; c++ {
			t[k][c] = c != ' ' || Kind(k) != ID
		}
	}
	return t
}()

// refused says why text of kind k may not hold the non-ASCII r, or OK.
func refused(k Kind, r rune) Reason {
	switch {
	case isBidiControl(r) || (k != Long && isBidiMark(r)):
		return Bidi
	case unicode.IsControl(r):
		return Control
	case k == ID && unicode.IsSpace(r):
		return Space
	}
	return OK
}

// isBidiControl reports whether r is a bidirectional embedding, override
// or isolate (U+202A–U+202E, U+2066–U+2069).
func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// isBidiMark reports whether r is a bidirectional mark (LRM U+200E, RLM
// U+200F, ALM U+061C).
func isBidiMark(r rune) bool { return r == 0x200E || r == 0x200F || r == 0x061C }
