package normalize

import (
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/textnorm/textnorm/protect"
)

// Protected spans (package protect: URLs, e-mail addresses, @mentions,
// numbers with separators, file paths, tags, code in backticks) are copied
// byte for byte by the cleaner's rules: before the cleaner each is
// replaced by placeholder, a noncharacter no rule touches, and after it
// the placeholders are replaced by the spans again, in order. A
// placeholder already in the text is a span of its own, so that it comes
// back as it was. The Unicode form still applies to them, after. A number
// has a placeholder of its own, numberPlaceholder, which the cleaner takes
// for a digit: ArabicPunctuation keeps a comma before a number whether or
// not the number is protected (in "x,۱,۰۰۰" it is; in "x,۱" it is not).
const (
	placeholder       = '\uFDD0'
	numberPlaceholder = '\uFDD1'
)

const (
	placeholderUTF8       = "\uFDD0"
	numberPlaceholderUTF8 = "\uFDD1"
)

// indexPlaceholder returns the index of the first placeholder of either
// kind in s, or -1.
func indexPlaceholder(s string) int {
	for at := 0; ; {
		i := strings.Index(s[at:], "\xEF\xB7")
		if i < 0 || at+i+2 >= len(s) {
			return -1
		}
		if c := s[at+i+2]; c == 0x90 || c == 0x91 {
			return at + i
		}
		at += i + 2
	}
}

// A masked span is a protected span's text, and whether it is a number:
// the one thing a rule may change in a protected span is the digits of a
// number, which follow the profile's digit rule (so that digits-ascii
// still makes "۳.۵" "3.5"), its separators kept.
type masked struct {
	text   string
	number bool
}

// numberRules is what the rules of a profile do to the numbers among its
// protected spans: map their digits (a table of its digit rules, or nil)
// and, with PersianDecimal, write a point between Persian digits as ٫.
type numberRules struct {
	digits  *table
	decimal bool
}

// outOf returns what m becomes: its text, or a number's with its digits
// and decimal point as nr says.
func (m masked) outOf(nr *numberRules) string {
	if !m.number || nr == nil {
		return m.text
	}
	s := m.text
	if nr.digits != nil {
		s = clean(nr.digits, s, nil)
	}
	if nr.decimal && strings.Count(s, ".") == 1 {
		if i := strings.IndexByte(s, '.'); i > 0 && i+1 < len(s) {
			before, _ := utf8.DecodeLastRuneInString(s[:i])
			after, _ := utf8.DecodeRuneInString(s[i+1:])
			if isPersianDigit(before) && isPersianDigit(after) {
				s = s[:i] + "\u066B" + s[i+1:]
			}
		}
	}
	return s
}

func isPersianDigit(r rune) bool { return r >= 0x06F0 && r <= 0x06F9 }

// numberRules returns what p does to numbers, or nil for nothing.
func (p Profile) numberRules() *numberRules {
	d := p.rules & digitRules
	nr := &numberRules{decimal: p.rules.Has(PersianDecimal)}
	if d != 0 {
		nr.digits = tableFor(d)
	}
	if nr.digits == nil && !nr.decimal {
		return nil
	}
	return nr
}

// maskEdits returns the edits that replace the spans found in s (see
// protectSpans) by placeholders, and the spans, in order; both nil when
// there are none.
func maskEdits(s string, found []protect.Span) ([]edit, []masked) {
	if len(found) == 0 {
		return nil, nil
	}
	edits := make([]edit, len(found))
	spans := make([]masked, len(found))
	for k, sp := range found {
		edits[k] = edit{sp.Start, sp.End, placeholderUTF8}
		if sp.Kind == protect.Number {
			edits[k].repl = numberPlaceholderUTF8
		}
		spans[k] = masked{text: s[sp.Start:sp.End], number: sp.Kind == protect.Number}
	}
	return edits, spans
}

// maskSpans returns s with its protected spans replaced by placeholders,
// and the spans, in order; spans is nil when there are none.
func maskSpans(s string) (string, []masked) {
	edits, spans := maskEdits(s, protectSpans(s))
	if spans == nil {
		return s, nil
	}
	return string(appendEdited(nil, s, edits)), spans
}

// unmaskEdits returns the edits that put spans back in place of the
// placeholders of s, in order, with what nr does to numbers.
func unmaskEdits(s string, spans []masked, nr *numberRules) []edit {
	var edits []edit
	at := 0
	for _, sp := range spans {
		i := indexPlaceholder(s[at:])
		if i < 0 {
			break
		}
		at += i
		edits = append(edits, edit{at, at + len(placeholderUTF8), sp.outOf(nr)})
		at += len(placeholderUTF8)
	}
	return edits
}

// unmaskSpans replaces the placeholders of s by spans, in order.
func unmaskSpans(s string, spans []masked, nr *numberRules) string {
	if len(spans) == 0 {
		return s
	}
	return string(appendEdited(nil, s, unmaskEdits(s, spans, nr)))
}

// protectSpans returns the spans maskSpans replaces: protect's, and the
// placeholders of either kind already in s (of kind 0).
func protectSpans(s string) []protect.Span {
	found := protect.Find(s)
	if indexPlaceholder(s) < 0 {
		return found
	}
	var out []protect.Span
	at := 0
	add := func(until int) {
		for {
			i := indexPlaceholder(s[at:until])
			if i < 0 {
				return
			}
			out = append(out, protect.Span{Start: at + i, End: at + i + len(placeholderUTF8)})
			at += i + len(placeholderUTF8)
		}
	}
	for _, sp := range found {
		add(sp.Start)
		out = append(out, sp)
		at = sp.End
	}
	add(len(s))
	return out
}

// A spanQueue carries the spans from a masker to its unmasker in a
// transform chain, in order.
type spanQueue struct {
	mu    sync.Mutex
	spans []masked
}

func (q *spanQueue) push(spans []masked) {
	q.mu.Lock()
	q.spans = append(q.spans, spans...)
	q.mu.Unlock()
}

func (q *spanQueue) pop() (masked, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.spans) == 0 {
		return masked{}, false
	}
	s := q.spans[0]
	q.spans = q.spans[1:]
	if len(q.spans) == 0 {
		q.spans = nil
	}
	return s, true
}

// maskInto is maskSpans as the line function of a transformer: the spans
// of each line go to q, in order.
func maskInto(q *spanQueue) func(dst, line []byte) []byte {
	return func(dst, line []byte) []byte {
		// Most lines have no span: look without copying the line, and
		// copy it (the spans keep their texts) only when it has.
		found := protectSpans(unsafe.String(unsafe.SliceData(line), len(line)))
		if len(found) == 0 {
			return append(dst, line...)
		}
		s := string(line)
		edits, spans := maskEdits(s, found)
		q.push(spans)
		return appendEdited(dst, s, edits)
	}
}

func (q *spanQueue) reset() {
	q.mu.Lock()
	q.spans = nil
	q.mu.Unlock()
}

// unmaskInto is unmaskSpans as the line function of a transformer: q's
// spans go back in place of the placeholders, in order (a line is never
// cut inside a character, so never inside a placeholder).
func unmaskInto(q *spanQueue, nr *numberRules) func(dst, line []byte) []byte {
	return func(dst, line []byte) []byte {
		for {
			i := indexPlaceholder(unsafe.String(unsafe.SliceData(line), len(line)))
			if i < 0 {
				return append(dst, line...)
			}
			dst = append(dst, line[:i]...)
			if span, ok := q.pop(); ok {
				dst = append(dst, span.outOf(nr)...)
			} else {
				dst = append(dst, line[i:i+len(placeholderUTF8)]...)
			}
			line = line[i+len(placeholderUTF8):]
		}
	}
}
