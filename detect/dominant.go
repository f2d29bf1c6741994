package detect

import "github.com/textnorm/textnorm/script"

// Dominant returns the script, language and confidence of the segments that
// hold the most text (counted in bytes of non-neutral segments, with each
// language's confidence the weighted mean of its segments'). With no
// segment that has letters, it returns Common, Und and 0.
func Dominant(segs []Segment) (script.Script, string, float64) {
	type key struct {
		script script.Script
		lang   string
	}
	size := map[key]int{}
	conf := map[key]float64{}
	best, bestSize := key{script.Common, Und}, 0
	for _, s := range segs {
		if s.Neutral() {
			continue
		}
		k := key{s.Script, s.Lang}
		n := s.End - s.Start
		size[k] += n
		conf[k] += s.Conf * float64(n)
		if size[k] > bestSize || size[k] == bestSize && (k.script < best.script || k.script == best.script && k.lang < best.lang) {
			best, bestSize = k, size[k]
		}
	}
	if bestSize == 0 {
		return script.Common, Und, 0
	}
	return best.script, best.lang, conf[best] / float64(bestSize)
}
