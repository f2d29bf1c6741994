package main

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestNormalizeConformance runs Unicode 15.0's NormalizationTest.txt through
// "textnorm normalize --profile none --form F": each column of the file, one
// test per line, goes in, and the expected column must come out line for
// line with nothing else changed.
func TestNormalizeConformance(t *testing.T) {
	f, err := os.Open("../../testdata/ucd/NormalizationTest.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cols [5][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		text, _, _ := strings.Cut(sc.Text(), "#")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "@") {
			continue
		}
		fields := strings.Split(text, ";")
		for i := range 5 {
			var b strings.Builder
			for _, cp := range strings.Fields(fields[i]) {
				r, err := strconv.ParseUint(cp, 16, 32)
				if err != nil {
					t.Fatal(err)
				}
				b.WriteRune(rune(r))
			}
			cols[i] = append(cols[i], b.String())
		}
	}
	if len(cols[0]) < 18000 {
		t.Fatalf("read only %d lines", len(cols[0]))
	}
	for _, tc := range []struct {
		form string
		want [5]int // the column each column must turn into
	}{
		{"nfc", [5]int{1, 1, 1, 3, 3}},
		{"nfd", [5]int{2, 2, 2, 4, 4}},
		{"nfkc", [5]int{3, 3, 3, 3, 3}},
		{"nfkd", [5]int{4, 4, 4, 4, 4}},
	} {
		for col := range 5 {
			in := strings.Join(cols[col], "\n") + "\n"
			want := strings.Join(cols[tc.want[col]], "\n") + "\n"
			out, errOut, code := runCLI(t, in, "normalize", "--profile", "none", "--form", tc.form)
			if code != 0 || errOut != "" {
				t.Fatalf("%s c%d: exit %d, stderr %q", tc.form, col+1, code, errOut)
			}
			if out != want {
				got := strings.Split(out, "\n")
				exp := strings.Split(want, "\n")
				for i := range min(len(got), len(exp)) {
					if got[i] != exp[i] {
						t.Errorf("%s c%d line %d: got %+q, want %+q", tc.form, col+1, i+1, got[i], exp[i])
						break
					}
				}
				if len(got) != len(exp) {
					t.Errorf("%s c%d: %d lines out, want %d", tc.form, col+1, len(got), len(exp))
				}
			}
		}
	}
}
