package detect

import (
	"errors"
	"slices"
	"testing"

	"github.com/rivo/uniseg"

	"github.com/textnorm/textnorm/diag"
)

// mustDetector returns NewDetector(opts), failing the test on an error.
func mustDetector(t testing.TB, opts Options) *Detector {
	t.Helper()
	d, err := NewDetector(opts)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestNewDetectorRefuses checks that a language textnorm does not know
// is an error, not a lifted restriction.
func TestNewDetectorRefuses(t *testing.T) {
	for _, opts := range []Options{
		{Langs: []string{"xx"}},
		{Langs: []string{"en", "klingon"}},
	} {
		_, err := NewDetector(opts)
		var u *diag.UnknownError
		if !errors.As(err, &u) {
			t.Errorf("NewDetector(%+v) = %v, want a *diag.UnknownError", opts, err)
			continue
		}
		if len(u.Known) == 0 {
			t.Errorf("NewDetector(%+v): the error lists no known names", opts)
		}
		if _, err := Segments("text", opts); !errors.As(err, &u) {
			t.Errorf("Segments with %+v = %v, want a *diag.UnknownError", opts, err)
		}
	}
	d := mustDetector(t, Options{Langs: []string{"fa-AF", "EN", "prs"}})
	if got, want := d.opts.Langs, []string{"fa", "en"}; !slices.Equal(got, want) {
		t.Errorf("Langs read as %v, want %v", got, want)
	}
	segs := d.Segments("Hello world, how are you today?")
	if len(segs) != 1 || segs[0].Lang != "en" {
		t.Errorf("segments with en,fa = %+v", segs)
	}
}

// TestMayBeInCluster checks that an offset mayBeInCluster calls a boundary
// is one for uniseg, on every offset of the evaluation documents, the
// invariant cases and every pair of code points around the cases that
// matter (marks, ZWJ, jamo, regional indicators, Prepend).
func TestMayBeInCluster(t *testing.T) {
	texts := append([]string(nil), segmentInvariantCases...)
	for _, d := range readEvalSet(t) {
		texts = append(texts, d.text)
	}
	probe := []rune{'a', ' ', '\r', '\n', 0x0301, 0x064B, 0x0600, 0x06DD, 0x200C, 0x200D, 0xFE0F,
		0x1100, 0x1161, 0x11A8, 0xAC00, 0xAC01, 0x1F1EE, 0x1F1F7, 0x1F44D, 0x1F3FB, 0xE0067, 0x0915, 0x093F, 0x0E33, 0x0EB3, 0xFF76, 0xFF9E, 0x0E01}
	for _, a := range probe {
		for _, b := range probe {
			for _, c := range probe {
				texts = append(texts, string([]rune{a, b, c}))
			}
		}
	}
	// Every code point after a letter and before one, and after a Prepend.
	for r := rune(0x80); r < 0x32000; r++ {
		if r == 0xD800 {
			r = 0xE000
		}
		texts = append(texts, "a"+string(r)+"a", "\u0600"+string(r))
	}
	for r := rune(0xE0000); r < 0xE01F0; r++ {
		texts = append(texts, "a"+string(r)+"a")
	}
	for _, text := range texts {
		boundary := map[int]bool{0: true, len(text): true}
		for rest, state, off := text, -1, 0; len(rest) > 0; {
			var c string
			c, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
			off += len(c)
			boundary[off] = true
		}
		for off := 0; off <= len(text); off++ {
			if !mayBeInCluster(text, off) && !boundary[off] {
				t.Fatalf("%+q: offset %d is inside a cluster, but mayBeInCluster says no", text, off)
			}
		}
	}
}
