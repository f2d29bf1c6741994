package normalize

import (
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// opKind says what the cleaner does with a rune.
type opKind uint8

const (
	opKeep opKind = iota
	opDrop
	opReplace       // write repl instead
	opNewline       // LF: ends a line (trailing spaces, pending ZWNJ)
	opLineBreak     // CR, VT, FF, NEL, LS, PS: a line break written as LF
	opSpace         // a space that trimming and collapsing look at
	opTab           // a tab that trimming looks at
	opZWNJ          // kept only between two letters
	opPunct         // repl after an Arabic-script letter unless a digit follows
	opUnlessHamza   // repl, unless a following HAMZA ABOVE composes with it
	opPositionalYeh // YEH where the next letter joins, ALEF MAKSURA elsewhere
	opExpand        // repl, whose runes are cleaned in turn
	opEndLine       // a line break kept as it is: ends a line
)

type op struct {
	kind opKind
	repl string
	rule Rule // the rule that asks for the op, for Explain; 0 for kept runes
}

// table is a RuleSet compiled for lookups: an op index per rune for the
// blocks where almost all work happens (ASCII, Latin, Arabic and General
// Punctuation), and ruleOp itself for the rare rest.
type table struct {
	rules     RuleSet
	ops       []op
	low       [0x800]uint8 // U+0000..U+07FF
	gen       [0x70]uint8  // U+2000..U+206F
	asciiKeep [0x80]bool   // bytes copied as they are, space excluded
	// spaceStateful is set when spaces go through trimming or collapsing.
	spaceStateful bool
	// tracksLetters is set when a rule looks at the previous letter.
	tracksLetters bool
	// ahead is what decides says of each rune below U+0800 for
	// opUnlessHamza and opPositionalYeh: 0 when it looks further (a
	// mark, a rune dropped), else 1 + next.
	ahead [2][0x800]uint8
}

var tables sync.Map // RuleSet -> *table

func tableFor(rs RuleSet) *table {
	if t, ok := tables.Load(rs); ok {
		return t.(*table)
	}
	t, _ := tables.LoadOrStore(rs, compile(rs))
	return t.(*table)
}

func compile(rs RuleSet) *table {
	t := &table{
		rules:         rs,
		ops:           []op{{kind: opKeep}},
		spaceStateful: rs&RuleSet(TrimTrailing|CollapseSpaces) != 0,
		tracksLetters: rs&RuleSet(ZWNJ|ArabicPunctuation) != 0,
	}
	index := map[op]uint8{{kind: opKeep}: 0}
	intern := func(o op) uint8 {
		if i, ok := index[o]; ok {
			return i
		}
		if len(t.ops) == 255 {
			panic("normalize: too many distinct ops")
		}
		t.ops = append(t.ops, o)
		index[o] = uint8(len(t.ops) - 1)
		return index[o]
	}
	for r := rune(0); r < 0x800; r++ {
		t.low[r] = intern(ruleOp(rs, r))
	}
	for r := rune(0x2000); r < 0x2070; r++ {
		t.gen[r-0x2000] = intern(ruleOp(rs, r))
	}
	for b := 0; b < 0x80; b++ {
		t.asciiKeep[b] = t.low[b] == 0 && b != ' ' && b != '\n'
	}
	for k, kind := range []opKind{opUnlessHamza, opPositionalYeh} {
		for r := rune(0); r < 0x800; r++ {
			if next, done := t.decides(kind, r); done {
				t.ahead[k][r] = 1 + uint8(next)
			}
		}
	}
	return t
}

// lookup returns the op for r.
func (t *table) lookup(r rune) op {
	switch {
	case r < 0x800:
		return t.ops[t.low[r]]
	case r >= 0x2000 && r < 0x2070:
		return t.ops[t.gen[r-0x2000]]
	case mayChange(r):
		return ruleOp(t.rules, r)
	}
	return op{}
}

// keeps reports whether r is copied unchanged with no state to update.
func (t *table) keeps(r rune) bool {
	switch {
	case r < 0x800:
		return t.low[r] == 0
	case r >= 0x2000 && r < 0x2070:
		return t.gen[r-0x2000] == 0
	case mayChange(r):
		return ruleOp(t.rules, r).kind == opKeep
	}
	return true
}

// mayChange reports whether some rule may touch r >= U+0800 outside the
// General Punctuation block.
func mayChange(r rune) bool {
	switch {
	case r >= 0x08D3 && r <= 0x08FF, r == 0x1680,
		r >= 0x1AB0 && r <= 0x1AFF, r >= 0x1DC0 && r <= 0x1DFF,
		r >= 0x20D0 && r <= 0x20FF, r == 0x2212, r == 0x3000,
		r >= 0xFB50 && r <= 0xFDFF, r >= 0xFE20 && r <= 0xFE2F,
		r >= 0xFE70 && r <= 0xFEFF:
		return true
	}
	return false
}

// isLineBreak reports whether r is a mandatory line break of UAX #14 other
// than LF.
func isLineBreak(r rune) bool {
	switch r {
	case '\r', '\v', '\f', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// isSpaceSeparator reports whether r is a space separator (Zs) other than
// SPACE.
func isSpaceSeparator(r rune) bool {
	return r != ' ' && unicode.Is(unicode.Zs, r)
}

// isHarakat reports whether r is an Arabic vowel or Quranic mark. MADDA
// ABOVE, HAMZA ABOVE and HAMZA BELOW U+0653..U+0655 are not: they are parts
// of letters that they compose with canonically (U+0627 U+0654 is U+0623),
// and removing them from decomposed letters only would treat canonically
// equivalent text differently.
func isHarakat(r rune) bool {
	switch {
	case r >= 0x064B && r <= 0x0652, r >= 0x0656 && r <= 0x065F, r == 0x0670:
		return true
	case r >= 0x06D6 && r <= 0x06ED, r >= 0x08D3 && r <= 0x08FF:
		return unicode.Is(unicode.Mn, r)
	}
	return false
}

func isLatinDiacritic(r rune) bool {
	switch {
	case r >= 0x0300 && r <= 0x036F, r >= 0x1AB0 && r <= 0x1AFF,
		r >= 0x1DC0 && r <= 0x1DFF, r >= 0x20D0 && r <= 0x20FF,
		r >= 0xFE20 && r <= 0xFE2F:
		return unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r)
	}
	return false
}

// ruleOp is the one place that says what a rule set does to a rune; the
// tables are filled from it.
func ruleOp(rs RuleSet, r rune) op {
	has := rs.Has
	stateful := rs&RuleSet(TrimTrailing|CollapseSpaces|ZWNJ|ArabicPunctuation) != 0
	switch {
	case r == '\n':
		if stateful || has(LineEndings) {
			return op{kind: opNewline}
		}
		return op{}
	case isLineBreak(r):
		switch {
		case has(LineEndings):
			return op{kind: opLineBreak, rule: LineEndings}
		case stateful:
			// Kept, but it still ends the line whose trailing spaces
			// go and whose held-back characters are settled.
			return op{kind: opEndLine}
		}
		return op{}
	case r == ' ':
		if has(TrimTrailing) || has(CollapseSpaces) {
			return op{kind: opSpace}
		}
		return op{}
	case r == '\t':
		if has(TrimTrailing) {
			return op{kind: opTab}
		}
		return op{}
	case isSpaceSeparator(r):
		switch {
		case !has(Spaces):
			return op{}
		case has(TrimTrailing) || has(CollapseSpaces):
			return op{kind: opSpace}
		}
		return op{kind: opReplace, repl: " ", rule: Spaces}
	case r < 0x20 || r >= 0x7F && r < 0xA0:
		if has(Controls) {
			return op{kind: opDrop, rule: Controls}
		}
		return op{}
	case r == 0xFEFF || r == 0xAD || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069:
		if has(Invisibles) {
			return op{kind: opDrop, rule: Invisibles}
		}
		return op{}
	case r == 0x0640:
		if has(Tatweel) {
			return op{kind: opDrop, rule: Tatweel}
		}
		return op{}
	case r == 0x200C:
		switch {
		case has(RemoveZWNJ):
			return op{kind: opDrop, rule: RemoveZWNJ}
		case has(ZWNJ):
			return op{kind: opZWNJ, rule: ZWNJ}
		}
		return op{}
	}
	if has(ArabicPunctuation) {
		switch r {
		case ',':
			return op{kind: opPunct, repl: "\u060C", rule: ArabicPunctuation}
		case ';':
			return op{kind: opPunct, repl: "\u061B", rule: ArabicPunctuation}
		case '?':
			return op{kind: opPunct, repl: "\u061F", rule: ArabicPunctuation}
		}
	}
	if has(Quotes) {
		switch r {
		case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032:
			return op{kind: opReplace, repl: "'", rule: Quotes}
		case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB, 0x2039, 0x203A:
			return op{kind: opReplace, repl: `"`, rule: Quotes}
		}
	}
	if has(Dashes) && (r >= 0x2010 && r <= 0x2015 || r == 0x2212) {
		return op{kind: opReplace, repl: "-", rule: Dashes}
	}
	if d, ok := digitOp(rs, r); ok {
		return d
	}
	if has(Harakat) && isHarakat(r) {
		return op{kind: opDrop, rule: Harakat}
	}
	if has(Diacritics) && (isHarakat(r) || isLatinDiacritic(r)) {
		return op{kind: opDrop, rule: Diacritics}
	}
	if l, ok := letterOp(rs, r); ok {
		return l
	}
	if has(PresentationForms) && (r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFC) {
		if d := presentationForm(r); d != "" {
			return op{kind: opExpand, repl: d, rule: PresentationForms}
		}
	}
	return op{}
}

func digitOp(rs RuleSet, r rune) (op, bool) {
	var zero rune
	switch {
	case r >= 0x0660 && r <= 0x0669:
		zero = 0x0660
	case r >= 0x06F0 && r <= 0x06F9:
		zero = 0x06F0
	case r >= '0' && r <= '9' && rs&RuleSet(DigitsPersianAll|DigitsArabicAll) != 0:
		zero = '0'
	default:
		return op{}, false
	}
	var to rune
	var rule Rule
	switch {
	case rs.Has(DigitsASCII):
		to, rule = '0', DigitsASCII
	case rs.Has(DigitsPersianAll) && zero != 0x06F0:
		to, rule = 0x06F0, DigitsPersianAll
	case rs.Has(DigitsArabicAll) && zero != 0x0660:
		to, rule = 0x0660, DigitsArabicAll
	case rs.Has(DigitsPersian) && zero == 0x0660:
		to, rule = 0x06F0, DigitsPersian
	case rs.Has(DigitsArabic) && zero == 0x06F0:
		to, rule = 0x0660, DigitsArabic
	default:
		return op{}, false
	}
	return op{kind: opReplace, repl: string(to + r - zero), rule: rule}, true
}

const (
	arabicYeh    = "\u064A"
	alefMaksura  = "\u0649"
	farsiYeh     = "\u06CC"
	arabicKaf    = "\u0643"
	keheh        = "\u06A9"
	heh          = "\u0647"
	hehGoal      = "\u06C1"
	alef         = "\u0627"
	waw          = "\u0648"
	yehBarree    = "\u06D2"
	hamzaAbove   = 0x0654
	maxLookahead = 32 // marks looked through; norm's stream-safe limit is 30
)

func letterOp(rs RuleSet, r rune) (op, bool) {
	// The letter rules exclude each other: rule is the one in rs.
	rule := Rule(rs & RuleSet(PersianLetters|ArabicLetters|UrduLetters|PashtoLetters|KafYehToArabic|SearchLetters))
	rep := func(s string) (op, bool) { return op{kind: opReplace, repl: s, rule: rule}, true }
	switch {
	case rs.Has(PersianLetters), rs.Has(UrduLetters):
		switch r {
		case 0x064A:
			return op{kind: opUnlessHamza, repl: farsiYeh, rule: rule}, true
		case 0x0649:
			return rep(farsiYeh)
		case 0x0643:
			return rep(keheh)
		case 0x0647:
			if rs.Has(UrduLetters) {
				return rep(hehGoal)
			}
		}
	case rs.Has(PashtoLetters):
		switch r {
		case 0x0643:
			return rep(keheh)
		case 0x0649:
			return rep(farsiYeh)
		}
	case rs.Has(ArabicLetters):
		switch r {
		case 0x06A9:
			return rep(arabicKaf)
		case 0x06CC:
			return op{kind: opPositionalYeh, rule: rule}, true
		}
	case rs.Has(KafYehToArabic):
		switch r {
		case 0x06A9:
			return rep(arabicKaf)
		case 0x06CC, 0x0649:
			return rep(arabicYeh)
		}
	case rs.Has(SearchLetters):
		switch r {
		case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673:
			return rep(alef)
		case 0x0629, 0x06C0, 0x06C1, 0x06C2, 0x06D5:
			return rep(heh)
		case 0x06D3:
			return rep(yehBarree)
		case 0x0653, 0x0654, 0x0655:
			// The madda and hamzas of decomposed letters (U+0627
			// U+0654 is U+0623), removed as the composed letters
			// are mapped.
			return op{kind: opDrop, rule: rule}, true
		case 0x064A, 0x0649, 0x0626:
			return rep(farsiYeh)
		case 0x0643:
			return rep(keheh)
		case 0x0624:
			return rep(waw)
		}
	}
	return op{}, false
}

var (
	presentationOnce sync.Once
	presentation     []string // U+FB50..U+FEFC -> NFKC, "" where unchanged
)

func presentationForm(r rune) string {
	presentationOnce.Do(func() {
		presentation = make([]string, 0xFEFD-0xFB50)
		for c := rune(0xFB50); c <= 0xFEFC; c++ {
			if s := norm.NFKC.String(string(c)); s != string(c) {
				presentation[c-0xFB50] = s
			}
		}
	})
	return presentation[r-0xFB50]
}

// Letter classes the cleaner tracks, precomputed below U+0800.
const (
	classLetterOrMark = 1 << iota
	classArabicLetter
	classMark
	classDigit
)

// lowClass is set by its initializer, not init: tables compiled while
// the package's variables are initialized use it (table.ahead).
var lowClass = func() (c [0x800]uint8) {
	for r := range rune(0x800) {
		c[r] = computeClass(r)
	}
	return c
}()

func computeClass(r rune) uint8 {
	var c uint8
	if unicode.IsLetter(r) || unicode.IsMark(r) {
		c |= classLetterOrMark
	}
	if unicode.IsMark(r) {
		c |= classMark
	}
	if unicode.IsLetter(r) && unicode.Is(unicode.Arabic, r) {
		c |= classArabicLetter
	}
	if unicode.IsDigit(r) {
		c |= classDigit
	}
	return c
}

func classOf(r rune) uint8 {
	if r >= 0 && r < 0x800 {
		return lowClass[r]
	}
	if r == numberPlaceholder {
		return classDigit // a protected number (see placeholder)
	}
	return computeClass(r)
}
