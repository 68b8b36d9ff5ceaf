package dataset

import "encoding/json"

// The NDJSON lines are scanned here by hand, validating as they go: a flat
// object of strings, numbers and literals needs no more, and scanning is
// several times faster than json.Valid followed by decoding. Nested values
// (a focus list, or a mistake) are checked with json.Valid.

// scanObject reads line as one JSON object, appending its members to
// members. It reports false when line is not exactly one valid JSON object
// (white space around it aside).
func scanObject(line []byte, members []member) ([]member, bool) {
	i := skipSpace(line, 0)
	if i >= len(line) || line[i] != '{' {
		return members, false
	}
	i = skipSpace(line, i+1)
	if i < len(line) && line[i] == '}' {
		return members, skipSpace(line, i+1) == len(line)
	}
	for {
		keyEnd, ok := scanValidString(line, i)
		if !ok {
			return members, false
		}
		name := jsonString(line[i:keyEnd])
		i = skipSpace(line, keyEnd)
		if i >= len(line) || line[i] != ':' {
			return members, false
		}
		i = skipSpace(line, i+1)
		end, ok := scanValidValue(line, i)
		if !ok {
			return members, false
		}
		members = append(members, member{name: name, start: i, end: end, column: -1})
		i = skipSpace(line, end)
		if i >= len(line) {
			return members, false
		}
		switch line[i] {
		case ',':
			i = skipSpace(line, i+1)
		case '}':
			return members, skipSpace(line, i+1) == len(line)
		default:
			return members, false
		}
	}
}

// skipSpace returns the position of the first byte at or after i that is
// not JSON white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// scanValidValue returns the position just past the JSON value starting at
// b[i], or false when there is none.
func scanValidValue(b []byte, i int) (int, bool) {
	if i >= len(b) {
		return 0, false
	}
	switch c := b[i]; {
	case c == '"':
		return scanValidString(b, i)
	case c == '{' || c == '[':
		end, ok := nestedEnd(b, i)
		if !ok || !json.Valid(b[i:end]) {
			return 0, false
		}
		return end, true
	case c == 't':
		return scanLiteral(b, i, "true")
	case c == 'f':
		return scanLiteral(b, i, "false")
	case c == 'n':
		return scanLiteral(b, i, "null")
	case c == '-' || isDigit(c):
		return scanValidNumber(b, i)
	}
	return 0, false
}

// scanValidString returns the position just past the JSON string starting
// at b[i], or false when it is not one.
func scanValidString(b []byte, i int) (int, bool) {
	if i >= len(b) || b[i] != '"' {
		return 0, false
	}
	for i++; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			return i + 1, true
		case c < ' ':
			return 0, false
		case c == '\\':
			i++
			if i >= len(b) {
				return 0, false
			}
			switch b[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(b) {
					return 0, false
				}
				for _, h := range b[i+1 : i+5] {
					if !isDigit(h) && (h|0x20 < 'a' || h|0x20 > 'f') {
						return 0, false
					}
				}
				i += 4
			default:
				return 0, false
			}
		}
	}
	return 0, false
}

// scanValidNumber returns the position just past the JSON number starting
// at b[i], or false when it is not one.
func scanValidNumber(b []byte, i int) (int, bool) {
	digits := func() bool {
		start := i
		for i < len(b) && isDigit(b[i]) {
			i++
		}
		return i > start
	}
	if b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case !digits():
		return 0, false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if !digits() {
			return 0, false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if !digits() {
			return 0, false
		}
	}
	return i, true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// scanLiteral returns the position just past word at b[i], or false.
func scanLiteral(b []byte, i int, word string) (int, bool) {
	if len(b)-i >= len(word) && string(b[i:i+len(word)]) == word {
		return i + len(word), true
	}
	return 0, false
}

// nestedEnd returns the position just past the object or list starting at
// b[i], matching brackets only (json.Valid checks the rest), or false when
// it does not end.
func nestedEnd(b []byte, i int) (int, bool) {
	depth := 0
	for ; i < len(b); i++ {
		switch b[i] {
		case '"':
			for i++; i < len(b) && b[i] != '"'; i++ {
				if b[i] == '\\' {
					i++
				}
			}
			if i >= len(b) {
				return 0, false
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth--; depth == 0 {
				return i + 1, true
			}
		}
	}
	return 0, false
}

// scanString returns the position just past the valid JSON string starting
// at b[i].
func scanString(b []byte, i int) int {
	for i++; ; i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
}
