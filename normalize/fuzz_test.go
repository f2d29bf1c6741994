package normalize

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// fuzzSeeds are added to every fuzz target besides the files of
// testdata/fuzz.
var fuzzSeeds = []string{
	"",
	"اين كتاب مال علي است, قيمتش ١٢٠ هزار تومان است?\r\n",
	"\u200Cمي\u200C\u200Cخواهم  به كتابخانه\u200C بروم\u200C",
	"ﻛﺘﺎﺏ ﻳﻚ ﺍﻟﺴﻼﻡ ﻋﻠﻴﻜﻢ ﷲ ﷺ \uFE70\uFE77\uFEF3\u0654",
	"هي\u0654ت ي\u0653\u0654 \u0626 ی\u0654ب",
	"يه كتاب هے، قیمت ١٠٠ روپے ہے?",
	"زه پښتو ژبه ويلى شم. ته څنګه يې?",
	"\uFEFF\u202Bمرحبا\u202C\x07\u00AD\u2066x\u2069\u200E\u200F\u061C",
	"a \t \u00A0 b   \n  c\u3000\u2003\r\n\r\r\u0085\u2028\u2029\v\f",
	"Café «کتاب\u200Cها» — “Hello” ẞ İ ǅ ﬁ ＡＢＣ ΐ ᾼ ﾀﾞ ١,٠٠٠ ۱,۰۰۰",
	"\xff\xfeسلام\xd8 \xe2\x80",
	"مُحَمَّدٌ ذٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَ ۛ فِيهِ ۛ",
	"کـــتاب\u0640\u0640 ی\u0640ب ی\u200Dب ی\u200Cب",
}

// fuzzProfiles are the profiles the fuzz targets check.
var fuzzProfiles = Profiles()

func addSeeds(f *testing.F, extra ...any) {
	for _, s := range fuzzSeeds {
		f.Add(append([]any{s}, extra...)...)
	}
}

// FuzzIdempotent checks that normalizing twice changes nothing more, for
// every profile.
func FuzzIdempotent(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range fuzzProfiles {
			once := p.Apply(s)
			if twice := p.Apply(once); twice != once {
				t.Errorf("%s is not idempotent on %+q: %+q, then %+q", p.Name(), s, once, twice)
			}
		}
	})
}

// FuzzValidUTF8 checks that valid UTF-8 gives valid UTF-8, and that
// invalid input neither panics nor loses its invalid bytes entirely.
func FuzzValidUTF8(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range fuzzProfiles {
			out := p.Apply(s)
			if utf8.ValidString(s) && !utf8.ValidString(out) {
				t.Errorf("%s(%+q) = %+q, not valid UTF-8", p.Name(), s, out)
			}
			if !utf8.ValidString(s) && utf8.ValidString(out) {
				t.Errorf("%s(%+q) = %+q lost the invalid bytes", p.Name(), s, out)
			}
		}
	})
}

// FuzzStreaming checks that every streaming entry point gives String's
// result whatever the input is cut into.
func FuzzStreaming(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range fuzzProfiles {
			checkStreaming(t, p, s)
		}
	})
}

// cuts returns the positions to cut s at: all of them for short inputs, a
// sample for long ones.
func cuts(s string) []int {
	if len(s) <= 300 {
		cs := make([]int, len(s)+1)
		for i := range cs {
			cs[i] = i
		}
		return cs
	}
	var cs []int
	for i := 0; i <= 32; i++ {
		cs = append(cs, i, len(s)-i, len(s)*i/32)
	}
	for i := 4000; i < len(s); i += 4096 {
		cs = append(cs, i-2, i, i+2) // around the buffers of transform
	}
	return cs
}

func checkStreaming(t *testing.T, p Profile, s string) {
	t.Helper()
	want := p.Apply(s)
	fail := func(how string, got string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %s on %+q: %v", p.Name(), how, s, err)
		}
		if got != want {
			t.Fatalf("%s: %s differs from String: %s", p.Name(), how, diff(s, got, want))
		}
	}
	// p.NewReader(r) is transform.NewReader(r, p.Transformer()); one
	// transformer, which NewReader and NewWriter reset, makes the many
	// cuts faster.
	tr := p.Transformer()
	for _, cut := range cuts(s) {
		r := io.MultiReader(strings.NewReader(s[:cut]), strings.NewReader(s[cut:]))
		got, err := io.ReadAll(transform.NewReader(r, tr))
		fail(fmt.Sprintf("NewReader cut at %d", cut), string(got), err)

		var buf bytes.Buffer
		w := transform.NewWriter(&buf, tr)
		_, err = io.WriteString(w, s[:cut])
		if err == nil {
			_, err = io.WriteString(w, s[cut:])
		}
		if err == nil {
			err = w.Close()
		}
		fail(fmt.Sprintf("NewWriter cut at %d", cut), buf.String(), err)
	}
	got, err := io.ReadAll(p.NewReader(iotest.OneByteReader(strings.NewReader(s))))
	fail("NewReader(OneByteReader)", string(got), err)
	r := io.MultiReader(strings.NewReader(s[:len(s)/2]), strings.NewReader(s[len(s)/2:]))
	got, err = io.ReadAll(p.NewReader(r))
	fail("p.NewReader cut in the middle", string(got), err)
	var buf bytes.Buffer
	w := p.NewWriter(&buf)
	for i := 0; i < len(s) && err == nil; i++ {
		_, err = w.Write([]byte{s[i]})
	}
	if err == nil {
		err = w.Close()
	}
	fail("NewWriter byte by byte", buf.String(), err)
	// With all the input at once and a small dst, the cleaner works in
	// chunks of 256 bytes of input.
	for _, step := range []int{1, 3, 7, len(s) + 1} {
		for _, dst := range []int{1, 5, 64} {
			got, err := transformSmall(tr, s, step, dst)
			fail(fmt.Sprintf("Transformer with src step %d, dst %d", step, dst), got, err)
		}
	}
	// A prefix puts a chunk boundary inside short inputs too.
	padded := strings.Repeat("x", 255-len(s)%16) + s
	pgot, err := transformSmall(tr, padded, len(padded), 64)
	if want := p.Apply(padded); err != nil || pgot != want {
		t.Fatalf("%s: Transformer on %+q: %v: %s", p.Name(), padded, err, diff(padded, pgot, want))
	}
}

// transformSmall drives t by hand with src made available srcStep bytes at
// a time and a dst buffer of dstSize bytes (grown when a call can make no
// progress), checking the transform.Transformer contract as it goes.
func transformSmall(t transform.Transformer, s string, srcStep, dstSize int) (string, error) {
	t.Reset()
	var out []byte
	dst := make([]byte, dstSize)
	src, avail := 0, min(len(s), srcStep)
	for iter := 0; iter < 100*len(s)+1000; iter++ {
		atEOF := avail == len(s)
		nDst, nSrc, err := t.Transform(dst, []byte(s[src:avail]), atEOF)
		if nDst < 0 || nDst > len(dst) || nSrc < 0 || nSrc > avail-src {
			return "", fmt.Errorf("Transform returned nDst %d (dst %d), nSrc %d (src %d)", nDst, len(dst), nSrc, avail-src)
		}
		out = append(out, dst[:nDst]...)
		src += nSrc
		switch {
		case err == nil:
			if src != avail {
				return "", fmt.Errorf("Transform returned nil having read %d of %d bytes", nSrc, avail-src+nSrc)
			}
			if atEOF {
				return string(out), nil
			}
			avail = min(len(s), avail+srcStep)
		case errors.Is(err, transform.ErrShortDst):
			if nDst == 0 && nSrc == 0 {
				dst = make([]byte, 2*len(dst))
			}
		case errors.Is(err, transform.ErrShortSrc):
			if atEOF {
				return "", fmt.Errorf("ErrShortSrc at EOF")
			}
			avail = min(len(s), avail+srcStep)
		default:
			return "", err
		}
	}
	return "", fmt.Errorf("no progress")
}

// FuzzAlign checks that alignments are well formed and that Align gives
// String's result.
func FuzzAlign(f *testing.F) {
	addSeeds(f, 0, 5)
	f.Fuzz(func(t *testing.T, s string, x, y int) {
		for _, p := range fuzzProfiles {
			checkAlignment(t, p, s, x, y)
		}
	})
}

func checkAlignment(t *testing.T, p Profile, s string, x, y int) {
	t.Helper()
	out, a := p.Align(s)
	if want := p.Apply(s); out != want {
		t.Fatalf("%s: Align differs from String: %s", p.Name(), diff(s, out, want))
	}
	offs := a.Offsets()
	if len(offs) != len(out)+1 || offs[len(out)] != len(s) {
		t.Fatalf("%s: Align(%+q): %d offsets ending in %d; want %d ending in %d", p.Name(), s, len(offs), offs[len(offs)-1], len(out)+1, len(s))
	}
	for i, o := range offs {
		if o < 0 || o > len(s) || i > 0 && o < offs[i-1] {
			t.Fatalf("%s: Align(%+q).Offsets() = %v: bad at %d", p.Name(), s, offs, i)
		}
	}
	n := len(out) + 2
	for _, c := range [][2]int{{x, y}, {x % n, y % n}, {min(x%n, y%n), max(x%n, y%n)}, {0, len(out)}, {len(out), len(out)}} {
		st, en := a.Source(c[0], c[1])
		if st < 0 || st > en || en > len(s) {
			t.Fatalf("%s: Align(%+q).Source(%d, %d) = %d, %d", p.Name(), s, c[0], c[1], st, en)
		}
	}
	// Source is monotonic in both ends.
	prevS, prevE := 0, 0
	for i := 0; i < len(out); i++ {
		st, en := a.Source(i, i+1)
		if st < prevS || en < prevE {
			t.Fatalf("%s: Align(%+q).Source(%d, %d) = %d, %d after %d, %d", p.Name(), s, i, i+1, st, en, prevS, prevE)
		}
		prevS, prevE = st, en
	}
}
