package main

import (
	"strings"
	"testing"

	"github.com/textnorm/textnorm/internal/ucdtest"
)

// TestNormalizeConformance runs Unicode 15.0's NormalizationTest.txt through
// "textnorm normalize --profile none --form F": each column of the file, one
// test per line, goes in, and the expected column must come out line for
// line with nothing else changed.
func TestNormalizeConformance(t *testing.T) {
	tests, err := ucdtest.Read("../../testdata/ucd/NormalizationTest.txt")
	if err != nil {
		t.Fatal(err)
	}
	var cols [5][]string
	for _, nt := range tests {
		for i, c := range nt.C {
			cols[i] = append(cols[i], c)
		}
	}
	for _, tc := range ucdtest.Forms {
		for col := range 5 {
			in := strings.Join(cols[col], "\n") + "\n"
			want := strings.Join(cols[tc.Want[col]], "\n") + "\n"
			out, errOut, code := runCLI(t, in, "normalize", "--profile", "none", "--form", tc.Name)
			if code != 0 || errOut != "" {
				t.Fatalf("%s c%d: exit %d, stderr %q", tc.Name, col+1, code, errOut)
			}
			if out != want {
				got := strings.Split(out, "\n")
				exp := strings.Split(want, "\n")
				for i := range min(len(got), len(exp)) {
					if got[i] != exp[i] {
						t.Errorf("%s c%d line %d: got %+q, want %+q", tc.Name, col+1, i+1, got[i], exp[i])
						break
					}
				}
				if len(got) != len(exp) {
					t.Errorf("%s c%d: %d lines out, want %d", tc.Name, col+1, len(got), len(exp))
				}
			}
		}
	}
}
