package normalize

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// The orthography rules of Persian, Arabic, Urdu and Pashto text need to
// see words and their neighbours, so they run line by line after the
// cleaner (on its output, with protected spans still placeholders, so that
// they never touch a URL or a number), each as a pass of its own.

// An edit replaces text[start:end] with repl.
type edit struct {
	start, end int
	repl       string
}

// applyEdits returns text with edits (in order, not overlapping) made, and
// the pieces that align the result with text.
func applyEdits(text string, edits []edit) (string, []Piece) {
	if len(edits) == 0 {
		return text, nil
	}
	var b strings.Builder
	b.Grow(len(text) + 8*len(edits))
	var ps []Piece
	at := 0
	for _, e := range edits {
		if e.start > at {
			ps = append(ps, Piece{InStart: at, InEnd: e.start, OutStart: b.Len(), OutEnd: b.Len() + e.start - at, Same: true})
			b.WriteString(text[at:e.start])
		}
		ps = append(ps, Piece{InStart: e.start, InEnd: e.end, OutStart: b.Len(), OutEnd: b.Len() + len(e.repl)})
		b.WriteString(e.repl)
		at = e.end
	}
	if at < len(text) {
		ps = append(ps, Piece{InStart: at, InEnd: len(text), OutStart: b.Len(), OutEnd: b.Len() + len(text) - at, Same: true})
		b.WriteString(text[at:])
	}
	return b.String(), ps
}

// orthographyRules are the line rules, in the order they run.
var orthographyRules = []Rule{RepeatedLetters, ZWNJAffixes, PersianHamzeh, PersianQuotes, PunctSpacing, TrimLeading}

// lineRules are the rules that run as line rules, after the cleaner.
const lineRules = RuleSet(PunctSpacing | PersianQuotes | ZWNJAffixes | PersianHamzeh | RepeatedLetters | TrimLeading | CollapseBlankLines)

// orthographyEdits returns the edits rule r makes to text.
func orthographyEdits(r Rule, text string) []edit {
	var sc scratch
	return sc.edits(r, text)
}

// scratch holds the slices the rules work in, so that a stream's lines
// cost no allocation once they have grown.
type scratch struct {
	e    []edit
	bufs [2][]byte
}

func (sc *scratch) edits(r Rule, text string) []edit {
	sc.e = sc.e[:0]
	switch r {
	case ZWNJAffixes:
		sc.e = zwnjAffixEdits(sc.e, text, sc)
	case PersianQuotes:
		sc.e = quoteEdits(sc.e, text)
	case PunctSpacing:
		sc.e = punctSpacingEdits(sc.e, text)
	case PersianHamzeh:
		sc.e = hamzehEdits(sc.e, text)
	case RepeatedLetters:
		sc.e = repeatedEdits(sc.e, text)
	case TrimLeading:
		sc.e = leadingEdits(sc.e, text)
	}
	return sc.e
}

// hamzehEdits writes the ezafe after silent heh as هٔ: a word ending in ه
// followed by the word ی alone (after a space or a ZWNJ), or by ء.
func hamzehEdits(edits []edit, text string) []edit {
	if !strings.Contains(text, "ه") {
		return edits
	}
	for i := 0; ; {
		j := strings.Index(text[i:], "ه")
		if j < 0 {
			return edits
		}
		at := i + j + len("ه")
		prev, _ := utf8.DecodeLastRuneInString(text[:i+j])
		if isArabicLetter(prev) {
			rest := text[at:]
			for _, form := range []string{" ی", "\u200cی", "ء"} {
				if strings.HasPrefix(rest, form) {
					next, _ := utf8.DecodeRuneInString(rest[len(form):])
					if !isArabicLetter(next) && !isArabicMark(next) && next != '\u200c' {
						edits = append(edits, edit{at, at + len(form), "\u0654"})
					}
					break
				}
			}
		}
		i = at
	}
}

// repeatedEdits reduces an Arabic-script letter written three or more
// times in a row to one.
func repeatedEdits(edits []edit, text string) []edit {
	if !hasArabicScript(text) {
		return edits
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isArabicLetter(r) {
			i += n
			continue
		}
		j, count := i+n, 1
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if r2 != r {
				break
			}
			j += n2
			count++
		}
		if count >= 3 {
			edits = append(edits, edit{i + n, j, ""})
		}
		i = j
	}
	return edits
}

// leadingEdits removes the spaces and tabs at the start of each line.
func leadingEdits(edits []edit, text string) []edit {
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
			j++
		}
		if j > i {
			edits = append(edits, edit{i, j, ""})
		}
		k := strings.IndexByte(text[j:], '\n')
		if k < 0 {
			break
		}
		i = j + k + 1
	}
	return edits
}

// collapseBlankLines turns runs of blank lines of text into one; blank
// says whether the line before text was blank, and the result whether the
// last line of text is. It is a function of lines, so that a stream can
// carry blank from one line to the next.
func collapseBlankLines(edits []edit, text string, blank bool) ([]edit, bool) {
	for i := 0; i < len(text); {
		k := strings.IndexByte(text[i:], '\n')
		end := len(text)
		if k >= 0 {
			end = i + k + 1
		}
		isBlank := strings.TrimLeft(text[i:end], " \t\r\n") == "" && k >= 0
		if isBlank && blank {
			edits = append(edits, edit{i, end, ""})
		}
		if k >= 0 {
			blank = isBlank
		}
		i = end
	}
	return edits, blank
}

// appendEdited appends text with edits made to dst.
func appendEdited(dst []byte, text string, edits []edit) []byte {
	at := 0
	for _, e := range edits {
		dst = append(dst, text[at:e.start]...)
		dst = append(dst, e.repl...)
		at = e.end
	}
	return append(dst, text[at:]...)
}

// orthoLines is the line rules of a profile as a transformer's line
// function (see lineFunc.into): each rule works on the output of the one
// before, in two buffers used in turn.
type orthoLines struct {
	rules RuleSet
	all   bool // a rule acts on lines of any script (TrimLeading, CollapseBlankLines)
	sc    scratch
	blank bool // the last line was blank (CollapseBlankLines)
}

func (o *orthoLines) into(dst, line []byte) []byte { return o.intoRules(dst, line, o.rules) }

// intoRules is into with only the rules of rules that o has: the fused
// path leaves out the ones its scan knows cannot act on the line.
func (o *orthoLines) intoRules(dst, line []byte, rules RuleSet) []byte {
	cur := unsafe.String(unsafe.SliceData(line), len(line))
	if !o.all && !hasArabicScript(cur) {
		return append(dst, line...)
	}
	k := 0
	for _, r := range orthographyRules {
		if !o.rules.Has(r) || !rules.Has(r) {
			continue
		}
		edits := o.sc.edits(r, cur)
		if len(edits) == 0 {
			continue
		}
		o.sc.bufs[k] = appendEdited(o.sc.bufs[k][:0], cur, edits)
		cur = unsafe.String(unsafe.SliceData(o.sc.bufs[k]), len(o.sc.bufs[k]))
		k = 1 - k
	}
	if o.rules.Has(CollapseBlankLines) {
		var edits []edit
		edits, o.blank = collapseBlankLines(o.sc.e[:0], cur, o.blank)
		if len(edits) > 0 {
			o.sc.bufs[k] = appendEdited(o.sc.bufs[k][:0], cur, edits)
			cur = unsafe.String(unsafe.SliceData(o.sc.bufs[k]), len(o.sc.bufs[k]))
		}
	}
	return append(dst, cur...)
}

// hasArabicScript reports whether s has a letter of the Arabic script.
func hasArabicScript(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xD8 && s[i] <= 0xDB { // the lead bytes of U+0600..U+06FF
			return true
		}
	}
	// Presentation forms too, but not the noncharacters U+FDD0..U+FDEF
	// among them: U+FDD0 is the placeholder of a protected span.
	return strings.ContainsFunc(s, func(r rune) bool {
		return r >= 0x0750 && r <= 0x077F || r >= 0xFB50 && r <= 0xFEFC && !(r >= 0xFDD0 && r <= 0xFDEF)
	})
}

func isArabicLetter(r rune) bool {
	switch {
	case r >= 0x0621 && r <= 0x063A, r >= 0x0641 && r <= 0x064A, r >= 0x0671 && r <= 0x06D3, r == 0x06D5:
		return true // letters only
	}
	return (r == 0x0620 || r >= 0x066E && r <= 0x0670 || r >= 0x06EE && r <= 0x06FF || r >= 0x0750 && r <= 0x077F) && unicode.IsLetter(r)
}

func isArabicMark(r rune) bool {
	return r >= 0x064B && r <= 0x065F || r == 0x0670 || r >= 0x06D6 && r <= 0x06ED
}

// joinsLeft reports whether an Arabic-script letter joins the letter after
// it: ا د ذ ر ز ژ و آ أ إ ؤ ة ء and their kin do not, so a ZWNJ after them
// is meaningless (hazm#367).
func joinsLeft(r rune) bool {
	switch r {
	case 'ا', 'آ', 'أ', 'إ', 'ٱ', 'د', 'ذ', 'ر', 'ز', 'ژ', 'و', 'ؤ', 'ة', 'ء', 'ۀ', 'ۆ', 'ۇ', 'ۈ', 'ۋ', 'ۅ', 'ۉ', 'ے', 'ۓ', 'ڈ', 'ڑ', 'ډ', 'ړ', 'ږ', 'ڕ', 'ە':
		return false
	}
	return isArabicLetter(r)
}

// ---- ZWNJ at affixes (fa) ----

// The affixes the zwnj-affixes rule joins when they are written apart:
// prefixes before a word, suffixes after one. Clitics (ام ات اش ایم اید
// اند) only after a word that ends in silent heh or yeh, where Persian
// writes them apart with a ZWNJ (خانه‌ام, رفته‌اند); after other letters a
// clitic written apart is as often a word of its own.
var (
	zwnjPrefixes = []string{"می", "نمی"}
	zwnjSuffixes = []string{"هایی", "های", "ها"}
	zwnjClitics  = []string{"ام", "ات", "اش", "ایم", "اید", "اند"}
)

// zwnjAffixEdits joins the affixes written apart with a space: "می روم" is
// "می‌روم", "کتاب ها" "کتاب‌ها", "خانه ام" "خانه‌ام"; after a letter that
// does not join to the left the suffix is joined without a ZWNJ
// ("دانشجو ها" is "دانشجوها"). Words that only look like an affix are
// left alone: the prefix must stand alone and be followed by a word of two
// or more letters that is not itself an affix. The superlative ترین is
// joined after any word of two or more letters, as it is no word of its
// own; the comparative تر only after an adjective of comparativeAdjectives
// or before از (than: "سرد تر از"), as تر is also a word (wet: "لباس تر").
func zwnjAffixEdits(edits []edit, text string, sc *scratch) []edit {
	if !hasArabicScript(text) {
		return edits
	}
	// Only a space between two Arabic-script words can change: look at
	// the words on either side of each.
	for at := 0; ; {
		k := strings.IndexByte(text[at:], ' ')
		if k < 0 {
			return edits
		}
		i := at + k
		at = i + 1
		if !mayJoinAt(text, i) {
			continue // most spaces: no affix on either side
		}
		ws, we := wordBefore(text, i), i
		ns, ne := i+1, wordAfter(text, i+1)
		if ws == we || ns == ne {
			continue
		}
		ww, nw := text[ws:we], text[ns:ne]
		// The next word's first part, before a ZWNJ: a clitic or suffix
		// there is one still once a suffix after it is joined ("می ایم
		// ها" gives "می ایم‌ها", which must stay as it is).
		nw0, _, _ := strings.Cut(nw, "\u200c")
		switch {
		case isOneOf(ww, zwnjPrefixes) && !afterZWNJ(text, ws) && utf8.RuneCountInString(nw) >= 2 &&
			!strings.HasPrefix(nw, "می\u200c") && !strings.HasPrefix(nw, "نمی\u200c") &&
			!isOneOf(nw0, zwnjSuffixes) && !isOneOf(nw0, zwnjClitics) && !isOneOf(nw0, zwnjPrefixes):
			edits = append(edits, edit{i, i + 1, "\u200c"})
		case isOneOf(nw, zwnjSuffixes) && !isOneOf(ww, zwnjPrefixes) && suffixFits(ww, nw):
			edits = append(edits, edit{i, i + 1, joiner(ww)})
		case isOneOf(nw, zwnjClitics) && (strings.HasSuffix(ww, "ه") || strings.HasSuffix(ww, "ی")) && utf8.RuneCountInString(ww) >= 3:
			edits = append(edits, edit{i, i + 1, joiner(ww)})
		case nw == "ترین" && utf8.RuneCountInString(ww) >= 2 && !isOneOf(ww, zwnjPrefixes),
			nw == "تر" && (isComparativeAdjective(ww) || strings.HasPrefix(text[ne:], " از ")):
			edits = append(edits, edit{i, i + 1, joiner(ww)})
		}
	}
}

// mayJoinAt reports whether the space at text[i] may be one that the
// rule joins: the word before it is a prefix (zwnjPrefixes, می and نمی),
// or the word after it a suffix, a clitic or the comparative (zwnjSuffixes,
// zwnjClitics, تر and ترین), words as wordBefore and wordAfter find them.
// It is the test that spares the rest of the rule for most spaces, and
// what the fused scan asks of text it has not cleaned yet: so a yeh may be
// any of ی ي ى, which the letter rules write as one, and a ZWNJ or a rune
// the cleaner may drop beside the affix does not end it (TestMayJoinAt
// checks it against the lists).
func mayJoinAt(text string, i int) bool {
	return mayJoinNear(text, i) && mayJoinAtWord(text, i)
}

// mayJoinNear is the first test of mayJoinAt, which most spaces fail and
// which is inlined: the last bytes of م and a yeh before the space, or
// those of the first two letters of an affix after it (ا ه ت, then one
// that follows them in an affix). Not ال, which starts most words of
// Arabic, nor the Cyrillic letters that end in a yeh's last byte.
func mayJoinNear(text string, i int) bool {
	return i >= 3 && joinTail[text[i-1]] && text[i-3] == 0x85 || i+4 < len(text) && joinHead[text[i+2]] && joinSecond[text[i+4]]
}

// joinTail, joinHead and joinSecond are set for the last bytes of ی ي ى,
// of ا ه ت, and of ا م ت ش ر ن ی ي ى.
var (
	joinTail   = [256]bool{0x8C: true, 0x8A: true, 0x89: true}
	joinHead   = [256]bool{0xA7: true, 0x87: true, 0xAA: true}
	joinSecond = [256]bool{0xA7: true, 0x85: true, 0xAA: true, 0xB4: true, 0xB1: true, 0x86: true, 0x8C: true, 0x8A: true, 0x89: true}
)

// mayJoinAtWord is mayJoinAt once the bytes beside the space may be an
// affix's.
func mayJoinAtWord(text string, i int) bool {
	if i >= 4 && text[i-4:i-2] == "م" && isYeh(text[i-2:i]) {
		if j := i - 4; !arabicLetterOrMarkBefore(text, j) {
			return true
		} else if j >= 2 && text[j-2:j] == "ن" && !arabicLetterOrMarkBefore(text, j-2) {
			return true
		}
	}
	rest := text[i+1:]
	if len(rest) < 4 {
		return false
	}
	// ends reports whether an affix of n bytes is all of the next word.
	ends := func(n int) bool { return !arabicLetterOrMarkAt(rest, n) }
	switch rest[:4] {
	case "ها":
		if ends(4) {
			return true
		}
		if len(rest) >= 6 && isYeh(rest[4:6]) {
			return ends(6) || len(rest) >= 8 && isYeh(rest[6:8]) && ends(8)
		}
	case "ام", "ات", "اش":
		return ends(4)
	case "تر":
		return ends(4) || len(rest) >= 8 && isYeh(rest[4:6]) && rest[6:8] == "ن" && ends(8)
	case "اي", "ای", "اى":
		return len(rest) >= 6 && (rest[4:6] == "م" || rest[4:6] == "د") && ends(6)
	case "ان":
		return len(rest) >= 6 && rest[4:6] == "د" && ends(6)
	}
	return false
}

// isYeh reports whether s, two bytes, is a yeh the letter rules write as
// Persian yeh: ی ي ى.
func isYeh(s string) bool { return s == "ی" || s == "ي" || s == "ى" }

// arabicLetterOrMarkAt reports whether text[j] starts a letter or mark of
// the Arabic script (isArabicLetter, isArabicMark): of the two-byte ones,
// all that wordAfter and wordBefore step over.
func arabicLetterOrMarkAt(text string, j int) bool {
	if j+1 >= len(text) {
		return false
	}
	c := text[j]
	if c < 0xD8 || c > 0xDD || text[j+1]&0xC0 != 0x80 {
		return false
	}
	r := rune(c&0x1F)<<6 | rune(text[j+1]&0x3F)
	return isArabicLetter(r) || isArabicMark(r)
}

// arabicLetterOrMarkBefore reports whether a letter or mark of the
// Arabic script ends at text[j].
func arabicLetterOrMarkBefore(text string, j int) bool {
	return j >= 2 && arabicLetterOrMarkAt(text, j-2)
}

// wordBefore returns where the Arabic-script word (letters, marks and
// ZWNJs between them) that ends at text[end] starts; end if none does.
func wordBefore(text string, end int) int {
	i := end
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if !(isArabicLetter(r) || isArabicMark(r) || r == '\u200c' && i < end) {
			break
		}
		i -= n
	}
	for i < end && strings.HasPrefix(text[i:], "\u200c") {
		i += len("\u200c")
	}
	return i
}

// wordAfter returns where the Arabic-script word that starts at
// text[start] ends (ZWNJs at its end left out); start if none starts
// there.
func wordAfter(text string, start int) int {
	i := start
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !(isArabicLetter(r) || isArabicMark(r) || r == '\u200c' && i > start) {
			break
		}
		i += n
	}
	return trimZWNJ(text, start, i)
}

// afterZWNJ reports whether a ZWNJ comes right before text[i]: the word
// there is the end of a longer one.
func afterZWNJ(text string, i int) bool { return strings.HasSuffix(text[:i], "\u200c") }

// suffixFits reports whether suffix may join word: after any word of two
// or more letters.
func suffixFits(word, suffix string) bool {
	return utf8.RuneCountInString(word) >= 2
}

//go:generate go run gen_comparatives.go

// isComparativeAdjective reports whether word is one of the adjectives
// real Persian text writes with the comparative تر.
func isComparativeAdjective(word string) bool {
	_, found := slices.BinarySearch(comparativeAdjectives, word)
	return found
}

// joiner is what goes between word and a suffix: a ZWNJ, or nothing after
// a letter that does not join to the left.
func joiner(word string) string {
	last, _ := utf8.DecodeLastRuneInString(word)
	if joinsLeft(last) {
		return "\u200c"
	}
	return ""
}

func isOneOf(s string, list []string) bool {
	for _, x := range list {
		if s == x {
			return true
		}
	}
	return false
}

func trimZWNJ(text string, start, end int) int {
	for end > start && strings.HasSuffix(text[:end], "\u200c") {
		end -= len("\u200c")
	}
	return end
}

// ---- Persian quotation marks (fa) ----

// quoteEdits turns a pair of straight double quotes, or of curly ones
// (“…” or ”…“ as right-to-left text often has them), around text with
// Arabic-script letters and no Latin ones into «…», on one line.
func quoteEdits(edits []edit, text string) []edit {
	if !hasArabicScript(text) || strings.IndexByte(text, '"') < 0 && !strings.Contains(text, "“") && !strings.Contains(text, "”") {
		return edits
	}
	open := -1
	var openRune rune
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			open = -1
		case r == '"' || r == '“' || r == '”':
			if open < 0 {
				open, openRune = i, r
				break
			}
			closes := openRune == '"' && r == '"' || openRune != '"' && r != '"'
			if !closes {
				break
			}
			inner := text[open+utf8.RuneLen(openRune) : i]
			if inner != "" && hasArabicScript(inner) && !strings.ContainsAny(inner, "\"“”«»") &&
				!strings.ContainsFunc(inner, func(c rune) bool { return c < 0x250 && unicode.IsLetter(c) }) {
				edits = append(edits, edit{open, open + utf8.RuneLen(openRune), "«"}, edit{i, i + n, "»"})
			}
			open = -1
		}
		i += n
	}
	return edits
}

// ---- Punctuation spacing (fa, ar, ur, ps) ----

// Punctuation that takes no space before it and one after, and brackets
// and guillemets that take no padding inside.
func isClosingPunct(r rune) bool {
	switch r {
	case '،', '؛', '؟', '!', '.', ':', '»', ')', ']', '۔', '…':
		return true
	}
	return false
}

func isOpeningPunct(r rune) bool { return r == '«' || r == '(' || r == '[' }

// punctSpacingEdits spaces the punctuation of Arabic-script text: no
// space before ، ؛ ؟ ! . : » ) ] ۔ …, one space after them before a
// letter; no padding inside « » ( ) [ ]; ".." and "..." after a letter
// become "…". It acts only beside Arabic-script letters, so Latin text,
// code and file names keep their own spacing.
func punctSpacingEdits(edits []edit, text string) []edit {
	if !hasArabicScript(text) {
		return edits
	}
	prevRune := func(i int) (rune, int) { return utf8.DecodeLastRuneInString(text[:i]) }
	for i := 0; i < len(text); {
		// Only these bytes start what the rule acts at: white space, . !
		// : ) ] and the lead bytes of ، ؛ ؟ ۔ « » …; the rest is skipped a
		// byte at a time (a lead byte is never a continuation byte).
		switch text[i] {
		case ' ', '\t', '.', '!', ':', ')', ']':
		case 0xD8, 0xDB, 0xC2:
			// Of the two-byte runes with these lead bytes, only ، ؛ ؟
			// ۔ « »: the letters of Arabic script skip so, not decoded.
			if i+1 < len(text) && !punctSecond(text[i], text[i+1]) {
				i += 2
				continue
			}
		case 0xE2:
		default:
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '.' && strings.HasPrefix(text[i:], ".."):
			end := i + 2
			if strings.HasPrefix(text[i:], "...") {
				end = i + 3
			}
			if p := prevSolid(text, i); (isArabicLetter(p) || isArabicMark(p)) && (end == len(text) || text[end] != '.') {
				edits = append(edits, edit{i, end, "…"})
				edits = spaceAfter(edits, text, end)
				i = end
				continue
			}
			i = end
			continue
		case r == ' ' || r == '\t':
			// Spaces before closing punctuation, after an Arabic letter
			// (or a closing mark after one), go.
			j := i
			for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
				j++
			}
			if !spacingMayAt(text, i, j) {
				i = j // most spaces: no punctuation beside
				continue
			}
			next, _ := utf8.DecodeRuneInString(text[j:])
			p, _ := prevRune(i)
			if j < len(text) && isClosingPunct(next) && (isArabicLetter(p) || isArabicMark(p) || p == '»' || p == ')') && i > 0 && !isPeriodOfNumber(text, j) {
				edits = append(edits, edit{i, j, ""})
			}
			// Padding after an opening mark before Arabic text goes.
			if isOpeningPunct(p) && (isArabicLetter(next) || isArabicMark(next)) && !isLineStartAt(text, i) {
				edits = append(edits, edit{i, j, ""})
			}
			i = j
			continue
		case isClosingPunct(r) && r != ')' && r != ']' && r != '»':
			if p := prevSolid(text, i); isArabicLetter(p) || isArabicMark(p) || r == '،' || r == '؛' || r == '؟' || r == '۔' {
				edits = spaceAfter(edits, text, i+n)
			}
		case r == '»' || r == ')' || r == ']':
			if p := prevSolid(text, i); isArabicLetter(p) || isArabicMark(p) || (p == '.' || p == '؟' || p == '!' || p == '…') && arabicBefore(text, i) {
				edits = spaceAfter(edits, text, i+n)
			}
		}
		i += n
	}
	return mergeEdits(edits)
}

// spacingMayAt reports whether the spaces text[i:j] may be edited by
// punctSpacingEdits, as bytes: whether closing punctuation follows them
// or opening punctuation is before them.
func spacingMayAt(text string, i, j int) bool {
	if j < len(text) {
		switch text[j] {
		case '!', '.', ':', ')', ']':
			return true
		case 0xD8, 0xDB, 0xC2, 0xE2:
			if j+1 < len(text) && punctSecond(text[j], text[j+1]) || text[j] == 0xE2 {
				return true
			}
		}
	}
	if i > 0 {
		switch text[i-1] {
		case '(', '[', 0xAB: // « is C2 AB
			return true
		}
	}
	return false
}

// punctSecond reports whether lead, second are the first two bytes of
// one of ، ؛ ؟ ۔ « », the punctuation of punctSpacingEdits of two bytes,
// or may start no rune of two bytes (so that it is decoded after all).
func punctSecond(lead, second byte) bool {
	if second&0xC0 != 0x80 {
		return true
	}
	switch lead {
	case 0xD8:
		return second == 0x8C || second == 0x9B || second == 0x9F
	case 0xDB:
		return second == 0x94
	case 0xC2:
		return second == 0xAB || second == 0xBB
	}
	return true
}

// prevSolid returns the last character before text[i] that is not a space
// or a tab on its line (the spaces before it go, so the result must not
// depend on them), or 0.
func prevSolid(text string, i int) rune {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if r != ' ' && r != '\t' {
			if r == '\n' {
				return 0
			}
			return r
		}
		i -= n
	}
	return 0
}

// arabicBefore reports whether the nearest letter before text[i] on its
// line is of the Arabic script.
func arabicBefore(text string, i int) bool {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if r == '\n' {
			return false
		}
		if unicode.IsLetter(r) {
			return isArabicLetter(r)
		}
		i -= n
	}
	return false
}

// spaceAfter adds a space at text[at] if an Arabic-script letter or an
// opening mark follows there directly.
func spaceAfter(edits []edit, text string, at int) []edit {
	if at >= len(text) {
		return edits
	}
	next, _ := utf8.DecodeRuneInString(text[at:])
	if isArabicLetter(next) || next == '«' || next == '(' {
		edits = append(edits, edit{at, at, " "})
	}
	return edits
}

// isPeriodOfNumber reports whether text[j] is a point between digits (a
// number the masking missed, such as one of a single digit).
func isPeriodOfNumber(text string, j int) bool {
	if text[j] != '.' && text[j] != ':' {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[j+1:])
	return unicode.IsDigit(next)
}

func isLineStartAt(text string, i int) bool { return i == 0 || text[i-1] == '\n' }

// mergeEdits sorts edits by place and drops any that overlap one before.
func mergeEdits(edits []edit) []edit {
	if len(edits) < 2 {
		return edits
	}
	// Edits come almost in order: an insertion sort.
	for i := 1; i < len(edits); i++ {
		for j := i; j > 0 && (edits[j].start < edits[j-1].start || edits[j].start == edits[j-1].start && edits[j].end < edits[j-1].end); j-- {
			edits[j], edits[j-1] = edits[j-1], edits[j]
		}
	}
	out := edits[:1]
	for _, e := range edits[1:] {
		if last := out[len(out)-1]; e.start < last.end || e.start == last.start && e.end == last.end {
			continue
		}
		out = append(out, e)
	}
	return out
}
