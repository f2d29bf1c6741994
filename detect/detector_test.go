package detect

import (
	"errors"
	"slices"
	"testing"

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
