//go:build icu

package normalize

import "github.com/textnorm/textnorm/internal/icu"

// ICU in BenchmarkNormalize, as its C++ users call it:
// Normalizer2::getNFCInstance()->normalizeUTF8 into a ByteSink.
func init() {
	icuNormalize = func(s []byte) []byte {
		out, err := icu.Normalize(icu.NFC, s)
		if err != nil {
			panic(err)
		}
		return out
	}
}
