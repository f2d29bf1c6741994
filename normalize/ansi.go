package normalize

import (
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/transform"
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
		for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3F {
			j++
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

// stripANSI returns s without its escape sequences, and the pieces that
// align the result with s.
func stripANSI(s string) (string, []Piece) {
	if !mayHaveANSI(s) {
		return s, nil
	}
	var b strings.Builder
	var ps []Piece
	at := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c != 0x1B && c != 0xC2 {
			i++
			continue
		}
		end := ansiEnd(s, i)
		if end == i {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
			continue
		}
		if i > at {
			ps = append(ps, Piece{InStart: at, InEnd: i, OutStart: b.Len(), OutEnd: b.Len() + i - at, Same: true})
			b.WriteString(s[at:i])
		}
		ps = append(ps, Piece{InStart: i, InEnd: end, OutStart: b.Len(), OutEnd: b.Len()})
		at, i = end, end
	}
	if ps == nil {
		return s, nil
	}
	if at < len(s) {
		ps = append(ps, Piece{InStart: at, InEnd: len(s), OutStart: b.Len(), OutEnd: b.Len() + len(s) - at, Same: true})
		b.WriteString(s[at:])
	}
	return b.String(), ps
}

// lineFunc is a transformer that applies f to each line (its line feed
// included), holding at most maskLine bytes: a longer line goes to f in
// pieces cut after a space.
type lineFunc struct {
	f       func(string) string
	into    func(dst, line []byte) []byte // instead of f: appends what line becomes to dst
	skip    func(string) bool             // reports lines f leaves as they are; may be nil
	reset   func()                        // resets what into keeps between lines; may be nil
	line    []byte
	pending []byte
}

func (l *lineFunc) Reset() {
	l.line, l.pending = l.line[:0], l.pending[:0]
	if l.reset != nil {
		l.reset()
	}
}

func (l *lineFunc) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for {
		if len(l.pending) > 0 {
			n := copy(dst[nDst:], l.pending)
			nDst += n
			l.pending = l.pending[:copy(l.pending, l.pending[n:])]
			if len(l.pending) > 0 {
				return nDst, nSrc, transform.ErrShortDst
			}
		}
		rest := src[nSrc:]
		if i := indexByte(rest, '\n'); i >= 0 {
			l.line = append(l.line, rest[:i+1]...)
			nSrc += i + 1
			l.flush(len(l.line))
			continue
		}
		l.line = append(l.line, rest...)
		nSrc = len(src)
		switch {
		case atEOF && len(l.line) > 0:
			l.flush(len(l.line))
			continue
		case len(l.line) >= maskLine:
			l.flush(cutAfterSpace(l.line))
			continue
		}
		return nDst, nSrc, nil
	}
}

func (l *lineFunc) flush(n int) {
	switch {
	case l.skip != nil && l.skip(unsafe.String(unsafe.SliceData(l.line), n)):
		l.pending = append(l.pending, l.line[:n]...) // nothing to do: no copy
	case l.into != nil:
		l.pending = l.into(l.pending, l.line[:n])
	default:
		l.pending = append(l.pending, l.f(string(l.line[:n]))...)
	}
	l.line = l.line[:copy(l.line, l.line[n:])]
}
