package detect

import "github.com/textnorm/textnorm/script"

// Dominant returns the script, language and confidence of the segments that
// hold the most text (counted in bytes of non-neutral segments, with each
// language's confidence the weighted mean of its segments'). With no
// segment that has letters, it returns Common, Und and 0.
func Dominant(segs []Segment) (script.Script, string, float64) {
	var t Tally
	for _, s := range segs {
		t.Add(s)
	}
	return t.Dominant()
}

// A Tally finds the dominant script and language of segments added one at
// a time, as Dominant finds them of a slice of them all: for the segments
// of a line that spans blocks (see Block), or of a document read a block
// at a time. The zero value is an empty Tally.
type Tally struct {
	size     map[tallyKey]int
	conf     map[tallyKey]float64
	best     tallyKey
	bestSize int
}

type tallyKey struct {
	script script.Script
	lang   string
}

// Add counts s.
func (t *Tally) Add(s Segment) {
	if s.Neutral() {
		return
	}
	if t.size == nil {
		t.size, t.conf = map[tallyKey]int{}, map[tallyKey]float64{}
	}
	k := tallyKey{s.Script, s.Lang}
	n := s.End - s.Start
	t.size[k] += n
	t.conf[k] += s.Conf * float64(n)
	best := t.best
	if t.size[k] > t.bestSize || t.size[k] == t.bestSize && (k.script < best.script || k.script == best.script && k.lang < best.lang) {
		t.best, t.bestSize = k, t.size[k]
	}
}

// Dominant returns what Dominant returns of the segments added.
func (t *Tally) Dominant() (script.Script, string, float64) {
	if t.bestSize == 0 {
		return script.Common, Und, 0
	}
	return t.best.script, t.best.lang, t.conf[t.best] / float64(t.bestSize)
}

// Reset empties t.
func (t *Tally) Reset() {
	clear(t.size)
	clear(t.conf)
	t.best, t.bestSize = tallyKey{}, 0
}
