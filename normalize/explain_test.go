package normalize_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/textnorm/textnorm/diag"
	"github.com/textnorm/textnorm/normalize"
)

func TestExplain(t *testing.T) {
	type c = normalize.Change
	tests := []struct {
		name string
		p    normalize.Profile
		in   string
		want []normalize.Change
	}{
		{"default", normalize.Default, "\ufeffHi\u00a0\u00a0you \t\r\nx", []c{
			{0, 3, 0, 0, "invisibles", "\ufeff", "", ""},
			{5, 7, 2, 3, "spaces", "\u00a0", " ", ""},
			{7, 9, 3, 3, "collapse-spaces", "\u00a0", "", ""},
			{12, 13, 6, 6, "trim-trailing", " ", "", ""},
			{13, 14, 6, 6, "trim-trailing", "\t", "", ""},
			{14, 16, 6, 7, "line-endings", "\r\n", "\n", ""},
		}},
		{"persian", normalize.Persian, "كي ١, ـa\u200c\u200c", []c{
			{0, 2, 0, 2, "persian-letters", "ك", "ک", ""},
			{2, 4, 2, 4, "persian-letters", "ي", "ی", ""},
			{5, 7, 5, 7, "digits-persian", "١", "۱", ""},
			{9, 11, 9, 9, "tatweel", "ـ", "", ""},
			{12, 15, 10, 10, "zwnj", "\u200c", "", ""},
			{15, 18, 10, 10, "zwnj", "\u200c", "", ""},
		}},
		{"arabic punctuation", normalize.Persian, "سلام, دنیا?", []c{
			{8, 9, 8, 10, "arabic-punctuation", ",", "،", ""},
			{18, 19, 19, 21, "arabic-punctuation", "?", "؟", ""},
		}},
		{"presentation forms", normalize.Persian, "\ufee1\ufef4", []c{
			{0, 3, 0, 2, "presentation-forms", "\ufee1", "م", ""},
			{3, 6, 2, 4, "presentation-forms", "\ufef4", "ی", ""},
		}},
		{"nfc", normalize.None, "e\u0301!", []c{
			{0, 3, 0, 2, "nfc", "e\u0301", "é", ""},
		}},
		{"search stages", normalize.Search, "Éﬁ한", []c{
			{0, 2, 0, 1, "nfkc", "É", "E\u0301", ""},
			{0, 2, 0, 1, "case-fold", "E", "e", ""},
			{0, 2, 1, 1, "diacritics", "\u0301", "", ""},
			{2, 5, 1, 3, "nfkc", "ﬁ", "fi", ""},
		}},
		{"nothing", normalize.Default, "plain text\n", nil},
	}
	for _, tt := range tests {
		got := tt.p.Explain(tt.in)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Explain(%+q):\n%s", tt.name, tt.in, diffChanges(got, tt.want))
		}
	}
}

func fmtChange(c normalize.Change) string {
	return fmt.Sprintf("{%d, %d, %d, %d, %q, %+q, %+q}", c.InStart, c.InEnd, c.OutStart, c.OutEnd, c.Rule, c.Before, c.After)
}

func diffChanges(got, want []normalize.Change) string {
	var b strings.Builder
	for i := range max(len(got), len(want)) {
		var g, w string
		if i < len(got) {
			g = fmtChange(got[i])
		}
		if i < len(want) {
			w = fmtChange(want[i])
		}
		mark := " "
		if g != w {
			mark = "!"
		}
		fmt.Fprintf(&b, "%s got  %s\n  want %s\n", mark, g, w)
	}
	return b.String()
}

// TestExplainRebuilds checks that for profiles whose rules run in one
// stage on NFC text, putting each change's After in place of its input
// span rebuilds the output, and that every change has a rule.
func TestExplainRebuilds(t *testing.T) {
	inputs := []string{
		"\ufeffThe\u00a0price:  ٤٥ ريال\r\n",
		"وزير  گفت كه مذاكرات مفيد بود .  \n\n  Indented\u2003line\t \n",
		"a \x01\u200b b\u202a\u202c, ك\u0640ي\u200c \u200c\ufef4\ufee1 ١٢٣؟ 1,000\r\rx",
		"گ\u200cها ، ي\u0654 «نقل» — x\u00ad\u2028y\u0085",
	}
	for _, p := range []normalize.Profile{normalize.Default, normalize.Persian, normalize.Arabic, normalize.Urdu, normalize.Pashto,
		normalize.Persian.With(normalize.Quotes, normalize.Dashes, normalize.DigitsASCII)} {
		for _, in := range inputs {
			out := p.Apply(in)
			changes := p.Explain(in)
			var b strings.Builder
			pos := 0
			for _, c := range changes {
				if c.Rule == "" || c.Rule == "cleaner" {
					t.Errorf("%s %+q: change without a rule: %s", p.Name(), in, fmtChange(c))
				}
				if c.InStart < pos || c.InEnd < c.InStart || c.OutEnd < c.OutStart || c.OutEnd > len(out) {
					t.Fatalf("%s %+q: change out of order or range: %s", p.Name(), in, fmtChange(c))
				}
				if in[c.InStart:c.InEnd] != c.Before || out[c.OutStart:c.OutEnd] != c.After {
					t.Errorf("%s %+q: %s: Before or After not the spans", p.Name(), in, fmtChange(c))
				}
				b.WriteString(in[pos:c.InStart])
				b.WriteString(c.After)
				pos = c.InEnd
			}
			b.WriteString(in[pos:])
			if b.String() != out {
				t.Errorf("%s %+q: changes rebuild %+q, want %+q", p.Name(), in, b.String(), out)
			}
		}
	}
}

// ExplainReader gives the changes of Explain on the whole text, whatever
// the lines and the reader's buffer.
func TestExplainReader(t *testing.T) {
	in := strings.Repeat("كتاب  علي\u00a0١٢٣  \r\n", 5000) + "lone  CR\r\r  x\rend ك"
	want := normalize.Persian.Explain(in)
	var got []normalize.Change
	err := normalize.Persian.ExplainReader(strings.NewReader(in), func(c normalize.Change, line, lineStart int) error {
		// Lines as package diag numbers them, a lone CR ending one.
		if p := diag.PosOf(in, c.InStart); line != p.Line || lineStart != c.InStart-p.Col+1 {
			t.Fatalf("change at %d: line %d at %d, want %v", c.InStart, line, lineStart, p)
		}
		got = append(got, c)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("ExplainReader differs from Explain: %d and %d changes", len(got), len(want))
	}
}

// Every change is valid UTF-8 on both sides.
func TestExplainValidUTF8(t *testing.T) {
	for _, c := range normalize.Search.Explain("Ǆemal ＡＢＣ ﷺ \u0622 ᏸ") {
		if !utf8.ValidString(c.Before) || !utf8.ValidString(c.After) {
			t.Errorf("invalid UTF-8 in %s", fmtChange(c))
		}
	}
}

// Each change: where, which rule, and what became what.
func ExampleProfile_Explain() {
	for _, c := range normalize.Persian.Explain("علي\u00a0 ١٢") {
		fmt.Printf("%d-%d %s: %+q -> %+q\n", c.InStart, c.InEnd, c.Rule, c.Before, c.After)
	}
	// Output:
	// 4-6 persian-letters: "\u064a" -> "\u06cc"
	// 6-8 spaces: "\u00a0" -> " "
	// 8-9 collapse-spaces: " " -> ""
	// 9-11 digits-persian: "\u0661" -> "\u06f1"
	// 11-13 digits-persian: "\u0662" -> "\u06f2"
}
