//go:build lingua

package detect_test

import (
	"testing"

	"github.com/pemistahl/lingua-go"
)

// lingua-go in BenchmarkDetect, used directly with all its languages, its
// models loaded as it needs them (the default): DetectMultipleLanguagesOf
// for each document, DetectLanguageOf for each line. It reads the first
// eighth of each corpus, since it is slow; MB/s is comparable.
func init() {
	benchEngines = append(benchEngines, benchEngine{name: "lingua", share: 8, setup: setupLingua})
}

var linguaDetector lingua.LanguageDetector // built once: its models are shared

func setupLingua(b *testing.B, kind corpusKind) func(string) int {
	if linguaDetector == nil {
		linguaDetector = lingua.NewLanguageDetectorBuilder().FromAllLanguages().Build()
	}
	det := linguaDetector
	if kind == lines {
		return func(text string) int {
			if _, ok := det.DetectLanguageOf(text); ok {
				return 1
			}
			return 0
		}
	}
	return func(text string) int { return len(det.DetectMultipleLanguagesOf(text)) }
}
