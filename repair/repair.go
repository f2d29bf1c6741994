// Package repair undoes damage that text takes on its way from one program
// to another, before it is normalized: mojibake (UTF-8 decoded with a
// single-byte code page, once or twice, in a whole text or in runs of it)
// and HTML character references left in prose. Like ftfy, it decides with
// a measured badness and changes only what reads better repaired; unlike
// ftfy, it undoes UTF-8 read as Windows-1256, the damage of Persian, Arabic
// and Urdu pages.
//
// It works line by line: a line's repair never depends on another line.
// [Fix] repairs a string and [Explain] says what it did; [NewTransformer]
// repairs a stream (a line at a time, up to [MaxLine] bytes).
package repair

import (
	"strings"

	"golang.org/x/text/transform"

	"github.com/textnorm/textnorm/internal/lines"
	"github.com/textnorm/textnorm/protect"
)

// Fixes are the repairs to make, as bit flags.
type Fixes uint8

const (
	// Mojibake restores text that was UTF-8 decoded as Windows-1252,
	// ISO-8859-1, Windows-1256, Windows-1251, Windows-1250 or MacRoman,
	// once or twice over (see the README for the badness it decides with).
	Mojibake Fixes = 1 << iota
	// Entities decodes HTML character references (&eacute; &#1740;
	// &#x6CC;) in lines that are not markup: a line with a tag (<p>,
	// </a>, <!--) is left alone, as are URLs.
	Entities
)

// MaxDepth is how many times over one run may have been decoded wrongly
// and still be restored in one pass (see Fix).
const MaxDepth = 3

// A Step is one repair: the span [Start, End) of the text a pass read,
// what it held and what it became, and what was undone, such as
// "mojibake: UTF-8 read as windows-1256" or "html-entities".
type Step struct {
	Pass       int // 0, 1, ...: see Passes
	Start, End int
	Before     string
	After      string
	What       string
}

// Fix returns s repaired: passes of mojibake repair and of entity decoding
// run in turn until neither changes anything, so that Fix(Fix(s)) is
// Fix(s). Each pass makes the text shorter, so there are few.
func Fix(s string, fixes Fixes) string {
	outs, _ := passes(s, fixes, false)
	if len(outs) == 0 {
		return s
	}
	return outs[len(outs)-1]
}

// Passes returns the repairs of s one pass at a time: each pass's output
// and its steps, whose offsets are of the text the pass read (s for the
// first, else the output of the pass before); the last output is
// Fix(s, fixes). Passes that change nothing are left out.
func Passes(s string, fixes Fixes) (outs []string, steps [][]Step) {
	return passes(s, fixes, true)
}

func passes(s string, fixes Fixes, explain bool) (outs []string, steps [][]Step) {
	for changed := true; changed; {
		changed = false
		for _, f := range []Fixes{Mojibake, Entities} {
			if fixes&f == 0 {
				continue
			}
			for {
				var out string
				var st []Step
				if f == Mojibake {
					out, st = mojibakePass(s, len(outs), explain)
				} else {
					out, st = entitiesPass(s, len(outs), explain)
				}
				if out == s {
					break
				}
				outs, s, changed = append(outs, out), out, true
				if explain {
					steps = append(steps, st)
				}
			}
		}
	}
	return outs, steps
}

// eachLine calls f with each line of s (its line feed included) and its
// offset, and returns s with the lines f changed replaced; s itself, with
// nothing copied, when f changed none.
func eachLine(s string, f func(line string, off int) (string, bool)) string {
	var b strings.Builder
	done := 0 // s[:done] is in b
	for off := 0; off < len(s); {
		end := strings.IndexByte(s[off:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += off + 1
		}
		if out, changed := f(s[off:end], off); changed {
			if b.Len() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[done:off])
			b.WriteString(out)
			done = end
		}
		off = end
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// mojibakePass repairs each line once, with the code page that makes it
// read best.
func mojibakePass(s string, pass int, explain bool) (string, []Step) {
	var steps []Step
	out := eachLine(s, func(line string, off int) (string, bool) {
		cands := candidates(line)
		if cands == 0 {
			return line, false
		}
		var best []fix
		bestGain, bestCover := 0, 0
		for i, cp := range codepages {
			if cands&(1<<i) == 0 {
				continue
			}
			if fixes, gain, cover := fixLine(line, cp); gain > bestGain || gain == bestGain && gain > 0 && cover > bestCover {
				best, bestGain, bestCover = fixes, gain, cover
			}
		}
		// A URL, an address, a path, a tag or code is copied as it is.
		best = outsideProtected(line, best)
		if len(best) == 0 {
			return line, false
		}
		var b strings.Builder
		at := 0
		for _, f := range best {
			b.WriteString(line[at:f.start])
			if explain {
				steps = append(steps, Step{Pass: pass, Start: off + f.start, End: off + f.end,
					Before: line[f.start:f.end], After: f.after, What: "mojibake: " + f.what})
			}
			b.WriteString(f.after)
			at = f.end
		}
		b.WriteString(line[at:])
		return b.String(), true
	})
	return out, steps
}

// outsideProtected returns the fixes that overlap no protected span of
// line but numbers and mentions (package protect).
func outsideProtected(line string, fixes []fix) []fix {
	spans := protect.Find(line)
	if len(spans) == 0 {
		return fixes
	}
	out := fixes[:0]
	for _, f := range fixes {
		keep := true
		for _, sp := range spans {
			if sp.Kind != protect.Number && sp.Kind != protect.Mention && f.start < sp.End && sp.Start < f.end {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, f)
		}
	}
	return out
}

// MaxLine is the longest line NewTransformer holds: a longer one is
// repaired in pieces of about this size, cut after a space where there is
// one.
const MaxLine = lines.Max

// NewTransformer returns a transformer that repairs what passes through it
// as Fix does, a line at a time.
func NewTransformer(fixes Fixes) transform.Transformer {
	return &lines.Transformer{Into: func(dst, line []byte) []byte {
		return append(dst, Fix(string(line), fixes)...)
	}}
}
