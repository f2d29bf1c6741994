package langid

import (
	"unicode"
	"unicode/utf8"
)

// isTerminator reports whether r ends a sentence when followed by a space (or
// the end of the text).
func isTerminator(r rune) bool {
	switch r {
	case '.', '!', '?', '…',
		'\u061F',           // ؟ ARABIC QUESTION MARK
		'\u06D4',           // ۔ ARABIC FULL STOP (Urdu)
		'\u0964', '\u0965', // । ॥ DEVANAGARI DANDA, DOUBLE DANDA
		'\u3002', '\uFF01', '\uFF1F', '\uFF0E', // 。！？． (CJK: no space needed)
		'\u203C', '\u2047', '\u2048', '\u2049': // ‼ ⁇ ⁈ ⁉
		return true
	}
	return false
}

// isWideTerminator reports whether r ends a sentence even with no space after
// it (CJK full-width punctuation).
func isWideTerminator(r rune) bool {
	return r == '\u3002' || r == '\uFF01' || r == '\uFF1F' || r == '\uFF0E'
}

// isLineBreak reports whether r breaks a line or paragraph.
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// isCloser reports whether r may follow a terminator inside the sentence it
// ends (closing quotes and brackets).
func isCloser(r rune) bool {
	return unicode.In(r, unicode.Pe, unicode.Pf) || r == '"' || r == '\'' || r == '»' || r == '’' || r == '”'
}

// plainByte holds the ASCII letters and digits and the space, which
// neither end nor open a sentence: appendSentences passes over them with
// one look-up a byte.
var plainByte = func() (t [256]bool) {
	for b := range 256 {
		t[b] = b|0x20 >= 'a' && b|0x20 <= 'z' || b >= '0' && b <= '9' || b == ' '
	}
	return t
}()

// appendSentences appends to dst the [start, end) byte ranges of the sentences of
// text, each trimmed of surrounding white space, in order; ranges holding no
// non-space character are dropped. A sentence ends at a line break, or after
// a terminator (and any closing quotes or brackets) that is followed by white
// space and then not by a lower-case letter (so "e.g. the" and "3.5" do not
// split), or after a CJK full stop. Quotations and what follows a colon and
// a space are pieces of their own too, since that is where a sentence
// switches language; pieces of one language are merged again by Spans.
func appendSentences(dst [][2]int, text string) [][2]int {
	out := dst
	start := 0
	emit := func(end int) {
		s, e := trimSpace(text, start, end)
		if s < e {
			out = append(out, [2]int{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		if plainByte[text[i]] {
			i++ // most of a text, and none of it ends or opens anything
			continue
		}
		r, size := decodeRune(text, i)
		if isLetter(r) { // no letter ends or opens anything either
			i += size
			continue
		}
		switch {
		case isLineBreak(r):
			emit(i)
			start = i + size
			i += size
		case isTerminator(r):
			j := i + size
			for j < len(text) { // more terminators and closers
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !isTerminator(r2) && !isCloser(r2) {
					break
				}
				j += s2
			}
			if isWideTerminator(r) || j == len(text) || followedBySentence(text[j:]) {
				emit(j)
			}
			i = j
		case isOpeningQuote(r, text, i):
			// A quotation is often in another language than the sentence
			// quoting it: it is scored on its own, and merged back when
			// it is in the same language.
			emit(i)
			i += size
		case isClosingQuote(r, text, i+size):
			emit(i + size)
			i += size
		case r == ':' && i+size < len(text) && text[i+size] == ' ':
			emit(i + size)
			i += size
		default:
			i += size
		}
	}
	emit(len(text))
	return out
}

// isOpeningQuote reports whether r at text[i] opens a quotation: « “ „, or a
// straight double quote at the start of a word.
func isOpeningQuote(r rune, text string, i int) bool {
	switch r {
	case '«', '“', '„':
		return true
	case '"':
		if i == 0 {
			return true
		}
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		return unicode.IsSpace(prev) || unicode.In(prev, unicode.Ps, unicode.Pi)
	}
	return false
}

// isClosingQuote reports whether r, followed by text[j:], closes a
// quotation: » ”, or a straight double quote at the end of a word.
func isClosingQuote(r rune, text string, j int) bool {
	switch r {
	case '»', '”':
		return true
	case '"':
		if j == len(text) {
			return true
		}
		next, _ := utf8.DecodeRuneInString(text[j:])
		return unicode.IsSpace(next) || unicode.IsPunct(next)
	}
	return false
}

// followedBySentence reports whether rest starts with white space and then a
// character that may start a new sentence (anything but a lower-case letter).
func followedBySentence(rest string) bool {
	r, size := utf8.DecodeRuneInString(rest)
	if !unicode.IsSpace(r) {
		return false
	}
	for _, r := range rest[size:] {
		if unicode.IsSpace(r) {
			continue
		}
		return !unicode.IsLower(r)
	}
	return true
}

// trimSpace narrows [s, e) of text to exclude leading and trailing white
// space. Invalid bytes are not space.
func trimSpace(text string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) || (r == utf8.RuneError && size == 1) {
			break
		}
		e -= size
	}
	return s, e
}
