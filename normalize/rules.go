package normalize

import (
	"fmt"
	"math/bits"
	"strings"

	"github.com/textnorm/textnorm/diag"
)

// A Rule is one named, documented normalization step. Rules are bit flags so
// that a set of them (a [RuleSet]) is one integer; the rules of a set run
// fused in a single pass over the text (see [RuleSet.Transformer]), which is
// what makes profiles nearly as fast as Unicode normalization alone.
type Rule uint64

// The rules. Each one's doc comment says which code points it touches; the
// README has the same table with the profiles that use each rule.
const (
	// LineEndings turns every mandatory line break of UAX #14 (CR LF, CR,
	// VT U+000B, FF U+000C, NEL U+0085, LINE SEPARATOR U+2028, PARAGRAPH
	// SEPARATOR U+2029) into one LF.
	LineEndings Rule = 1 << iota
	// Controls removes C0 and C1 control characters and DEL, except TAB, LF
	// and the line breaks that LineEndings handles, and terminal escape
	// sequences whole (see ansi.go), but not the white space before a
	// protected span that one would run into. Invalid bytes that would
	// join once a control between them is gone do not: the later becomes
	// U+FFFD.
	Controls
	// Invisibles removes the BOM / ZERO WIDTH NO-BREAK SPACE U+FEFF, SOFT
	// HYPHEN U+00AD and the bidi embedding, override and isolate controls
	// U+202A..U+202E and U+2066..U+2069. The bidi marks LRM, RLM and ALM,
	// ZWJ and ZWNJ are kept: they change how text displays.
	Invisibles
	// Spaces maps NO-BREAK SPACE U+00A0 and the other space separators (Zs:
	// U+1680, U+2000..U+200A, U+202F, U+205F, U+3000) to SPACE U+0020.
	Spaces
	// TrimTrailing removes spaces and tabs at the end of each line. Without
	// LineEndings, a line ends at any line break LineEndings knows, kept
	// as it is.
	TrimTrailing
	// CollapseSpaces turns a run of SPACEs inside a line into one. Leading
	// indentation is kept as it is.
	CollapseSpaces
	// Tatweel removes ARABIC TATWEEL U+0640, the justification stroke.
	Tatweel
	// PersianLetters maps ARABIC LETTER YEH U+064A and ALEF MAKSURA U+0649 to
	// FARSI YEH U+06CC, and ARABIC LETTER KAF U+0643 to KEHEH U+06A9, the
	// letters of standard Persian orthography. A yeh that a following HAMZA
	// ABOVE composes with (U+064A U+0654, canonically U+0626) is left alone.
	PersianLetters
	// ArabicLetters maps KEHEH U+06A9 to KAF U+0643, and FARSI YEH U+06CC to
	// YEH U+064A where it joins the next letter and to ALEF MAKSURA U+0649
	// where it ends a word, which is how each of them displays.
	ArabicLetters
	// UrduLetters maps ARABIC YEH U+064A and ALEF MAKSURA U+0649 to FARSI
	// YEH U+06CC, KAF U+0643 to KEHEH U+06A9 and HEH U+0647 to HEH GOAL
	// U+06C1, as in standard Urdu orthography.
	UrduLetters
	// PashtoLetters maps KAF U+0643 to KEHEH U+06A9 and ALEF MAKSURA U+0649
	// to FARSI YEH U+06CC. ARABIC YEH U+064A stays: Pashto uses it as a
	// letter of its own.
	PashtoLetters
	// KafYehToArabic folds KEHEH U+06A9 to KAF U+0643 and FARSI YEH U+06CC
	// and ALEF MAKSURA U+0649 to YEH U+064A, as search engines (Lucene's
	// Persian normalizer) do. It is the alternative to PersianLetters, not
	// display preserving, and on in no profile.
	KafYehToArabic
	// SearchLetters merges the Arabic-script letter variants that readers
	// treat as one letter: alef with hamza or madda and ALEF WASLA to ALEF,
	// TEH MARBUTA, HEH GOAL and AE to HEH, ARABIC YEH and ALEF MAKSURA to
	// FARSI YEH, KAF to KEHEH, WAW WITH HAMZA to WAW, YEH BARREE WITH HAMZA
	// to YEH BARREE. It removes the combining MADDA and HAMZA ABOVE and
	// BELOW U+0653..U+0655, so that decomposed letters merge like composed
	// ones.
	SearchLetters
	// PresentationForms maps the Arabic presentation forms (U+FB50..U+FDFF,
	// U+FE70..U+FEFC, as text extracted from PDF carries) to the letters they
	// show, through their compatibility decompositions.
	PresentationForms
	// DigitsPersian maps ARABIC-INDIC digits U+0660..U+0669 to EXTENDED
	// ARABIC-INDIC (Persian) digits U+06F0..U+06F9. ASCII digits stay.
	DigitsPersian
	// DigitsArabic maps EXTENDED ARABIC-INDIC digits U+06F0..U+06F9 to
	// ARABIC-INDIC digits U+0660..U+0669. ASCII digits stay.
	DigitsArabic
	// DigitsASCII maps both Arabic-Indic digit sets to ASCII 0..9.
	DigitsASCII
	// ZWNJ cleans up ZERO WIDTH NON-JOINER U+200C: a doubled one becomes one,
	// one beside a space or at a word's edge (not between two letters) is
	// removed.
	ZWNJ
	// RemoveZWNJ removes every ZWNJ, so that words typed with a ZWNJ, a space
	// or nothing between their parts match more often.
	RemoveZWNJ
	// ArabicPunctuation maps ASCII comma, semicolon and question mark that
	// follow an Arabic-script letter to ARABIC COMMA U+060C, SEMICOLON U+061B
	// and QUESTION MARK U+061F, unless a digit follows (1,000).
	ArabicPunctuation
	// Quotes maps typographic quotation marks to ASCII: U+2018 U+2019 U+201A
	// U+201B U+2032 to ', and U+201C..U+201F U+2033 U+00AB U+00BB U+2039
	// U+203A to ".
	Quotes
	// Dashes maps the hyphens and dashes U+2010..U+2015 and MINUS SIGN
	// U+2212 to HYPHEN-MINUS.
	Dashes
	// Harakat removes the Arabic vowel marks and Quranic annotation marks:
	// U+064B..U+0652, U+0656..U+065F, SUPERSCRIPT ALEF U+0670,
	// U+06D6..U+06ED (marks only) and U+08D3..U+08FF (marks only). MADDA
	// and HAMZA ABOVE and BELOW U+0653..U+0655 stay: they are parts of the
	// letters they compose with (U+0627 U+0654 is U+0623).
	Harakat
	// Diacritics removes combining diacritical marks that attach to Latin,
	// Greek and Cyrillic letters (U+0300..U+036F, U+1AB0..U+1AFF,
	// U+1DC0..U+1DFF, U+20D0..U+20FF, U+FE20..U+FE2F) and the Arabic
	// harakat. Marks of Indic and other scripts are kept: they are vowels.
	// It works on decomposed text, so a profile with it decomposes first.
	Diacritics
	// CaseFold applies Unicode full case folding (golang.org/x/text/cases).
	// x/text folds Cherokee letters to lower case and its lower-case ones
	// to upper case, so that folding twice undoes it; CaseFolding.txt folds
	// both to upper case (U+AB70..U+ABBF to U+13A0..U+13EF, U+13F8..U+13FD
	// to U+13F0..U+13F5), and textnorm folds them so.
	CaseFold
	// Width folds fullwidth and halfwidth forms to their usual width
	// (golang.org/x/text/width).
	Width
	// DigitsPersianAll maps ASCII digits and ARABIC-INDIC digits to
	// EXTENDED ARABIC-INDIC (Persian) digits: one digit system for text
	// known to be Persian (numbers in codes and URLs change too).
	DigitsPersianAll
	// DigitsArabicAll maps ASCII digits and EXTENDED ARABIC-INDIC digits to
	// ARABIC-INDIC digits, likewise for text known to be Arabic.
	DigitsArabicAll
	// Mojibake restores text that was UTF-8 decoded with a single-byte
	// code page (Windows-1252, ISO-8859-1, Windows-1256, -1251, -1250,
	// MacRoman), once or more over, in whole lines or in runs of them
	// (package repair). It runs before every other rule, which would
	// erase its evidence (C1 controls, no-break spaces).
	Mojibake
	// HTMLEntities decodes HTML character references (&eacute; &#1740;)
	// in lines that are not markup, outside URLs (package repair). It
	// runs with Mojibake, before the other rules.
	HTMLEntities
	// PunctSpacing spaces the punctuation of Arabic-script text: no space
	// before ، ؛ ؟ ! . : » ) ] ۔ …, one after them before a letter, no
	// padding inside « » ( ) [ ], and ".." or "..." after a letter made
	// "…". It acts only beside Arabic-script letters.
	PunctSpacing
	// PersianQuotes makes a pair of straight or curly double quotes around
	// Persian text «…».
	PersianQuotes
	// ZWNJAffixes joins Persian affixes written apart with a space: the
	// prefixes می and نمی, the suffixes ها های هایی, the superlative ترین,
	// the comparative تر after an adjective real text writes it with, and
	// the clitics ام ات اش ایم اید اند after silent heh or yeh, with a
	// ZWNJ, or with nothing after a letter that does not join to the left.
	ZWNJAffixes
	// PersianHamzeh writes the ezafe after silent heh as HEH WITH YEH
	// ABOVE, هٔ: "خانه ی من", "خانه‌ی من" and "خانهء من" become "خانهٔ من"
	// (virastar's fix_hamzeh). An option.
	PersianHamzeh
	// RepeatedLetters reduces an Arabic-script letter written three or
	// more times in a row for emphasis to one: خیییلی is خیلی. An option.
	RepeatedLetters
	// PersianDecimal writes the decimal point between Persian digits as
	// ARABIC DECIMAL SEPARATOR ٫ (U+066B): ۳.۱۴ is ۳٫۱۴. An option.
	PersianDecimal
	// TrimLeading removes the spaces and tabs at the start of each line.
	// An option.
	TrimLeading
	// CollapseBlankLines turns a run of blank lines (empty, or spaces and
	// tabs only) into one. An option.
	CollapseBlankLines

	numRules = iota
)

var ruleNames = [numRules]string{
	"line-endings", "controls", "invisibles", "spaces", "trim-trailing",
	"collapse-spaces", "tatweel", "persian-letters", "arabic-letters",
	"urdu-letters", "pashto-letters", "kaf-yeh-to-arabic", "search-letters",
	"presentation-forms", "digits-persian", "digits-arabic", "digits-ascii",
	"zwnj", "remove-zwnj", "arabic-punctuation", "quotes", "dashes",
	"harakat", "diacritics", "case-fold", "width", "digits-persian-all",
	"digits-arabic-all", "mojibake", "html-entities", "punct-spacing",
	"persian-quotes", "zwnj-affixes", "persian-hamzeh", "repeated-letters",
	"persian-decimal", "trim-leading", "collapse-blank-lines",
}

// digitRules are the rules that map digits, one system to another.
const digitRules = RuleSet(DigitsPersian | DigitsArabic | DigitsASCII | DigitsPersianAll | DigitsArabicAll)

// exclusive lists the groups of rules of which a set holds at most one: they
// map the same code points to different places.
var exclusive = []RuleSet{
	digitRules,
	RuleSet(PersianLetters | ArabicLetters | UrduLetters | PashtoLetters | KafYehToArabic | SearchLetters),
	RuleSet(ZWNJ | RemoveZWNJ),
	RuleSet(Quotes | PersianQuotes),
}

// String returns the rule's name as the CLI and the README spell it, such as
// "trim-trailing".
func (r Rule) String() string {
	if bits.OnesCount64(uint64(r)) == 1 {
		if i := bits.TrailingZeros64(uint64(r)); i < numRules {
			return ruleNames[i]
		}
	}
	return fmt.Sprintf("Rule(%#x)", uint64(r))
}

// ParseRule returns the rule with the given name (in any case). An unknown name is a
// *diag.UnknownError of Kind "rule" that lists every rule's name.
func ParseRule(name string) (Rule, error) {
	i, err := diag.Choose("rule", name, ruleNames[:])
	if err != nil {
		return 0, err
	}
	return Rule(1) << i, nil
}

// AllRules returns every rule, in the order of their declaration.
func AllRules() []Rule {
	rs := make([]Rule, numRules)
	for i := range rs {
		rs[i] = Rule(1) << i
	}
	return rs
}

// A RuleSet is a set of rules.
type RuleSet uint64

// Has reports whether every rule of r is in s.
func (s RuleSet) Has(r Rule) bool { return s&RuleSet(r) == RuleSet(r) }

// With returns s with the rules added. A rule replaces the rules of s that
// exclude it (the other digit systems, the other letter mappings, the other
// ZWNJ rule).
func (s RuleSet) With(rules ...Rule) RuleSet {
	for _, r := range rules {
		for _, g := range exclusive {
			if g&RuleSet(r) != 0 {
				s &^= g
			}
		}
		s |= RuleSet(r)
	}
	return s
}

// Without returns s with the rules removed.
func (s RuleSet) Without(rules ...Rule) RuleSet {
	for _, r := range rules {
		s &^= RuleSet(r)
	}
	return s
}

// Rules lists the rules of s in declaration order.
func (s RuleSet) Rules() []Rule {
	var rs []Rule
	for i := 0; i < numRules; i++ {
		if s&(1<<i) != 0 {
			rs = append(rs, Rule(1)<<i)
		}
	}
	return rs
}

// String lists the rule names of s, separated by commas.
func (s RuleSet) String() string {
	var names []string
	for _, r := range s.Rules() {
		names = append(names, r.String())
	}
	return strings.Join(names, ",")
}
