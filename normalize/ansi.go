package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/textnorm/textnorm/protect"
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
//
// Protected spans (package protect) win over a sequence that would run
// into one across white space ("\x1b https://x.org", "\x1b] see
// https://x.org" without a terminator): the sequence is cut before that
// white space, so that the span and the space before it stay. A control
// string with its terminator is removed whole, the spans inside it too.
// Invalid bytes that would join into a valid character once the sequence
// between them is gone ("\xd2\x1b0\x80") do not: the byte after the
// sequence becomes U+FFFD, as the cleaner does when it removes what lay
// between them.

// ansiEnd returns the end of the escape sequence at s[i], or i, and
// whether it is a control string with its terminator.
func ansiEnd(s string, i int) (int, bool) {
	var kind byte // '[' CSI, ']' OSC, 'P' string, 0 other
	j := i
	switch {
	case s[i] == 0x1B:
		if i+1 >= len(s) {
			return i, false
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
		return i, false
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
			return i, false
		}
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2F {
			j++
		}
		if j < len(s) && s[j] >= 0x40 && s[j] <= 0x7E {
			return j + 1, false
		}
		return j, false
	case ']', 'P':
		c1 := s[i] != 0x1B
		for j < len(s) && s[j] != '\n' && s[j] != '\r' {
			switch {
			case kind == ']' && s[j] == 0x07:
				return j + 1, true
			case s[j] == 0x1B && j+1 < len(s) && s[j+1] == '\\':
				return j + 2, true
			case strings.HasPrefix(s[j:], "\u009C"):
				return j + 2, true
			}
			j++
		}
		if c1 {
			// A stray C1 control (mojibake's debris, as often as not)
			// is no string without its terminator: the cleaner removes
			// it alone.
			return i, false
		}
		return j, false
	}
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2F {
		j++
	}
	if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7E {
		return j + 1, false
	}
	return i, false // a lone ESC: the cleaner removes it
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
	var spans []protect.Span
	found := false
	kept := 0 // where the text before the removals that end at i ends
	for i := 0; i < len(s); {
		if c := s[i]; c != 0x1B && c != 0xC2 {
			i++
			continue
		}
		end, terminated := ansiEnd(s, i)
		if end == i {
			r, n := utf8.DecodeRuneInString(s[i:])
			switch r {
			case 0x1B, 0x90, 0x98, 0x9B, 0x9D, 0x9E, 0x9F:
			default:
				i += n
				continue
			}
			// A lone introducer, removed here rather than by the
			// cleaner: it ends a token of package protect, so that
			// it must be gone before the protected spans are found.
			end = i + n
		}
		if !terminated && end-i > 2 {
			if !found {
				spans, found = protect.Find(s), true
			}
			end = cutBeforeSpan(s, i, end, spans)
		}
		if len(edits) == 0 || edits[len(edits)-1].end != i {
			kept = i
		}
		edits = append(edits, edit{i, end, ""})
		i = end
		if i < len(s) && s[i]&0xC0 == 0x80 && kept > 0 && joins([]byte(invalidTail(s[:kept])), s[i]) {
			edits = append(edits, edit{i, i + 1, "\uFFFD"})
			i++
		}
	}
	return edits
}

// cutBeforeSpan returns where the sequence s[i:end] ends if it must not
// take white space and the protected span after it (see spans): before
// that white space, or end.
func cutBeforeSpan(s string, i, end int, spans []protect.Span) int {
	for _, sp := range spans {
		if sp.Start <= i {
			continue
		}
		if sp.Start >= end {
			break
		}
		// The white space last before the span, and the run it ends.
		j := sp.Start
		for j > i {
			r, n := utf8.DecodeLastRuneInString(s[i:j])
			if unicode.IsSpace(r) {
				break
			}
			j -= n
		}
		if j == i {
			continue // glued to the sequence ("\x1b[mhttps://x.org"): its bytes are the sequence's
		}
		for j > i {
			r, n := utf8.DecodeLastRuneInString(s[i:j])
			if !unicode.IsSpace(r) {
				break
			}
			j -= n
		}
		return j
	}
	return end
}

// invalidTail returns the invalid bytes s ends with, up to 3.
func invalidTail(s string) string {
	t := len(s)
	for t > 0 && len(s)-t < 3 {
		if r, n := utf8.DecodeLastRuneInString(s[:t]); r != utf8.RuneError || n != 1 {
			break
		}
		t--
	}
	return s[t:]
}
