package normalize

import (
	"strings"
	"unicode/utf8"
)

// The Controls rule removes terminal escape sequences (ECMA-48, "ANSI")
// whole, before the cleaner would remove their ESC alone and leave
// "[31m" behind:
//
//   - CSI: ESC [ or U+009B, parameter bytes 0x30..0x3F, intermediate bytes
//     0x20..0x2F, a final byte 0x40..0x7E ("\x1b[31m", "\x1b[2J");
//   - OSC, DCS, SOS, PM, APC: ESC ] P X ^ _ (or U+009D U+0090 U+0098
//     U+009E U+009F), then anything up to BEL (for OSC) or ST (ESC \ or
//     U+009C), on the same line ("\x1b]0;title\x07", hyperlinks);
//   - the other escape sequences: ESC, intermediate bytes, a final byte
//     0x30..0x7E ("\x1b(B", "\x1b7", "\x1b=").
//
// A sequence cut by the end of its line is removed up to there, but a
// control string opened by a C1 control alone needs its terminator.

// ansiEnd returns the end of the escape sequence at s[i], or i.
func ansiEnd(s string, i int) int {
	var kind byte // '[' CSI, ']' OSC, 'P' string, 0 other
	j := i
	switch {
	case s[i] == 0x1B:
		if i+1 >= len(s) {
			return i
		}
		j = i + 2
		switch c := s[i+1]; c {
		case '[', ']':
			kind = c
		case 'P', 'X', '^', '_':
			kind = 'P'
		default:
			j = i + 1
		}
	case strings.HasPrefix(s[i:], "\u009B"):
		kind, j = '[', i+2
	case strings.HasPrefix(s[i:], "\u009D"):
		kind, j = ']', i+2
	case strings.HasPrefix(s[i:], "\u0090"), strings.HasPrefix(s[i:], "\u0098"), strings.HasPrefix(s[i:], "\u009E"), strings.HasPrefix(s[i:], "\u009F"):
		kind, j = 'P', i+2
	default:
		return i
	}
	switch kind {
	case '[':
		params := j
		for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3F {
			j++
		}
		if s[i] != 0x1B && j == params {
			// A C1 CSI without parameters is as often mojibake's
			// debris as a sequence: the cleaner removes it alone.
			return i
		}
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2F {
			j++
		}
		if j < len(s) && s[j] >= 0x40 && s[j] <= 0x7E {
			return j + 1
		}
		return j
	case ']', 'P':
		c1 := s[i] != 0x1B
		for j < len(s) && s[j] != '\n' && s[j] != '\r' {
			switch {
			case kind == ']' && s[j] == 0x07:
				return j + 1
			case s[j] == 0x1B && j+1 < len(s) && s[j+1] == '\\':
				return j + 2
			case strings.HasPrefix(s[j:], "\u009C"):
				return j + 2
			}
			j++
		}
		if c1 {
			// A stray C1 control (mojibake's debris, as often as not)
			// is no string without its terminator: the cleaner removes
			// it alone.
			return i
		}
		return j
	}
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2F {
		j++
	}
	if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7E {
		return j + 1
	}
	return i // a lone ESC: the cleaner removes it
}

// mayHaveANSI reports whether s may hold an escape sequence.
func mayHaveANSI(s string) bool {
	return strings.IndexByte(s, 0x1B) >= 0 || strings.Contains(s, "\u009B") || strings.Contains(s, "\u009D") ||
		strings.Contains(s, "\u0090") || strings.Contains(s, "\u0098") || strings.Contains(s, "\u009E") || strings.Contains(s, "\u009F")
}

// ansiEdits returns the edits that remove the escape sequences of s.
func ansiEdits(s string) []edit {
	if !mayHaveANSI(s) {
		return nil
	}
	var edits []edit
	for i := 0; i < len(s); {
		if c := s[i]; c != 0x1B && c != 0xC2 {
			i++
			continue
		}
		end := ansiEnd(s, i)
		if end == i {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
			continue
		}
		edits = append(edits, edit{i, end, ""})
		i = end
	}
	return edits
}
