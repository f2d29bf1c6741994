package repair

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/textnorm/textnorm/script"
)

// A codepage is a single-byte encoding that UTF-8 may have been decoded
// with: dec is x/text's table, and enc its inverse, which also takes each C1
// control U+0080..U+009F back to its byte, since decoders give a byte the
// code page leaves unassigned (Windows-1252's 0x81, 0x8D, 0x8F, 0x90, 0x9D)
// as that control, as browsers (WHATWG) and careless converters do, and
// Latin-1 gives every byte 0x80..0x9F so.
type codepage struct {
	name  string // as htmlindex names it
	latin bool   // C1 controls in the damage mean ISO-8859-1 rather than name
	cm    *charmap.Charmap
	once  sync.Once
	low   [lowRunes]byte // the byte of each rune below lowRunes; 0: none
	high  map[rune]byte  // of the rest
}

// lowRunes covers Latin, Greek, Cyrillic, Hebrew and Arabic; the few
// characters of the code pages above it (punctuation, €, ™, Macintosh's
// math signs) are in a map.
const lowRunes = 0x800

// codepages are tried in this order; the first of equal gains wins.
var codepages = []*codepage{
	{name: "windows-1252", latin: true, cm: charmap.Windows1252},
	{name: "windows-1256", cm: charmap.Windows1256},
	{name: "windows-1251", cm: charmap.Windows1251},
	{name: "windows-1250", cm: charmap.Windows1250},
	{name: "macintosh", cm: charmap.Macintosh},
}

// init makes the encoder of cp from x/text's table, on first use.
func (cp *codepage) init() *codepage {
	cp.once.Do(func() {
		cp.high = map[rune]byte{}
		for b := 0x80; b <= 0x9F; b++ {
			cp.low[b] = byte(b)
		}
		for b := 0xFF; b >= 0x80; b-- {
			switch r := cp.cm.DecodeByte(byte(b)); {
			case r == utf8.RuneError:
			case r < lowRunes:
				cp.low[r] = byte(b)
			default:
				cp.high[r] = byte(b)
			}
		}
	})
	return cp
}

// encode returns the byte of r in cp, if r is not ASCII and cp has it.
func (cp *codepage) encode(r rune) (byte, bool) {
	if r < lowRunes {
		b := cp.low[r]
		return b, b != 0
	}
	b, ok := cp.high[r]
	return b, ok
}

// classes holds, for each rune below lowRunes, which code pages encode it
// as a lead byte of a UTF-8 sequence (bit i for codepages[i]) and which as
// a continuation byte (bit 8+i); made on first use.
var classes = sync.OnceValue(func() *[lowRunes]uint16 {
	var c [lowRunes]uint16
	for i, cp := range codepages {
		cp.init()
		for r := rune(0x80); r < lowRunes; r++ {
			b, ok := cp.encode(r)
			switch {
			case !ok:
			case b >= 0x80 && b <= 0xBF:
				c[r] |= 1 << (8 + i)
			case b >= 0xC2 && b <= 0xF4:
				c[r] |= 1 << i
			}
		}
	}
	return &c
})

// candidates returns the code pages (bit i for codepages[i]) in which line
// has a lead byte followed by a continuation byte, without which it holds
// no mojibake of them. Runes at or above lowRunes (punctuation, €, ™,
// MacRoman's signs) may be either in any.
func candidates(line string) uint16 {
	cls := classes()
	var mask, prev uint16
	for i := 0; i < len(line); {
		if line[i] < utf8.RuneSelf {
			prev = 0
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(line[i:])
		i += n
		c := uint16(0xFFFF)
		if r < lowRunes {
			c = cls[r]
		}
		mask |= prev & (c >> 8)
		prev = c & 0xFF
	}
	return mask
}

// what names the damage a fix of cp undid, for Explain: "UTF-8 read as
// windows-1256", or as ISO-8859-1 when the damage holds C1 controls that
// cp's own table does not give.
func (cp *codepage) what(damaged string) string {
	if cp.latin {
		for _, r := range damaged {
			if r >= 0x80 && r <= 0x9F && cp.cm.DecodeByte(byte(r)) != utf8.RuneError {
				return "UTF-8 read as iso-8859-1"
			}
		}
	}
	return "UTF-8 read as " + cp.name
}

const (
	zwnj = '\u200C'
	zwj  = '\u200D'
)

// A seq is a stretch of the text, [start, end) in bytes, whose characters
// are the bytes of one UTF-8 character r in a code page.
type seq struct {
	start, end int
	r          rune
}

// sequences returns the stretches of text that are UTF-8 characters of two
// to four bytes when encoded in cp, in order, not overlapping.
func sequences(text string, cp *codepage) []seq {
	var out []seq
	var buf [4]byte
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		b, ok := cp.encode(r)
		n := 0
		switch {
		case !ok:
		case b >= 0xC2 && b <= 0xDF:
			n = 2
		case b >= 0xE0 && b <= 0xEF:
			n = 3
		case b >= 0xF0 && b <= 0xF4:
			n = 4
		}
		if n == 0 {
			i += size
			continue
		}
		buf[0] = b
		j, k := i+size, 1
		joiner := false
		for ; k < n && j < len(text); k++ {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			b2, ok := cp.encode(r2)
			if !ok || b2 > 0xBF {
				break
			}
			joiner = joiner || r2 == zwnj || r2 == zwj
			buf[k] = b2
			j += s2
		}
		if k == n {
			// Windows-1256 has ZWNJ and ZWJ at 0x9D and 0x9E, where
			// Persian puts them after a letter: "ف\u200c" is Persian, not
			// U+075D of Arabic Supplement (while "ذ\u200c" is Н).
			if dr, ds := utf8.DecodeRune(buf[:n]); ds == n && dr != utf8.RuneError && !(joiner && dr >= 0x0700 && dr <= 0x07FF) {
				out = append(out, seq{start: i, end: j, r: dr})
				i = j
				continue
			}
		}
		i += size
	}
	return out
}

// A fix is the repair of one run of text[start:end] into after.
type fix struct {
	start, end int
	after      string
	what       string
}

// fixLine returns the fixes of line under cp: runs of adjacent sequences
// (a word, mostly) whose decoding reads better than they do (see minGain),
// each judged with the characters on either side and the letters around. A
// run decoded once that is all sequences again was decoded twice (or
// three times) over: it is decoded again while it reads better. It
// returns how much better the line reads with them, and the bytes the
// fixes cover (of two code pages that read as well, the one that explains
// more of the line is right).
func fixLine(line string, cp *codepage) ([]fix, int, int) {
	seqs := sequences(line, cp.init())
	if len(seqs) == 0 {
		return nil, 0, 0
	}
	type run struct {
		start, end int
		after      string
		gain       int
		ok         bool  // plausible at all
		once       []seq // its sequences, when it is decoded once
	}
	var runs []run
	for i := 0; i < len(seqs); {
		j := i + 1
		for j < len(seqs) && seqs[j].start == seqs[j-1].end {
			j++
		}
		r := run{start: seqs[i].start, end: seqs[j-1].end}
		if j-i == 1 && !plausible(seqs[i].r) && !deeper(seqs[i].r, cp) {
			// One stray pair of real text (most of them decode to IPA or
			// rare Latin letters): nothing to weigh.
			i = j
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(line[:r.start])
		next, _ := utf8.DecodeRuneInString(line[r.end:])
		if r.start == 0 {
			prev = ' '
		}
		if r.end == len(line) {
			next = ' '
		}
		// The decodings that read as text and fit where they are, one a
		// level: a run decoded once that decodes again whole was damaged
		// twice.
		var cands [MaxDepth]string
		n := 0
		level := seqs[i:j]
		for depth := 0; depth < MaxDepth && len(level) > 0; depth++ {
			after := decodeSeqs(level)
			// A level that is to be decoded again may hold anything the
			// code page has; the one kept must read as text.
			if plausibleText(after) && fits(prev, after, next) {
				cands[depth], n = after, depth+1
			}
			level = sequences(after, cp)
			if covered := len(level) > 0 && level[0].start == 0 && level[len(level)-1].end == len(after) && adjacent(level); !covered {
				break
			}
		}
		if n == 0 {
			i = j
			continue
		}
		left, right := nearestLetters(line, r.start, r.end)
		before := badness(prev, line[r.start:r.end], next) + island(left, line[r.start:r.end], right)
		best := before
		for depth, after := range cands[:n] {
			if after == "" {
				continue
			}
			// Deeper wins a tie.
			if b := badness(prev, after, next) + island(left, after, right); !r.ok || b < best || depth > 0 && b <= best {
				r.after, r.ok, best = after, true, b
				r.once = nil
				if depth == 0 {
					r.once = seqs[i:j]
				}
			}
		}
		r.gain = before - best
		runs = append(runs, r)
		i = j
	}
	var fixes []fix
	total := 0
	var scripts []script.Script // of the letters of the runs that read better
	for _, r := range runs {
		if r.ok && r.gain >= minGain(r.after) {
			total += r.gain
			for _, c := range r.after {
				if sc := script.Of(c); unicode.IsLetter(c) && !slices.Contains(scripts, sc) {
					scripts = append(scripts, sc)
				}
			}
		}
	}
	if total == 0 {
		return nil, 0, 0
	}
	// A run that reads no worse repaired, into letters of the scripts
	// the others became ("طھ" into "ت" among Persian words), goes with
	// them.
	alike := func(after string) bool {
		letters := 0
		for _, c := range after {
			if unicode.IsLetter(c) {
				if !slices.Contains(scripts, script.Of(c)) {
					return false
				}
				letters++
			}
		}
		return letters > 0
	}
	covered := 0
	for _, r := range runs {
		if r.ok && (r.gain >= minGain(r.after) || r.gain >= 0 && alike(r.after)) {
			what := cp.what(line[r.start:r.end])
			if r.once != nil {
				// A fix a character, so that offsets map back exactly.
				for _, q := range r.once {
					fixes = append(fixes, fix{start: q.start, end: q.end, after: string(q.r), what: what})
				}
			} else {
				fixes = append(fixes, fix{start: r.start, end: r.end, after: r.after, what: what})
			}
			covered += r.end - r.start
		}
	}
	return fixes, total, covered
}

// nearestLetters returns the letters nearest to line[start:end] on either
// side, within a few words (0 where there is none).
func nearestLetters(line string, start, end int) (left, right rune) {
	const reach = 24 // bytes
	for i := start; i > 0 && start-i < reach; {
		r, n := utf8.DecodeLastRuneInString(line[:i])
		if unicode.IsLetter(r) {
			left = r
			break
		}
		i -= n
	}
	for i := end; i < len(line) && i-end < reach; {
		r, n := utf8.DecodeRuneInString(line[i:])
		if unicode.IsLetter(r) {
			right = r
			break
		}
		i += n
	}
	return left, right
}

// island scores a run that holds a no-break space or a symbol of the code
// pages (not Arabic punctuation: "ئ، ؤ" is Persian) and whose letters are of another script than the letters around
// it, one for each side: "case أ\u00a0 cocher", an Arabic letter alone
// among Latin words, is "à" read as Windows-1256.
func island(left rune, s string, right rune) int {
	hasOther := false
	var first, last rune
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			if first == 0 {
				first = r
			}
			last = r
		case mojiSymbol(r):
			hasOther = true
		}
	}
	n := 0
	if first == 0 {
		return 0
	}
	if left != 0 && !fitsBeside(left, first) {
		n++
	}
	if right != 0 && !fitsBeside(last, right) {
		n++
	}
	if !hasOther && n > 0 {
		return 0
	}
	return n
}

// minGain is how much better a run must read repaired as after: by 1, or
// by 2 when after holds Han, kana or Hangul, since three stray characters
// of real text (ç … ”) make one of the thousands of CJK characters more
// often than two make a letter.
func minGain(after string) int {
	for _, r := range after {
		if r >= 0x2E80 && cjk(script.Of(r)) {
			return 2
		}
	}
	return 1
}

// deeper reports whether r, decoded from a sequence, may itself be the start
// of a sequence in cp (a run damaged twice decodes first to such
// characters).
func deeper(r rune, cp *codepage) bool {
	b, ok := cp.encode(r)
	return ok && b >= 0xC2 && b <= 0xF4
}

// decodeSeqs returns the characters seqs stand for.
func decodeSeqs(seqs []seq) string {
	var b strings.Builder
	for _, s := range seqs {
		b.WriteRune(s.r)
	}
	return b.String()
}

// plausibleText reports whether every character of s is plausible.
func plausibleText(s string) bool {
	for _, r := range s {
		if !plausible(r) {
			return false
		}
	}
	return true
}

// adjacent reports whether each of seqs starts where the one before ends.
func adjacent(seqs []seq) bool {
	for i := 1; i < len(seqs); i++ {
		if seqs[i].start != seqs[i-1].end {
			return false
		}
	}
	return true
}

// plausible reports whether r is a character that text is made of: a
// letter, mark, number, punctuation, symbol or space of a script in use,
// not a control, a private-use or unassigned code point, nor one of the
// phonetic and rare Latin letters (IPA, most of Latin Extended-B) that
// stray byte pairs of real text decode to.
func plausible(r rune) bool {
	switch {
	case unicode.Is(unicode.Cf, r):
		return r != 0xFFFB && r < 0xE0000 // ZWNJ, ZWJ, the bidi marks, the soft hyphen, ...
	case r < 0xA0 || r == utf8.RuneError || unicode.Is(unicode.Co, r) || !unicode.IsGraphic(r):
		return false
	case r >= 0x0180 && r <= 0x024F:
		// Latin Extended-B: only Romanian's comma-below letters, the
		// Vietnamese horned o and u, and pinyin's caron vowels.
		return r >= 0x0218 && r <= 0x021B || r == 0x01A0 || r == 0x01A1 || r == 0x01AF || r == 0x01B0 || r >= 0x01CD && r <= 0x01DC
	case r >= 0x0250 && r <= 0x02FF: // IPA, spacing modifier letters
		return false
	}
	return true
}

// fits reports whether a decoded run may sit between prev and next: its
// letters are of the script of a letter beside it, or the letters beside
// it are not letters at all; Han, kana and Hangul sit beside each other
// and beside Latin letters, as they do in CJK text.
func fits(prev rune, after string, next rune) bool {
	first, _ := utf8.DecodeRuneInString(after)
	last, _ := utf8.DecodeLastRuneInString(after)
	return fitsBeside(prev, first) && fitsBeside(last, next)
}

func fitsBeside(a, b rune) bool {
	if unicode.Is(unicode.M, b) {
		// A mark of a script goes on a letter of it (an Arabic vowel
		// sign does not follow a Latin letter or a space).
		sb := script.Of(b)
		return sb == script.Inherited || sb == script.Common || unicode.IsLetter(a) && script.Of(a) == sb
	}
	if !unicode.IsLetter(a) || !unicode.IsLetter(b) {
		return true
	}
	sa, sb := script.Of(a), script.Of(b)
	switch {
	case sa == sb, sa == script.Common, sb == script.Common: // ـ ª º are Common
		return true
	}
	return cjk(sa) && (cjk(sb) || sb == script.Latin) || cjk(sb) && sa == script.Latin
}

func cjk(s script.Script) bool {
	return s == script.Han || s == script.Hiragana || s == script.Katakana || s == script.Hangul
}

// badness counts what makes s look like mojibake between prev and next:
// C1 controls; letters of two scripts side by side, or a mark on a letter
// of another script; a letter beside one of the symbols that continuation
// bytes decode to (© ³ „ † ...; quotation marks and dashes are at home
// there), or two of them together; and an upper-case Latin-1 letter Â..ß followed by a
// character of that set or a C1 control, as the lead byte of a UTF-8
// sequence looks in Windows-1252.
func badness(prev rune, s string, next rune) int {
	n := 0
	a := prev
	for _, b := range s + string(next) {
		if b >= 0x80 && b <= 0x9F {
			n += 2
		}
		la, lb := unicode.IsLetter(a), unicode.IsLetter(b)
		ma, mb := mojiSymbol(a), mojiSymbol(b)
		switch {
		case (la || unicode.Is(unicode.M, b)) && !fitsBeside(a, b):
			n++
		case la && strongSymbol(b) && !((b == 0x2039 || b == 0x203A) && lowQuote(b, a)), // „ ‚ open a word, do not end one
			strongSymbol(a) && lb && !lowQuote(a, b), ma && mb:
			n++
		}
		if a >= 0xC2 && a <= 0xDF && (mb || b >= 0x80 && b <= 0x9F || b >= 0x152 && b <= 0x17E) ||
			a > 0xDF && unicode.IsUpper(a) && script.Of(a) == script.Latin && (mb || b >= 0x80 && b <= 0x9F) {
			n++
		}
		// A capital after a small letter inside a word ("UngĂĽltige",
		// "вЂў"), or two accented Latin capitals together ("ĂŽle"): how
		// Central European and Cyrillic code pages show a lead byte.
		// (Two capitals of other scripts come in all-caps words.)
		if b >= 0x80 && unicode.IsUpper(b) && (unicode.IsLower(a) && script.Of(a) == script.Of(b) ||
			script.Of(b) == script.Latin && a >= 0x80 && unicode.IsUpper(a) && script.Of(a) == script.Latin) {
			n++
		}
		// An accented Latin capital before an accented small letter
		// ("‚Äû", MacRoman's „): the same, the other way round.
		if a >= 0x80 && b >= 0x80 && unicode.IsUpper(a) && unicode.IsLower(b) && script.Of(a) == script.Latin && script.Of(b) == script.Latin {
			n++
		}
		a = b
	}
	return n
}

// strongSymbol reports whether r is a mojiSymbol that does not sit beside
// letters in real text, as quotation marks, dashes, the ellipsis, the
// bullet, Spanish ¡ ¿ and the no-break space do.
func strongSymbol(r rune) bool {
	switch r {
	case 0xA0, 0xA1, 0xAB, 0xBB, 0xBF, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026:
		return false
	}
	return mojiSymbol(r)
}

// lowQuote reports whether q is a quotation mark of German, Polish, Czech
// or Russian typography (‚ „ ‹ ›) beside a letter of those languages'
// scripts, where it is at home; beside an Arabic letter it is the
// continuation byte 0x84 of "ل" read as Windows-1256.
func lowQuote(q, letter rune) bool {
	switch q {
	case 0x201A, 0x201E, 0x2039, 0x203A:
		sc := script.Of(letter)
		return sc == script.Latin || sc == script.Cyrillic
	}
	return false
}

// mojiSymbol reports whether r is a symbol or punctuation mark that a byte
// 0x80..0xBF decodes to in the code pages: the Latin-1 symbols U+00A0..
// U+00BF, the general punctuation and currency signs, ƒ ˆ ˜ and ™, and
// the mathematical signs and accents of MacRoman.
func mojiSymbol(r rune) bool {
	switch {
	case r >= 0xA0 && r <= 0xBF:
		return true
	case r >= 0x2010 && r <= 0x203A, r == 0x20AC, r == 0x2122, r == 0x0192, r == 0x02C6, r == 0x02DC:
		return true
	case r >= 0x2200 && r <= 0x22FF, r == 0x2126, r == 0x25CA, r == 0xFB01, r == 0xFB02, r == 0x02C7, r >= 0x02D8 && r <= 0x02DD:
		return true // MacRoman's: √ ∑ ≈ ∂ Ω ◊ ﬁ ﬂ ˇ ˘ ˙ ˚ ˛ ˝
	}
	return false
}
