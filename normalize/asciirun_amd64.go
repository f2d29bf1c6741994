//go:build !purego

package normalize

import "unsafe"

// hasAVX2 is set when the processor and the system support AVX2.
var hasAVX2 = avx2Supported()

func avx2Supported() bool {
	_, _, c, _ := cpuid(1, 0)
	const osxsave, avx = 1 << 27, 1 << 28
	if c&(osxsave|avx) != osxsave|avx {
		return false
	}
	if eax, _ := xgetbv(); eax&6 != 6 { // the system saves XMM and YMM
		return false
	}
	_, b, _, _ := cpuid(7, 0)
	return b&(1<<5) != 0
}

func cpuid(eax, ecx uint32) (a, b, c, d uint32)

func xgetbv() (eax, edx uint32)

//go:noescape
func asciiRunAVX2(p *byte, n int, set *asciiRunSet) (k, lf int)

// asciiRun returns asciiRunRef(set, s, i), 32 bytes a step with AVX2; 0,
// 0 without it. s[i-1] must exist.
func asciiRun(set *asciiRunSet, s string, i int) (k, lf int) {
	if !hasAVX2 || i < 1 || len(s)-i < 33 {
		return 0, 0
	}
	return asciiRunAVX2((*byte)(unsafe.Pointer(unsafe.StringData(s[i:]))), len(s)-i, set)
}
