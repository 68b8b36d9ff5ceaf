package graph

import (
	"errors"
	"testing"
)

func TestCursorRoundTrip(t *testing.T) {
	score, level := 1.25, 4
	for _, c := range []Cursor{{ID: "p1"}, {ID: "a b/ü", Score: &score}, {ID: "x", Level: &level}} {
		got, err := DecodeCursor("after", EncodeCursor(c))
		if err != nil || got.ID != c.ID || (c.Score != nil) != (got.Score != nil) || (c.Level != nil) != (got.Level != nil) {
			t.Errorf("round trip of %+v: %+v, %v", c, got, err)
		}
	}
	for _, bad := range []string{"", "x", "bWcxOnt9", EncodeCursor(Cursor{ID: "p"}) + "A"} {
		if _, err := DecodeCursor("after", bad); !errors.Is(err, ErrInvalid) {
			t.Errorf("DecodeCursor(%q): %v, want ErrInvalid", bad, err)
		}
	}
}

// FuzzDecodeCursor: any input decodes to a cursor with an id, or to an
// InputError on the field; it never panics, and what decodes re-encodes to
// a cursor that decodes to the same id.
func FuzzDecodeCursor(f *testing.F) {
	f.Add(EncodeCursor(Cursor{ID: "p00000001"}))
	f.Add("bWcxOnsiaSI6IiJ9")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := DecodeCursor("after", s)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || ie.Field != "after" {
				t.Fatalf("error %v is not an InputError on after", err)
			}
			return
		}
		if c.ID == "" {
			t.Fatal("decoded a cursor without id")
		}
		again, err := DecodeCursor("after", EncodeCursor(c))
		if err != nil || again.ID != c.ID {
			t.Fatalf("re-encoding %+v: %+v, %v", c, again, err)
		}
	})
}
