package langid

import "math"

// The scores of the default engine are the same bits on every platform:
// its sums are of integers in a fixed order, and the few transcendental
// functions it needs are these, not math's, which has assembly versions
// (amd64, arm64, s390x) that may differ from the portable Go ones in the
// last bit. Both are the portable algorithms of math (FreeBSD's), with
// explicit conversions so that no multiply-add is fused on platforms that
// have FMA (the Go spec lets a compiler fuse x*y + z unless the product
// is converted explicitly).

// portableExp is e^x, the same bits on every platform: math.Exp
// has assembly versions (amd64, arm64, s390x; on amd64 one with FMA where
// the processor has it) that may differ in the last bit from the portable
// Go one. This is that portable algorithm (FreeBSD's, as math's exp.go),
// with explicit conversions so that no multiply-add is fused.
func portableExp(x float64) float64 {
	const (
		ln2Hi     = 6.93147180369123816490e-01
		ln2Lo     = 1.90821492927058770002e-10
		log2e     = 1.44269504088896338700e+00
		underflow = -7.45133219101941108420e+02
		nearZero  = 1.0 / (1 << 28)

		p1 = 1.66666666666666657415e-01
		p2 = -2.77777777770155933842e-03
		p3 = 6.61375632143793436117e-05
		p4 = -1.65339022054652515390e-06
		p5 = 4.13813679705723846039e-08
	)
	switch {
	case x != x:
		return x
	case x > 0:
		return 1 / portableExp(-x)
	case x < underflow:
		return 0
	case -nearZero < x:
		return 1 + x
	}
	k := int(float64(log2e*x) - 0.5)
	hi := x - float64(float64(k)*ln2Hi)
	lo := float64(float64(k) * ln2Lo)
	r := hi - lo
	t := float64(r * r)
	c := r - float64(t*(p1+float64(t*(p2+float64(t*(p3+float64(t*(p4+float64(t*p5)))))))))
	y := 1 - ((lo - float64(r*c)/(2-c)) - hi)
	if k < -1020 { // a subnormal result
		return math.Ldexp(y, k)
	}
	return math.Float64frombits(math.Float64bits(y) + uint64(int64(k))<<52) // y × 2^k, exactly

}

// portableLog is the natural logarithm of x, the same bits on every
// platform (see portableExp).
func portableLog(x float64) float64 {
	const (
		ln2Hi = 6.93147180369123816490e-01
		ln2Lo = 1.90821492927058770002e-10
		l1    = 6.666666666666735130e-01
		l2    = 3.999999999940941908e-01
		l3    = 2.857142874366239149e-01
		l4    = 2.222219843214978396e-01
		l5    = 1.818357216161805012e-01
		l6    = 1.531383769920937332e-01
		l7    = 1.479819860511658591e-01
	)
	switch {
	case x != x || math.IsInf(x, 1):
		return x
	case x < 0:
		return math.NaN()
	case x == 0:
		return math.Inf(-1)
	}
	f1, ki := math.Frexp(x)
	if f1 < math.Sqrt2/2 {
		f1 *= 2
		ki--
	}
	f := f1 - 1
	k := float64(ki)
	s := f / (2 + f)
	s2 := float64(s * s)
	s4 := float64(s2 * s2)
	t1 := float64(s2 * (l1 + float64(s4*(l3+float64(s4*(l5+float64(s4*l7)))))))
	t2 := float64(s4 * (l2 + float64(s4*(l4+float64(s4*l6)))))
	r := t1 + t2
	hfsq := float64(float64(0.5*f) * f)
	return float64(k*ln2Hi) - ((hfsq - (float64(s*(hfsq+r)) + float64(k*ln2Lo))) - f)
}
