//go:build cld2

package detect_test

import (
	"testing"

	"github.com/textnorm/textnorm/internal/cld2"
)

// CLD2 in BenchmarkDetect, as a user calls it: its result chunks for each
// document (ExtDetectLanguageSummaryCheckUTF8 with kCLDFlagBestEffort,
// libcld2_full's tables), its language of the whole text for each line.
func init() {
	benchEngines = append(benchEngines, benchEngine{name: "cld2", setup: setupCLD2})
}

func setupCLD2(b *testing.B, kind corpusKind) func(string) int {
	if kind == lines {
		return func(text string) int {
			if lang, _ := cld2.DetectLanguage(text); lang != "und" {
				return 1
			}
			return 0
		}
	}
	return func(text string) int {
		spans, _ := cld2.Detect(text)
		n := 0
		for _, s := range spans {
			if s.Lang != "und" {
				n++
			}
		}
		return n
	}
}
