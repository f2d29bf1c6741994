package normalize

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
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
// result whatever the input is cut into: the fuzzer picks where a reader
// and a writer are cut, and the step of the input and the size of the
// output buffer a transformer is driven with, so that an execution is a
// few streams a profile, through transformers made once: every cut of the
// input, in each execution, was 94% of its time, and a new transformer
// for each entry point most of the rest, which kept it under a hundred
// executions a second. TestStreamingEveryCut tries every cut of the seeds.
func FuzzStreaming(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, uint(len(s)/2), uint8(0), uint8(0))
		f.Add(s, uint(len(s)/3), uint8(1), uint8(4))
	}
	// One transformer a profile for all the executions, reset before
	// each use, as for the cuts of one input.
	trs := make([]transform.Transformer, len(fuzzProfiles))
	for i, p := range fuzzProfiles {
		trs[i] = p.Transformer()
	}
	f.Fuzz(func(t *testing.T, s string, cut uint, step, dst uint8) {
		c := int(cut % uint(len(s)+1))
		st := len(s) + 1 // all the input at once
		if step%8 != 0 {
			st = int(step % 8)
		}
		for i, p := range fuzzProfiles {
			sc := &streamCheck{t: t, p: p, s: s, want: p.Apply(s), tr: trs[i]}
			sc.cut(c)
			sc.bytewise()
			sc.small(st, int(dst%64)+1)
			sc.padded()
			sc.entryPoints(c)
		}
	})
}

// TestStreamingEveryCut runs the checks of FuzzStreaming at every cut, and
// with every step and buffer size, on the seeds and the corpus in
// testdata/fuzz/FuzzStreaming: what each execution of the fuzz target did
// before the fuzzer picked them.
func TestStreamingEveryCut(t *testing.T) {
	inputs := append([]string(nil), fuzzSeeds...)
	files, err := filepath.Glob("testdata/fuzz/FuzzStreaming/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		// go test fuzz v1, then the arguments a line each: the string first.
		lines := strings.Split(string(b), "\n")
		arg, ok := strings.CutPrefix(lines[min(1, len(lines)-1)], "string(")
		s, err := strconv.Unquote(strings.TrimSuffix(arg, ")"))
		if !ok || err != nil {
			t.Fatalf("%s: no string argument: %v", name, err)
		}
		inputs = append(inputs, s)
	}
	for _, s := range inputs {
		for _, p := range fuzzProfiles {
			checkStreaming(t, p, s)
		}
	}
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

// checkStreaming checks every streaming entry point of p on s at every cut
// (see cuts), with every step and buffer size of transformSmall tried.
func checkStreaming(t *testing.T, p Profile, s string) {
	t.Helper()
	sc := newStreamCheck(t, p, s)
	for _, cut := range cuts(s) {
		sc.cut(cut)
		if len(s) <= 300 || cut%7 == 0 {
			sc.entryPoints(cut)
		}
	}
	sc.bytewise()
	// With all the input at once and a small dst, the cleaner works in
	// chunks of 256 bytes of input.
	for _, step := range []int{1, 3, 7, len(s) + 1} {
		for _, dst := range []int{1, 5, 64} {
			sc.small(step, dst)
		}
	}
	sc.padded()
}

// A streamCheck compares the streaming entry points of a profile on one
// input with its String.
type streamCheck struct {
	t    *testing.T
	p    Profile
	s    string
	want string
	// p.NewReader(r) is transform.NewReader(r, p.Transformer()); one
	// transformer, which NewReader and NewWriter reset, makes the many
	// cuts faster.
	tr transform.Transformer
}

func newStreamCheck(t *testing.T, p Profile, s string) *streamCheck {
	return &streamCheck{t: t, p: p, s: s, want: p.Apply(s), tr: p.Transformer()}
}

func (c *streamCheck) fail(how string, got string, err error) {
	c.t.Helper()
	if err != nil {
		c.t.Fatalf("%s: %s on %+q: %v", c.p.Name(), how, c.s, err)
	}
	if got != c.want {
		c.t.Fatalf("%s: %s differs from String: %s", c.p.Name(), how, diff(c.s, got, c.want))
	}
}

// cut reads and writes the input in two parts, cut at cut.
func (c *streamCheck) cut(cut int) {
	c.t.Helper()
	s := c.s
	r := io.MultiReader(strings.NewReader(s[:cut]), strings.NewReader(s[cut:]))
	got, err := io.ReadAll(transform.NewReader(r, c.tr))
	c.fail(fmt.Sprintf("NewReader cut at %d", cut), string(got), err)

	var buf bytes.Buffer
	w := transform.NewWriter(&buf, c.tr)
	_, err = io.WriteString(w, s[:cut])
	if err == nil {
		_, err = io.WriteString(w, s[cut:])
	}
	if err == nil {
		err = w.Close()
	}
	c.fail(fmt.Sprintf("NewWriter cut at %d", cut), buf.String(), err)
}

// bytewise reads and writes the input a byte at a time.
func (c *streamCheck) bytewise() {
	c.t.Helper()
	s := c.s
	got, err := io.ReadAll(transform.NewReader(iotest.OneByteReader(strings.NewReader(s)), c.tr))
	c.fail("NewReader(OneByteReader)", string(got), err)
	var buf bytes.Buffer
	w := transform.NewWriter(&buf, c.tr)
	for i := 0; i < len(s) && err == nil; i++ {
		_, err = w.Write([]byte{s[i]})
	}
	if err == nil {
		err = w.Close()
	}
	c.fail("NewWriter byte by byte", buf.String(), err)
}

// entryPoints reads and writes the input, cut at cut, through p's own
// NewReader and NewWriter, and writes it to NewWriter a byte at a time:
// NewWriter is a writer of its own, not transform.NewWriter of the
// Transformer, for the profiles on Apply's path (stream.go).
func (c *streamCheck) entryPoints(cut int) {
	c.t.Helper()
	s, p := c.s, c.p
	r := io.MultiReader(strings.NewReader(s[:cut]), strings.NewReader(s[cut:]))
	got, err := io.ReadAll(p.NewReader(r))
	c.fail(fmt.Sprintf("p.NewReader cut at %d", cut), string(got), err)
	var buf bytes.Buffer
	w := p.NewWriter(&buf)
	_, err = io.WriteString(w, s[:cut])
	if err == nil {
		_, err = io.WriteString(w, s[cut:])
	}
	if err == nil {
		err = w.Close()
	}
	c.fail(fmt.Sprintf("p.NewWriter cut at %d", cut), buf.String(), err)
	buf.Reset()
	w = p.NewWriter(&buf)
	for i := 0; i < len(s) && err == nil; i++ {
		_, err = w.Write([]byte{s[i]})
	}
	if err == nil {
		err = w.Close()
	}
	c.fail("p.NewWriter byte by byte", buf.String(), err)
}

// small drives the transformer by hand (see transformSmall).
func (c *streamCheck) small(step, dst int) {
	c.t.Helper()
	got, err := transformSmall(c.tr, c.s, step, dst)
	c.fail(fmt.Sprintf("Transformer with src step %d, dst %d", step, dst), got, err)
}

// padded puts a chunk boundary of the cleaner inside short inputs too,
// with a prefix.
func (c *streamCheck) padded() {
	c.t.Helper()
	padded := strings.Repeat("x", 255-len(c.s)%16) + c.s
	got, err := transformSmall(c.tr, padded, len(padded), 64)
	if want := c.p.Apply(padded); err != nil || got != want {
		c.t.Fatalf("%s: Transformer on %+q: %v: %s", c.p.Name(), padded, err, diff(padded, got, want))
	}
}

// transformSmall drives t by hand with src made available srcStep bytes at
// a time and a dst buffer of dstSize bytes (grown when a call can make no
// progress), checking the transform.Transformer contract as it goes. It
// copies s once: each call is given a slice of that copy, as
// transform.Reader gives its buffer, since a copy of what is left at every
// call made a one-byte dst quadratic.
func transformSmall(t transform.Transformer, s string, srcStep, dstSize int) (string, error) {
	t.Reset()
	var out []byte
	dst := make([]byte, dstSize)
	b := []byte(s)
	src, avail := 0, min(len(s), srcStep)
	for iter := 0; iter < 100*len(s)+1000; iter++ {
		atEOF := avail == len(s)
		nDst, nSrc, err := t.Transform(dst, b[src:avail], atEOF)
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

// TestTransformSmallLinear checks that transformSmall copies a linear
// number of bytes: with a dst of one byte, Nop takes N calls for N bytes,
// and the helper may allocate (and so copy into) no more than a few bytes
// per byte of input, where a copy of the rest at each call is N*N/2.
func TestTransformSmallLinear(t *testing.T) {
	for _, n := range []int{1 << 10, 16 << 10} {
		s := strings.Repeat("ab\u00a0", n/4)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		got, err := transformSmall(transform.Nop, s, len(s)+1, 1)
		runtime.ReadMemStats(&after)
		if err != nil || got != s {
			t.Fatalf("%d bytes: %v, %d bytes out", len(s), err, len(got))
		}
		if copied := after.TotalAlloc - before.TotalAlloc; copied > 8*uint64(len(s))+4096 {
			t.Errorf("%d bytes: the helper allocated %d bytes, want at most 8 a byte", len(s), copied)
		}
	}
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
