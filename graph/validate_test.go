package graph

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestTextCharacters: ids, one-line texts and long texts refuse the
// characters textProblem names, saying which and where.
func TestTextCharacters(t *testing.T) {
	const idRule = "; an id has no spaces, control or bidirectional characters"
	cases := []struct {
		name  string
		check func(c *checker, v string)
		v     string
		want  string // the message; "" when accepted
	}{
		{"id", func(c *checker, v string) { c.id("input.id", v) }, "p-1_é", ""},
		{"id with NUL", func(c *checker, v string) { c.id("input.id", v) }, "ab\x00c", "input.id contains a control character (U+0000) at character 3" + idRule},
		{"id with a space", func(c *checker, v string) { c.id("input.id", v) }, "é b", "input.id contains white space (U+0020) at character 2" + idRule},
		{"id with a no-break space", func(c *checker, v string) { c.id("input.id", v) }, "a\u00a0b", "input.id contains white space (U+00A0) at character 2" + idRule},
		{"id with an override", func(c *checker, v string) { c.id("input.id", v) }, "ab\u202ec", "input.id contains a bidirectional text control (U+202E) at character 3" + idRule},
		{"id with a mark", func(c *checker, v string) { c.id("input.id", v) }, "a\u200eb", "input.id contains a bidirectional text control (U+200E) at character 2" + idRule},
		{"id not UTF-8", func(c *checker, v string) { c.id("input.id", v) }, "é\xffx", "input.id is not valid UTF-8 text (at character 2)" + idRule},
		{"name", func(c *checker, v string) { c.name("input.name", v, MaxNameLen) }, "Ada Lovelace-Byron", ""},
		{"name in Arabic", func(c *checker, v string) { c.name("input.name", v, MaxNameLen) }, "أدا لوفليس", ""},
		{"name with NUL", func(c *checker, v string) { c.name("input.name", v, MaxNameLen) }, "Ada \x00", "input.name contains a control character (U+0000) at character 5"},
		{"name with a tab", func(c *checker, v string) { c.name("input.name", v, MaxNameLen) }, "Ada\tL", "input.name contains a control character (U+0009) at character 4"},
		{"name with DEL", func(c *checker, v string) { c.name("input.name", v, MaxNameLen) }, "Ada\x7f", "input.name contains a control character (U+007F) at character 4"},
		{"name with a C1 control", func(c *checker, v string) { c.name("input.name", v, MaxNameLen) }, "Ada\u0085", "input.name contains a control character (U+0085) at character 4"},
		{"name with an isolate", func(c *checker, v string) { c.name("input.name", v, MaxNameLen) }, "Ada\u2067x\u2069", "input.name contains a bidirectional text control (U+2067) at character 4"},
		{"name with RLM", func(c *checker, v string) { c.name("input.name", v, MaxNameLen) }, "Ada\u200f", "input.name contains a bidirectional text control (U+200F) at character 4"},
		{"name too long", func(c *checker, v string) { c.name("input.name", v, MaxNameLen) }, strings.Repeat("é", 201), "input.name is 201 characters long; the limit is 200"},
		{"headline with a newline", func(c *checker, v string) { c.text("input.headline", &v, MaxHeadlineLen) }, "one\ntwo", "input.headline contains a control character (U+000A) at character 4"},
		{"role with an override", func(c *checker, v string) { c.text("input.role", &v, MaxNameLen) }, "\u202dCTO", "input.role contains a bidirectional text control (U+202D) at character 1"},
		{"bio with paragraphs", func(c *checker, v string) { c.longText("input.bio", &v, MaxTextLen) }, "One.\r\n\tTwo.\nשלום\u200f.", ""},
		{"bio with NUL", func(c *checker, v string) { c.longText("input.bio", &v, MaxTextLen) }, "One.\n\x00", "input.bio contains a control character (U+0000) at character 6"},
		{"bio with an escape", func(c *checker, v string) { c.longText("input.bio", &v, MaxTextLen) }, "\x1b[31mred", "input.bio contains a control character (U+001B) at character 1"},
		{"bio with an override", func(c *checker, v string) { c.longText("input.bio", &v, MaxTextLen) }, "abc\u202e", "input.bio contains a bidirectional text control (U+202E) at character 4"},
		{"search", func(c *checker, v string) { c.search("filter.search", &v) }, strings.Repeat("a", MaxSearchLen), ""},
		{"search too long", func(c *checker, v string) { c.search("filter.search", &v) }, strings.Repeat("a", 20<<20), "filter.search is 20971520 characters long; the limit is 200"},
		{"search blank", func(c *checker, v string) { c.search("filter.search", &v) }, " \t", "filter.search must not be blank"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var c checker
			tc.check(&c, tc.v)
			got := ""
			if c.err != nil {
				got = Message(c.err)
			}
			if got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestMessagesQuoteAShortPrefix: a user's value in a message is quoted up
// to maxQuoted characters, so a 20 MB input never comes back whole.
func TestMessagesQuoteAShortPrefix(t *testing.T) {
	huge := strings.Repeat("é", 20<<20)
	prefix := `"` + strings.Repeat("é", maxQuoted) + `"…`
	cases := []struct {
		name string
		got  string
		want string
	}{
		{"short", quote("p-1"), `"p-1"`},
		{"exactly the limit", quote(strings.Repeat("a", maxQuoted)), `"` + strings.Repeat("a", maxQuoted) + `"`},
		{"one more", quote(strings.Repeat("a", maxQuoted+1)), `"` + strings.Repeat("a", maxQuoted) + `"…`},
		{"control characters escaped", quote("a\x00\u202e"), `"a\x00\u202e"`},
		{"notFound", Message(notFound("no person with id %q", huge)), "no person with id " + prefix},
		{"conflict, two values", Message(conflict("%q and %q are already connected", huge, "b")), prefix + ` and "b" are already connected`},
		{"checker", Message(func() error { var c checker; c.oneOf("input.kind", huge, OrganizationKinds); return c.err }()),
			"input.kind must be one of COMPANY, COMMUNITY, UNIVERSITY, ASSOCIATION, got " + prefix},
		{"capacity", (&CapacityError{Mentor: huge, Capacity: 2, Active: 2}).Error(), "mentor " + prefix + " has no open slot: capacity 2, 2 active mentees"},
		{"date", func() string { _, err := ParseDate(huge); return Message(err) }(), prefix + " is not a date: use YYYY-MM-DD or YYYY"},
		{"id with a space", Message(func() error { var c checker; c.id("input.id", huge[:100]+" "); return c.err }()),
			"input.id contains white space (U+0020) at character 51; an id has no spaces, control or bidirectional characters"},
		{"%s is not clipped", message("%s: %q", "input.id", "x"), `input.id: "x"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("got  %.300q\nwant %.300q", c.got, c.want)
			}
			if n := utf8.RuneCountInString(c.got); n > 200 {
				t.Errorf("the message is %d characters long", n)
			}
		})
	}
}
