// Package protect finds the spans of a text that are not prose and that
// normalization must copy byte for byte: URLs, e-mail addresses,
// @mentions, numbers with separators (3.14, 1,000, 12:30, 2024/01/02),
// file paths, HTML and XML tags, and code in backticks. A #hashtag is not
// one: its word is prose (its letters follow the language's rules), and no
// rule changes the rest of it.
//
// The rules, exactly (a "token" is a maximal run of characters that are
// neither white space nor a control that introduces a terminal escape
// sequence, ESC or its C1 forms U+0090 U+0098 U+009B U+009D U+009E U+009F,
// so that a URL never holds one):
//
//   - URL: a token that starts with a scheme (letters, digits, + - . after
//     a letter, then "://"), or with "www.", or that is a domain name
//     (labels of letters, digits and hyphens joined by dots, the last of
//     two or more ASCII letters) followed by "/" or ":" and a port. It ends
//     where linkifiers end it: at white space, without the sentence
//     punctuation and quotation marks at its end (. , ; : ! ? ' " and
//     ، ؛ ؟ ۔ … « » “ ” ‘ ’ „ ‹ ›), and
//     without a closing bracket ) ] } that no bracket inside it opens.
//   - E-mail: local@domain, the local part letters, digits and . _ % + -,
//     the domain as above; trailing punctuation as for URLs.
//   - @mention: @ at a token's start, then letters, digits and _.
//   - Number: digits (ASCII, Arabic-Indic or Persian) with single
//     separators . , : / ٫ ٬ between digits: 3.14, 1,000, 12:30,
//     2024/01/02, ۱۴۰۲/۰۱/۰۲.
//   - File path: a token that starts with / ~/ ./ ../ or a drive letter and
//     :\ and has a second separator, or that has a backslash between two
//     names; trailing punctuation as for URLs.
//   - Tag: < then a letter, / ! or ?, up to the next > on the line, with no
//     < between (<a href="x">, </p>, <!-- c -->, <?xml ... ?>).
//   - Code: `...` on one line, the backticks included.
//
// Spans never hold a line break and never overlap; they are found line by
// line, so a stream can be split at line feeds.
package protect

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Kind says what a span is.
type Kind uint8

const (
	URL Kind = iota + 1
	Email
	Mention
	Number
	Path
	Tag
	Code
)

var kindNames = [...]string{"", "url", "email", "mention", "number", "path", "tag", "code"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// A Span is text[Start:End], a protected span of kind Kind.
type Span struct {
	Start, End int
	Kind       Kind
}

// maxSpan bounds a tag or a code span: past it, "<" and "`" are prose.
const maxSpan = 2048

// Find returns the protected spans of text, in order.
func Find(text string) []Span {
	return Append(nil, text)
}

// Append appends the protected spans of text to spans.
func Append(spans []Span, text string) []Span {
	if !mayHave(text) {
		return spans
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '<':
			if end := tagEnd(text, i); end > i {
				spans = append(spans, Span{i, end, Tag})
				i = end
				continue
			}
		case c == '`':
			if end := codeEnd(text, i); end > i {
				spans = append(spans, Span{i, end, Code})
				i = end
				continue
			}
		}
		if isSpace(c) || c == '\n' || c == '\r' {
			i++
			continue
		}
		// A token: up to white space.
		start := i
		end, may := tokenEnd(text, i)
		if end == start { // an escape's introducer, or a white space character outside ASCII
			_, n := utf8.DecodeRuneInString(text[i:])
			i += n
			continue
		}
		if may {
			spans = appendToken(spans, text, start, end)
		}
		i = end
	}
	return spans
}

// mayHave reports whether text has a character that a span needs: a digit,
// '/', '\\', '@', '<', '`', '.' or ':'.
func mayHave(text string) bool {
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c >= '0' && c <= '9', c == '/', c == '\\', c == '@', c == '<', c == '`', c == '.', c == ':':
			return true
		case c >= 0x80:
			return true // other scripts' digits
		}
	}
	return false
}

// asciiPlain are the ASCII bytes that neither end a token nor may hold a
// span: tokenEnd steps past them with one look-up.
var asciiPlain = func() (t [256]bool) {
	for c := range byte(utf8.RuneSelf) {
		t[c] = !isSpace(c) && c != '\n' && c != '\r' && c != 0x1B && c != '<' && c != '`' && !tokenBytes[c]
	}
	return t
}()

// tokenBytes are the bytes tokenEnd looks for: those a token that
// holds a span needs (a digit, '/', '\\', '@', '.' or ':'), and the lead
// bytes of the Arabic-Indic digits, one table lookup a byte.
var tokenBytes = func() (t [256]bool) {
	for _, c := range []byte("0123456789/\\@.:") {
		t[c] = true
	}
	t[0xD9], t[0xDB] = true, true
	return t
}()

// isDigitAt reports whether a digit of a number starts at s[i]: an ASCII
// one, or an Arabic-Indic or Extended Arabic-Indic (Persian) one.
func isDigitAt(s string, i int) bool {
	c := s[i]
	switch {
	case c >= '0' && c <= '9':
		return true
	case i+1 < len(s) && c == 0xD9:
		return s[i+1] >= 0xA0 && s[i+1] <= 0xA9 // U+0660..U+0669
	case i+1 < len(s) && c == 0xDB:
		return s[i+1] >= 0xB0 && s[i+1] <= 0xB9 // U+06F0..U+06F9
	}
	return false
}

// isC1Introducer reports whether r is the C1 form of an escape sequence's
// introducer (DCS, SOS, CSI, OSC, PM, APC).
func isC1Introducer(r rune) bool {
	return r == 0x90 || r == 0x98 || r == 0x9B || r == 0x9D || r == 0x9E || r == 0x9F
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\v' || c == '\f' }

// tokenEnd returns where the token starting at i ends: at white space (any
// Unicode space), a line break, an escape sequence's introducer, or a < or
// ` that starts a tag or code; and whether the token may hold a span, a
// byte of tokenBytes in it (outside ASCII, a digit's), found in the same
// pass. Most tokens are words, and appendToken need not look at them.
func tokenEnd(text string, i int) (end int, may bool) {
	start := i
	for i < len(text) {
		c := text[i]
		if asciiPlain[c] { // most of a token: it goes on, and may holds
			i++
			continue
		}
		if c < utf8.RuneSelf {
			if isSpace(c) || c == '\n' || c == '\r' || c == 0x1B {
				return i, may
			}
			if (c == '<' && tagEnd(text, i) > i) || (c == '`' && codeEnd(text, i) > i) {
				return i, may
			}
			may = may || tokenBytes[c]
			i++
			continue
		}
		// Only these lead bytes start a Unicode space or a C1
		// introducer outside ASCII: U+0085 U+0090 U+0098 U+009B U+009D
		// U+009E U+009F U+00A0, U+1680, U+2000..U+205F, U+3000.
		if c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 {
			r, n := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) || isC1Introducer(r) {
				return i, may
			}
			i += n
			continue
		}
		if tokenBytes[c] && !may {
			may = isDigitAt(text[start:], i-start)
		}
		i++
	}
	return i, may
}

// appendToken appends the spans of the token text[start:end].
func appendToken(spans []Span, text string, start, end int) []Span {
	tok := text[start:end]
	// A token opens with punctuation that is prose: ("(http://x)"), or
	// with invalid bytes, which no span starts with.
	lead := 0
	for lead < len(tok) {
		if c := tok[lead]; c < utf8.RuneSelf {
			if strings.IndexByte("([{\"'", c) < 0 {
				break
			}
			lead++
			continue
		}
		r, n := utf8.DecodeRuneInString(tok[lead:])
		if !strings.ContainsRune("«»“”‘’„‹›", r) && (r != utf8.RuneError || n != 1) {
			break
		}
		lead += n
	}
	body := tok[lead:]
	switch {
	case body == "":
	case isURLStart(body):
		n := trimURL(body)
		return append(spans, Span{start + lead, start + lead + n, URL})
	case body[0] == '@':
		n := 1
		for n < len(body) {
			r, s := utf8.DecodeRuneInString(body[n:])
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc) || r == '_' || r == '\u200c') {
				break
			}
			n += s
		}
		if n > 1 {
			return append(spans, Span{start + lead, start + lead + n, Mention})
		}
	case strings.IndexByte(body, '@') > 0:
		if n := emailLen(body); n > 0 {
			return append(spans, Span{start + lead, start + lead + n, Email})
		}
	case isPathStart(body):
		n := trimURL(body)
		return append(spans, Span{start + lead, start + lead + n, Path})
	}
	// Numbers anywhere in the token.
	return appendNumbers(spans, text, start, end)
}

// isURLStart reports whether s starts a URL: a scheme and "://", "www.", or
// a domain name followed by / or :port.
func isURLStart(s string) bool {
	if i := strings.Index(s, "://"); i > 0 {
		if isScheme(s[:i]) && i+3 < len(s) {
			return true
		}
	}
	if len(s) > 4 && strings.EqualFold(s[:4], "www.") {
		return true
	}
	n := domainLen(s)
	return n > 0 && n < len(s) && (s[n] == '/' || s[n] == ':' && n+1 < len(s) && s[n+1] >= '0' && s[n+1] <= '9')
}

func isScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c|0x20 >= 'a' && c|0x20 <= 'z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return len(s) > 0
}

// domainLen returns the length of the domain name s starts with (labels
// of ASCII letters, digits and hyphens joined by dots, at least two, the
// last two or more letters), or 0.
func domainLen(s string) int {
	labels, i, lastStart := 0, 0, 0
	for {
		j := i
		for j < len(s) && (s[j]|0x20 >= 'a' && s[j]|0x20 <= 'z' || s[j] >= '0' && s[j] <= '9' || s[j] == '-') {
			j++
		}
		if j == i {
			break
		}
		labels++
		lastStart = i
		i = j
		if i+1 < len(s) && s[i] == '.' && isLabelChar(s[i+1]) {
			i++
			continue
		}
		break
	}
	if labels < 2 {
		return 0
	}
	tld := s[lastStart:i]
	if len(tld) < 2 {
		return 0
	}
	for k := 0; k < len(tld); k++ {
		if tld[k]|0x20 < 'a' || tld[k]|0x20 > 'z' {
			return 0
		}
	}
	return i
}

func isLabelChar(c byte) bool {
	return c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9'
}

// emailLen returns the length of the e-mail address s starts with, or 0.
func emailLen(s string) int {
	at := strings.IndexByte(s, '@')
	for i := 0; i < at; i++ {
		c := s[i]
		if !(isLabelChar(c) || strings.IndexByte("._%+-", c) >= 0) {
			return 0
		}
	}
	n := domainLen(s[at+1:])
	if at == 0 || n == 0 {
		return 0
	}
	return at + 1 + n
}

// isPathStart reports whether s is a file path: / ~/ ./ ../ or X:\ first,
// with another separator after, or a backslash between two names.
func isPathStart(s string) bool {
	rest := ""
	switch {
	case strings.HasPrefix(s, "../"):
		rest = s[3:]
	case strings.HasPrefix(s, "./"), strings.HasPrefix(s, "~/"):
		rest = s[2:]
	case strings.HasPrefix(s, "/") && len(s) > 1 && s[1] != '/':
		rest = s[1:]
	case len(s) > 3 && s[0]|0x20 >= 'a' && s[0]|0x20 <= 'z' && s[1] == ':' && s[2] == '\\':
		rest = s[3:]
		return len(rest) > 0
	default:
		i := strings.IndexByte(s, '\\')
		return i > 0 && i+1 < len(s) && isLabelChar(s[i-1]) && isLabelChar(s[i+1])
	}
	return strings.ContainsAny(strings.TrimRight(rest, ".,;:!?"), "/") || strings.Contains(rest, ".")
}

// trimURL returns the length of the URL or path s is, without its trailing
// sentence punctuation, unbalanced closing brackets and invalid bytes.
func trimURL(s string) int {
	n := len(s)
	var opens, closes [3]int // ( [ {, ) ] }, counted once
	for i := 0; i < len(s); i++ {
		if k := strings.IndexByte("([{", s[i]); k >= 0 {
			opens[k]++
		} else if k := strings.IndexByte(")]}", s[i]); k >= 0 {
			closes[k]++
		}
	}
	for n > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:n])
		switch r {
		case '.', ',', ';', ':', '!', '?', '\'', '"', '،', '؛', '؟', '۔', '…', '«', '»', '“', '”', '’', '‘', '„', '‹', '›':
			n -= size
			continue
		case utf8.RuneError:
			if size == 1 {
				n--
				continue
			}
		case ')', ']', '}':
			if k := strings.IndexRune(")]}", r); closes[k] > opens[k] {
				closes[k]--
				n -= size
				continue
			}
		}
		break
	}
	return n
}

// appendNumbers appends the numbers with separators inside
// text[start:end].
func appendNumbers(spans []Span, text string, start, end int) []Span {
	digitLen := func(i int) int {
		if i >= end || !isDigitAt(text[:end], i) {
			return 0
		}
		if text[i] < utf8.RuneSelf {
			return 1
		}
		return 2
	}
	for i := start; i < end; {
		n := digitLen(i)
		if n == 0 {
			i++
			continue
		}
		// A run of digits and single separators between digits.
		j, seps := i+n, 0
		for j < end {
			if d := digitLen(j); d > 0 {
				j += d
				continue
			}
			if sep := separatorLen(text[:end], j); sep > 0 && digitLen(j+sep) > 0 {
				j += sep
				seps++
				continue
			}
			break
		}
		if seps > 0 {
			spans = append(spans, Span{i, j, Number})
		}
		i = j
	}
	return spans
}

// separatorLen returns the length of the separator between digits at s[i]
// (. , : / and the Arabic decimal and thousands separators), or 0.
func separatorLen(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	switch s[i] {
	case '.', ',', ':', '/':
		return 1
	}
	if strings.HasPrefix(s[i:], "\u066B") || strings.HasPrefix(s[i:], "\u066C") {
		return 2
	}
	return 0
}

// tagEnd returns the end of the tag that starts at text[i] ('<'), or i.
func tagEnd(text string, i int) int {
	if i+1 >= len(text) {
		return i
	}
	c := text[i+1]
	if !(c|0x20 >= 'a' && c|0x20 <= 'z' || c == '/' || c == '!' || c == '?') {
		return i
	}
	for j := i + 1; j < len(text) && j-i < maxSpan; j++ {
		switch text[j] {
		case '>':
			return j + 1
		case '<':
			return i
		}
		if isBreakAt(text, j) {
			return i
		}
	}
	return i
}

// isBreakAt reports whether a line break starts at text[j]: LF, CR, VT,
// FF, NEL, LINE and PARAGRAPH SEPARATOR.
func isBreakAt(text string, j int) bool {
	switch text[j] {
	case '\n', '\r', '\v', '\f':
		return true
	case 0xC2:
		return strings.HasPrefix(text[j:], "\u0085")
	case 0xE2:
		return strings.HasPrefix(text[j:], "\u2028") || strings.HasPrefix(text[j:], "\u2029")
	}
	return false
}

// codeEnd returns the end of the code span that starts at text[i] ('`'),
// or i.
func codeEnd(text string, i int) int {
	for j := i + 1; j < len(text) && j-i < maxSpan; j++ {
		if text[j] == '`' {
			if j == i+1 {
				return i // `` is no code
			}
			return j + 1
		}
		if isBreakAt(text, j) {
			return i
		}
	}
	return i
}
