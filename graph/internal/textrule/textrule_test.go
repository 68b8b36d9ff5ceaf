package textrule

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestCheck: each kind refuses its characters, naming the first and where.
func TestCheck(t *testing.T) {
	cases := []struct {
		name string
		kind Kind
		v    string
		want string
	}{
		{"id", ID, "p-1_é", ""},
		{"id with a space", ID, "é b", "contains white space (U+0020) at character 2"},
		{"id with a no-break space", ID, "a\u00a0b", "contains white space (U+00A0) at character 2"},
		{"id with a tab", ID, "a\tb", "contains a control character (U+0009) at character 2"},
		{"id with a mark", ID, "a\u200eb", "contains a bidirectional text control (U+200E) at character 2"},
		{"line with spaces", Line, "Ada Lovelace", ""},
		{"line with NUL after non-ASCII", Line, "é\x00", "contains a control character (U+0000) at character 2"},
		{"line with a newline", Line, "a\nb", "contains a control character (U+000A) at character 2"},
		{"line with ALM", Line, "a\u061c", "contains a bidirectional text control (U+061C) at character 2"},
		{"line not UTF-8", Line, "é\xffx", "is not valid UTF-8 text (at character 2)"},
		{"long with paragraphs and marks", Long, "One.\r\n\tTwo.\nשלום\u200f.", ""},
		{"long with a vertical tab", Long, "a\vb", "contains a control character (U+000B) at character 2"},
		{"long with an isolate", Long, "a\u2069", "contains a bidirectional text control (U+2069) at character 2"},
		{"long with a C1 control", Long, "a\u0085", "contains a control character (U+0085) at character 2"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Check(c.kind, c.v).String(); got != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

// FuzzCheck: Check, with its ASCII shortcut, finds what a plain
// character-by-character reading of the rules finds.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{"", "abc", "a b", "a\tb\nc\rd", "\x00", "\x7f", "é\u202e", "\u200f", "\u0085", "\xff", "a\u3000b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		for _, k := range []Kind{ID, Line, Long} {
			if got, want := Check(k, v), reference(k, v); got != want {
				t.Fatalf("Check(%d, %q) = %+v, want %+v", k, v, got, want)
			}
		}
	})
}

// reference is Check written plainly from the package comment.
func reference(k Kind, v string) Fault {
	pos := 0
	for i, r := range v {
		pos++
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(v[i:]); size == 1 {
				return Fault{NotUTF8, r, pos}
			}
		}
		bidiControl := (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
		bidiMark := r == 0x200E || r == 0x200F || r == 0x061C
		switch {
		case bidiControl || (k != Long && bidiMark):
			return Fault{Bidi, r, pos}
		case unicode.IsControl(r) && !(k == Long && (r == '\t' || r == '\n' || r == '\r')):
			return Fault{Control, r, pos}
		case k == ID && unicode.IsSpace(r):
			return Fault{Space, r, pos}
		}
	}
	return Fault{}
}
