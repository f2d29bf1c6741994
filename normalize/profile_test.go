package normalize

import (
	"math/rand"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// profileCase is a line and what a profile makes of it. spans lists words
// of the output with the input text they must map back to (each must occur
// once in the output and once in the input).
type profileCase struct {
	in, want string
	spans    [][2]string // {output text, input text}
}

var profileTests = map[string][]profileCase{
	"none": {
		{"cafe\u0301 \uFB01 \r\n", "café \uFB01 \r\n", [][2]string{{"café", "cafe\u0301"}, {"\uFB01", "\uFB01"}}},
		{"\uFEFFكتاب  علي\u00A0", keep, [][2]string{{"علي", "علي"}}},
		{"\u0627\u0654\u0644\u0641", "\u0623\u0644\u0641", [][2]string{{"\u0623", "\u0627\u0654"}, {"\u0644\u0641", "\u0644\u0641"}}},
	},
	"default": {
		{"\uFEFFThe\u00A0price  is   $5\u00A0\u00A0 \r\n", "The price is $5\n",
			[][2]string{{"The", "The"}, {"price", "price"}, {"is", "is"}, {"$5", "$5"}}},
		{"كتاب\u200Cها را  خواندم.\u2029بعدی", "كتاب\u200Cها را خواندم.\nبعدی",
			[][2]string{{"خواندم.", "خواندم."}, {"\n", "\u2029"}, {"بعدی", "بعدی"}}},
		{"\u202Bسلام\u202C\x07 world\u00AD!\t \n", "سلام world!\n",
			[][2]string{{"سلام", "سلام"}, {"world!", "world\u00AD!"}}},
		{"  indented\u3000line\u200E", "  indented line\u200E", [][2]string{{" line", "\u3000line"}}},
		{"یہ ایک جملہ ہے\u0085دوسرا\u2028", "یہ ایک جملہ ہے\nدوسرا\n", [][2]string{{"دوسرا", "دوسرا"}}},
		{"a \u00A0\u2003 b\t\t\n\n   \n", "a b\n\n\n", [][2]string{{" ", " \u00A0\u2003 "}}},
		{"ZWJ: 👨\u200D👩\u200D👧 and ZWNJ: می\u200Cروم", keep, [][2]string{{"می\u200Cروم", "می\u200Cروم"}}},
	},
	"fa": {
		{"اين كتاب مال علي است, قيمتش ١٢٠ هزار تومان است?", "این کتاب مال علی است، قیمتش ۱۲۰ هزار تومان است؟",
			[][2]string{{"کتاب", "كتاب"}, {"است،", "است,"}, {"۱۲۰", "١٢٠"}, {"است؟", "است?"}}},
		{"\u200Cمي\u200C\u200Cخواهم  به كتابخانه\u200C بروم\u200C", "می\u200Cخواهم به کتابخانه بروم",
			[][2]string{{"می\u200Cخواهم", "مي\u200C\u200Cخواهم"}, {"بروم", "بروم"}}},
		{"ﻛﺘﺎﺏ خـــوب", "کتاب خوب", [][2]string{{"کتاب", "ﻛﺘﺎﺏ"}, {"خوب", "خـــوب"}}},
		{"ﻣﻲ\u200Cﺭﻭﻡ ﻳﻚ", "می\u200Cروم یک", [][2]string{{"یک", "ﻳﻚ"}, {"می", "ﻣﻲ"}}},
		{"سال ١٤٠٢ برابر با 2023 است و ۱۴۰۲ هم", "سال ۱۴۰۲ برابر با 2023 است و ۱۴۰۲ هم",
			[][2]string{{"2023", "2023"}}},
		{"قیمت: ۱,۰۰۰ تومان; خرید?", "قیمت: ۱,۰۰۰ تومان؛ خرید؟", [][2]string{{"۱,۰۰۰", "۱,۰۰۰"}}},
		{"او گفت: Hello, world? و رفت.", keep, [][2]string{{"Hello, world?", "Hello, world?"}}},
		{"هيئت مديره و هي\u0654ت", "هیئت مدیره و هئت", [][2]string{{"هئت", "هي\u0654ت"}}},
		{"\uFEFFسلام\u00A0\u00A0دنیا  \r\nخداحافظ", "سلام دنیا\nخداحافظ",
			[][2]string{{"دنیا", "دنیا"}, {"\n", "\r\n"}, {"خداحافظ", "خداحافظ"}}},
		{"\u202Bمتن\u202C \u200Fراست\u200F", "متن \u200Fراست\u200F", [][2]string{{"راست", "راست"}}},
	},
	"ar": {
		{"کتاب فی البیت", "كتاب فى البيت", [][2]string{{"البيت", "البیت"}}},
		{"قال: هل ذهبت إلى المدرسة?", "قال: هل ذهبت إلى المدرسة؟", [][2]string{{"المدرسة؟", "المدرسة?"}}},
		{"عام ۱۴۴۵ هجري، ١٤٤٥", "عام ١٤٤٥ هجري، ١٤٤٥", [][2]string{{"هجري،", "هجري،"}}},
		{"مـــرحبا، أهلاً وسهلاً", "مرحبا، أهلاً وسهلاً", [][2]string{{"أهلاً", "أهلاً"}}},
		{"ﺍﻟﺴﻼﻡ ﻋﻠﻴﻜﻢ", "السلام عليكم", [][2]string{{"عليكم", "ﻋﻠﻴﻜﻢ"}}},
		{"یک یوم علی", "يك يوم على", [][2]string{{"على", "علی"}}},
		{"ﯾﮏ", "يك", [][2]string{{"يك", "ﯾﮏ"}}},
	},
	"ur": {
		{"يه كتاب هے", "یہ کتاب ہے", [][2]string{{"کتاب", "كتاب"}}},
		{"قیمت ١٠٠ روپے ہے", "قیمت ۱۰۰ روپے ہے", [][2]string{{"۱۰۰", "١٠٠"}}},
		{"آپ کیسے ہیں?", "آپ کیسے ہیں؟", [][2]string{{"آپ", "آپ"}}},
		{"میرا بھائی  لاہور میں رہتا ہے۔\r\n", "میرا بھائی لاہور میں رہتا ہے۔\n", [][2]string{{"لاہور", "لاہور"}}},
	},
	"ps": {
		{"زه پښتو ژبه ويلى شم", "زه پښتو ژبه ويلی شم", [][2]string{{"ويلی", "ويلى"}}},
		{"كابل ښار  ډېر ښکلی دی", "کابل ښار ډېر ښکلی دی", [][2]string{{"کابل", "كابل"}}},
		{"١٣٩٩ کال", "۱۳۹۹ کال", [][2]string{{"کال", "کال"}}},
		{"ته څنګه يې?", "ته څنګه يې؟", [][2]string{{"يې؟", "يې?"}}},
	},
	"search": {
		{"Café «کتاب\u200Cها» ك", "cafe \"کتابها\" ک", [][2]string{{"cafe", "Café"}, {"کتابها", "کتاب\u200Cها"}}},
		{"أحمد ذهب إلى المدرسة", "احمد ذهب الی المدرسه", [][2]string{{"احمد", "أحمد"}, {"المدرسه", "المدرسة"}}},
		{"ＡＢＣ １２３ and ١٢٣ ۴۵۶", "abc 123 and 123 456", [][2]string{{"abc", "ＡＢＣ"}, {"123 and", "１２３ and"}}},
		{"مُحَمَّد — “Hello” ﻛﺘﺎﺏ", "محمد - \"hello\" کتاب", [][2]string{{"محمد", "مُحَمَّد"}, {"کتاب", "ﻛﺘﺎﺏ"}}},
		{"STRASSE Straße ǅemal", "strasse strasse dzemal", [][2]string{{"dzemal", "ǅemal"}}},
		{"ﷲ أكبر", "الله اکبر", [][2]string{{"اکبر", "أكبر"}}},
		{"\uFEFFمی\u200Cروم\u00A0\u00A0به   خانه\r\n", "میروم به خانه\n", [][2]string{{"خانه", "خانه"}, {"به", "به"}}},
		{"ۀ ۂ ئ ؤ ۓ", "ه ه ی و ے", nil},
	},
}

func TestProfiles(t *testing.T) {
	for _, p := range Profiles() {
		t.Run(p.Name(), func(t *testing.T) {
			cases := profileTests[p.Name()]
			if len(cases) == 0 {
				t.Fatal("no tests")
			}
			for _, tc := range cases {
				want := tc.want
				if want == keep {
					want = tc.in
				}
				got := normalizeEveryWay(t, p, tc.in)
				if got != want {
					t.Errorf("%s(%+q) = %+q, want %+q", p.Name(), tc.in, got, want)
					continue
				}
				if again := p.Apply(got); again != got {
					t.Errorf("%s is not idempotent on %+q: %+q, then %+q", p.Name(), tc.in, got, again)
				}
				checkAlign(t, p, tc)
			}
		})
	}
}

func checkAlign(t *testing.T, p Profile, tc profileCase) {
	t.Helper()
	out, a := p.Align(tc.in)
	offs := a.Offsets()
	if len(offs) != len(out)+1 || offs[0] < 0 || offs[len(out)] != len(tc.in) {
		t.Errorf("%s: Align(%+q).Offsets() = %v", p.Name(), tc.in, offs)
	}
	for i := 1; i < len(offs); i++ {
		if offs[i] < offs[i-1] {
			t.Errorf("%s: Align(%+q).Offsets() decreases at %d: %v", p.Name(), tc.in, i, offs)
			break
		}
	}
	if s, e := a.Source(0, len(out)); s < 0 || s > e || e > len(tc.in) {
		t.Errorf("%s: Align(%+q).Source(whole output) = %d, %d", p.Name(), tc.in, s, e)
	}
	for _, sp := range tc.spans {
		o := strings.Index(out, sp[0])
		i := strings.Index(tc.in, sp[1])
		if o < 0 || i < 0 || strings.Count(out, sp[0]) != 1 || strings.Count(tc.in, sp[1]) != 1 {
			t.Errorf("%s: bad span test %+q -> %+q for %+q", p.Name(), sp[1], sp[0], tc.in)
			continue
		}
		s, e := a.Source(o, o+len(sp[0]))
		if s != i || e != i+len(sp[1]) {
			t.Errorf("%s: Align(%+q).Source(%d, %d) (%+q) = %d, %d (%+q), want %d, %d (%+q)",
				p.Name(), tc.in, o, o+len(sp[0]), sp[0], s, e, tc.in[s:e], i, i+len(sp[1]), sp[1])
		}
	}
}

// TestAlignSimple checks Pieces and Source on single-stage alignments.
func TestAlignSimple(t *testing.T) {
	in := "\uFEFFab\u00A0\u00A0cd \r\n"
	out, a := Default.Align(in)
	if out != "ab cd\n" {
		t.Fatalf("Align(%+q) = %+q", in, out)
	}
	// The cleaner and NFC: two stages.
	if a.Pieces() != nil {
		t.Errorf("Pieces() of a two-stage alignment = %v", a.Pieces())
	}
	for _, c := range []struct{ s, e, ws, we int }{
		{0, 2, 3, 5},   // "ab"
		{2, 3, 5, 9},   // " " <- two NBSPs
		{3, 5, 9, 11},  // "cd"
		{5, 6, 11, 14}, // "\n" <- " \r\n"? the trailing space is dropped before it
		{0, 0, 3, 3},   // after the dropped BOM
		{6, 6, 14, 14},
		{-5, 100, 3, 14},
		{4, 2, 10, 10}, // end before start is clamped to an empty span
	} {
		s, e := a.Source(c.s, c.e)
		if c.s == 5 {
			// The dropped space belongs to no output; "\n" maps to at
			// least the CR LF.
			if s > 12 || e != 14 {
				t.Errorf("Source(%d, %d) = %d, %d; want [<=12, 14)", c.s, c.e, s, e)
			}
			continue
		}
		if s != c.ws || e != c.we {
			t.Errorf("Source(%d, %d) = %d, %d; want %d, %d", c.s, c.e, s, e, c.ws, c.we)
		}
	}
	_, a = None.Align("cafe\u0301")
	if ps := a.Pieces(); len(ps) == 0 || ps[len(ps)-1].InEnd != len("cafe\u0301") {
		t.Errorf("None.Align Pieces() = %v", ps)
	}
}

func TestLookup(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"none", "none"}, {"default", "default"}, {"fa", "fa"}, {"ar", "ar"},
		{"ur", "ur"}, {"ps", "ps"}, {"search", "search"},
		{"persian", "fa"}, {"Farsi", "fa"}, {"dari", "fa"}, {"prs", "fa"},
		{"arabic", "ar"}, {"URDU", "ur"}, {"pashto", "ps"}, {"pushto", "ps"},
		{"FA", "fa"}, {"Search", "search"},
	} {
		p, err := Lookup(c.name)
		if err != nil || p.Name() != c.want {
			t.Errorf("Lookup(%q) = %v, %v; want %s", c.name, p.Name(), err, c.want)
		}
	}
	for _, bad := range []string{"", "klingon", "fa-IR", "nfc"} {
		if _, err := Lookup(bad); err == nil {
			t.Errorf("Lookup(%q) gave no error", bad)
		} else if !strings.Contains(err.Error(), "default") || !strings.Contains(err.Error(), "search") {
			t.Errorf("Lookup(%q) error %q does not list the profiles", bad, err)
		}
	}
	for _, p := range Profiles() {
		q, err := Lookup(p.Name())
		if err != nil || q != p {
			t.Errorf("Lookup(%q) = %v, %v", p.Name(), q.Describe(), err)
		}
	}
	if (Profile{}).Name() != "none" || (Profile{}).Form() != norm.NFC {
		t.Errorf("zero Profile: %s", Profile{}.Describe())
	}
}

func TestParseForm(t *testing.T) {
	for _, c := range []struct {
		name string
		want norm.Form
	}{
		{"nfc", norm.NFC}, {"NFD", norm.NFD}, {"NfKc", norm.NFKC}, {"nfkd", norm.NFKD},
	} {
		f, err := ParseForm(c.name)
		if err != nil || f != c.want {
			t.Errorf("ParseForm(%q) = %v, %v", c.name, f, err)
		}
		if g, _ := ParseForm(FormName(f)); g != f {
			t.Errorf("ParseForm(FormName(%v)) = %v", f, g)
		}
	}
	for _, bad := range []string{"", "nfx", "nf c", "default"} {
		if _, err := ParseForm(bad); err == nil {
			t.Errorf("ParseForm(%q) gave no error", bad)
		}
	}
}

func TestProfileMethods(t *testing.T) {
	p := Persian.With(DigitsASCII).Without(Tatweel).WithForm(norm.NFD)
	if p.Rules().Has(DigitsPersian) || !p.Rules().Has(DigitsASCII) || p.Rules().Has(Tatweel) || p.Form() != norm.NFD {
		t.Errorf("derived profile: %s", p.Describe())
	}
	if Persian.Rules().Has(DigitsASCII) || !Persian.Rules().Has(Tatweel) {
		t.Errorf("With/Without changed Persian: %s", Persian.Describe())
	}
	if got := p.Apply("كتاب ١٢٣ ـ é"); got != norm.NFD.String("کتاب 123 ـ é") {
		t.Errorf("derived profile String = %+q", got)
	}
	if d := Default.Describe(); d != "default (nfc: line-endings,controls,invisibles,spaces,trim-trailing,collapse-spaces)" {
		t.Errorf("Default.Describe() = %q", d)
	}
	if got := NewProfile("x", norm.NFKC, 0).Apply("ﬁ"); got != "fi" {
		t.Errorf("NFKC with no rules: %q", got)
	}
	// Every built-in profile with every form gives that form.
	in := "\uFEFFCafe\u0301 ﬁ ﻛﺘﺎﺏ هي\u0654ت  ١٢٣\r\n"
	for _, p := range Profiles() {
		for _, f := range []norm.Form{norm.NFC, norm.NFD, norm.NFKC, norm.NFKD} {
			q := p.WithForm(f)
			got := normalizeEveryWay(t, q, in)
			if !f.IsNormalString(got) {
				t.Errorf("%s: result %+q is not in %s", q.Describe(), got, FormName(f))
			}
		}
	}
}

// longText joins all the test inputs of this package, with the profiles'
// in the given order, and a separator of each kind, so that every part
// meets a different neighbour.
func longText(profileOrder []string) string {
	var parts []string
	for _, r := range AllRules() {
		for _, tc := range ruleTests[r] {
			parts = append(parts, tc.in)
		}
	}
	for _, name := range profileOrder {
		for _, tc := range profileTests[name] {
			parts = append(parts, tc.in)
		}
	}
	parts = append(parts, fuzzSeeds...)
	var b strings.Builder
	seps := []string{" ", "\r\n", "", "\u200C", ",", "\u00A0\t"}
	for i, p := range parts {
		b.WriteString(p)
		b.WriteString(seps[i%len(seps)])
	}
	return b.String()
}

var profileNames = []string{"none", "default", "fa", "ar", "ur", "ps", "search"}

// TestStreamingLong runs every profile's streaming entry points, with the
// input cut at many places and small buffers, on a long text, so that
// runes, CR LFs, held-back characters and lookahead straddle buffer
// boundaries.
func TestStreamingLong(t *testing.T) {
	long := longText(profileNames)
	for _, p := range Profiles() {
		checkStreaming(t, p, long)
		checkAlignment(t, p, long, 17, 4000)
		if once := p.Apply(long); p.Apply(once) != once {
			t.Errorf("%s is not idempotent on the long text: %s", p.Name(), diff(long, p.Apply(once), once))
		}
	}
}

// TestChainShortBuffer drives the transformers with small output buffers
// on long texts (the test inputs in many orders): x/text's Chain used to
// give up with "short internal buffer" when a buffer between two stages
// ended with an incomplete rune or segment and had no room left.
func TestChainShortBuffer(t *testing.T) {
	names := append([]string(nil), profileNames...)
	rng := rand.New(rand.NewSource(1))
	orders := 30
	if raceEnabled {
		orders = 8
	}
	for range orders {
		rng.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
		s := longText(names)
		for _, p := range Profiles() {
			want := p.Apply(s)
			tr := p.Transformer()
			for _, dst := range []int{1, 5, 16, 64} {
				got, err := transformSmall(tr, s, len(s), dst)
				if err != nil || got != want {
					t.Fatalf("%s: order %v, dst %d: %v: %s", p.Name(), names, dst, err, diff(s, got, want))
				}
			}
		}
	}
}
