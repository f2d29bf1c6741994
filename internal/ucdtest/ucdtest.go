// Package ucdtest reads Unicode's NormalizationTest.txt for the conformance
// tests of the library and of the command, so that both check against the
// same reading of the file.
package ucdtest

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// A NormalizationTest is one line of NormalizationTest.txt: the source and
// its NFC, NFD, NFKC and NFKD forms, as the columns c1..c5 (C[0]..C[4]).
type NormalizationTest struct {
	Line int    // line number in the file
	Part string // the "@PartN" the line is in
	C    [5]string
}

// Forms are the conformance invariants of the file's header: for each form,
// the column that every column normalizes to.
var Forms = []struct {
	Name string // nfc, nfd, nfkc, nfkd
	Want [5]int // Want[col] is the column that column col must become
}{
	{"nfc", [5]int{1, 1, 1, 3, 3}},
	{"nfd", [5]int{2, 2, 2, 4, 4}},
	{"nfkc", [5]int{3, 3, 3, 3, 3}},
	{"nfkd", [5]int{4, 4, 4, 4, 4}},
}

// Read parses the NormalizationTest.txt at path. Fewer than 18,000 tests
// is an error: the file is not the whole one.
func Read(path string) ([]NormalizationTest, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var tests []NormalizationTest
	part := ""
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text, _, _ := strings.Cut(sc.Text(), "#")
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
			return nil, fmt.Errorf("%s:%d: %d fields, want 5", path, line, len(fields))
		}
		nt := NormalizationTest{Line: line, Part: part}
		for i := range 5 {
			var b strings.Builder
			for _, cp := range strings.Fields(fields[i]) {
				r, err := strconv.ParseUint(cp, 16, 32)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %v", path, line, err)
				}
				b.WriteRune(rune(r))
			}
			nt.C[i] = b.String()
		}
		tests = append(tests, nt)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(tests) < 18000 {
		return nil, fmt.Errorf("%s: only %d tests", path, len(tests))
	}
	return tests, nil
}
