package detect

import "sort"

// Lines maps byte offsets of a text to 1-based line numbers. A line ends
// after LF, after CR LF, or after a CR not followed by LF.
type Lines struct {
	starts []int // byte offset where each line starts
	size   int
}

// NewLines indexes the lines of text.
func NewLines(text string) *Lines {
	l := &Lines{starts: []int{0}, size: len(text)}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			l.starts = append(l.starts, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				continue
			}
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

// Count returns the number of lines: a text that ends with a line break
// has no empty line after it, and the empty text has none.
func (l *Lines) Count() int {
	n := len(l.starts)
	if l.starts[n-1] == l.size {
		n--
	}
	return n
}

// Line returns the line number of byte offset off.
func (l *Lines) Line(off int) int {
	return sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off })
}

// Span returns the byte offsets of line n (1-based), line break excluded.
func (l *Lines) Span(text string, n int) (start, end int) {
	start = l.starts[n-1]
	end = len(text)
	if n < len(l.starts) {
		end = l.starts[n]
	}
	for end > start && (text[end-1] == '\n' || text[end-1] == '\r') {
		end--
	}
	return start, end
}

// Dominant returns the script, language and confidence of the segments that
// hold the most text (counted in bytes of non-neutral segments, with each
// language's confidence the weighted mean of its segments'). With no
// segment that has letters, it returns Common, Und and 0.
func Dominant(segs []Segment) (Script, string, float64) {
	type key struct {
		script Script
		lang   string
	}
	size := map[key]int{}
	conf := map[key]float64{}
	best, bestSize := key{Common, Und}, 0
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
		return Common, Und, 0
	}
	return best.script, best.lang, conf[best] / float64(bestSize)
}
