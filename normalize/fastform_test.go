package normalize

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

var allForms = []norm.Form{norm.NFC, norm.NFD, norm.NFKC, norm.NFKD}

// fastFormCases hold what the fast path must hand to x/text: combining
// marks after a starter they compose with, marks out of order, conjoining
// jamo, compatibility characters, a run of over 30 marks (x/text's
// stream-safe CGJ), invalid bytes and an incomplete rune.
var fastFormCases = []string{
	"",
	"plain ASCII text",
	"café and cafe\u0301, A\u030a and Å",
	"خانه\u0654 and ۀ; سلام",
	"x\u0316\u0301 and x\u0301\u0316",
	"\u1100\u1161\u11a8 and 각",
	"ﬁ ① ｶ ㎏ ﷺ",
	"a" + strings.Repeat("\u0301", 40) + "b",
	"bad \xff byte, cut \xe2\x82",
	"Ελληνικά ά ά, Русский й й, 日本語 が か\u3099",
	// Marks a span steps over, in order and out of it, and a run of
	// ordered marks past maxMarks.
	"\u0651\u064e at the start; شدّة بَ\u0651 بّ\u064e and ب\u064e\u0651",
	"x" + strings.Repeat("\u0316", maxMarks-1) + "\u0301 y" + strings.Repeat("\u0301", maxMarks+1) + "z",
	"x" + strings.Repeat("\u0316", 31) + "\u0301 and " + strings.Repeat("\u0301", 33),
	// Code points x/text counts as non-starters in every form (their NFKD
	// starts with one), amid runs of marks: no safe starters.
	"a" + strings.Repeat("\u0316", 24) + "ㅠ" + strings.Repeat("\u0316", 6),
	"a" + strings.Repeat("\u0316", 28) + "ㅠ\u0301\u0316 " + strings.Repeat("ㅠ", 31) + " ﾞ",
	// Text in NFD: Russian, Vietnamese, Korean jamo, Devanagari nukta.
	"\u0438\u0306 \u0435\u0308 a\u0323\u0302 e\u0302\u0323 \u1100\u1161\u11a8\u1100\u1161 \u0915\u093c \u09c7\u09be",
}

// TestFastFormStrings checks String and Bytes against x/text's, and that
// String allocates nothing for text already in the form.
func TestFastFormStrings(t *testing.T) {
	for _, f := range allForms {
		q := formOf(f)
		for _, s := range fastFormCases {
			if got, want := q.String(s), f.String(s); got != want {
				t.Errorf("form %d, %q: String %q, want %q", f, s, got, want)
			}
			if got, want := q.Bytes([]byte(s)), f.Bytes([]byte(s)); !bytes.Equal(got, want) {
				t.Errorf("form %d, %q: Bytes %q, want %q", f, s, got, want)
			}
		}
	}
	clean := strings.Repeat("سلام دنیا، the ministers met. Привет. ", 100)
	if n := testing.AllocsPerRun(10, func() { formOf(norm.NFC).String(clean) }); n != 0 {
		t.Errorf("String of NFC text: %v allocations, want 0", n)
	}
}

// transformChunks runs t over s, src given k bytes at a time and dst d
// bytes at a time, as a streaming caller may.
func transformChunks(t transform.Transformer, s string, k, d int) (string, error) {
	var out, pending []byte
	dst := make([]byte, d)
	for i, steps := 0, 0; ; steps++ {
		if steps > 10*len(s)+100 {
			return string(out), errors.New("no progress")
		}
		if i < len(s) {
			end := min(i+k, len(s))
			pending = append(pending, s[i:end]...)
			i = end
		}
		atEOF := i == len(s)
		nDst, nSrc, err := t.Transform(dst, pending, atEOF)
		out = append(out, dst[:nDst]...)
		pending = pending[nSrc:]
		switch err {
		case nil:
			if atEOF && len(pending) == 0 {
				return string(out), nil
			}
		case transform.ErrShortDst:
			if nDst == 0 && nSrc == 0 {
				dst = make([]byte, 2*len(dst)) // as callers grow their buffer
			}
		case transform.ErrShortSrc:
			if atEOF {
				return string(out), err
			}
		default:
			return string(out), err
		}
	}
}

// FuzzFastForm checks the fast path against x/text on any input, in every
// form, whole and streamed with any cut of src and dst.
func FuzzFastForm(f *testing.F) {
	for _, s := range fastFormCases {
		f.Add(s, uint8(3), uint8(5))
	}
	f.Fuzz(func(t *testing.T, s string, k, d uint8) {
		for _, form := range allForms {
			q := formOf(form)
			want := form.String(s)
			if got := q.String(s); got != want {
				t.Fatalf("form %d: String %q, want %q", form, got, want)
			}
			got, err := transformChunks(q.transformer(), s, int(k)%17+1, int(d)%23+8)
			if err != nil || got != want {
				t.Fatalf("form %d, cut %d/%d: %q (%v), want %q", form, int(k)%17+1, int(d)%23+8, got, err, want)
			}
		}
	})
}

// TestQuickCheckVersion checks that the safe-starter tables are of the
// Unicode version of x/text's norm: a new x/text needs go generate.
func TestQuickCheckVersion(t *testing.T) {
	if quickCheckVersion != norm.Version {
		t.Fatalf("quickcheck.go is of Unicode %s, x/text's norm of %s: run go generate ./normalize", quickCheckVersion, norm.Version)
	}
}

// TestNoneAllocations checks that the profile none, and the form of every
// profile after its rules, allocate nothing for text already normal.
func TestNoneAllocations(t *testing.T) {
	clean := strings.Repeat("سلام دنیا، the ministers met. Привет. 中文。 ", 100)
	if n := testing.AllocsPerRun(10, func() { None.Apply(clean) }); n != 0 {
		t.Errorf("None.Apply of NFC text: %v allocations, want 0", n)
	}
}

// TestCCCTable checks the generated classes against x/text's on every code
// point.
func TestCCCTable(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		want := uint8(0)
		if r < 0xD800 || r > 0xDFFF {
			want = norm.NFD.PropertiesString(string(r)).CCC()
		}
		if got := cccOf(r); got != want {
			t.Fatalf("cccOf(%U) = %d, want %d", r, got, want)
		}
	}
}

// TestMarkTables checks the marks and plain code points of each form on
// every code point: a plain one is left as it is by the form's
// decomposition; a mark is plain, has a class, and NFC and NFKC compose it
// with nothing (no letter before it takes it in).
func TestMarkTables(t *testing.T) {
	seconds := map[rune]bool{}
	for _, c := range compositions {
		seconds[rune(c>>21&(1<<21-1))] = true
	}
	for _, f := range allForms {
		q := formOf(f)
		d := norm.NFD
		if f == norm.NFKC || f == norm.NFKD {
			d = norm.NFKD
		}
		for r := rune(0); r <= 0x10FFFF; r++ {
			if r >= 0xD800 && r <= 0xDFFF {
				continue
			}
			s := string(r)
			plain := d.IsNormalString(s)
			if got := q.plain(r); got != (plain || q.composes && r >= 0xAC00 && r <= 0xD7A3) {
				t.Fatalf("form %d: plain(%U) = %v", f, r, got)
			}
			c := norm.NFD.PropertiesString(s).CCC()
			want := uint8(0)
			if plain && c != 0 && !(q.composes && seconds[r]) {
				want = c
			}
			if got := q.markClass(r); got != want {
				t.Fatalf("form %d: markClass(%U) = %d, want %d", f, r, got, want)
			}
		}
	}
}

// TestAppendStretch checks the composer, and the span with it, against
// x/text on every code point's decomposition, in every form, and on every
// pair of a composition's first and second code points (and of letters
// that compose with none or decompose, and seconds), next to each other
// and with a mark between them that blocks them or not.
func TestAppendStretch(t *testing.T) {
	check := func(s string) {
		t.Helper()
		for _, f := range allForms {
			want := f.String(s)
			if got, _ := formOf(f).appendStretch(nil, s); string(got) != want {
				t.Fatalf("form %d: appendStretch(%+q) = %+q, want %+q", f, s, got, want)
			}
			// And the span, which steps over marks and seconds that
			// stay (secondStays).
			if got := formOf(f).String(s); got != want {
				t.Fatalf("form %d: String(%+q) = %+q, want %+q", f, s, got, want)
			}
		}
	}
	for r := rune(0); r <= 0x10FFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		check(string(r))
		check(norm.NFD.String(string(r)))
		check(norm.NFKD.String(string(r)))
	}
	firsts, seconds := map[rune]bool{}, map[rune]bool{}
	for _, c := range compositions {
		firsts[rune(c>>42)] = true
		seconds[rune(c>>21&(1<<21-1))] = true
	}
	firsts[0x1100], firsts[0xAC00], firsts[0xAC01] = true, true, true
	for _, r := range "هبxД\u1e0a\u1e0c" { // letters no second composes with, and ones that decompose
		firsts[r] = true
	}
	seconds[0x1161], seconds[0x11A8], seconds[0x11A7], seconds[0x11C3] = true, true, true, true
	for a := range firsts {
		for b := range seconds {
			for _, between := range []string{"", "\u0316", "\u0301", "\u034f", "\u05b0\u0327"} {
				check(string(a) + between + string(b))
			}
		}
	}
}

// TestSafeStartersEndMarkRuns checks that a run of marks before and after
// each safe starter is normalized as x/text does: a code point x/text
// counts as a non-starter of the Stream-Safe Text Format must be no safe
// starter, or a span would step over more than 30 marks where x/text puts
// a CGJ.
func TestSafeStartersEndMarkRuns(t *testing.T) {
	before := "a" + strings.Repeat("\u0316", 29)
	last := rune(0x10FFFF)
	if raceEnabled {
		last = 0xFFFF // seconds, not minutes, under the race detector
	}
	for _, f := range []norm.Form{norm.NFC, norm.NFD} {
		q := formOf(f)
		for r := rune(0x80); r <= last; r++ {
			if !q.safe(r) {
				continue
			}
			s := before + string(r) + "\u0316"
			if got, want := q.String(s), f.String(s); got != want {
				t.Fatalf("form %d, %U: %+q, want %+q", f, r, got, want)
			}
		}
	}
}
