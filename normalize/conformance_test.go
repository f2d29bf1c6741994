package normalize

import (
	"bufio"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// normalizationTest is one line of Unicode's NormalizationTest.txt: the
// source and its NFC, NFD, NFKC and NFKD forms, as c1..c5.
type normalizationTest struct {
	line int
	part string
	c    [5]string
}

// readNormalizationTest parses testdata/ucd/NormalizationTest.txt (Unicode
// 15.0.0, the version x/text and Go's unicode package implement).
func readNormalizationTest(t testing.TB) []normalizationTest {
	t.Helper()
	f, err := os.Open("../testdata/ucd/NormalizationTest.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var tests []normalizationTest
	part := ""
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if i := strings.IndexByte(text, '#'); i >= 0 {
			text = text[:i]
		}
		text = strings.TrimSpace(text)
		if text == "" {
			continue
		}
		if strings.HasPrefix(text, "@") {
			part = text
			continue
		}
		fields := strings.Split(text, ";")
		if len(fields) < 5 {
			t.Fatalf("NormalizationTest.txt:%d: %d fields", line, len(fields))
		}
		nt := normalizationTest{line: line, part: part}
		for i := range 5 {
			for _, cp := range strings.Fields(fields[i]) {
				r, err := strconv.ParseUint(cp, 16, 32)
				if err != nil {
					t.Fatalf("NormalizationTest.txt:%d: %v", line, err)
				}
				nt.c[i] += string(rune(r))
			}
		}
		tests = append(tests, nt)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(tests) < 18000 {
		t.Fatalf("read only %d tests from NormalizationTest.txt", len(tests))
	}
	return tests
}

// The conformance invariants of NormalizationTest.txt's header, as indexes
// into c1..c5: want[form] = (expected column, columns that map to it).
var conformance = []struct {
	name string
	form norm.Form
	// for each column 0..4, the column its normalization must equal
	want [5]int
}{
	{"nfc", norm.NFC, [5]int{1, 1, 1, 3, 3}},
	{"nfd", norm.NFD, [5]int{2, 2, 2, 4, 4}},
	{"nfkc", norm.NFKC, [5]int{3, 3, 3, 3, 3}},
	{"nfkd", norm.NFKD, [5]int{4, 4, 4, 4, 4}},
}

// TestNormalizationConformance runs every line of NormalizationTest.txt
// through the "none" profile in each of the four forms, by each entry point
// of the API, and checks that every code point that Part 1 does not list is
// left alone.
func TestNormalizationConformance(t *testing.T) {
	tests := readNormalizationTest(t)
	for _, cf := range conformance {
		p := None.WithForm(cf.form)
		t.Run(cf.name, func(t *testing.T) {
			failures := 0
			for _, nt := range tests {
				for col := range 5 {
					want := nt.c[cf.want[col]]
					src := nt.c[col]
					check := func(how, got string) {
						if got != want && failures < 20 {
							failures++
							t.Errorf("NormalizationTest.txt:%d %s: %s(c%d %+q) = %+q, want c%d %+q",
								nt.line, how, cf.name, col+1, src, got, cf.want[col]+1, want)
						}
					}
					check("String", p.String(src))
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
		if nt.part == "@Part1" {
			r, _ := utf8.DecodeRuneInString(nt.c[0])
			listed[r] = true
		}
	}
	for _, cf := range conformance {
		p := None.WithForm(cf.form)
		failures := 0
		for r := rune(0); r <= utf8.MaxRune; r++ {
			if listed[r] || r >= 0xD800 && r <= 0xDFFF {
				continue
			}
			s := string(r)
			if got := p.String(s); got != s && failures < 20 {
				failures++
				t.Errorf("%s(U+%04X) = %+q, want it unchanged", cf.name, r, got)
			}
		}
	}
}
