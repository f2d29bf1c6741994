package normalize_test

import (
	"fmt"
	"reflect"
	"runtime"
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
			{0, 3, 0, 0, "invisibles", "\ufeff", "", "", 1},
			{5, 7, 2, 3, "spaces", "\u00a0", " ", "", 1},
			{7, 9, 3, 3, "collapse-spaces", "\u00a0", "", "", 1},
			{12, 13, 6, 6, "trim-trailing", " ", "", "", 1},
			{13, 14, 6, 6, "trim-trailing", "\t", "", "", 1},
			{14, 16, 6, 7, "line-endings", "\r\n", "\n", "", 1},
		}},
		{"persian", normalize.Persian, "كي ١, ـa\u200c\u200c", []c{
			{0, 2, 0, 2, "persian-letters", "ك", "ک", "", 1},
			{2, 4, 2, 4, "persian-letters", "ي", "ی", "", 1},
			{5, 7, 5, 7, "digits-persian", "١", "۱", "", 1},
			{9, 11, 9, 9, "tatweel", "ـ", "", "", 1},
			{12, 18, 10, 10, "zwnj", "\u200c", "", "", 2}, // a run of two
		}},
		{"arabic punctuation", normalize.Persian, "سلام, دنیا?", []c{
			{8, 9, 8, 10, "arabic-punctuation", ",", "،", "", 1},
			{18, 19, 19, 21, "arabic-punctuation", "?", "؟", "", 1},
		}},
		{"presentation forms", normalize.Persian, "\ufee1\ufef4", []c{
			{0, 3, 0, 2, "presentation-forms", "\ufee1", "م", "", 1},
			{3, 6, 2, 4, "presentation-forms", "\ufef4", "ی", "", 1},
		}},
		{"nfc", normalize.None, "e\u0301!", []c{
			{0, 3, 0, 2, "nfc", "e\u0301", "é", "", 1},
		}},
		{"search stages", normalize.Search, "Éﬁ한", []c{
			{0, 2, 0, 1, "nfkc", "É", "E\u0301", "", 1},
			{0, 2, 0, 1, "case-fold", "E", "e", "", 1},
			{0, 2, 1, 1, "diacritics", "\u0301", "", "", 1},
			{2, 5, 1, 3, "nfkc", "ﬁ", "fi", "", 1},
		}},
		{"nothing", normalize.Default, "plain text\n", nil},
		// A run of like changes side by side is one, on its line only.
		{"runs", normalize.Default, "a\u00a0\u00a0\u00a0b" + strings.Repeat(" ", 100) + "c  \r\r\n\r\n", []c{
			{1, 3, 1, 2, "spaces", "\u00a0", " ", "", 1},
			{3, 7, 2, 2, "collapse-spaces", "\u00a0", "", "", 2},
			{9, 108, 4, 4, "collapse-spaces", " ", "", "", 99},
			{109, 111, 5, 5, "trim-trailing", " ", "", "", 2},
			{111, 112, 5, 6, "line-endings", "\r", "\n", "", 1},
			{112, 114, 6, 7, "line-endings", "\r\n", "\n", "", 1},
			{114, 116, 7, 8, "line-endings", "\r\n", "\n", "", 1},
		}},
		// Runs of each stage, from the same input only (a no-break space
		// and a space are both a space to the cleaner after NFKC), side by
		// side in the output too.
		{"runs of stages", normalize.Search, "ÉÉ x\u00a0 \u00a0", []c{
			{0, 4, 0, 2, "nfkc", "É", "E\u0301", "", 2},
			{0, 4, 0, 2, "case-fold", "E", "e", "", 2},
			{0, 2, 1, 1, "diacritics", "\u0301", "", "", 1}, // an e between them in the output
			{2, 4, 2, 2, "diacritics", "\u0301", "", "", 1},
			{6, 8, 4, 4, "nfkc", "\u00a0", " ", "", 1},
			{6, 8, 4, 4, "trim-trailing", " ", "", "", 1},
			{8, 9, 4, 4, "trim-trailing", " ", "", "", 1},
			{9, 11, 4, 4, "nfkc", "\u00a0", " ", "", 1},
			{9, 11, 4, 4, "trim-trailing", " ", "", "", 1},
		}},
	}
	for _, tt := range tests {
		got := tt.p.Explain(tt.in)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Explain(%+q):\n%s", tt.name, tt.in, diffChanges(got, tt.want))
		}
	}
}

func fmtChange(c normalize.Change) string {
	return fmt.Sprintf("{%d, %d, %d, %d, %q, %+q, %+q, %q, %d}", c.InStart, c.InEnd, c.OutStart, c.OutEnd, c.Rule, c.Before, c.After, c.Detail, c.Count)
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
// stage on NFC text, putting each change's After (Count times) in place of
// its input span rebuilds the output, and that every change has a rule.
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
				if c.Count < 1 || in[c.InStart:c.InEnd] != strings.Repeat(c.Before, c.Count) || out[c.OutStart:c.OutEnd] != strings.Repeat(c.After, c.Count) {
					t.Errorf("%s %+q: %s: Before or After not the spans", p.Name(), in, fmtChange(c))
				}
				b.WriteString(in[pos:c.InStart])
				b.WriteString(strings.Repeat(c.After, c.Count))
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

// ExplainSeq yields the changes of Explain, stops when asked to, and holds
// none of them: on a line of a million spaces between two words it
// allocates a few bytes per byte of input, where a change a space took
// hundreds.
func TestExplainSeq(t *testing.T) {
	in := "x" + strings.Repeat(" ", 1<<20) + "y\n\ufeffz\u00a0\n"
	var got []normalize.Change
	for c := range normalize.Default.ExplainSeq(in) {
		got = append(got, c)
	}
	if want := normalize.Default.Explain(in); !reflect.DeepEqual(got, want) || len(got) != 3 || got[0].Count != 1<<20-1 {
		t.Fatalf("ExplainSeq:\n%s", diffChanges(got, want))
	}
	n := 0
	for range normalize.Default.ExplainSeq(in) {
		n++
		break
	}
	if n != 1 {
		t.Errorf("ExplainSeq went on after a break: %d changes", n)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range normalize.Default.ExplainSeq(in) {
	}
	runtime.ReadMemStats(&after)
	if b := after.TotalAlloc - before.TotalAlloc; b > 8*uint64(len(in)) {
		t.Errorf("ExplainSeq allocated %d bytes for %d of input, want at most 8 per byte", b, len(in))
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

// The changes one at a time, as they are found: a run of like changes
// side by side is one, with its count.
func ExampleProfile_ExplainSeq() {
	for c := range normalize.Default.ExplainSeq("one" + strings.Repeat(" ", 1000) + "two\u00a0\u00a0\n") {
		fmt.Printf("%d-%d %s: %+q -> %+q, %d times\n", c.InStart, c.InEnd, c.Rule, c.Before, c.After, c.Count)
	}
	// Output:
	// 4-1003 collapse-spaces: " " -> "", 999 times
	// 1006-1010 trim-trailing: "\u00a0" -> "", 2 times
}
