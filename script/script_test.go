package script

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/bidi"
)

const ucdDir = "../testdata/ucd/"

// readUCD calls f with the code point range and the first value field of
// each data line of a UCD file in the format of Scripts.txt. It is written
// apart from the generator so that a bug in one does not hide in the other.
func readUCD(t *testing.T, name string, f func(lo, hi rune, value string)) {
	t.Helper()
	file, err := os.Open(ucdDir + name)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		cps, value, ok := strings.Cut(line, ";")
		if !ok {
			continue
		}
		first, last, isRange := strings.Cut(strings.TrimSpace(cps), "..")
		if !isRange {
			last = first
		}
		lo, err1 := strconv.ParseInt(first, 16, 32)
		hi, err2 := strconv.ParseInt(last, 16, 32)
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: bad line %q", name, sc.Text())
		}
		f(rune(lo), rune(hi), strings.TrimSpace(value))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

// ucdScripts returns the ISO 15924 code of the Script property of every
// code point and the Script_Extensions codes of those that have them, from
// the UCD files.
func ucdScripts(t *testing.T) (sc []string, scx map[rune][]string) {
	t.Helper()
	codes := map[string]string{} // long name -> code
	file, err := os.ReadFile(ucdDir + "PropertyValueAliases.txt")
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(string(file)) {
		f := strings.Split(line, ";")
		if len(f) >= 3 && strings.TrimSpace(f[0]) == "sc" {
			codes[strings.TrimSpace(f[2])] = strings.TrimSpace(f[1])
		}
	}
	sc = make([]string, unicode.MaxRune+1)
	for r := range sc {
		sc[r] = "Zzzz" // @missing: 0000..10FFFF; Unknown
	}
	readUCD(t, "Scripts.txt", func(lo, hi rune, value string) {
		code, ok := codes[value]
		if !ok {
			t.Fatalf("Scripts.txt: unknown script %q", value)
		}
		for r := lo; r <= hi; r++ {
			sc[r] = code
		}
	})
	scx = map[rune][]string{}
	readUCD(t, "ScriptExtensions.txt", func(lo, hi rune, value string) {
		for r := lo; r <= hi; r++ {
			scx[r] = strings.Fields(value)
		}
	})
	return sc, scx
}

// TestUCD compares Of and ExtensionsOf with the UCD files for
// every code point, which also checks that tables.go is up to date.
func TestUCD(t *testing.T) {
	sc, scx := ucdScripts(t)
	diffs := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := sc[r]
		if got := Of(r).String(); got != want {
			if diffs++; diffs <= 10 {
				t.Errorf("Of(%U) = %s, want %s", r, got, want)
			}
		}
		wantX, ok := scx[r]
		if !ok {
			wantX = []string{want} // @missing: 0000..10FFFF; <script>
		}
		if got := ExtensionsOf(r); !slices.EqualFunc(got, wantX, func(s Script, code string) bool { return s.String() == code }) {
			if diffs++; diffs <= 10 {
				t.Errorf("ExtensionsOf(%U) = %v, want %v", r, got, wantX)
			}
		}
	}
	if diffs > 0 {
		t.Errorf("%d differences with the UCD files; run go generate", diffs)
	}
	for _, r := range []rune{-1, unicode.MaxRune + 1, 1 << 30} {
		if got := Of(r); got != Unknown {
			t.Errorf("Of(%#x) = %v, want Zzzz", r, got)
		}
		if got := ExtensionsOf(r); !slices.Equal(got, []Script{Unknown}) {
			t.Errorf("ExtensionsOf(%#x) = %v, want [Zzzz]", r, got)
		}
	}
}

// TestUCDVersion checks that the UCD files are of version UnicodeVersion.
func TestUCDVersion(t *testing.T) {
	for _, name := range []string{"Scripts", "ScriptExtensions", "PropertyValueAliases"} {
		b, err := os.ReadFile(ucdDir + name + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		if want := "# " + name + "-" + UnicodeVersion + ".txt\n"; !strings.HasPrefix(string(b), want) {
			t.Errorf("%s.txt does not start with %q", name, want)
		}
	}
	if unicode.Version != UnicodeVersion {
		t.Logf("unicode.Version is %s, tables are %s", unicode.Version, UnicodeVersion)
	}
}

// TestGoUnicode compares Of with the script tables of package
// unicode for every code point.
func TestGoUnicode(t *testing.T) {
	if unicode.Version != UnicodeVersion {
		t.Skipf("unicode.Version is %s, not %s", unicode.Version, UnicodeVersion)
	}
	want := make([]string, unicode.MaxRune+1)
	for name, table := range unicode.Scripts {
		for _, r16 := range table.R16 {
			for r := rune(r16.Lo); r <= rune(r16.Hi); r += rune(r16.Stride) {
				want[r] = name
			}
		}
		for _, r32 := range table.R32 {
			for r := rune(r32.Lo); r <= rune(r32.Hi); r += rune(r32.Stride) {
				want[r] = name
			}
		}
	}
	diffs := 0
	for r, name := range want {
		if name == "" {
			name = "Unknown"
		}
		if got := Of(rune(r)).Name(); got != name {
			if diffs++; diffs <= 10 {
				t.Errorf("Of(%U) = %s, unicode.Scripts has %s", r, got, name)
			}
		}
	}
	// Every script of package unicode is a Script.
	for name := range unicode.Scripts {
		if _, ok := Parse(name); !ok {
			t.Errorf("Parse(%q) failed", name)
		}
	}
}

// TestScriptNames checks the codes and names of every Script against
// PropertyValueAliases.txt.
func TestScriptNames(t *testing.T) {
	file, err := os.ReadFile(ucdDir + "PropertyValueAliases.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{ // code -> name
		"Jpan": "Japanese (alias for Han + Hiragana + Katakana)",
		"Kore": "Korean (alias for Hangul + Han)",
	}
	for line := range strings.Lines(string(file)) {
		f := strings.Split(line, ";")
		if len(f) >= 3 && strings.TrimSpace(f[0]) == "sc" {
			want[strings.TrimSpace(f[1])] = strings.TrimSpace(f[2])
		}
	}
	if len(want) != numScripts {
		t.Errorf("%d scripts, want %d", numScripts, len(want))
	}
	for s := range Script(numScripts) {
		code := s.String()
		if got := s.Name(); got != want[code] {
			t.Errorf("Script %s: Name() = %q, want %q", code, got, want[code])
		}
		delete(want, code)
		if got, ok := Parse(code); !ok || got != s {
			t.Errorf("Parse(%q) = %v, %v; want %v", code, got, ok, s)
		}
	}
	if len(want) != 0 {
		t.Errorf("scripts missing: %v", want)
	}
}

func TestScriptConstants(t *testing.T) {
	for _, tt := range []struct {
		s          Script
		code, name string
	}{
		{Unknown, "Zzzz", "Unknown"},
		{Common, "Zyyy", "Common"},
		{Inherited, "Zinh", "Inherited"},
		{Latin, "Latn", "Latin"},
		{Arabic, "Arab", "Arabic"},
		{Cyrillic, "Cyrl", "Cyrillic"},
		{Greek, "Grek", "Greek"},
		{Han, "Hani", "Han"},
		{Hiragana, "Hira", "Hiragana"},
		{Katakana, "Kana", "Katakana"},
		{Hangul, "Hang", "Hangul"},
		{Hebrew, "Hebr", "Hebrew"},
		{Devanagari, "Deva", "Devanagari"},
		{Bengali, "Beng", "Bengali"},
		{Gurmukhi, "Guru", "Gurmukhi"},
		{Gujarati, "Gujr", "Gujarati"},
		{Tamil, "Taml", "Tamil"},
		{Telugu, "Telu", "Telugu"},
		{Thai, "Thai", "Thai"},
		{Armenian, "Armn", "Armenian"},
		{Georgian, "Geor", "Georgian"},
		{Syriac, "Syrc", "Syriac"},
		{Thaana, "Thaa", "Thaana"},
		{OldItalic, "Ital", "Old_Italic"},
		{Japanese, "Jpan", "Japanese (alias for Han + Hiragana + Katakana)"},
		{Korean, "Kore", "Korean (alias for Hangul + Han)"},
		{Script(numScripts), "Zzzz", "Unknown"},
		{Script(255), "Zzzz", "Unknown"},
	} {
		if got := tt.s.String(); got != tt.code {
			t.Errorf("Script(%d).String() = %q, want %q", tt.s, got, tt.code)
		}
		if got := tt.s.Name(); got != tt.name {
			t.Errorf("Script(%d).Name() = %q, want %q", tt.s, got, tt.name)
		}
	}
	if Unknown != 0 {
		t.Error("the zero Script is not Unknown")
	}
}

func TestParse(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Script
		ok   bool
	}{
		{"Arab", Arabic, true},
		{"arab", Arabic, true},
		{"LATN", Latin, true},
		{"Zyyy", Common, true},
		{"Zinh", Inherited, true},
		{"Qaai", Inherited, true},
		{"qaac", Coptic, true},
		{"Zzzz", Unknown, true},
		{"Jpan", Japanese, true},
		{"Kore", Korean, true},
		{"Hrkt", KatakanaOrHiragana, true},
		{"Arabic", Arabic, true},
		{"Old_Italic", OldItalic, true},
		{"old italic", OldItalic, true},
		{"OLD-ITALIC", OldItalic, true},
		{"Nko", Nko, true},
		{"Common", Common, true},
		{"Unknown", Unknown, true},
		{"", Unknown, false},
		{"Xxxx", Unknown, false},
		{"Arabi", Unknown, false},
		{"Japanese", Unknown, false},
		{"Latn ", Unknown, false},
	} {
		got, ok := Parse(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Parse(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestOf(t *testing.T) {
	for _, tt := range []struct {
		r    rune
		want Script
		scx  []Script
	}{
		{'a', Latin, []Script{Latin}},
		{' ', Common, []Script{Common}},
		{'7', Common, []Script{Common}},
		{'ب', Arabic, []Script{Arabic}},
		{'\u06CC', Arabic, []Script{Arabic}}, // ARABIC LETTER FARSI YEH
		{'\u060C', Common, []Script{Arabic, Nko, HanifiRohingya, Syriac, Thaana, Yezidi}}, // ARABIC COMMA
		{'\u061F', Common, []Script{Adlam, Arabic, Nko, HanifiRohingya, Syriac, Thaana, Yezidi}},
		{'\u0640', Common, []Script{Adlam, Arabic, Mandaic, Manichaean, OldUyghur, PsalterPahlavi, HanifiRohingya, Sogdian, Syriac}},
		{'\u0660', Arabic, []Script{Arabic, Thaana, Yezidi}}, // ARABIC-INDIC DIGIT ZERO
		{'\u06F1', Arabic, []Script{Arabic}},                 // EXTENDED ARABIC-INDIC DIGIT ONE
		{'\u066B', Arabic, []Script{Arabic}},                 // ARABIC DECIMAL SEPARATOR
		{'\u064B', Inherited, []Script{Arabic, Syriac}},      // ARABIC FATHATAN
		{'\u200C', Inherited, []Script{Inherited}},           // ZERO WIDTH NON-JOINER
		{'\u0301', Inherited, []Script{Inherited}},
		{'\u3001', Common, []Script{Bopomofo, Hangul, Han, Hiragana, Katakana, Yi}},
		{'\u30FC', Common, []Script{Hiragana, Katakana}},
		{'中', Han, []Script{Han}},
		{'の', Hiragana, []Script{Hiragana}},
		{'한', Hangul, []Script{Hangul}},
		{'Ж', Cyrillic, []Script{Cyrillic}},
		{'😀', Common, []Script{Common}},
		{0x20000, Han, []Script{Han}},
		{0x0378, Unknown, []Script{Unknown}}, // unassigned
		{0xE000, Unknown, []Script{Unknown}}, // private use
		{0xD800, Unknown, []Script{Unknown}}, // surrogate
		{0xE0100, Inherited, []Script{Inherited}},
		{utf8RuneError, Common, []Script{Common}},
	} {
		if got := Of(tt.r); got != tt.want {
			t.Errorf("Of(%U) = %v, want %v", tt.r, got, tt.want)
		}
		if got := ExtensionsOf(tt.r); !slices.Equal(got, tt.scx) {
			t.Errorf("ExtensionsOf(%U) = %v, want %v", tt.r, got, tt.scx)
		}
	}
}

const utf8RuneError = '\uFFFD'

// TestExtensionsOfStatic checks that ExtensionsOf does not
// allocate and that appending to its result does not change the table.
func TestExtensionsOfStatic(t *testing.T) {
	var sink []Script
	if n := testing.AllocsPerRun(100, func() {
		sink = ExtensionsOf('a')
		sink = ExtensionsOf('\u060C')
	}); n != 0 {
		t.Errorf("ExtensionsOf allocates %v times", n)
	}
	_ = append(ExtensionsOf('a'), Greek)
	_ = append(ExtensionsOf('\u0660'), Greek)
	if got := ExtensionsOf('b'); !slices.Equal(got, []Script{Latin}) {
		t.Errorf("ExtensionsOf('b') = %v after append", got)
	}
	if got := ExtensionsOf('\u0661'); !slices.Equal(got, []Script{Arabic, Thaana, Yezidi}) {
		t.Errorf("ExtensionsOf(U+0661) = %v after append", got)
	}
	_ = sink
}

// TestPairs checks the table of paired marks against the bidi package and,
// if present, BidiBrackets.txt.
func TestPairs(t *testing.T) {
	if !slices.IsSortedFunc(pairs[:], func(a, b [2]rune) int { return int(a[0] - b[0]) }) {
		t.Error("pairs are not sorted")
	}
	brackets := map[[2]rune]bool{}
	for _, p := range pairs {
		if Of(p[0]) != Common || Of(p[1]) != Common {
			t.Errorf("pair %U %U is not Common", p[0], p[1])
		}
		if charProps[lookup(p[0])].kind&kindOpen == 0 || charProps[lookup(p[1])].kind&kindClose == 0 {
			t.Errorf("pair %U %U: kinds not set", p[0], p[1])
		}
		if !isPair(p[0], p[1]) {
			t.Errorf("isPair(%U, %U) = false", p[0], p[1])
		}
		o, _ := bidi.LookupRune(p[0])
		c, _ := bidi.LookupRune(p[1])
		if o.IsBracket() || c.IsBracket() {
			if !o.IsOpeningBracket() || !c.IsBracket() || c.IsOpeningBracket() {
				t.Errorf("pair %U %U is not an opening and a closing bracket", p[0], p[1])
			}
			brackets[p] = true
		}
	}
	// Every Common bracket of the bidi package is paired.
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if p, _ := bidi.LookupRune(r); p.IsBracket() && Of(r) == Common {
			if k := charProps[lookup(r)].kind; k&(kindOpen|kindClose) == 0 {
				t.Errorf("bracket %U is not paired", r)
			}
		}
	}
	for _, p := range [][2]rune{{'(', ']'}, {'[', ')'}, {'a', 'a'}, {'»', '»'}} {
		if isPair(p[0], p[1]) {
			t.Errorf("isPair(%q, %q) = true", p[0], p[1])
		}
	}
	if _, err := os.Stat(ucdDir + "BidiBrackets.txt"); err != nil {
		t.Log("no BidiBrackets.txt in testdata/ucd to compare with")
		return
	}
	n := 0
	readUCD(t, "BidiBrackets.txt", func(lo, _ rune, value string) {
		f := strings.Split(value, ";")
		c, _ := strconv.ParseInt(strings.TrimSpace(f[0]), 16, 32)
		if strings.TrimSpace(f[1]) == "o" && Of(lo) == Common {
			n++
			if !brackets[[2]rune{lo, rune(c)}] {
				t.Errorf("bracket pair %U %U missing", lo, c)
			}
		}
	})
	if n != len(brackets) {
		t.Errorf("%d bracket pairs, BidiBrackets.txt has %d", len(brackets), n)
	}
}

// TestStrongDirection checks the generated direction table against
// golang.org/x/text/unicode/bidi for every code point.
func TestStrongDirection(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := uint8(dirNone)
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			want = dirLTR
		case bidi.R, bidi.AL:
			want = dirRTL
		}
		if got := strongDirection(r); got != want {
			t.Fatalf("strongDirection(%U) = %d, want %d (Bidi_Class %v)", r, got, want, p.Class())
		}
	}
	for _, r := range []rune{-1, unicode.MaxRune + 1} {
		if got := strongDirection(r); got != dirNone {
			t.Errorf("strongDirection(%d) = %d, want none", r, got)
		}
	}
	for _, c := range []struct {
		in   string
		want Direction
	}{{"123 abc", LTR}, {"« سلام", RTL}, {"שלום", RTL}, {"1, 2", Neutral}, {"\xff中", LTR}, {"", Neutral}} {
		if got := DirectionOf(c.in); got != c.want {
			t.Errorf("DirectionOf(%q) = %v, want %v", c.in, got, c.want)
		}
		if got := DirectionOfBytes([]byte(c.in)); got != c.want {
			t.Errorf("DirectionOfBytes(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// TestGeneratedTables checks that tables.go is what gen_tables.go writes
// from the files in testdata/ucd today, so that a hand edit or a stale
// table cannot pass unseen.
func TestGeneratedTables(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the generator")
	}
	out := filepath.Join(t.TempDir(), "tables.go")
	cmd := exec.Command("go", "run", "gen_tables.go", "-output", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run gen_tables.go: %v\n%s", err, b)
	}
	want, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("tables.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("tables.go differs from what gen_tables.go writes: run go generate ./script")
	}
}
