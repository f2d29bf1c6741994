package normalize

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// ruleProfile is a profile with the one rule r, in NFC.
func ruleProfile(r Rule) Profile {
	return NewProfile("t", norm.NFC, RuleSet(r))
}

// normalizeEveryWay normalizes s with p through every entry point of the
// API and reports the ones that disagree with String, which it returns.
func normalizeEveryWay(t *testing.T, p Profile, s string) string {
	t.Helper()
	want := p.Apply(s)
	check := func(how, got string) {
		t.Helper()
		if got != want {
			t.Errorf("%s: %s differs from String: %s", p.Describe(), how, diff(s, got, want))
		}
	}
	check("Bytes", string(p.Bytes([]byte(s))))
	check("package String", String(s, p))
	got, err := io.ReadAll(p.NewReader(strings.NewReader(s)))
	if err != nil {
		t.Fatalf("NewReader(%+q): %v", s, err)
	}
	check("NewReader", string(got))
	got, err = io.ReadAll(NewReader(iotest.OneByteReader(strings.NewReader(s)), p))
	if err != nil {
		t.Fatalf("NewReader(OneByteReader(%+q)): %v", s, err)
	}
	check("NewReader(OneByteReader)", string(got))
	var buf bytes.Buffer
	w := p.NewWriter(&buf)
	if _, err := io.WriteString(w, s); err != nil {
		t.Fatalf("NewWriter(%+q): %v", s, err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("NewWriter(%+q).Close: %v", s, err)
	}
	check("NewWriter", buf.String())
	tr, _, err := transform.String(p.Transformer(), s)
	if err != nil {
		t.Fatalf("transform.String(Transformer, %+q): %v", s, err)
	}
	check("Transformer", tr)
	out, a := p.Align(s)
	check("Align", out)
	if a.OutLen() != len(out) || a.InLen() != len(s) {
		t.Errorf("%s: Align(%+q): OutLen, InLen = %d, %d; want %d, %d", p.Describe(), s, a.OutLen(), a.InLen(), len(out), len(s))
	}
	return want
}

// keep as a wanted result means the input unchanged.
const keep = "\x00keep"

// diff describes where got and want first differ, for inputs too long to
// print whole.
func diff(in, got, want string) string {
	if len(in)+len(got)+len(want) < 300 {
		return fmt.Sprintf("input %+q: got %+q, want %+q", in, got, want)
	}
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-40)
	return fmt.Sprintf("at byte %d of %d: got ...%+q..., want ...%+q...", i, len(want),
		got[from:min(len(got), i+40)], want[from:min(len(want), i+40)])
}

type ruleCase struct {
	in, want string
}

// ruleTests holds, for every rule, inputs that exercise it and inputs that
// it must leave alone (want == keep).
var ruleTests = map[Rule][]ruleCase{
	LineEndings: {
		{"a\r\nb", "a\nb"},
		{"a\rb", "a\nb"},
		{"a\r", "a\n"},
		{"\r\r\n\n", "\n\n\n"},
		{"a\n\rb", "a\n\nb"},
		{"a\u0085b", "a\nb"},
		{"a\u2028b\u2029c", "a\nb\nc"},
		{"a\vb\fc", "a\nb\nc"},
		{"سلام\r\nدنیا\r\n", "سلام\nدنیا\n"},
		{"مرحبا\u2028بالعالم", "مرحبا\nبالعالم"},
		// left alone
		{"a\nb\n", keep},
		{"a\tb  \n", keep},
		{"a\x00b\u00A0c\uFEFF", keep},
	},
	Controls: {
		{"a\x00b\x07c\x7fd\x1b", "abcd"},
		// Terminal escape sequences go whole.
		{"\x1b[31mred\x1b[0m", "red"},
		{"\x1b[1;38;5;208mbold\x1b[K!", "bold!"},
		{"\x1b]0;title\x07text \x1b]8;;http://x.org\x1b\\link\x1b]8;;\x1b\\", "text link"},
		{"\x1b(Bok\x1b7 \x1b=x", "ok x"},
		{"\u009b31mC1 CSI\u009b0m", "C1 CSI"},
		{"cut \x1b[31", "cut "},
		{"v\u00c4\u009bc", "v\u00c4c"}, // a C1 CSI without parameters is a lone control
		{"a\u0080b\u009Fc\u0081", "abc"},
		{"سلام\x08 دنیا", "سلام دنیا"},
		// Invalid bytes do not join once a sequence between them is gone.
		{"\xd2\x1b0\x80", "\xd2\uFFFD"},
		{"\xd2\x1b[0m\x1b(B\x80\x80", "\xd2\uFFFD\x80"},
		// A sequence does not take the white space before a protected
		// span; a control ends a URL.
		{"\x1b https://x.org/", " https://x.org/"},
		{"\x1b]0;see https://x.org/a?b", " https://x.org/a?b"},
		{"https://x.org/\x1b 0", "https://x.org/"},
		{"\x1b[mhttps://x.org/\x1b[0m", "https://x.org/"},
		{"\x1b]0;see https://x.org/\x07text", "text"},
		// left alone: tab, LF and the line breaks of LineEndings
		{"a\tb\nc", keep},
		{"a\r\nb\vc\fd\u0085e", keep},
		{"\uFEFFa\u00ADb\u200Cc\u200Dd\u200Ee", keep},
		{"a\u2028b", keep},
	},
	Invisibles: {
		{"\uFEFFسلام", "سلام"},
		{"سل\uFEFFام", "سلام"},
		{"co\u00ADoper\u00ADate", "cooperate"},
		{"\u202Bمرحبا\u202C", "مرحبا"},
		{"\u202Aa\u202Db\u202Ec\u202C", "abc"},
		{"\u2066x\u2069 \u2067y\u2069 \u2068z\u2069", "x y z"},
		// left alone: LRM, RLM, ALM, ZWNJ, ZWJ
		{"a\u200Eb\u200Fc\u061Cd", keep},
		{"می\u200Cخواهم", keep},
		{"👨\u200D👩", keep},
		{"a\x00b\u00A0c", keep},
	},
	Spaces: {
		{"a\u00A0b", "a b"},
		{"سلام\u00A0\u00A0دنیا", "سلام  دنیا"},
		{"\u1680\u2000\u2005\u200A\u202F\u205F\u3000", "       "},
		{"end\u00A0", "end "},
		// left alone: zero width space is not a space separator
		{"a\u200Bb", keep},
		{"a\tb  c ", keep},
		{"a\u200Cb", keep},
	},
	TrimTrailing: {
		{"a  \nb\t\n", "a\nb\n"},
		{"a \t ", "a"},
		{"سلام   \nدنیا ", "سلام\nدنیا"},
		{"   \n", "\n"},
		// a line ends with CR LF, CR and the other line breaks too, even
		// when they are kept
		{"a \r\nb\t\rc \u2028d \u0085", "a\r\nb\rc\u2028d\u0085"},
		// left alone
		{"  a", keep},
		{"a  b", keep},
		{"a\u00A0", keep},
		{"\ta\n", keep},
	},
	CollapseSpaces: {
		{"a   b", "a b"},
		{"سلام    دنیا", "سلام دنیا"},
		{"  a  b", "  a b"},
		{"a  \n  b", "a \n  b"},
		{"a  \t  b", "a \t b"},
		// left alone
		{"a b", keep},
		{"a\u00A0\u00A0b", keep},
		{"a\t\tb", keep},
		{"    indented", keep},
	},
	Tatweel: {
		{"کـــتاب", "کتاب"},
		{"مـحـمـد", "محمد"},
		{"ـ", ""},
		// left alone
		{"كتاب", keep},
		{"a-b", keep},
	},
	PersianLetters: {
		{"كتاب علي", "کتاب علی"},
		{"مصطفى كجاست", "مصطفی کجاست"},
		{"يكي از ديگري", "یکی از دیگری"},
		// a yeh that a hamza above composes with is left alone, and composes
		{"\u064A\u0654", "\u0626"},
		{"هي\u0654ت", "هئت"},
		{"\u064A\u064E\u0654", "\u0626\u064E"},
		// the madda blocks the hamza: the yeh is an ordinary yeh
		{"\u064A\u0653\u0654", "\u06CC\u0653\u0654"},
		{"ي\u0640\u0654", "\u06CC\u0640\u0654"},
		// left alone
		{"کتاب علی", keep},
		{"\u0626", keep},
		{"هیئت", keep},
		{"kitab 123", keep},
		{"ہ ے ھ", keep},
	},
	ArabicLetters: {
		{"کتاب", "كتاب"},
		{"یوم", "يوم"},
		{"علی", "على"},
		{"فی البیت", "فى البيت"},
		{"بیـن", "بيـن"},
		{"ی1", "ى1"},
		{"بی\u200Cب", "بى\u200Cب"},
		{"ی\u064Eب", "ي\u064Eب"},
		{"ی\u064E", "ى\u064E"},
		// left alone
		{"كتاب علي في", keep},
		{"\u0626", keep},
		{"book", keep},
	},
	UrduLetters: {
		{"كتاب", "کتاب"},
		{"علي", "علی"},
		{"مصطفى", "مصطفی"},
		{"كه", "کہ"},
		{"\u064A\u0654", "\u0626"},
		{"\u0647\u0654", "\u06C2"},
		// left alone
		{"یہ کتاب ہے", keep},
		{"ھ ے \u0626 ۂ", keep},
	},
	PashtoLetters: {
		{"كور", "کور"},
		{"ملى", "ملی"},
		// left alone: Arabic yeh is a Pashto letter
		{"زمونږ ښځې ډېرې دي", keep},
		{"\u064A\u0654", "\u0626"},
		{"ه ي ئ", keep},
	},
	KafYehToArabic: {
		{"کتاب", "كتاب"},
		{"علی", "علي"},
		{"مصطفى", "مصطفي"},
		// left alone
		{"كتاب علي", keep},
		{"\u0626", keep},
	},
	SearchLetters: {
		{"أإآٱ", "اااا"},
		{"ة ۀ ہ ۂ ە", "ه ه ه ه ه"},
		{"ي ى ئ", "ی ی ی"},
		{"ك", "ک"},
		{"ؤ", "و"},
		{"مدرسة", "مدرسه"},
		// decomposed letters merge like their composed forms
		{"\u0627\u0654\u0627\u0655\u0627\u0653", "ااا"},
		{"\u064A\u0654 \u0648\u0654 \u06D5\u0654 \u06C1\u0654", "ی و ه ه"},
		{"\u06D3 \u06D2\u0654", "\u06D2 \u06D2"},
		// left alone
		{"ء ب ے", keep},
		{"هی", keep},
	},
	PresentationForms: {
		{"ﻛﺘﺎﺏ", "كتاب"},
		{"ﷲ", "الله"},
		{"ﻻ", "لا"},
		{"\uFE70", " \u064B"},
		{"\uFE77", "\u0640\u064E"},
		{"﷼", "ریال"},
		{"ﯾ", "ی"},
		// left alone: other compatibility characters
		{"كتاب", keep},
		{"ﬁ ① ｶ", keep},
	},
	DigitsPersian: {
		{"١٢٣", "۱۲۳"},
		{"سال ١٤٠٢ و 2023 و ۱۴۰۲", "سال ۱۴۰۲ و 2023 و ۱۴۰۲"},
		// left alone
		{"123", keep},
		{"۱۲۳", keep},
	},
	DigitsArabic: {
		{"۱۲۳", "١٢٣"},
		{"عام ١٤٤٥ و 2023 و ۱۴۴۵", "عام ١٤٤٥ و 2023 و ١٤٤٥"},
		// left alone
		{"123", keep},
		{"١٢٣", keep},
	},
	DigitsASCII: {
		{"١٢٣ ۴۵۶", "123 456"},
		{"سال ۱۴۰۲", "سال 1402"},
		// left alone
		{"123", keep},
		{"١ⅱ", "1ⅱ"},
	},
	ZWNJ: {
		{"می\u200C\u200Cخواهم", "می\u200Cخواهم"},
		{"\u200Cسلام", "سلام"},
		{"سلام\u200C", "سلام"},
		{"سلام\u200C دنیا", "سلام دنیا"},
		{"سلام \u200Cدنیا", "سلام دنیا"},
		{"کتاب\u200C،", "کتاب،"},
		{"کتاب\u200C\n", "کتاب\n"},
		{"\u200C\u200C", ""},
		// left alone: between two letters, or a letter and a mark
		{"می\u200Cخواهم", keep},
		{"کتاب\u200Cها", keep},
		{"a\u200Cb", keep},
		{"ب\u200C\u064Eب", keep},
		{"نمی\u200Cدانم که", keep},
	},
	RemoveZWNJ: {
		{"می\u200Cخواهم", "میخواهم"},
		{"\u200C\u200Cکتاب\u200C", "کتاب"},
		// left alone
		{"👨\u200D👩", keep},
		{"میخواهم", keep},
	},
	ArabicPunctuation: {
		{"سلام, دنیا", "سلام، دنیا"},
		{"چطوری?", "چطوری؟"},
		{"الف; ب", "الف؛ ب"},
		{"سلام,\nدنیا", "سلام،\nدنیا"},
		{"كيف حالك?!", "كيف حالك؟!"},
		{"سلام ,دنیا", "سلام ،دنیا"},
		{"ب\u064E,", "ب\u064E،"},
		// left alone: after English, before a digit, after a digit
		{"Hello, world?", keep},
		{"۱,۰۰۰", keep},
		{"قیمت 1,000 تومان", keep},
		{"سال,1402", keep},
		{"سلام.", keep},
		{"a, ب", keep},
	},
	Quotes: {
		{"“x” ‘y’ «z» ‹w›", `"x" 'y' "z" "w"`},
		{"„a‟ ‚b‛ 5′ 6″", `"a" 'b' 5' 6"`},
		// left alone
		{`"a" 'b'`, keep},
		{"٬ ،", keep},
	},
	Dashes: {
		{"a‐b‑c‒d–e—f―g−h", "a-b-c-d-e-f-g-h"},
		// left alone
		{"a-b ـ ~ ⁃", keep},
	},
	Harakat: {
		{"كَتَبَ", "كتب"},
		{"مُحَمَّدٌ", "محمد"},
		{"هٰذا", "هذا"},
		{"ذٰلِكَ ٱلْكِتَٰبُ", "ذلك ٱلكتب"},
		{"\u06D6\u0628\u08F0", "ب"},
		// left alone: hamza and madda compose with letters; they are not
		// vowel marks
		{"أ آ ئ ؤ إ", keep},
		{"\u0627\u0654", "\u0623"},
		{"café", keep},
	},
	Diacritics: {
		{"café", "cafe"},
		{"cafe\u0301", "cafe"},
		{"Ελληνικά", "Ελληνικα"},
		{"naïve Ñandú", "naive Nandu"},
		{"كَتَبَ", "كتب"},
		{"x\u20D7 y\u1DC0 z\uFE20", "x y z"},
		// left alone: Indic vowel signs, hamza letters
		{"हिन्दी", keep},
		{"أ آ ئ", keep},
		{"plain", keep},
	},
	CaseFold: {
		{"Hello WORLD", "hello world"},
		{"Straße ẞ", "strasse ss"},
		{"ΣΑΣ", "σασ"},
		{"İ", "i\u0307"},
		// left alone
		{"سلام دنیا", keep},
		{"abc", keep},
	},
	Width: {
		{"ＡＢＣ１２３", "ABC123"},
		{"ｶﾀｶﾅ", "カタカナ"},
		// left alone
		{"abc", keep},
		{"سلام", keep},
	},
	DigitsPersianAll: {
		{"سال 2024 و ٢٠٢٥", "سال ۲۰۲۴ و ۲۰۲۵"},
		{"۱,۰۰۰ و 3.5", "۱,۰۰۰ و ۳.۵"},
		// left alone
		{"۱۲۳ بدون تغییر", keep},
		{"no digits here", keep},
	},
	DigitsArabicAll: {
		{"عام 2024 و ۲۰۲۵", "عام ٢٠٢٤ و ٢٠٢٥"},
		{"١٢٣ و 45", "١٢٣ و ٤٥"},
		// left alone
		{"١٢٣ كما هو", keep},
		{"no digits here", keep},
	},
	// The rules of package repair (its own tests measure them on real
	// text); here, that a profile runs them first and on every path.
	Mojibake: {
		{"ط³ظ„ط§ظ… cafÃ©", "سلام café"},
		{"Ã˜Â®Ã˜Â·", "خط"},
		{"line one\nÐ¿Ñ€Ð¸Ð²ÐµÑ‚\n", "line one\nпривет\n"},
		// left alone
		{"چاپ کتاب", keep},
		{"« CAFÉ\u00a0» naïve", keep},
	},
	PunctSpacing: {
		{"سلام ، خوبی ؟", "سلام، خوبی؟"},
		{"ببرم .", "ببرم."},
		{"سلام،خوبی؟بله", "سلام، خوبی؟ بله"},
		{"«  سلام  » و (  تست )", "«سلام» و (تست)"},
		{"رفت...بعد و آمد..", "رفت… بعد و آمد…"},
		{"یہ اچھا ہے ۔", "یہ اچھا ہے۔"},
		{"مرحبا ، كيف حالك ؟", "مرحبا، كيف حالك؟"},
		{"زه ښه یم ، ته څنګه یې ؟", "زه ښه یم، ته څنګه یې؟"},
		{"خانه ... رفت و آ\u0653...", "خانه… رفت و آ\u0653…"},
		{"Wow!](x) see http://a.com/x Wow!](x)", keep},
		// left alone: Latin text, numbers, line ends
		{"file.txt , not this ; a ( b )", keep},
		{"عدد 3.14 و ساعت 12:30", keep},
		{"پایان.\nآغاز", keep},
	},
	PersianQuotes: {
		{"او گفت \"سلام دوستان\" و رفت", "او گفت «سلام دوستان» و رفت"},
		{"او گفت “سلام” و ”خداحافظ“", "او گفت «سلام» و «خداحافظ»"},
		// left alone: quotes around Latin text, unpaired ones
		{"کلمهٔ \"hello\" انگلیسی است", keep},
		{"یک \" تنها", keep},
		{"He said \"http://a.com\" and \"3.14\".", keep},
		{"“\"دنیا\"”", keep}, // nested: neither pair, so that a second pass does no more
	},
	ZWNJAffixes: {
		{"می روم و نمی دانم", "می\u200cروم و نمی\u200cدانم"},
		{"کتاب ها و کتاب های خوب", "کتاب\u200cها و کتاب\u200cهای خوب"},
		{"خانه ام و رفته اند", "خانه\u200cام و رفته\u200cاند"},
		// after a letter that does not join to the left: no ZWNJ (hazm#367)
		{"دانشجو ها و در ها", "دانشجوها و درها"},
		// left alone: a word that only looks like an affix
		// the comparative after an adjective of real text's; the
		// superlative after any word
		{"بزرگ تر و مهم ترین", "بزرگ\u200cتر و مهم\u200cترین"},
		{"زیبا تر و دقیق ترین", "زیباتر و دقیق\u200cترین"},
		{"هوا گرم تر از دیروز و سرد تر از فردا", "هوا گرم\u200cتر از دیروز و سردتر از فردا"}, // than
		{"لباس تر", keep}, // wet: تر after a word no text writes it with
		{"تر و ترین", keep},
		{"کتاب من", keep},
		{"می", keep},
		{"می می روم", "می می\u200cروم"},
	},
	PersianHamzeh: {
		{"خانه ی من و خانه\u200cی او", "خانهٔ من و خانهٔ او"},
		{"نامهء دوست", "نامهٔ دوست"},
		// left alone: ی that is a word's letter, ه not at a word's end
		{"خانه یک", keep},
		{"هی", keep},
	},
	RepeatedLetters: {
		{"خیییلی خوووب", "خیلی خوب"},
		// left alone: doubled letters, Latin
		{"الله و cooool", keep},
	},
	PersianDecimal: {
		{"عدد ۳.۱۴ است", "عدد ۳٫۱۴ است"},
		// left alone: ASCII digits, thousands, dates
		{"3.14 و ۱,۰۰۰ و ۱۴۰۲/۰۱/۰۲", keep},
	},
	TrimLeading: {
		{"  سلام\n\tدنیا", "سلام\nدنیا"},
		{"a\n   b", "a\nb"},
		// left alone
		{"no leading space\n", keep},
	},
	CollapseBlankLines: {
		{"a\n\n\n\nb", "a\n\nb"},
		{"a\n \n\t\n\nb\n", "a\n \nb\n"},
		// left alone: one blank line
		{"a\n\nb", keep},
	},
	HTMLEntities: {
		{"&eacute;t&eacute; &#1740;", "été ی"},
		{"AT&amp;T", "AT&T"},
		// left alone
		{"<p>&eacute;</p>", keep},
		{"AT&T and &nosuch;", keep},
	},
}

func TestEveryRuleHasTests(t *testing.T) {
	for _, r := range AllRules() {
		if len(ruleTests[r]) == 0 {
			t.Errorf("rule %s has no tests", r)
		}
	}
}

func TestRules(t *testing.T) {
	for _, r := range AllRules() {
		p := ruleProfile(r)
		t.Run(r.String(), func(t *testing.T) {
			for _, tc := range ruleTests[r] {
				want := tc.want
				if want == keep {
					want = tc.in
				}
				if got := normalizeEveryWay(t, p, tc.in); got != want {
					t.Errorf("%s(%+q) = %+q, want %+q", r, tc.in, got, want)
				}
			}
		})
	}
}

// TestRulesLeavePlainTextAlone checks that no rule changes lower-case
// English or Persian text with single spaces and ASCII digits.
func TestRulesLeavePlainTextAlone(t *testing.T) {
	for _, s := range []string{
		"the quick brown fox jumps over the lazy dog 123",
		"این یک متن ساده فارسی است",
		"هذا نص عربي بسيط",
	} {
		for _, r := range AllRules() {
			if r == ArabicLetters || r == KafYehToArabic || r == PersianLetters || r == UrduLetters || r == SearchLetters || r == PashtoLetters {
				continue // they rewrite the other language's letters
			}
			if r == DigitsPersianAll || r == DigitsArabicAll {
				continue // they rewrite ASCII digits, by design
			}
			if got := ruleProfile(r).Apply(s); got != s {
				t.Errorf("%s(%+q) = %+q, want it unchanged", r, s, got)
			}
		}
	}
}

// canonicalPairs are canonically equivalent inputs; every rule and profile
// must give canonically equivalent results for the two.
var canonicalPairs = [][2]string{
	{"\u064A\u0654", "\u0626"},
	{"ب\u064A\u0654ت", "ب\u0626ت"},
	{"هي\u0654ت ي\u0654", "هئت ئ"},
	{"\u064A\u064E\u0654", "\u0626\u064E"},
	{"\u064A\u0654\u064E", "\u0626\u064E"},
	{"\u0627\u0654", "\u0623"},
	{"\u0627\u0655", "\u0625"},
	{"\u0627\u0653", "\u0622"},
	{"\u0648\u0654", "\u0624"},
	{"\u06D5\u0654", "\u06C0"},
	{"\u06C1\u0654", "\u06C2"},
	{"\u06D2\u0654", "\u06D3"},
	{"cafe\u0301", "café"},
	{"A\u030A", "\u212B"},
	{"\u1E9B\u0323", "\u017F\u0323\u0307"},
}

func TestRulesCanonicalEquivalence(t *testing.T) {
	var ps []Profile
	for _, r := range AllRules() {
		ps = append(ps, ruleProfile(r))
	}
	ps = append(ps, Profiles()...)
	for _, p := range ps {
		for _, pair := range canonicalPairs {
			a, b := p.Apply(pair[0]), p.Apply(pair[1])
			if norm.NFD.String(a) != norm.NFD.String(b) {
				t.Errorf("%s: %+q -> %+q but the canonically equivalent %+q -> %+q", p.Describe(), pair[0], a, pair[1], b)
			}
		}
	}
}

func TestRuleNames(t *testing.T) {
	seen := map[string]bool{}
	for i, r := range AllRules() {
		if r != Rule(1)<<i {
			t.Errorf("AllRules()[%d] = %#x", i, uint64(r))
		}
		name := r.String()
		if name == "" || strings.HasPrefix(name, "Rule(") || seen[name] {
			t.Errorf("rule %#x has name %q", uint64(r), name)
		}
		seen[name] = true
		got, err := ParseRule(name)
		if err != nil || got != r {
			t.Errorf("ParseRule(%q) = %v, %v; want %v", name, got, err, r)
		}
	}
	if len(AllRules()) != numRules {
		t.Errorf("AllRules() has %d rules, want %d", len(AllRules()), numRules)
	}
	// Names match in any case, as every set of names textnorm owns does.
	if got, err := ParseRule("Line-Endings"); err != nil || got != LineEndings {
		t.Errorf("ParseRule(%q) = %v, %v; want line-endings", "Line-Endings", got, err)
	}
	for _, bad := range []string{"", "nope", "line_endings"} {
		if _, err := ParseRule(bad); err == nil {
			t.Errorf("ParseRule(%q) gave no error", bad)
		}
	}
	if got := (LineEndings | Controls).String(); got != "Rule(0x3)" {
		t.Errorf("two rules as one Rule: String() = %q", got)
	}
	if got := Rule(0).String(); got != "Rule(0x0)" {
		t.Errorf("Rule(0).String() = %q", got)
	}
	if got := Rule(1 << 50).String(); got != "Rule(0x4000000000000)" {
		t.Errorf("Rule(1<<50).String() = %q", got)
	}
}

func TestRuleSet(t *testing.T) {
	var s RuleSet
	if s.String() != "" || len(s.Rules()) != 0 {
		t.Errorf("empty set: %q, %v", s.String(), s.Rules())
	}
	s = s.With(Tatweel, LineEndings)
	if got := s.String(); got != "line-endings,tatweel" {
		t.Errorf("String() = %q", got)
	}
	if !s.Has(Tatweel) || !s.Has(LineEndings) || s.Has(Controls) {
		t.Errorf("Has is wrong for %s", s)
	}
	if s.Without(Tatweel, Controls) != RuleSet(LineEndings) {
		t.Errorf("Without: %s", s.Without(Tatweel, Controls))
	}

	// Exclusive groups: adding one member removes the others, and nothing
	// else.
	groups := [][]Rule{
		{DigitsPersian, DigitsArabic, DigitsASCII, DigitsPersianAll, DigitsArabicAll},
		{PersianLetters, ArabicLetters, UrduLetters, PashtoLetters, KafYehToArabic, SearchLetters},
		{ZWNJ, RemoveZWNJ},
	}
	inGroup := map[Rule]bool{}
	for _, g := range groups {
		for _, r := range g {
			inGroup[r] = true
		}
	}
	var others RuleSet
	for _, r := range AllRules() {
		if !inGroup[r] {
			others |= RuleSet(r)
		}
	}
	for _, g := range groups {
		for _, a := range g {
			for _, b := range g {
				s := others.With(a).With(b)
				if !s.Has(b) || (a != b && s.Has(a)) {
					t.Errorf("With(%s).With(%s) = %s", a, b, s)
				}
				if s.Without(b) != others {
					t.Errorf("With(%s).With(%s) lost other rules: %s", a, b, s)
				}
				if got := RuleSet(0).With(a, b); got != RuleSet(b) {
					t.Errorf("With(%s, %s) = %s, want %s", a, b, got, b)
				}
			}
		}
	}
	// Members of different groups do not exclude each other.
	s = RuleSet(0).With(DigitsASCII, PersianLetters, RemoveZWNJ)
	if s != RuleSet(DigitsASCII|PersianLetters|RemoveZWNJ) {
		t.Errorf("With across groups = %s", s)
	}
	// Every built-in profile respects the exclusive groups.
	for _, p := range Profiles() {
		for _, g := range exclusive {
			if n := len((p.Rules() & g).Rules()); n > 1 {
				t.Errorf("profile %s has %d rules of the group %s", p.Name(), n, g)
			}
		}
	}
}

// TestRulePairsStream runs every pair of rules on inputs that mix their
// cases, checking that every entry point agrees and that the result is
// idempotent when the rules are.
func TestRulePairsStream(t *testing.T) {
	var inputs []string
	for _, r := range AllRules() {
		for _, tc := range ruleTests[r][:2] {
			inputs = append(inputs, tc.in)
		}
	}
	mixed := strings.Join(inputs, " ")
	for _, a := range AllRules() {
		for _, b := range AllRules() {
			if a >= b {
				continue
			}
			p := NewProfile("pair", norm.NFC, RuleSet(0).With(a, b))
			normalizeEveryWay(t, p, mixed)
		}
	}
}

// TestMayJoinAt checks mayJoinAt's bytes against the lists of affixes it
// stands for: a prefix right before the space, or a suffix, a clitic or
// the comparative right after it, beside every letter of the Arabic block
// and the ends of the text.
func TestMayJoinAt(t *testing.T) {
	yeh := strings.NewReplacer("ي", "ی", "ى", "ی")
	in := func(w string, lists ...[]string) bool {
		for _, l := range lists {
			if slices.Contains(l, yeh.Replace(w)) {
				return true
			}
		}
		return false
	}
	// The words wordBefore and wordAfter find on either side of the
	// space: the prefix before it, the suffix, clitic or comparative
	// after it, each word whole.
	want := func(text string, i int) bool {
		return in(text[wordBefore(text, i):i], zwnjPrefixes) ||
			in(text[i+1:wordAfter(text, i+1)], zwnjSuffixes, zwnjClitics, []string{"تر", "ترین"})
	}
	var words, affixes []string
	for _, list := range [][]string{zwnjPrefixes, zwnjSuffixes, zwnjClitics, {"تر", "ترین", ""}} {
		for _, w := range list {
			affixes = append(affixes, w, strings.ReplaceAll(w, "ی", "ي"), strings.ReplaceAll(w, "ی", "ى"))
		}
	}
	words = append(words, affixes...)
	for r := rune(0x0600); r < 0x0700; r++ {
		words = append(words, string(r), "ا"+string(r), "ت"+string(r), "ه"+string(r), string(r)+"ی")
	}
	n := 0
	check := func(text string, i int) {
		t.Helper()
		if got, want := mayJoinAt(text, i), want(text, i); got != want {
			t.Fatalf("mayJoinAt(%q, %d) = %v, want %v", text, i, got, want)
		}
		if want(text, i) {
			n++
		}
	}
	// Each side of the space with every word, the other with an affix
	// or a word of none.
	others := append([]string{"ب", "کتاب", "x"}, affixes...)
	for _, w := range words {
		for _, o := range others {
			check(w+" "+o, len(w))
			check(o+" "+w, len(o))
		}
	}
	// An affix that is only the start or the end of a word, whatever
	// letter or mark is beside it.
	for r := rune(0x0600); r < 0x0780; r++ {
		for _, a := range affixes {
			check(string(r)+a+" کتاب", len(string(r)+a))
			check("کتاب "+a+string(r), len("کتاب"))
		}
	}
	if n == 0 {
		t.Fatal("no text with an affix")
	}
	// A ZWNJ or a code point the cleaner drops beside an affix may
	// leave it a word of its own: the scan asks before cleaning.
	for _, text := range []string{"کتاب ها\u200cی", "کتاب ها\u200b", "ب\u200cمی روم", "\u200bمی روم"} {
		if i := strings.IndexByte(text, ' '); !mayJoinAt(text, i) {
			t.Errorf("mayJoinAt(%q, %d) = false", text, i)
		}
	}
}
