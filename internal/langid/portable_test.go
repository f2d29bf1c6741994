package langid

import (
	"math"
	"testing"
)

// TestPortableExp checks portableExp against math.Exp.
func TestPortableExp(t *testing.T) {
	for i := range 200000 {
		x := -float64(i) / 997
		got, want := portableExp(x), math.Exp(x)
		if math.Abs(got-want) > 4e-16*want {
			t.Fatalf("portableExp(%v) = %v, math.Exp %v", x, got, want)
		}
	}
	if portableExp(0) != 1 || portableExp(-800) != 0 || !math.IsNaN(portableExp(math.NaN())) || math.Abs(portableExp(1)-math.E) > 1e-15 {
		t.Error("portableExp special cases")
	}
}

// TestPortableLog checks portableLog against math.Log, to within an ulp.
func TestPortableLog(t *testing.T) {
	for i := 1; i <= 200000; i++ {
		for _, x := range []float64{float64(i) / 997, 1 / float64(i), float64(i) * 1e10, math.Ldexp(float64(i), -1000)} {
			got, want := portableLog(x), math.Log(x)
			if math.Abs(got-want) > 2.3e-16*math.Max(1, math.Abs(want)) {
				t.Fatalf("portableLog(%v) = %v, math.Log %v", x, got, want)
			}
		}
	}
	if portableLog(1) != 0 || !math.IsInf(portableLog(0), -1) || !math.IsNaN(portableLog(-1)) || !math.IsNaN(portableLog(math.NaN())) ||
		!math.IsInf(portableLog(math.Inf(1)), 1) || portableLog(math.E) != 1 {
		t.Error("portableLog special cases")
	}
	// amd64.s math.Log gives -709.09 for this subnormal number, 2^-1070.
	if got := portableLog(8e-323); math.Abs(got-(4-1074)*math.Ln2) > 1e-12 {
		t.Errorf("portableLog(8e-323) = %v", got)
	}
}
