package detect

import (
	"math"

	"github.com/textnorm/textnorm/internal/langid"
)

//go:generate go test -run TestCalibration -langeval.calibrate

// Confidence calibration. The identifier's confidence in a span is the
// lead of its language over the second (see internal/langid): it ranks
// spans well, but a lead of 0.3 on two words and on a paragraph do not mean
// the same odds. calibrated maps it, by the span's letters, to the share
// of spans that are right among those given about the same lead on the
// building part of testdata/langeval: a monotone step function per length
// class, fitted by isotonic regression (pool adjacent violators) and
// written to calibration_table.go by TestCalibration with
// -langeval.calibrate. Spans of scripts with one language (Greek, Hangul)
// are facts of their script, with confidence 1, and are not calibrated;
// nor are a Standalone engine's, whose confidences are its own.

// A calibrationClass is the map of spans of at most maxLetters letters:
// a raw confidence up to upper[i] (and above upper[i-1]) means value[i].
type calibrationClass struct {
	maxLetters int
	upper      []float64
	value      []float64
}

// rawConfidence turns calibration off, for TestCalibration to fit it.
var rawConfidence = false

// calibrated returns the calibrated confidence of a span of text whose
// raw confidence is raw.
func calibrated(raw float64, text string) float64 {
	if rawConfidence || len(calibration) == 0 {
		return raw
	}
	// Past the bound of the last class but one, the count no longer matters.
	most := math.MaxInt
	if k := len(calibration); k > 1 {
		most = calibration[k-2].maxLetters + 1
	}
	n := langid.LettersUpTo(text, most)
	c := &calibration[len(calibration)-1]
	for i := range calibration {
		if n <= calibration[i].maxLetters {
			c = &calibration[i]
			break
		}
	}
	for i, u := range c.upper {
		if raw <= u {
			return c.value[i]
		}
	}
	return c.value[len(c.value)-1]
}

// letters counts the letters of s.
func letters(s string) int { return langid.LettersUpTo(s, math.MaxInt) }
