package graph

import (
	"encoding/base64"
	"encoding/json"
	"strings"
)

// Cursor is a position in an ordered list: the last item's id and, for lists
// ordered by a score or level first, that value. Clients see it as an opaque
// string (EncodeCursor) and give it back as `after`.
type Cursor struct {
	ID    string   `json:"i"`
	Score *float64 `json:"s,omitempty"`
	Level *int     `json:"l,omitempty"`
}

const cursorPrefix = "mg1:"

// EncodeCursor returns c as an opaque string.
func EncodeCursor(c Cursor) string {
	b, _ := json.Marshal(c) // a struct of strings and numbers always marshals
	return base64.RawURLEncoding.EncodeToString(append([]byte(cursorPrefix), b...))
}

// DecodeCursor reads a cursor made by EncodeCursor. Anything else is an
// InputError on field.
func DecodeCursor(field, s string) (Cursor, error) {
	bad := invalid(field, "%s is not a cursor of this list: pass the endCursor of a previous page", field)
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || !strings.HasPrefix(string(raw), cursorPrefix) {
		return Cursor{}, bad
	}
	var c Cursor
	dec := json.NewDecoder(strings.NewReader(string(raw[len(cursorPrefix):])))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil || c.ID == "" || dec.More() {
		return Cursor{}, bad
	}
	return c, nil
}

// PageArgs asks for a page: at most First items after the After cursor.
type PageArgs struct {
	First int
	After *string
}

// Page is one page of a list; Cursors[i] is the cursor of Items[i].
type Page[T any] struct {
	Items   []T
	Cursors []string
	HasNext bool
	// HasPrevious is true when the page starts after a cursor.
	HasPrevious bool
}

// checkPage validates first (1..max) and decodes after.
func checkPage(args PageArgs, max int) (Cursor, bool, error) {
	if args.First < 1 || args.First > max {
		return Cursor{}, false, invalid("first", "first must be between 1 and %d, got %d", max, args.First)
	}
	if args.After == nil {
		return Cursor{}, false, nil
	}
	c, err := DecodeCursor("after", *args.After)
	return c, err == nil, err
}

// pageOf cuts rows (fetched with one extra row) to first and makes cursors.
func pageOf[T any](rows []T, first int, hasPrev bool, cursor func(T) Cursor) Page[T] {
	p := Page[T]{HasPrevious: hasPrev}
	if len(rows) > first {
		rows, p.HasNext = rows[:first], true
	}
	p.Items = rows
	p.Cursors = make([]string, len(rows))
	for i, r := range rows {
		p.Cursors[i] = EncodeCursor(cursor(r))
	}
	return p
}

// pagesOf cuts each key's rows (fetched with one extra row) to a page.
func pagesOf[T any](rows map[string][]T, first int, hasPrev bool, cursor func(T) Cursor) map[string]Page[T] {
	out := make(map[string]Page[T], len(rows))
	for k, r := range rows {
		out[k] = pageOf(r, first, hasPrev, cursor)
	}
	return out
}
