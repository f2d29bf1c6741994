package detect

import (
	"slices"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/textnorm/textnorm/internal/langid"
	"github.com/textnorm/textnorm/script"
)

// Und is the language of a segment whose language is unknown: neutral
// segments (digits, punctuation, symbols, white space) and spans too short
// or too mixed to decide.
const Und = "und"

// A Segment is a span of a document in one script and one language.
//
// Offsets are into the original text: bytes always, and the same span in
// code points (Python's str indexes) and in UTF-16 code units
// (JavaScript's string indexes). An invalid UTF-8 byte counts as one code
// point and one UTF-16 unit, as U+FFFD.
type Segment struct {
	Start, End         int // byte offsets, End exclusive
	Text               string
	Script             script.Script    // Common (Zyyy) for neutral segments
	Lang               string           // BCP 47 language subtag, or Und
	Dir                script.Direction // LTR or RTL; never Neutral
	Conf               float64          // confidence in Lang, 0..1
	RuneStart, RuneEnd int              // code point offsets
	U16Start, U16End   int              // UTF-16 code unit offsets
}

// Tag returns the segment's BCP 47 tag, language and script: "fa-Arab",
// "en-Latn", "und-Zyyy".
func (s Segment) Tag() string { return s.Lang + "-" + s.Script.String() }

// Neutral reports whether the segment has no letters of any script: white
// space, digits, punctuation or symbols.
func (s Segment) Neutral() bool { return s.Script == script.Common }

// Options configure a Detector.
type Options struct {
	// Langs restricts the languages considered, as BCP 47 language subtags
	// ("en", "fa", "ar"; see Languages), in each script where at least one
	// of them is written: with en and fa, Latin text is English and
	// Arabic-script text Persian, while Cyrillic text is still told among
	// the Cyrillic languages, since a Russian line is Russian whatever the
	// list. Empty means every language textnorm knows.
	Langs []string
	// All makes Segments return the white space between segments too, as
	// neutral segments, so that the segments concatenated are the input.
	All bool
	// ContextRuns is how many runs of the same script before and after a
	// run form the context that decides its short spans; 0 means 8.
	ContextRuns int
	// Engine selects the statistics behind language identification.
	Engine Engine
}

// A Detector segments documents. It is safe for concurrent use; language
// models are loaded on first use, only for the languages a document needs,
// and shared by all Detectors.
type Detector struct {
	opts Options
	id   *langid.Identifier
}

// NewDetector returns a Detector configured by opts.
func NewDetector(opts Options) *Detector {
	if opts.ContextRuns <= 0 {
		opts.ContextRuns = 8
	}
	var scorer langid.Scorer
	switch opts.Engine {
	case EngineLingua:
		scorer = langid.DefaultLingua()
	case EngineNgram:
		scorer = langid.DefaultNgram()
	}
	return &Detector{opts: opts, id: langid.New(langid.Options{Langs: opts.Langs, Scorer: scorer})}
}

// Segments partitions text into segments, as Detector.Segments does with
// the given options.
func Segments(text string, opts Options) []Segment {
	return NewDetector(opts).Segments(text)
}

// Segments partitions text into segments:
//
//   - Segments are in order, do not overlap and never cross a line break.
//   - A segment starts and ends on a grapheme cluster that is not white
//     space (a space carrying a combining mark is not white space), and no
//     segment boundary splits a grapheme cluster.
//   - Only white space and invisible format characters (BOM, ZWNJ, bidi
//     controls) lie between segments; with Options.All it is
//     returned as neutral segments too, and the segments tile the text.
//   - A new segment starts where the script changes (see script.Runs) and,
//     within a script, where the language changes, even between two
//     sentences of one line.
//
// The language of a span comes from its script when only one language uses
// it (Hangul: ko), else from statistics and orthography weighed together;
// a span too short to decide alone takes the languages of the runs of its
// script nearby, and is Und when they do not settle it either.
func (d *Detector) Segments(text string) []Segment {
	// The document's context is the fallback for runs with no text of
	// their script nearby; it starts with each script's default language.
	doc := langid.NewContext()
	for sc, langs := range scriptDefaults {
		for lang, w := range langs {
			doc.Add(sc, lang, w*defaultWeight)
		}
	}
	var segs []Segment
	for start := 0; start < len(text); {
		end := blockEnd(text, start)
		segs = d.appendBlock(segs, text, start, end, doc)
		start = end
	}
	segs = snapToGraphemes(text, segs)
	if d.opts.All {
		segs = withGaps(text, segs)
	}
	fill(text, segs)
	return segs
}

// blockSize is the size of the pieces a long document is worked on in, so
// that memory follows the block, not the document. Blocks end at line
// breaks, which segments never cross.
const blockSize = 1 << 20

// blockEnd returns the end of the block that starts at start: after the
// first line break at or past start+blockSize, or the end of text.
func blockEnd(text string, start int) int {
	if len(text)-start <= blockSize {
		return len(text)
	}
	for i := start + blockSize; i < len(text); i++ {
		if text[i] == '\n' || text[i] == '\r' && (i+1 == len(text) || text[i+1] != '\n') {
			return i + 1
		}
	}
	return len(text)
}

// appendBlock appends the segments of text[start:end] to segs, in order.
// doc gathers the context of the whole document so far.
func (d *Detector) appendBlock(segs []Segment, text string, start, end int, doc *langid.Context) []Segment {
	type job struct {
		start, end int // trimmed run
		run        script.Run
		a          *langid.Analysis
	}
	var jobs []job
	for r := range script.Runs(text[start:end]) {
		r.Start += start
		r.End += start
		s, e := trimSpace(text, r.Start, r.End)
		if s == e {
			continue
		}
		j := job{start: s, end: e, run: r}
		if r.Script != script.Common && r.Script != script.Inherited && r.Script != script.Unknown {
			j.a = d.id.Analyze(text[s:e], r.Script)
		}
		jobs = append(jobs, j)
	}

	// The context of a run is made of the runs of its script nearby, so
	// that the Pashto paragraph after a Dari one does not decide for a
	// Dari caption three screens away; the document is the fallback.
	byScript := map[script.Script][]int{}
	for i, j := range jobs {
		if j.a != nil {
			doc.Observe(j.a)
			byScript[j.run.Script] = append(byScript[j.run.Script], i)
		}
	}
	first := len(segs)
	for _, idx := range byScript {
		for k, i := range idx {
			ctx := langid.NewContext()
			for _, n := range idx[max(0, k-d.opts.ContextRuns):min(len(idx), k+d.opts.ContextRuns+1)] {
				ctx.Observe(jobs[n].a)
			}
			j := jobs[i]
			if !ctx.Seen(j.run.Script) {
				ctx = doc
			}
			for _, sp := range j.a.Spans(ctx) {
				segs = append(segs, Segment{
					Start: j.start + sp.Start, End: j.start + sp.End,
					Script: j.run.Script, Lang: sp.Lang, Conf: sp.Conf, Dir: j.run.Dir,
				})
			}
		}
	}
	for _, j := range jobs {
		if j.a == nil {
			segs = append(segs, Segment{Start: j.start, End: j.end, Script: script.Common, Lang: Und, Dir: j.run.Dir})
		}
	}
	sortSegments(segs[first:])
	return segs
}

// scriptDefaults are the languages that a short span leans to, with a low
// confidence, when nothing else in the document tells its language: a
// brand name in Latin letters inside Persian text is far more often English
// than Tswana, and a two-word Arabic-script caption on an English page is
// decided by its own letters first, then by how common each language is
// (Persian first: the pages textnorm is made for). Their weights add up to
// defaultWeight, a letter or two of real evidence, so any text of the
// script seen in the document outweighs them.
var scriptDefaults = map[script.Script]map[string]float64{
	script.Latin:    {"en": 1},
	script.Cyrillic: {"ru": 1},
	script.Arabic:   {"fa": 0.4, "ar": 0.3, "ur": 0.2, "ps": 0.1},
}

const defaultWeight = 2

// trimSpace narrows [start, end) of text to begin and end on a grapheme
// cluster that is not white space.
func trimSpace(text string, start, end int) (int, int) {
	for start < end {
		// A whole grapheme cluster goes or stays: a space carrying a
		// combining mark is not white space, an LRM before one is.
		c, _, _, _ := uniseg.FirstGraphemeClusterInString(text[start:end], -1)
		if !IsGap(c) {
			break
		}
		start += len(c)
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !isTrimmed(r) {
			break
		}
		end -= n
	}
	return start, end
}

// isTrimmed reports whether r is left out at the edges of segments: white
// space, and the invisible format characters that keyboards and encodings
// leave beside it (BOM, soft hyphen, ZWSP, ZWNJ, ZWJ, word joiner, and the
// bidi marks, embeddings and isolates).
func isTrimmed(r rune) bool {
	switch r {
	case 0xFEFF, 0x00AD, 0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060,
		0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069:
		return true
	}
	return unicode.IsSpace(r)
}

// IsGap reports whether s holds nothing but what lies between segments:
// white space and invisible format characters (see Options.All).
func IsGap(s string) bool {
	for _, r := range s {
		if !isTrimmed(r) {
			return false
		}
	}
	return true
}

func sortSegments(segs []Segment) {
	slices.SortFunc(segs, func(a, b Segment) int { return a.Start - b.Start })
}

// snapToGraphemes moves segment boundaries that fall inside a grapheme
// cluster to its edges, giving the cluster to the segment of its first
// character, and drops segments left empty. It walks the clusters of text
// once, in step with the boundaries, which come in order.
func snapToGraphemes(text string, segs []Segment) []Segment {
	if !nearNonASCII(text, segs) {
		return segs // between ASCII characters every offset is a boundary
	}
	c := clusterCursor{text: text, state: -1}
	out := segs[:0]
	for _, s := range segs {
		s.Start, _ = c.around(s.Start)
		if _, end := c.around(s.End); end != s.End {
			s.End = end
		}
		if k := len(out) - 1; k >= 0 && s.Start < out[k].End {
			s.Start, s.End = trimSpace(text, out[k].End, max(s.End, out[k].End))
		}
		if s.Start < s.End {
			out = append(out, s)
		}
	}
	return out
}

// clusterCursor walks the grapheme clusters of a text forward.
type clusterCursor struct {
	text       string
	prev, next int // the cluster [prev, next) last stepped over
	state      int
}

// around returns the cluster that holds off, [off, off) if off is a
// boundary. Calls must come with non-decreasing offsets.
func (c *clusterCursor) around(off int) (int, int) {
	for c.next < off {
		cluster, _, _, state := uniseg.FirstGraphemeClusterInString(c.text[c.next:], c.state)
		c.prev, c.next, c.state = c.next, c.next+len(cluster), state
	}
	if c.next == off {
		return off, off
	}
	return c.prev, c.next
}

// nearNonASCII reports whether a segment boundary touches a non-ASCII byte.
func nearNonASCII(text string, segs []Segment) bool {
	at := func(i int) bool { return i >= 0 && i < len(text) && text[i] >= utf8.RuneSelf }
	for _, s := range segs {
		if at(s.Start-1) || at(s.Start) || at(s.End-1) || at(s.End) {
			return true
		}
	}
	return false
}

// withGaps inserts the white space between and around segments as neutral
// segments.
func withGaps(text string, segs []Segment) []Segment {
	out := make([]Segment, 0, 2*len(segs)+1)
	prev := 0
	for _, s := range segs {
		if s.Start > prev {
			out = append(out, Segment{Start: prev, End: s.Start, Script: script.Common, Lang: Und})
		}
		out = append(out, s)
		prev = s.End
	}
	if prev < len(text) {
		out = append(out, Segment{Start: prev, End: len(text), Script: script.Common, Lang: Und})
	}
	return out
}

// fill sets each segment's text, code point and UTF-16 offsets, and a
// direction for those without a strong character (the direction of the
// line's first strong character, else LTR).
func fill(text string, segs []Segment) {
	pos, runes, u16 := 0, 0, 0
	advance := func(to int) {
		for pos < to {
			r, n := utf8.DecodeRuneInString(text[pos:to])
			pos += n
			runes++
			if r >= 0x10000 && utf16.RuneLen(r) == 2 {
				u16 += 2
			} else {
				u16++
			}
		}
	}
	lineDir, lineEnd := script.Neutral, -1
	for i := range segs {
		s := &segs[i]
		s.Text = text[s.Start:s.End]
		advance(s.Start)
		s.RuneStart, s.U16Start = runes, u16
		advance(s.End)
		s.RuneEnd, s.U16End = runes, u16
		if s.Start >= lineEnd {
			lineDir, lineEnd = lineDirection(text, s.Start)
		}
		if d := script.DirectionOf(s.Text); d != script.Neutral {
			s.Dir = d
		} else if s.Dir == script.Neutral {
			s.Dir = lineDir
		}
	}
}

// lineDirection returns the direction of the first strong character of the
// line holding offset off (LTR if none), and the offset where that line
// ends.
func lineDirection(text string, off int) (script.Direction, int) {
	start, end := off, off
	for start > 0 && !isBreakByte(text[start-1]) {
		start--
	}
	for end < len(text) && !isBreakByte(text[end]) {
		end++
	}
	d := script.DirectionOf(text[start:end])
	if d == script.Neutral {
		d = script.LTR
	}
	return d, end
}

// isBreakByte reports whether b is LF or CR; the rarer line breaks only
// make a line's direction come from a longer stretch of text.
func isBreakByte(b byte) bool { return b == '\n' || b == '\r' }
