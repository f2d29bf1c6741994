package normalize

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fusedProfiles are the profiles whose fused path FuzzFused checks: the
// built-in ones with a fused path, and others with the rules that the
// scan treats apart (ZWNJ, Arabic punctuation, line rules, spaces not
// collapsed, NFD).
var fusedProfiles = func() []Profile {
	var ps []Profile
	for _, p := range Profiles() {
		if p.fused() != nil {
			ps = append(ps, p)
		}
	}
	return append(ps,
		Persian.With(TrimLeading, PersianDecimal, PersianHamzeh, RepeatedLetters),
		Persian.WithForm(norm.NFD),
		NewProfile("zwnj", norm.NFC, RuleSet(0).With(ZWNJ, ArabicPunctuation)),
		Arabic.Without(ZWNJ),
		NewProfile("trim", norm.NFC, RuleSet(0).With(TrimTrailing, Invisibles)),
		NewProfile("collapse", norm.NFC, RuleSet(0).With(CollapseSpaces, DigitsASCII)),
		NewProfile("ar-lines", norm.NFC, RuleSet(0).With(PunctSpacing, PersianQuotes)),
		// Letter rules that write the letters of ZWNJAffixes' suffixes
		// and clitics, on a scan that does not step over the script's
		// letters (PersianHamzeh): sameTriggers.
		NewProfile("search-joins", norm.NFC, RuleSet(0).With(SearchLetters, ZWNJAffixes, PersianHamzeh, TrimTrailing)),
		// A plain twin of Spaces alone (see plainTwin).
		NewProfile("zwnj-spaces", norm.NFC, RuleSet(0).With(Spaces, ZWNJ, ArabicPunctuation, Tatweel)),
		// Digit rules that write the script for ASCII, which make a
		// line of ASCII one the line rules act on: no plain twin.
		Persian.With(DigitsPersianAll),
		Arabic.With(DigitsArabicAll),
	)
}()

// fusedCases are texts at the edges of the scan: the spaces, digits, dots,
// ZWNJs and punctuation it copies only in some places.
var fusedCases = []string{
	"plain line\nanother one\n",
	"a  b\n c\nd \n\te\t\n",
	"3.14 and 1,000 and 12:30 and 7 apples\n",
	"Stripes 1:10\nTLS 1.3, v2.5: 10,000.5 at 10:30:00 on 1.2.3.4\n.5 ,5 :5 x1.3y 1. 2,\n",
	"TLS 1.3 \n 1.3\n1.3\u200cb 1.3\n1.3 \u0643\n\u0661.3 1.\u0663\n1,3\t\n",
	"www.example.com and example.com/x and a@b.cd\n",
	"کتاب‌ها را می خوانم , خوب?\nok, fine?\n",
	"a\u200cb \u200cc\u200c d\u200c\u200ce\n",
	"«سلام» \"سلام\" سلام .\n",
	"x\u0301\ny\n\u0301z\n",
	"\xff\nabc\xe2\x80\n",
	"۱۴۰۲٫۵ و ١٢٣ و ۳.۱۴\n",
	"\uFDD0 line\n",
	"last line without end",
	// Lines of the Arabic script among others, which the plain twin
	// of a profile takes (plainTwin).
	"hello, world?\nسلام, دنیا?\nok; yes\n\nx\n",
	"a\u200cb, c\n\U0001EE00, x\n😀, y\nz\u0640z, w\n",
	"中文，测试。\u3000x\nﻻ, y\n\u00a0a  b \n",
	"ok \"yes\" (no)\n«نه» \"آری\"\n[x]: y!\n",
	"\xd8, a\n\xe3\x81, b\nc\xef\xad\n",
	// Lines the letter rules change, whose triggers of the line rules
	// the scan keeps (sameTriggers, mayJoinAt) and which it leaves
	// out of the form when it writes safe starters.
	"مي خوانم كتاب اي ايم ىد\nكتابها مى روم ي\u0654 ي\u0651\nيك . ي ( ك\n",
	"ﻙ ي\u0640 ي\u200cي ٠١ ي,١\n",
	// ZWNJs the scan steps over between letters, and the ones it does
	// not: doubled, beside a space, at a word's edge, before a mark.
	"می\u200cروم کتاب\u200cها\nمی\u200c\u200cروم \u200cها\u200c\na\u200cb x\u200c1 ها\u200c\u064b\n",
	"کتاب ةا\nخانه أم\nخانه آش\nکتاب ۀا خوب\nکتاب ہا\n",
	// Words that only start or end like an affix (mayJoinAt), and
	// punctuation before what PunctSpacing does or does not act at
	// (punctMayAt).
	"یونانی امروزی\nکتاب هایش ترجمه\nکمی روم\nخانه ام\u064e\nمي خوانم\nكتاب هاي\n",
	"م.) ب.ب ب.(ب ب.«ب» ب.x ب:۲ ب!.\nب…ب ب؟ب (ب) «ب»\n",
	"'x' ،'y' ب ، ج ) ، د » ، ه  ، و\t، ز\n(ب)، ج «ب». د…» ه)،ب ب،\u200cب ب،\u061cب ب،\u00adب ب، ﺏ\n",
	// Letters and digits span writes in place (patch2): before a hamza
	// that composes, a mark and a hamza, a mark that does not; digits
	// after a separator, which protect keeps; a line span stops in after
	// some, and the ones on the lines before it.
	// What a hostile test found the plain twin did to them.
	"\"1\"\n\u201c1\u201d\n1) .\n1\u00bb .\n) !1\n\u00bb )1\n",
	"see @علي_رضا now\nيك @علي\nx <b>كتاب</b> y `ي`\na /يك b \\ك\nي ١.٢ ي\n",
	"كتاب يك ى\nي\u0654 ي\u0650\u0654 ي\u064e ك\u0651\n١٢ ١.٢ ١٫٢ a,١\nيي\u200cكك\nيك «ي» ي ، ك\nيك  ي\n",
	// Inside a word and after a space (the space's case steps over it
	// before a letter written in place), decided by what follows: a
	// letter, a space, ASCII, a mark, the line's end, the text's.
	"هي كي ىي يa كيك ي\u0651ي\u0654 ي\n ي\u0654a  كي\nفي ١ي ي١ ي\u200c ي",
	// Punctuation ArabicPunctuation holds until what follows decides,
	// and ZWNJs the cleaner drops, that line writes (digitNext,
	// zwnjDropped): before a space, a letter, a digit, a yeh, the end.
	"صورة;رسوميات;عرض, و ;1 ب;١ ب;ي ب,\nب,a ب;\u064e ب;؛ ب,\u200cب ب;…\nب ,ج ب;,\n\u200cب ب\u200c ج ب\u200c\u200cج ب\u200c.\n\u0640\u200cب ب\u200c,ج ب;\u00adج ب,\tج ب\u200c\u00ad ب\u200c",
	// Letters written in place on lines the form changes too, composed
	// at the stops after (patchStops): a patched letter before a mark
	// that composes with what it was, a yeh before a hamza, in NFD.
	"ك\u0627\u0654 \u064a\u0654 \u064a\u064e\u0654 ى\u0653 ك\u0654\nيك\u0627\u0653\nي\u07a6\u0654 ي\u0651\u0654\n",
	// A space before what ArabicPunctuation holds and before a ZWNJ the
	// cleaner drops (emitsAt); numbers after a separator, and a port
	// after a domain, which protect keeps with what follows it.
	"قم بحسابات , علمية ; و\nأكتب \u200cفوقه ب \u200c\u200cج ب \u200c ج\nTLS 1.3 x:1,2 a/1\n表 1.21. 命令\nب 1.5 ج\n\u08a0,1.5 x\n\u08a0, 1.5.\na.bc:1\u00ad\n",
	// A ZWNJ no rule holds before what ArabicPunctuation would hold: the
	// cleaner takes it for no letter (a hostile run found Arabic without
	// ZWNJ writing ، there).
	"ب\u200c, ب \u200c; ب\u200c\u0300?\n",
	// Presentation forms line expands (expandAt), after a letter and
	// after a space; and the ones it leaves to the stages: a space in
	// the decomposition, a tatweel first.
	"الطلاﺀ اﻷسطر ﻙﺀ ﻱ\u0654 ﻱب ﯼ\nب ﹰ ﹱب ﺀ\u200cﺀ ,ﺀ ب,ﺀ\n",
	// Lines only the form changes, composed at the stops span finds
	// (appendStops): marks that compose, out of order, in order, of
	// two bytes and three, a stretch over a line's end.
	"e\u0301 a\u0316\u0301 a\u0301\u0316\nا\u0653 ه\u0654 ی\u0654\u064b\n\u0915\u093c x\u0301\u0301\nok\n\u1100\u1161\u11a8 e\u0301",
}

// FuzzFused checks the fused path against the stages one after the other
// (applyStages), on any input.
func FuzzFused(f *testing.F) {
	addSeeds(f)
	for _, s := range fusedCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Between long runs of ASCII too, which span steps over 32
		// bytes at a time (asciiRun), with s at every place of a block.
		run := strings.Repeat("Lorem ipsum dolor sit amet, consectetur 1.5 adipiscing\n", 2)
		long := run + s + run[:len(s)%40] + s + run
		for _, p := range fusedProfiles {
			if got, want := p.Apply(s), p.applyStages(s); got != want {
				t.Fatalf("%s (%s) on %+q: %+q, want %+q", p.Name(), p.Rules(), s, got, want)
			}
			if got, want := p.Apply(long), p.applyStages(long); got != want {
				t.Fatalf("%s (%s) on %+q: %+q, want %+q", p.Name(), p.Rules(), long, got, want)
			}
			if _, valid := p.ApplyValid(s); valid != utf8.ValidString(s) {
				t.Fatalf("%s (%s) on %+q: ApplyValid says valid %v", p.Name(), p.Rules(), s, valid)
			}
		}
		if _, valid := None.ApplyValid(s); valid != utf8.ValidString(s) {
			t.Fatalf("none on %+q: ApplyValid says valid %v", s, valid)
		}
	})
}

// TestFusedCorpora checks the fused path against the stages on the
// benchmark corpora, real text at length.
func TestFusedCorpora(t *testing.T) {
	if raceEnabled {
		t.Skip("8 MB of corpora through 11 profiles twice: minutes under the race detector; FuzzFused's seeds cover the fused path there")
	}
	for _, c := range benchCorpora() {
		for _, p := range fusedProfiles {
			got, want := p.Apply(c.text), p.applyStages(c.text)
			if got == want {
				continue
			}
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			line := strings.LastIndexByte(want[:i], '\n') + 1
			t.Errorf("%s, %s: differs at %d: %+q, want %+q", c.name, p.Name(), i, got[line:min(len(got), i+80)], want[line:min(len(want), i+80)])
		}
	}
}

// TestFusedAllocations checks that the fused path allocates nothing for
// text that no stage changes, as the form alone does (TestNoneAllocations).
func TestFusedAllocations(t *testing.T) {
	clean := strings.Repeat("سلام دنیا، the ministers met.\nПривет, мир. 中文。\n", 100)
	if got := Default.Apply(clean); got != clean {
		t.Fatalf("Default changes the clean text: %+q", got[:80])
	}
	if n := testing.AllocsPerRun(10, func() { Default.Apply(clean) }); n != 0 {
		t.Errorf("Default.Apply of clean text: %v allocations, want 0", n)
	}
}

// TestFusedExhaustive checks the fused path against the stages on every
// string of up to four code points (three with -short) from an alphabet of
// what span, line and patchStops decide by their neighbours: the letters
// the rules write in place and the hamza that keeps a yeh, a mark, the
// presentation forms line expands, a ZWNJ, spaces and line feeds, digits
// and the punctuation ArabicPunctuation holds; alone, after and before a
// letter, after a space and after a line the scan steps over.
func TestFusedExhaustive(t *testing.T) {
	if raceEnabled {
		t.Skip("tens of millions of calls: minutes under the race detector; FuzzFused covers the path there")
	}
	alphabet := []string{"ي", "ى", "ك", "ا", "\u0654", "\u064e", " ", "\n", ",", ";", ".", "١", "1", "\u200c", "\ufe80", "\ufef7", "a"}
	depth := 4
	if testing.Short() {
		depth = 3
	}
	var each func(s string, n int)
	each = func(s string, n int) {
		for _, p := range fusedProfiles {
			for _, in := range []string{s, "ب" + s, s + "ب", "x " + s, "كي\n" + s} {
				if got, want := p.Apply(in), p.applyStages(in); got != want {
					t.Fatalf("%s on %+q: %+q, want %+q", p.Name(), in, got, want)
				}
			}
		}
		if n > 0 {
			for _, a := range alphabet {
				each(s+a, n-1)
			}
		}
	}
	each("", depth)
}

// TestFusedShuffled checks the fused path against the stages on strings
// drawn from what its steps of eight bytes and its branches look at: words,
// single, doubled and trailing spaces, line feeds, digits after separators,
// "www.", marks and letters of two and three bytes, a ZWNJ, invisibles.
func TestFusedShuffled(t *testing.T) {
	pieces := []string{"ab", "Cd", " ", " ", "  ", "\n", "\n\n", "x", "1", ",", ".", "www", "/", "@",
		"ب", "ي", "ك", "\u064e", "\u0651", "\u200c", "\u00a0", "д", "ё", "е\u0308", "中", "。", "\u200b", "\t", "\r\n", "\"", "!", "،", "۱",
		"😀", "𝐀", "\U0001d15e", "\U000110ab", "a\u0301", "\u0301", "ﻻ", "\ufdd0", "\x80", "\xe0\x80\x80", "\xed\xa0\x80"}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := rng.IntN(24); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		for _, p := range fusedProfiles {
			if got, want := p.Apply(s), p.applyStages(s); got != want {
				t.Fatalf("%s on %+q: %+q, want %+q", p.Name(), s, got, want)
			}
		}
	}
}

// TestFusedSurrogates checks that the scan takes the bytes of an encoded
// surrogate for what they are, invalid UTF-8, and not for a code point it
// steps over.
func TestFusedSurrogates(t *testing.T) {
	f := Default.fused()
	for _, s := range []string{"\xed\xa0\x80b\n", "д\xed\xa0\x80\n", "a\xed\xbf\xbf\n"} {
		if got := f.span(s, 0, new([]int), nil); got != 0 {
			t.Errorf("span(%+q, form) = %d, want 0: a surrogate's bytes stepped over", s, got)
		}
	}
}

// TestApplyValid checks ApplyValid against Apply and utf8.ValidString.
func TestApplyValid(t *testing.T) {
	profiles := append([]Profile{None, Default.WithForm(norm.NFD), Search, Default.With(CollapseBlankLines)}, fusedProfiles...)
	cases := append([]string{"\xff", "ok\n\xed\xa0\x80\n", "a\xe2\x82", "fine\n"}, fusedCases...)
	for _, c := range benchCorpora() {
		cases = append(cases, c.text[:4096])
	}
	for _, p := range profiles {
		for _, s := range cases {
			out, valid := p.ApplyValid(s)
			if want := p.Apply(s); out != want {
				t.Fatalf("%s on %+q: %+q, Apply %+q", p.Name(), s, out, want)
			}
			if want := utf8.ValidString(s); valid != want {
				t.Fatalf("%s on %+q: valid %v, want %v", p.Name(), s, valid, want)
			}
		}
	}
}

// TestFusedTokensInRuns checks the fused path against the stages on what
// span's loops of eight and 32 bytes (asciiRun) look at beside them, each
// piece at every place of a block inside long runs of ASCII, before a
// second piece.
func TestFusedTokensInRuns(t *testing.T) {
	pieces := []string{"  ", " \n", "\n ", " می ", "می ها", " ها", "1.2", ".5", ",5", ":5", "/5", "\u066b5", "\u066c5",
		"www.", "WwW.", "w.", "\t", "\t\t", "\x1b[31m", "\uFDD0", "\xff", "\r\n", "\"", "!", ":", "(", ")", "[", "]",
		",", ";", "?", " ,", "( ", " )", "\u08a0,", "\ufb50,", "\U00010e60,", "\U0001ee00,", "ك,", "ك ,", "a@b.cd",
		"x/y", "<b>", "`c`", "۱.۲", "1,000", " 1.3 ", "é", "\u0301", "\u200c", "…", "“x”", "«x»", "؟", "،"}
	run := strings.Repeat("lorem ipsum dolor sit amet consectetur ", 4)
	for _, piece := range pieces {
		for _, after := range []string{"", "ك", "\n", " ", "1"} {
			for at := 0; at < 40; at++ {
				s := run[:at] + piece + after + run + "\n" + run[:at%7] + piece + run
				for _, p := range fusedProfiles {
					if got, want := p.Apply(s), p.applyStages(s); got != want {
						t.Fatalf("%s on %+q:\n got %+q\nwant %+q", p.Name(), s, got, want)
					}
				}
			}
		}
	}
}

// TestPlainTwin checks what the built-in profiles' plain twins leave out
// and what nextMarked finds.
func TestPlainTwin(t *testing.T) {
	for _, p := range []Profile{Persian, Arabic, Urdu, Pashto} {
		twin, marks, ok := plainTwin(p.rules, p.form)
		if !ok {
			t.Fatalf("%s: no plain twin", p.Name())
		}
		if twin.rules != Default.rules {
			t.Errorf("%s: twin has %s, want the default rules %s", p.Name(), twin.Rules(), Default.Rules())
		}
		// In ASCII, the two differ only in ArabicPunctuation's , ; ?,
		// which it maps after a letter of the script alone.
		tb, tw := tableFor(p.cleanerRules()), tableFor(twin.cleanerRules())
		for c := rune(0); c < utf8.RuneSelf; c++ {
			if o, w := tb.lookup(c), tw.lookup(c); (o.kind != w.kind || o.repl != w.repl) && !strings.ContainsRune(",;?", c) {
				t.Errorf("%s: %q is %v, its twin's %v", p.Name(), c, o, w)
			}
		}
		for _, c := range []struct {
			s    string
			want int
		}{
			{"", 0},
			{"plain English, with “quotes” — and café\n", -1},
			{"Русский текст, и ещё\n", -1},
			{"中文，测试。한국어\u3000", -1},
			{"abc سلام", 4},
			{"abc\u200cdef", 3},    // ZWNJ: the ZWNJ rule's
			{"ab\u0640", 2},        // tatweel
			{"a\uFB50", 1},         // a presentation form
			{"a\uFDD0", 1},         // a placeholder's noncharacter
			{"x😀", 1},              // above U+FFFF
			{"é\xc3, \x81", -1},    // invalid, under D8
			{"a\xd9\xff", 1},       // invalid from D8 on
			{"ab\xed\xa0\x80", -1}, // a surrogate
			{strings.Repeat("long ASCII run ", 10) + "ک", 150},
			{strings.Repeat("漢字", 20) + "ی", 120},
		} {
			want := c.want
			if want < 0 {
				want = len(c.s)
			}
			if got := nextMarked(marks, c.s, 0); got != want {
				t.Errorf("%s: nextMarked(%+q) = %d, want %d", p.Name(), c.s, got, want)
			}
		}
	}
	if _, _, ok := plainTwin(Default.rules, norm.NFC); ok {
		t.Error("the default profile has a plain twin")
	}
}
