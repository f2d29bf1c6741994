package script

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// span is a run as the tests write it: its text and script.
type span struct {
	text   string
	script Script
}

func (s span) String() string { return fmt.Sprintf("%q/%v", s.text, s.script) }

func spans(s string) []span {
	var got []span
	for r := range Runs(s) {
		got = append(got, span{s[r.Start:r.End], r.Script})
	}
	return got
}

var runTests = []struct {
	name string
	in   string
	want []span
}{
	{"empty", "", nil},
	{
		"Persian caption between English lines",
		"The bridge reopened on Monday.\nعکس: پل طبیعت در شمال تهران\nTraffic was light all day.",
		[]span{
			{"The bridge reopened on Monday.\n", Latin},
			{"عکس: پل طبیعت در شمال تهران\n", Arabic},
			{"Traffic was light all day.", Latin},
		},
	},
	{
		"English with an inline Persian phrase and Arabic comma",
		"Locals call it بازار بزرگ، the old market, and shop there daily.",
		[]span{
			{"Locals call it ", Latin},
			{"بازار بزرگ، ", Arabic},
			{"the old market, and shop there daily.", Latin},
		},
	},
	{
		"Persian with an English brand name in parentheses",
		"دیروز یک لپ‌تاپ (Lenovo ThinkPad) خریدم.",
		[]span{
			{"دیروز یک لپ‌تاپ ", Arabic},
			{"(Lenovo ThinkPad) ", Latin},
			{"خریدم.", Arabic},
		},
	},
	{
		"Japanese with kanji and kana",
		"私は毎朝コーヒーを飲みます。",
		[]span{{"私は毎朝コーヒーを飲みます。", Japanese}},
	},
	{
		"Japanese after English",
		"She said 東京タワーは高い and smiled.",
		[]span{
			{"She said ", Latin},
			{"東京タワーは高い ", Japanese},
			{"and smiled.", Latin},
		},
	},
	{"kana alone", "ひらがな、カタカナ", []span{{"ひらがな、カタカナ", Japanese}}},
	{"Hiragana alone", "ありがとう。", []span{{"ありがとう。", Hiragana}}},
	{"Katakana and prolonged sound mark", "コーヒー", []span{{"コーヒー", Katakana}}},
	{"Han and ideographic comma", "北京、上海、广州", []span{{"北京、上海、广州", Han}}},
	{
		"Korean with Hanja",
		"韓國語는 大學에서 배웠다.",
		[]span{{"韓國語는 大學에서 배웠다.", Korean}},
	},
	{"Hangul alone", "안녕하세요, 여러분!", []span{{"안녕하세요, 여러분!", Hangul}}},
	{
		"digits and quotes at run edges",
		`"2024" was a good year; the fare is 250 تومان`,
		[]span{
			{`"2024" was a good year; the fare is 250 `, Latin},
			{"تومان", Arabic},
		},
	},
	{
		"leading Common characters take the next letter's script",
		"«12:30» ساعت حرکت قطار است",
		[]span{{"«12:30» ساعت حرکت قطار است", Arabic}},
	},
	{
		"quoted Persian in English",
		"The sign said «ورود ممنوع» in red.",
		[]span{
			{"The sign said ", Latin},
			{"«ورود ممنوع» ", Arabic},
			{"in red.", Latin},
		},
	},
	{
		"straight quotes pair",
		`He wrote "سلام" twice`,
		[]span{
			{"He wrote ", Latin},
			{`"سلام" `, Arabic},
			{"twice", Latin},
		},
	},
	{
		"closing bracket of an earlier run",
		"(see مرجع) here",
		[]span{
			{"(see ", Latin},
			{"مرجع", Arabic},
			{") here", Latin},
		},
	},
	{
		"nested pairs",
		"Он сказал (по-английски «hello») и ушёл.",
		[]span{
			{"Он сказал (по-английски ", Cyrillic},
			{"«hello»", Latin},
			{") и ушёл.", Cyrillic},
		},
	},
	{
		"combining mark at the start of a line",
		"first\n\u0308ber alles\n\u064Eكتب",
		[]span{
			{"first\n", Latin},
			{"\u0308ber alles\n", Latin},
			{"\u064Eكتب", Arabic},
		},
	},
	{
		"combining mark after a letter of another script",
		"x\u064E y",
		[]span{{"x\u064E y", Latin}},
	},
	{
		"ZWNJ inside a Persian word",
		"کتاب‌ها را می‌خوانم",
		[]span{{"کتاب‌ها را می‌خوانم", Arabic}},
	},
	{
		"ZWNJ between scripts",
		"word\u200Cکتاب",
		[]span{{"word\u200C", Latin}, {"کتاب", Arabic}},
	},
	{
		"Arabic-Indic digits and separators in Arabic text",
		"بلغ المعدل ٣٫٥ بالمئة من ١٬٢٠٠ طالب",
		[]span{{"بلغ المعدل ٣٫٥ بالمئة من ١٬٢٠٠ طالب", Arabic}},
	},
	{
		"Persian digits after Latin text",
		"Page ۱۲",
		[]span{{"Page ", Latin}, {"۱۲", Arabic}},
	},
	{
		"Arabic question mark and tatweel",
		"هل أنت بخيـــر؟ Fine?",
		[]span{{"هل أنت بخيـــر؟ ", Arabic}, {"Fine?", Latin}},
	},
	{
		"Arabic question mark after Latin",
		"Really؟",
		[]span{{"Really", Latin}, {"؟", Common}},
	},
	{
		"emoji between scripts",
		"خیلی ممنون 🙏 thanks 👩‍💻 Привет",
		[]span{
			{"خیلی ممنون 🙏 ", Arabic},
			{"thanks 👩‍💻 ", Latin},
			{"Привет", Cyrillic},
		},
	},
	{
		"Russian with a Latin abbreviation",
		"Компания выпустила новый GPU для ноутбуков.",
		[]span{
			{"Компания выпустила новый ", Cyrillic},
			{"GPU ", Latin},
			{"для ноутбуков.", Cyrillic},
		},
	},
	{"digits and punctuation only", "12.5 + 7 = 19.5!", []span{{"12.5 + 7 = 19.5!", Common}}},
	{
		"Devanagari danda",
		"नमस्ते। hello",
		[]span{{"नमस्ते। ", Devanagari}, {"hello", Latin}},
	},
	{
		"Hebrew and Greek",
		"שלום, κόσμε",
		[]span{{"שלום, ", Hebrew}, {"κόσμε", Greek}},
	},
	{
		"line breaks",
		"one\r\ntwo\u2028три\u0085four\n\nfive\rsix\v\f",
		[]span{
			{"one\r\n", Latin},
			{"two\u2028", Latin},
			{"три\u0085", Cyrillic},
			{"four\n", Latin},
			{"\n", Common},
			{"five\r", Latin},
			{"six\v", Latin},
			{"\f", Common},
		},
	},
	{
		"pairs do not cross lines",
		"(abc\nمرحبا) x",
		[]span{{"(abc\n", Latin}, {"مرحبا) ", Arabic}, {"x", Latin}},
	},
	{
		"invalid UTF-8 is Common",
		"ab\xffcd \xe2\x82 \xc3",
		[]span{{"ab\xffcd \xe2\x82 \xc3", Latin}},
	},
	{"invalid UTF-8 alone", "\xff\xfe", []span{{"\xff\xfe", Common}}},
	{
		"unassigned and private use",
		"a\uE000b\U000E0080",
		[]span{{"a", Latin}, {"\uE000", Unknown}, {"b", Latin}, {"\U000E0080", Unknown}},
	},
}

func TestRuns(t *testing.T) {
	for _, tt := range runTests {
		t.Run(tt.name, func(t *testing.T) {
			got := spans(tt.in)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Runs(%q)\n got %v\nwant %v", tt.in, got, tt.want)
			}
			checkRuns(t, tt.in)
		})
	}
}

func TestRunDirection(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []Direction
	}{
		{"Hello «سلام» world", []Direction{LTR, RTL, LTR}},
		{"שלום world", []Direction{RTL, LTR}},
		{"12 + 7", []Direction{Neutral}},
		{"«۱۲ کتاب»", []Direction{RTL}},      // the digits are not strong
		{"۱۲۳", []Direction{Neutral}},        // Arabic script, but no strong character
		{"東京 ۱۲", []Direction{LTR, Neutral}}, //
		{"µ", []Direction{LTR}},              // Common, but strong
	} {
		var got []Direction
		for r := range Runs(tt.in) {
			got = append(got, r.Dir)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("directions of %q = %v, want %v", tt.in, got, tt.want)
		}
	}
	for d, want := range map[Direction]string{Neutral: "neutral", LTR: "ltr", RTL: "rtl"} {
		if got := d.String(); got != want {
			t.Errorf("Direction(%d).String() = %q, want %q", d, got, want)
		}
	}
}

// TestRunsAPI checks that the four functions agree and that
// iteration stops when asked.
func TestRunsAPI(t *testing.T) {
	s := mixedText(16 << 10)
	want := AppendRuns(nil, s)
	if len(want) < 100 {
		t.Fatalf("only %d runs", len(want))
	}
	if got := slices.Collect(Runs(s)); !slices.Equal(got, want) {
		t.Error("Runs and AppendRuns differ")
	}
	if got := slices.Collect(RunsBytes([]byte(s))); !slices.Equal(got, want) {
		t.Error("RunsBytes and AppendRuns differ")
	}
	if got := AppendRunsBytes(nil, []byte(s)); !slices.Equal(got, want) {
		t.Error("AppendRunsBytes and AppendRuns differ")
	}
	n := 0
	for range Runs(s) {
		if n++; n == 3 {
			break
		}
	}
	if n != 3 {
		t.Errorf("break after 3 runs: %d", n)
	}
}

func TestRunsAllocs(t *testing.T) {
	s := mixedText(4 << 10)
	b := []byte(s)
	dst := make([]Run, 0, 1000)
	if n := testing.AllocsPerRun(10, func() {
		dst = AppendRuns(dst[:0], s)
		dst = AppendRunsBytes(dst[:0], b)
	}); n != 0 {
		t.Errorf("AppendRuns allocates %v times", n)
	}
	if n := testing.AllocsPerRun(10, func() {
		for range RunsBytes(b) {
		}
	}); n > 1 {
		t.Errorf("RunsBytes allocates %v times", n)
	}
}

// checkRuns checks the invariants of the runs of s.
func checkRuns(t *testing.T, s string) {
	t.Helper()
	runs := AppendRuns(nil, s)
	if got := AppendRunsBytes(nil, []byte(s)); !slices.Equal(got, runs) {
		t.Fatalf("%q: runs of string and []byte differ:\n%v\n%v", s, runs, got)
	}
	boundary := make([]bool, len(s)+1) // character boundaries of s
	for i := range s {
		boundary[i] = true
	}
	boundary[len(s)] = true
	pos := 0
	for _, r := range runs {
		if r.Start != pos || r.End <= r.Start || r.End > len(s) {
			t.Fatalf("%q: run %+v after offset %d", s, r, pos)
		}
		pos = r.End
		if r.Script >= numScripts || r.Script == Inherited || r.Dir > RTL {
			t.Errorf("%q: bad run %+v", s, r)
		}
		text := s[r.Start:r.End]
		for i, c := range text {
			if !boundary[r.Start+i] {
				t.Errorf("%q: offset %d in run %+v is not a character boundary", s, r.Start+i, r)
			}
			if isLineBreak(c) && strings.TrimRight(text[i:], "\r\n\v\f\u0085\u2028\u2029") != "" {
				t.Errorf("%q: run %+v goes on after a line break", s, r)
			}
			if !fits(c, r.Script) {
				t.Errorf("%q: %U (%v) does not fit in run %q of script %v", s, c, Of(c), text, r.Script)
			}
		}
		if strings.HasSuffix(text, "\r") && strings.HasPrefix(s[r.End:], "\n") {
			t.Errorf("%q: CR LF split", s)
		}
	}
	if pos != len(s) {
		t.Fatalf("%q: runs end at %d, want %d", s, pos, len(s))
	}

	// A text's runs are those of its lines.
	var lines []Run
	for start := 0; start < len(s); {
		end := start + lineLen(s[start:])
		for _, r := range AppendRuns(nil, s[start:end]) {
			r.Start += start
			r.End += start
			lines = append(lines, r)
		}
		start = end
	}
	if !slices.Equal(lines, runs) {
		t.Errorf("%q: runs of the whole text and of its lines differ:\n%v\n%v", s, runs, lines)
	}
}

func isLineBreak(r rune) bool {
	return strings.ContainsRune("\n\v\f\r\u0085\u2028\u2029", r)
}

// lineLen returns the length of the first line of s with its line break.
func lineLen(s string) int {
	for i, r := range s {
		if isLineBreak(r) {
			n := i + utf8.RuneLen(r)
			if r == '\r' && strings.HasPrefix(s[n:], "\n") {
				n++
			}
			return n
		}
	}
	return len(s)
}

// fits reports whether r may be in a run of the given script: the script
// is among its Script_Extensions (or includes one, for Japanese and
// Korean), or it is Common, Inherited or a combining mark.
func fits(r rune, script Script) bool {
	sc := Of(r)
	if sc == Common || sc == Inherited || unicode.Is(unicode.M, r) {
		return true
	}
	for _, x := range ExtensionsOf(r) {
		switch {
		case x == script,
			script == Japanese && (x == Han || x == Hiragana || x == Katakana),
			script == Korean && (x == Han || x == Hangul):
			return true
		}
	}
	return false
}

func FuzzRuns(f *testing.F) {
	for _, tt := range runTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkRuns(t, s)
	})
}

// sentences are the material of the benchmark text: news-like lines in
// English, Persian, Chinese and Russian.
var sentences = []string{
	"The city council approved a new budget for public transport on Tuesday evening.",
	"شورای شهر روز سه‌شنبه بودجهٔ تازه‌ای برای حمل‌ونقل عمومی تصویب کرد.",
	"市议会周二晚上批准了一项新的公共交通预算。",
	"Городской совет во вторник вечером утвердил новый бюджет на общественный транспорт.",
	"Officials said the plan (worth $12.5 million) would add «شبکهٔ اتوبوس» routes by 2026.",
	"به گفتهٔ مسئولان، این طرح با همکاری شرکت Siemens اجرا می‌شود و ۳۰ درصد هزینه‌ها را کاهش می‌دهد.",
	"专家表示，这项计划将在三年内完成，并覆盖“全部”城区。",
	"Эксперты считают, что проект NASA и ESA изменит рынок к 2030 году — «это только начало».",
}

// mixedText returns at least n bytes of lines from sentences.
func mixedText(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(sentences[i%len(sentences)])
		if i%3 == 2 {
			b.WriteString("\n")
		} else {
			b.WriteString(" ")
		}
	}
	return b.String()
}

func BenchmarkRuns(b *testing.B) {
	s := mixedText(1 << 20)
	b.Run("string", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			for range Runs(s) {
			}
		}
	})
	buf := []byte(s)
	b.Run("bytes", func(b *testing.B) {
		b.SetBytes(int64(len(buf)))
		for b.Loop() {
			for range RunsBytes(buf) {
			}
		}
	})
	dst := make([]Run, 0, 1<<16)
	b.Run("append", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			dst = AppendRuns(dst[:0], s)
		}
	})
}

// BenchmarkOf compares Of with the lookups of package unicode
// over the runes of the benchmark text: testing one script with
// unicode.Is, and finding the script by testing every table of
// unicode.Scripts in turn.
func BenchmarkOf(b *testing.B) {
	s := mixedText(1 << 20)
	runes := []rune(s)
	var sink int
	b.Run("detect.Of", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			for _, r := range runes {
				sink += int(Of(r))
			}
		}
	})
	b.Run("unicode.Is(Arabic)", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			for _, r := range runes {
				if unicode.Is(unicode.Arabic, r) {
					sink++
				}
			}
		}
	})
	// The tables of the scripts of the text first, as a best case.
	tables := []*unicode.RangeTable{unicode.Common, unicode.Latin, unicode.Arabic, unicode.Han, unicode.Cyrillic, unicode.Inherited}
	for name, t := range unicode.Scripts {
		if !slices.Contains(tables, t) {
			tables = append(tables, t)
		}
		_ = name
	}
	b.Run("unicode.Scripts", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			for _, r := range runes {
				for i, t := range tables {
					if unicode.Is(t, r) {
						sink += i
						break
					}
				}
			}
		}
	})
	_ = sink
}

// TestDecodeRune compares decodeRune with utf8.DecodeRuneInString on every
// sequence of up to three bytes after a non-ASCII lead byte, and on the
// start of every four-byte sequence.
func TestDecodeRune(t *testing.T) {
	var buf [4]byte
	check := func(b []byte) {
		wantR, wantN := utf8.DecodeRune(b)
		if r, n := decodeRune(b, 0); r != wantR || n != wantN {
			t.Fatalf("decodeRune(% x) = %U, %d; want %U, %d", b, r, n, wantR, wantN)
		}
		if r, n := decodeRune(string(b), 0); r != wantR || n != wantN {
			t.Fatalf("decodeRune(%q) = %U, %d; want %U, %d", b, r, n, wantR, wantN)
		}
	}
	for b0 := 0x80; b0 <= 0xFF; b0++ {
		buf[0] = byte(b0)
		check(buf[:1])
		for b1 := range 256 {
			buf[1] = byte(b1)
			check(buf[:2])
			for b2 := range 256 {
				buf[2] = byte(b2)
				check(buf[:3])
			}
		}
	}
	for r := rune(0x10000); r <= unicode.MaxRune; r += 0x3F {
		n := utf8.EncodeRune(buf[:], r)
		check(buf[:n])
	}
}
