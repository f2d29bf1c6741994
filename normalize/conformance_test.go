package normalize

import (
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/textnorm/textnorm/internal/ucdtest"
)

// readNormalizationTest parses testdata/ucd/NormalizationTest.txt (Unicode
// 15.0.0, the version x/text and Go's unicode package implement).
func readNormalizationTest(t testing.TB) []ucdtest.NormalizationTest {
	t.Helper()
	tests, err := ucdtest.Read("../testdata/ucd/NormalizationTest.txt")
	if err != nil {
		t.Fatal(err)
	}
	return tests
}

// forms are the Unicode forms by their names in ucdtest.Forms.
var forms = map[string]norm.Form{"nfc": norm.NFC, "nfd": norm.NFD, "nfkc": norm.NFKC, "nfkd": norm.NFKD}

// TestNormalizationConformance runs every line of NormalizationTest.txt
// through the "none" profile in each of the four forms, by each entry point
// of the API, and checks that every code point that Part 1 does not list is
// left alone.
func TestNormalizationConformance(t *testing.T) {
	tests := readNormalizationTest(t)
	for _, cf := range ucdtest.Forms {
		p := None.WithForm(forms[cf.Name])
		t.Run(cf.Name, func(t *testing.T) {
			failures := 0
			for _, nt := range tests {
				for col := range 5 {
					want := nt.C[cf.Want[col]]
					src := nt.C[col]
					check := func(how, got string) {
						if got != want && failures < 20 {
							failures++
							t.Errorf("NormalizationTest.txt:%d %s: %s(c%d %+q) = %+q, want c%d %+q",
								nt.Line, how, cf.Name, col+1, src, got, cf.Want[col]+1, want)
						}
					}
					check("String", p.Apply(src))
					check("Bytes", string(p.Bytes([]byte(src))))
					got, err := io.ReadAll(p.NewReader(strings.NewReader(src)))
					if err != nil {
						t.Fatal(err)
					}
					check("NewReader", string(got))
				}
			}
		})
	}
}

// TestNormalizationConformanceUnlisted checks the last invariant of the
// file: every code point that Part 1 does not list is its own normal form
// in all four forms.
func TestNormalizationConformanceUnlisted(t *testing.T) {
	listed := map[rune]bool{}
	for _, nt := range readNormalizationTest(t) {
		if nt.Part == "@Part1" {
			r, _ := utf8.DecodeRuneInString(nt.C[0])
			listed[r] = true
		}
	}
	for _, cf := range ucdtest.Forms {
		p := None.WithForm(forms[cf.Name])
		failures := 0
		for r := rune(0); r <= utf8.MaxRune; r++ {
			if listed[r] || r >= 0xD800 && r <= 0xDFFF {
				continue
			}
			s := string(r)
			if got := p.Apply(s); got != s && failures < 20 {
				failures++
				t.Errorf("%s(U+%04X) = %+q, want it unchanged", cf.Name, r, got)
			}
		}
	}
}
