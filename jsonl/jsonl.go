// Package jsonl is textnorm's JSON Lines: a Scanner that reads the records
// of an input and finds one string field of each (Field, Unquote), a record
// rewritten with a new value for that field without touching the rest of
// its bytes (key order, numbers, escapes and spacing stay as they were),
// and the one JSON string encoder that every JSON textnorm writes goes
// through (AppendString).
package jsonl

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// An Error is a record that is not what was asked for, at byte Off of it.
type Error struct {
	Off int
	Msg string
}

func (e *Error) Error() string { return e.Msg }

func errorf(off int, format string, args ...any) error {
	return &Error{Off: off, Msg: fmt.Sprintf(format, args...)}
}

// Field returns the span [start, end) of the value of the top-level key
// name in rec, a JSON object, and whether that value is a string. When the
// key is repeated, the last one counts, as encoding/json, Python's json
// and JavaScript's JSON.parse take the last. It checks the syntax of the
// whole record. A byte order mark is not skipped: it is an error, as in
// encoding/json (the caller strips one at the start of a file).
func Field(rec []byte, name string) (start, end int, isString bool, err error) {
	s := scanner{b: rec}
	s.space()
	if s.i == len(s.b) || s.b[s.i] != '{' {
		return 0, 0, false, errorf(s.i, "not a JSON object")
	}
	s.i++
	start, end = -1, -1
	s.space()
	if s.peek() == '}' {
		s.i++
	} else {
		for {
			s.space()
			k0 := s.i
			if s.peek() != '"' {
				return 0, 0, false, s.syntax("a key")
			}
			if err := s.str(); err != nil {
				return 0, 0, false, err
			}
			key, _, _ := Unquote(rec[k0:s.i])
			s.space()
			if s.peek() != ':' {
				return 0, 0, false, s.syntax("':'")
			}
			s.i++
			s.space()
			v0 := s.i
			if err := s.value(0); err != nil {
				return 0, 0, false, err
			}
			if key == name {
				start, end, isString = v0, s.i, rec[v0] == '"'
			}
			s.space()
			if s.peek() == ',' {
				s.i++
				continue
			}
			if s.peek() == '}' {
				s.i++
				break
			}
			return 0, 0, false, s.syntax("',' or '}'")
		}
	}
	s.space()
	if s.i != len(s.b) {
		return 0, 0, false, s.syntax("the end of the record")
	}
	if start < 0 {
		return 0, 0, false, errorf(0, "no field %q", name)
	}
	return start, end, isString, nil
}

// Kind names the JSON type of a value, for messages.
func Kind(v []byte) string {
	switch {
	case len(v) == 0:
		return "nothing"
	case v[0] == '{':
		return "an object"
	case v[0] == '[':
		return "an array"
	case v[0] == '"':
		return "a string"
	case v[0] == 't' || v[0] == 'f':
		return "a boolean"
	case v[0] == 'n':
		return "null"
	}
	return "a number"
}

type scanner struct {
	b []byte
	i int
}

func (s *scanner) peek() byte {
	if s.i < len(s.b) {
		return s.b[s.i]
	}
	return 0
}

func (s *scanner) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		default:
			return
		}
	}
}

func (s *scanner) syntax(want string) error {
	if s.i >= len(s.b) {
		return errorf(s.i, "invalid JSON: unexpected end of the record, want %s", want)
	}
	return errorf(s.i, "invalid JSON: unexpected %q, want %s", s.b[s.i], want)
}

const maxDepth = 10000

func (s *scanner) value(depth int) error {
	if depth > maxDepth {
		return errorf(s.i, "invalid JSON: nested too deep")
	}
	switch c := s.peek(); {
	case c == '"':
		return s.str()
	case c == '{' || c == '[':
		end := byte('}')
		if c == '[' {
			end = ']'
		}
		s.i++
		s.space()
		if s.peek() == end {
			s.i++
			return nil
		}
		for {
			s.space()
			if c == '{' {
				if s.peek() != '"' {
					return s.syntax("a key")
				}
				if err := s.str(); err != nil {
					return err
				}
				s.space()
				if s.peek() != ':' {
					return s.syntax("':'")
				}
				s.i++
				s.space()
			}
			if err := s.value(depth + 1); err != nil {
				return err
			}
			s.space()
			switch s.peek() {
			case ',':
				s.i++
				continue
			case end:
				s.i++
				return nil
			}
			return s.syntax(fmt.Sprintf("',' or '%c'", end))
		}
	case c == 't':
		return s.lit("true")
	case c == 'f':
		return s.lit("false")
	case c == 'n':
		return s.lit("null")
	case c == '-' || c >= '0' && c <= '9':
		return s.number()
	}
	return s.syntax("a value")
}

func (s *scanner) lit(w string) error {
	if len(s.b)-s.i < len(w) || string(s.b[s.i:s.i+len(w)]) != w {
		return s.syntax(w)
	}
	s.i += len(w)
	return nil
}

func (s *scanner) number() error {
	if s.peek() == '-' {
		s.i++
	}
	digits := func() int {
		n := 0
		for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
			s.i++
			n++
		}
		return n
	}
	if s.peek() == '0' {
		s.i++
	} else if digits() == 0 {
		return s.syntax("a digit")
	}
	if s.peek() == '.' {
		s.i++
		if digits() == 0 {
			return s.syntax("a digit")
		}
	}
	if c := s.peek(); c == 'e' || c == 'E' {
		s.i++
		if c := s.peek(); c == '+' || c == '-' {
			s.i++
		}
		if digits() == 0 {
			return s.syntax("a digit")
		}
	}
	return nil
}

// str skips a string literal; invalid UTF-8 in it is left to Unquote.
func (s *scanner) str() error {
	s.i++ // the quote
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			s.i++
			return nil
		case c == '\\':
			s.i++
			switch s.peek() {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.i++
			case 'u':
				for k := 1; k <= 4; k++ {
					if s.i+k >= len(s.b) || !isHex(s.b[s.i+k]) {
						s.i += k
						return s.syntax("a hexadecimal digit")
					}
				}
				s.i += 5
			default:
				return s.syntax("an escape")
			}
		case c < 0x20:
			return errorf(s.i, "invalid JSON: control character %#02x in a string", c)
		default:
			s.i++
		}
	}
	return s.syntax(`'"'`)
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// Unquote decodes a JSON string literal, quotes included, that Field has
// checked. A lone surrogate escape becomes U+FFFD, as in encoding/json.
// Raw bytes that are not UTF-8 are kept; bad is the offset in lit of the
// first of them, or -1.
func Unquote(lit []byte) (s string, bad int, err error) {
	if len(lit) < 2 || lit[0] != '"' || lit[len(lit)-1] != '"' {
		return "", -1, errorf(0, "not a string")
	}
	bad = -1
	// A Builder's String is its bytes, not a copy of them: a long field
	// is in memory once besides its literal.
	var b strings.Builder
	b.Grow(len(lit) - 2)
	for i := 1; i < len(lit)-1; {
		c := lit[i]
		if c != '\\' {
			if c < utf8.RuneSelf {
				b.WriteByte(c)
				i++
				continue
			}
			r, size := utf8.DecodeRune(lit[i:])
			if r == utf8.RuneError && size == 1 && bad < 0 {
				bad = i
			}
			b.Write(lit[i : i+size])
			i += size
			continue
		}
		i++
		switch lit[i] {
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r := hex4(lit[i+1:])
			i += 4
			if utf16.IsSurrogate(r) {
				if i+6 < len(lit) && lit[i+1] == '\\' && lit[i+2] == 'u' {
					if r2 := utf16.DecodeRune(r, hex4(lit[i+3:])); r2 != utf8.RuneError {
						r = r2
						i += 6
					} else {
						r = utf8.RuneError
					}
				} else {
					r = utf8.RuneError
				}
			}
			b.WriteRune(r)
		default: // " \ /
			b.WriteByte(lit[i])
		}
		i++
	}
	return b.String(), bad, nil
}

// LoneSurrogate returns the offset in lit, a JSON string literal that
// Field has checked, of the first \u escape of half a UTF-16 surrogate pair
// that has not its other half next to it (such as "\ud83d" alone), or -1.
// Unquote decodes such an escape as U+FFFD, as encoding/json does; it
// cannot be written back as it was as UTF-8.
func LoneSurrogate(lit []byte) int {
	for i := 1; i < len(lit)-1; i++ {
		if lit[i] != '\\' {
			continue
		}
		i++
		if lit[i] != 'u' {
			continue
		}
		r := hex4(lit[i+1:])
		if utf16.IsSurrogate(r) {
			if i+10 < len(lit) && lit[i+5] == '\\' && lit[i+6] == 'u' &&
				utf16.DecodeRune(r, hex4(lit[i+7:])) != utf8.RuneError {
				i += 10 // the pair
				continue
			}
			return i - 1
		}
		i += 4
	}
	return -1
}

func hex4(b []byte) rune {
	n, _ := strconv.ParseUint(string(b[:4]), 16, 32)
	return rune(n)
}
