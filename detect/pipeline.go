package detect

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/textnorm/textnorm/internal/langid"
	"github.com/textnorm/textnorm/language"
	"github.com/textnorm/textnorm/protect"
	"github.com/textnorm/textnorm/script"
)

// The stages of segmentation, in the order they run over each block of a
// document:
//
//  1. scriptRuns: the UAX #24 script runs of the block (package script);
//  2. graphemeSafe: each run trimmed of white space and invisible format
//     characters, its edges moved to grapheme cluster boundaries;
//  3. languages: each run with letters analysed and split into language
//     spans, decided with the context of the runs of its script nearby
//     and of the document so far; the spans' edges grapheme-safe too;
//  4. segments: the spans in order, with the white space between them
//     when Options.All asks, their text, code point and UTF-16 offsets
//     and direction.
//
// The root package adds the normalized text of each segment, and the
// formats that write them. A pipeline holds what stages carry from one
// block to the next: the document's context and the offsets reached.

// pipeline is the state of one document between its blocks (see Block).
type pipeline struct {
	d   *Detector
	out segmentWriter
}

func newPipeline(d *Detector) *pipeline {
	return &pipeline{d: d, out: segmentWriter{all: d.opts.All, lineEnd: -1}}
}

// maxRuns is how many script runs of a block the language stage takes at
// once: a block is worked on in pieces that end at the first line break
// after maxRuns runs (or after 2*maxRuns runs, at any run's end), so that
// a block of text that changes script or line at every other character
// holds a piece's runs, not a block's. The pieces depend on the block's
// text alone, and each is decided on its own, so that pieces can be
// decided in parallel (see Stream.Blocks) with the same result.
const maxRuns = 1 << 13

// A piece is a stretch of a block that the stages after the first decide
// on their own: its script runs, then its language spans.
type piece struct {
	b        Block
	from, to int       // in b.Text
	runs     []Segment // offsets in b.Text
	spans    []Segment // the document's offsets
	last     bool      // the block's last piece
	err      error     // reading the block failed: no block, no spans
}

// pieces yields the pieces of block b, in order: stage 1, the script runs.
// A document's end (see Doc) ends a piece too, so that its context stays
// in it.
func pieces(b Block, doc Doc, yield func(*piece) bool) bool {
	// Room for a piece's runs at once, not in doublings: about one per
	// 128 bytes of text in many languages for the first piece (at most
	// 256, 26 KB), then as many as the piece before had, so that a block
	// of short lines, a piece each with --doc line, allocates little.
	hint := min(len(b.Text)/128+8, 256)
	var runs []Segment
	from := 0 // where the piece starts
	for r := range script.Runs(b.Text) {
		if runs == nil {
			runs = make([]Segment, 0, hint)
		}
		runs = append(runs, Segment{Start: r.Start, End: r.End, Script: r.Script, Dir: r.Dir})
		if len(runs) >= maxRuns && endsWithBreak(b.Text[:r.End]) || len(runs) >= 2*maxRuns || doc.docEnds(b.Text, r.End) {
			if !yield(&piece{b: b, from: from, to: r.End, runs: runs, last: r.End == len(b.Text)}) {
				return false
			}
			from, hint, runs = r.End, max(len(runs), 1), nil
		}
	}
	if from < len(b.Text) || len(runs) > 0 || len(b.Text) == 0 {
		return yield(&piece{b: b, from: from, to: len(b.Text), runs: runs, last: true})
	}
	return true
}

// decide runs stages 2 and 3 over piece pc: its spans, with the document's
// offsets. It is safe for concurrent use.
func (d *Detector) decide(pc *piece) {
	runs := graphemeSafe(pc.b.Text, pc.from, pc.runs)
	runs = protectedRuns(pc.b.Text, pc.from, pc.to, runs)
	pc.runs = nil
	pc.spans = d.languages(pc.b.Text, runs)
	for i := range pc.spans {
		pc.spans[i].Start += pc.b.Start
		pc.spans[i].End += pc.b.Start
	}
}

// block runs the stages over a block, the one after the last, and yields
// its segments. It reports whether the caller wants more.
func (p *pipeline) block(b Block, yield func(Segment) bool) bool {
	p.out.start(b)
	ok := pieces(b, p.d.opts.Doc, func(pc *piece) bool {
		p.d.decide(pc)
		return p.write(pc, yield)
	})
	return ok && p.out.end(yield)
}

// write yields the segments of a decided piece: stage 4.
func (p *pipeline) write(pc *piece, yield func(Segment) bool) bool {
	for _, s := range pc.spans {
		if !p.out.write(s, yield) {
			return false
		}
	}
	return true
}

// endsWithBreak reports whether text ends with a line break.
func endsWithBreak(text string) bool {
	r, _ := utf8.DecodeLastRuneInString(text)
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// hasLetters reports whether a run of script sc is in the script of some
// language: its spans need the language stage.
func hasLetters(sc script.Script) bool {
	return sc != script.Common && sc != script.Inherited && sc != script.Unknown
}

// Zxx is the language of a segment with no linguistic content (BCP 47):
// a URL, an e-mail address, a file path, a tag or code (package protect).
const Zxx = "zxx"

// protectedRuns cuts the runs of text[start:end] around its URLs, e-mail
// addresses, paths, tags and code in backticks (package protect), each of
// which becomes one run of script Zyyy and language zxx, which the
// language stage keeps as it is.
func protectedRuns(text string, start, end int, runs []Segment) []Segment {
	var spans []protect.Span
	for _, sp := range protect.Find(text[start:end]) {
		switch sp.Kind {
		case protect.URL, protect.Email, protect.Path, protect.Tag, protect.Code:
			spans = append(spans, protect.Span{Start: start + sp.Start, End: start + sp.End, Kind: sp.Kind})
		}
	}
	if len(spans) == 0 {
		return runs
	}
	out := make([]Segment, 0, len(runs)+2*len(spans))
	k := 0 // the next span
	for _, r := range runs {
		for r.Start < r.End {
			for k < len(spans) && spans[k].End <= r.Start {
				k++
			}
			if k == len(spans) || spans[k].Start >= r.End {
				out = append(out, runPart(text, r, r.Start, r.End))
				break
			}
			sp := spans[k]
			if sp.Start > r.Start {
				out = append(out, runPart(text, r, r.Start, sp.Start))
			}
			if n := len(out); n == 0 || out[n-1].Lang != Zxx || out[n-1].End < sp.Start {
				out = append(out, Segment{Start: sp.Start, End: sp.End, Script: script.Common, Lang: Zxx, Conf: 1, Dir: script.LTR})
			}
			r.Start = sp.End
		}
	}
	return graphemeSafe(text, start, out)
}

// runPart returns text[start:end] of run r: of r's script if it has a
// letter, else of none (the period after a URL).
func runPart(text string, r Segment, start, end int) Segment {
	sc := r.Script
	if !strings.ContainsFunc(text[start:end], unicode.IsLetter) {
		sc = script.Common
	}
	return Segment{Start: start, End: end, Script: sc, Dir: r.Dir}
}

// Stage 2. graphemeSafe trims each span, in order, to begin and end on a
// grapheme cluster that is not white space, moves edges that fall inside a
// cluster to its edges (the cluster goes to the span of its first
// character), and drops the spans left empty. from, where the spans begin,
// is a cluster boundary. It serves the script runs of a block, and again
// the language spans of each run: the sentences the language stage splits
// a run into end at spaces and quotation marks, which a combining mark may
// follow.
func graphemeSafe(text string, from int, spans []Segment) []Segment {
	out := spans[:0]
	for _, s := range spans {
		if s.Start, s.End = trimSpace(text, s.Start, s.End); s.Start < s.End {
			out = append(out, s)
		}
	}
	spans = out
	if !mayCutCluster(text, spans) {
		return spans // every edge is a cluster boundary
	}
	c := clusterCursor{text: text, prev: from, next: from, state: -1}
	out = spans[:0]
	for _, s := range spans {
		prevEnd := -1
		if k := len(out) - 1; k >= 0 {
			prevEnd = out[k].End
		}
		if s.Start, s.End = c.snap(s.Start, s.End, prevEnd); s.Start < s.End {
			out = append(out, s)
		}
	}
	return out
}

// Stage 3. languages decides the language spans of the runs of a piece
// of text, in order. Every run with letters is analysed first, and its
// sentences decided on their own evidence go into the piece's context;
// then the spans of each run are decided with the context of the runs of
// its script nearby (ContextRuns before and after it), so that the Pashto
// paragraph after a Dari one does not decide for a Dari caption three
// screens away, or with the piece's when none of them has spoken. Runs
// without letters are neutral spans.
func (d *Detector) languages(text string, runs []Segment) []Segment {
	as := make([]*langid.Analysis, len(runs))
	byScript := map[script.Script][]int{}
	// The context of the whole piece, the fallback for runs with no text
	// of their script nearby; it starts with each script's default
	// languages.
	doc := langid.Over(defaultContext)
	for i, r := range runs {
		if hasLetters(r.Script) && r.Lang == "" {
			as[i] = d.id.Analyze(text[r.Start:r.End], r.Script)
			doc.Observe(as[i])
			byScript[r.Script] = append(byScript[r.Script], i)
		}
	}
	ctxs := make([]*langid.Context, len(runs))
	n := d.opts.ContextRuns
	for sc, idx := range byScript {
		for k, i := range idx {
			if !as[i].NeedsContext() {
				continue // its own evidence decides every sentence
			}
			ctx := langid.NewContext()
			for _, j := range idx[max(0, k-n):min(len(idx), k+n+1)] {
				ctx.Observe(as[j])
			}
			if !ctx.Seen(sc) {
				ctx = doc
			}
			ctxs[i] = ctx
		}
	}
	var spans []Segment
	for i, r := range runs {
		if as[i] == nil {
			if r.Lang != Zxx {
				r = Segment{Start: r.Start, End: r.End, Script: script.Common, Lang: Und, Dir: r.Dir}
			}
			spans = append(spans, r)
			continue
		}
		first := len(spans)
		for _, sp := range as[i].Spans(ctxs[i]) {
			spans = append(spans, Segment{
				Start: r.Start + sp.Start, End: r.Start + sp.End,
				Script: r.Script, Lang: sp.Lang, Conf: sp.Conf, Dir: r.Dir,
			})
		}
		spans = append(spans[:first], graphemeSafe(text, r.Start, spans[first:])...)
		if d.id.Ambiguous(r.Script) {
			d.confidences(text, spans[first:])
		}
	}
	return spans
}

// confidences calibrates the confidences of spans, of a script with more
// than one language, and makes those under Options.MinConf Und.
func (d *Detector) confidences(text string, spans []Segment) {
	for i := range spans {
		s := &spans[i]
		if s.Lang == Und {
			continue
		}
		if !d.id.Standalone() {
			s.Conf = calibrated(s.Conf, text[s.Start:s.End])
		}
		if s.Conf < d.opts.MinConf {
			s.Lang = Und
		}
	}
}

// defaultWeight is the weight of each script's default languages
// (language.Priors) in a document's context before any text of the script
// is seen: a letter or two of real evidence, so any text of the script
// seen in the document outweighs them. A brand name in Latin letters
// inside Persian text is far more often English than Tswana, and a
// two-word Arabic-script caption on an English page is decided by its own
// letters first, then by how common each language is.
const defaultWeight = 2

// defaultContext is where every document's context starts: the priors of
// each script's languages in the registry (language.Priors), built once.
var defaultContext = func() *langid.Context {
	ctx := langid.NewContext()
	var done []script.Script
	for _, l := range language.All() {
		for _, sc := range l.Scripts {
			if slices.Contains(done, sc) {
				continue
			}
			done = append(done, sc)
			for lang, w := range language.Priors(sc) {
				ctx.Add(sc, lang, w*defaultWeight)
			}
		}
	}
	return ctx
}()

// Stage 4. A segmentWriter turns the spans of the blocks of a document,
// which come in order, into segments: it inserts the white space between
// them as neutral segments when all is set (cut at the end of each block,
// whose text it does not keep), and fills in each segment's text, code
// point and UTF-16 offsets, and a direction for those without a strong
// character (the direction of the line's first strong character, else
// LTR). It walks the document once, forward. Offsets are the document's.
type segmentWriter struct {
	all  bool
	text string // the block's
	base int    // the block's offset

	prev       int // end of the last segment written
	pos        int // offset up to which runes and u16 are counted
	runes, u16 int
	lineDir    script.Direction // direction of the line that ends at lineEnd
	lineEnd    int
}

// start begins block b.
func (w *segmentWriter) start(b Block) {
	w.text, w.base = b.Text, b.Start
	w.prev = b.Start
}

// write yields s, after the gap before it when all is set.
func (w *segmentWriter) write(s Segment, yield func(Segment) bool) bool {
	if w.all && s.Start > w.prev {
		if !w.yield(Segment{Start: w.prev, End: s.Start, Script: script.Common, Lang: Und}, yield) {
			return false
		}
	}
	w.prev = s.End
	return w.yield(s, yield)
}

// end yields the white space after the block's last segment, when all is
// set.
func (w *segmentWriter) end(yield func(Segment) bool) bool {
	end := w.base + len(w.text)
	if w.all && w.prev < end {
		if !w.yield(Segment{Start: w.prev, End: end, Script: script.Common, Lang: Und}, yield) {
			return false
		}
	}
	w.advance(end) // the next block's offsets count this one's end
	return true
}

func (w *segmentWriter) yield(s Segment, yield func(Segment) bool) bool {
	s.Text = w.text[s.Start-w.base : s.End-w.base]
	w.advance(s.Start)
	s.RuneStart, s.U16Start = w.runes, w.u16
	w.advance(s.End)
	s.RuneEnd, s.U16End = w.runes, w.u16
	if s.Start >= w.lineEnd {
		d, end := lineDirection(w.text, s.Start-w.base)
		w.lineDir, w.lineEnd = d, w.base+end
	}
	if d := script.DirectionOf(s.Text); d != script.Neutral {
		s.Dir = d
	} else if s.Dir == script.Neutral {
		s.Dir = w.lineDir
	}
	return yield(s)
}

// advance counts the code points and UTF-16 units of the text up to to.
// An invalid byte is one of each, as U+FFFD.
func (w *segmentWriter) advance(to int) {
	if w.pos >= to {
		return
	}
	s := w.text[w.pos-w.base : to-w.base]
	n := utf8.RuneCountInString(s) // an invalid byte counts one
	w.runes += n
	w.u16 += n
	for i := 0; i < len(s); i++ {
		// A code point above U+FFFF, two UTF-16 units, is a valid
		// four-byte sequence.
		if s[i] >= 0xF0 {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 4 {
				w.u16++
				i += 3
			}
		}
	}
	w.pos = to
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

// clusterCursor walks the grapheme clusters of a text forward, from a
// cluster boundary.
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

// snap moves [start, end) out of the clusters its edges fall in, giving a
// cluster to the span of its first character: the start goes back to its
// cluster's start, the end on to its cluster's end. Where that overlaps the
// span before, which ends at prevEnd (-1 for none), the span starts after
// it, trimmed again. Spans must come in order.
func (c *clusterCursor) snap(start, end, prevEnd int) (int, int) {
	start, _ = c.around(start)
	if _, e := c.around(end); e != end {
		end = e
	}
	if prevEnd >= 0 && start < prevEnd {
		start, end = trimSpace(c.text, prevEnd, max(end, prevEnd))
	}
	return start, end
}

// mayCutCluster reports whether an edge of one of spans may fall inside a
// grapheme cluster, so that the cluster walk is needed; most edges of most
// texts cannot (see mayBeInCluster).
func mayCutCluster(text string, spans []Segment) bool {
	for _, s := range spans {
		if mayBeInCluster(text, s.Start) || mayBeInCluster(text, s.End) {
			return true
		}
	}
	return false
}

// mayBeInCluster reports whether byte offset off of text may be inside a
// grapheme cluster (UAX #29) rather than between two: it errs on the side
// of yes. Between ASCII characters other than CR LF every offset is a
// boundary; elsewhere it is one unless the next character extends the one
// before (a mark, ZWJ, ZWNJ, a variation selector, an emoji modifier or
// tag, a Hangul jamo or syllable after a leading jamo, a second regional
// indicator) or the one before is a ZWJ or a Prepend character.
func mayBeInCluster(text string, off int) bool {
	if off <= 0 || off >= len(text) {
		return false
	}
	p, n := text[off-1], text[off]
	if p < utf8.RuneSelf && n < utf8.RuneSelf {
		return p == '\r' && n == '\n'
	}
	if !utf8.RuneStart(n) {
		return true // off is inside a character's bytes
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:off])
	next, _ := utf8.DecodeRuneInString(text[off:])
	switch {
	case unicode.IsMark(next), next == 0x200C, next == 0x200D,
		next == 0x0E33, next == 0x0EB3, next == 0xFF9E, next == 0xFF9F, // SpacingMark, Extend letters
		next >= 0x1F3FB && next <= 0x1F3FF, next >= 0xE0020 && next <= 0xE007F,
		next >= 0x1160 && next <= 0x11FF, next >= 0xD7B0 && next <= 0xD7FF:
		return true
	case prev == 0x200D, isPrepend(prev):
		return true
	case isLeadingJamo(prev) && (isLeadingJamo(next) || next >= 0xAC00 && next <= 0xD7A3):
		return true
	case next >= 0x1F1E6 && next <= 0x1F1FF && prev >= 0x1F1E6 && prev <= 0x1F1FF:
		return true
	}
	return false
}

// isLeadingJamo reports whether r is a Hangul leading consonant (L).
func isLeadingJamo(r rune) bool {
	return r >= 0x1100 && r <= 0x115F || r >= 0xA960 && r <= 0xA97C
}

// isPrepend reports whether r has Grapheme_Cluster_Break=Prepend (Unicode
// 15.0): it joins the character after it.
func isPrepend(r rune) bool {
	switch {
	case r >= 0x0600 && r <= 0x0605, r == 0x06DD, r == 0x070F, r == 0x0890, r == 0x0891,
		r == 0x08E2, r == 0x0D4E, r == 0x110BD, r == 0x110CD, r >= 0x111C2 && r <= 0x111C3,
		r == 0x1193F, r == 0x11941, r == 0x11A3A, r >= 0x11A84 && r <= 0x11A89,
		r == 0x11D46, r == 0x11F02:
		return true
	}
	return false
}
