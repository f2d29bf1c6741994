// Package textnorm tags multilingual text: it splits a document into
// segments of one script and one language (package detect) and normalizes
// each segment with the profile of its own language (package normalize),
// so that an Arabic quotation inside Persian text is not "corrected" into
// Persian.
//
// It is the last stages of the pipeline: Tagger.Tag adds each segment's
// normalized text (Segment.Norm), and the formats write them: AppendJSON
// is the JSON Lines segment format of the textnorm command's tag output
// (versioned, SchemaVersion), SegmentWriter writes segments as JSON Lines,
// a JSON array or TSV (Format), and DetectionWriter writes what "textnorm
// detect" prints, the dominant language of each line (DetectFormat).
package textnorm

import (
	"io"
	"iter"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/textnorm/textnorm/detect"
	"github.com/textnorm/textnorm/language"
	"github.com/textnorm/textnorm/normalize"
	"github.com/textnorm/textnorm/repair"
)

// A Segment is a detected segment with its normalized text.
type Segment struct {
	detect.Segment
	// Norm is Text normalized with the segment's profile.
	Norm string
}

// Auto is the profile name that normalizes each segment with the profile of
// its language (see ProfileFor and ParseProfile).
const Auto = "auto"

// TagOptions configure a Tagger. The zero value tags with every language
// and normalizes each segment with its own language's profile.
type TagOptions struct {
	detect.Options
	// Profile, when not nil, normalizes every segment, and the white space
	// between them, with one profile.
	Profile *normalize.Profile
	// ProfileOf, when Profile is nil, gives the profile of a segment from
	// its language; the white space between segments gets
	// ProfileOf(detect.Und). nil means ProfileFor: each language its own
	// profile (the command's --profile auto).
	ProfileOf func(lang string) normalize.Profile
	// Repair repairs the text (package repair) before its languages are
	// detected, so that mojibake is tagged as the language it was: each
	// segment's Norm is its repaired text normalized, while its offsets
	// and Text are of the input as given. Zero: the repairs that Profile's
	// rules ask for (normalize.RuleSet.Repairs).
	Repair repair.Fixes
}

// ParseProfile reads a profile name as the command's --profile takes it:
// Auto (or "") is nil, each language its own profile, for
// TagOptions.Profile; any other name is normalize.Lookup's profile, or its
// error.
func ParseProfile(name string) (*normalize.Profile, error) {
	if name == "" || strings.EqualFold(name, Auto) {
		return nil, nil
	}
	p, err := normalize.Lookup(name)
	if err != nil {
		// A language the registry knows by any of its names or tags
		// ("per", "fa-AF", "urd") names its language's profile.
		l, ok := language.Lookup(name)
		if !ok {
			return nil, err
		}
		if p, err = normalize.Lookup(l.Profile); err != nil {
			return nil, err
		}
	}
	return &p, nil
}

// A Tagger tags documents. It is safe for concurrent use.
type Tagger struct {
	det       *detect.Detector
	single    *normalize.Profile
	profileOf func(lang string) normalize.Profile
	repair    repair.Fixes
	workers   int
}

// NewTagger returns a Tagger configured by opts, or the error of
// detect.NewDetector for a language or engine it does not know.
func NewTagger(opts TagOptions) (*Tagger, error) {
	det, err := detect.NewDetector(opts.Options)
	if err != nil {
		return nil, err
	}
	t := &Tagger{det: det, profileOf: opts.ProfileOf, repair: opts.Repair, workers: opts.Workers}
	if opts.Profile != nil {
		p := *opts.Profile // the caller's variable may change; the Tagger may not
		t.single = &p
		if opts.Repair == 0 {
			t.repair = p.Rules().Repairs()
		}
	}
	if t.profileOf == nil {
		t.profileOf = ProfileFor
	}
	return t, nil
}

// profile returns the profile of a segment in language lang.
func (t *Tagger) profile(lang string) normalize.Profile {
	if t.single != nil {
		return *t.single
	}
	return t.profileOf(lang)
}

// Tag returns the segments of text, each with its normalized text.
func (t *Tagger) Tag(text string) []Segment {
	var out []Segment
	for s := range t.TagSeq(text) {
		out = append(out, s)
	}
	return out
}

// TagSeq returns an iterator over the segments of text, each with its
// normalized text, as Tag returns them: a block of the document (see
// detect.Block) is analysed at a time, and its segments are normalized
// and yielded before the next, so that a caller writing them out holds
// one block's worth, not the document's.
func (t *Tagger) TagSeq(text string) iter.Seq[Segment] {
	return func(yield func(Segment) bool) {
		st := t.NewStream()
		for b := range detect.Blocks(text) {
			if !st.block(b, yield) {
				return
			}
		}
	}
}

// TagReader returns an iterator over the segments of the document r
// reads, the same as TagSeq of the whole of it, reading a block (see
// detect.ReadBlocks) at a time: the first segments come once the first
// block is read, and memory stays bounded whatever the document's length.
// A read error ends the sequence with the error.
func (t *Tagger) TagReader(r io.Reader) iter.Seq2[Segment, error] {
	return func(yield func(Segment, error) bool) {
		more := true
		err := t.NewStream().Blocks(detect.ReadBlocks(r), func(b detect.Block, segs iter.Seq[Segment]) bool {
			for s := range segs {
				if more = yield(s, nil); !more {
					return false
				}
			}
			return true
		})
		if err != nil && more {
			yield(Segment{}, err)
		}
	}
}

// A TagStream tags one document given a block at a time, in order, as
// detect.Blocks or detect.ReadBlocks find them, for callers that need the
// blocks too (such as to map offsets back to an input's encoding, see
// InputMap); TagSeq and TagReader are TagStreams. It is not safe for
// concurrent use.
type TagStream struct {
	t  *Tagger
	st *detect.Stream
	// With repair: the offset of the next repaired block in the repaired
	// document, the end of the last segment in the input, and the code
	// points and UTF-16 units of the input counted.
	fixedAt int
	prevEnd int
	count   offsetCounter
}

// NewStream returns a TagStream of a new document.
func (t *Tagger) NewStream() *TagStream { return &TagStream{t: t, st: t.det.NewStream()} }

// Segments returns an iterator over the segments of b, the document's
// block after the last one given, each with its normalized text. Offsets
// are the document's.
func (s *TagStream) Segments(b detect.Block) iter.Seq[Segment] {
	return func(yield func(Segment) bool) { s.block(b, yield) }
}

// Blocks tags the document's blocks that blocks yields, in order, and
// calls each with every block and an iterator over its segments: the
// segments Segments gives of each block in turn. Their languages are
// decided by Options.Workers goroutines in parallel, a few blocks ahead
// (see detect.Stream.Blocks); their normalization is done in order, by
// the caller's. A read error from blocks ends it and is returned; each
// returning false ends it early.
func (s *TagStream) Blocks(blocks iter.Seq2[detect.Block, error], each func(b detect.Block, segs iter.Seq[Segment]) bool) error {
	workers := s.t.workers
	if s.t.repair == 0 {
		return s.st.Blocks(blocks, workers, func(b detect.Block, segs iter.Seq[detect.Segment]) bool {
			return each(b, func(yield func(Segment) bool) {
				for seg := range segs {
					if !yield(s.t.normalized(b, seg)) {
						return
					}
				}
			})
		})
	}
	// With repair, the repaired blocks are segmented; the blocks they
	// were, and how to map back, wait in a queue that blocks' goroutine
	// (detect's reader of blocks) fills.
	type repaired struct {
		in detect.Block
		a  *repair.Alignment
	}
	var mu sync.Mutex
	var queue []repaired
	fixedBlocks := func(yield func(detect.Block, error) bool) {
		for b, err := range blocks {
			if err != nil {
				yield(b, err)
				return
			}
			fb, a := s.repairBlock(b)
			mu.Lock()
			queue = append(queue, repaired{b, a})
			mu.Unlock()
			if !yield(fb, nil) {
				return
			}
		}
	}
	return s.st.Blocks(fixedBlocks, workers, func(fb detect.Block, segs iter.Seq[detect.Segment]) bool {
		mu.Lock()
		r := queue[0]
		queue = queue[1:]
		mu.Unlock()
		ran := false
		cont := each(r.in, func(yield func(Segment) bool) {
			ran = true
			s.repairedSegments(r.in, fb, r.a, segs, yield)
		})
		if !ran { // the offsets of the next block count this one
			s.repairedSegments(r.in, fb, r.a, segs, func(Segment) bool { return false })
		}
		return cont
	})
}

func (s *TagStream) block(b detect.Block, yield func(Segment) bool) bool {
	if s.t.repair != 0 {
		return s.repairedBlock(b, yield)
	}
	for seg := range s.st.Segments(b) {
		if !yield(s.t.normalized(b, seg)) {
			return false
		}
	}
	return true
}

// repairedBlock is block with Repair: the repaired block is segmented and
// normalized, and each segment's offsets and Text are moved back to the
// input (code points and UTF-16 units counted in it). Repair works a line
// at a time, and blocks end at line breaks, so a block repaired alone is
// repaired as in the whole document.
func (s *TagStream) repairedBlock(b detect.Block, yield func(Segment) bool) bool {
	fb, a := s.repairBlock(b)
	return s.repairedSegments(b, fb, a, s.st.Segments(fb), yield)
}

// repairBlock returns block b repaired, as a block of the repaired
// document, and how to map it back to b.
func (s *TagStream) repairBlock(b detect.Block) (detect.Block, *repair.Alignment) {
	fixed, a := repair.Align(b.Text, s.t.repair)
	fb := detect.Block{Text: fixed, Start: s.fixedAt, Last: b.Last, MidLine: b.MidLine}
	s.fixedAt += len(fixed)
	return fb, a
}

// repairedSegments yields segs, the segments of fb, the repaired block b,
// normalized, with their offsets and Text moved back to b by a.
func (s *TagStream) repairedSegments(b, fb detect.Block, a *repair.Alignment, segs iter.Seq[detect.Segment], yield func(Segment) bool) bool {
	more := true
	for seg := range segs {
		out := s.t.normalized(fb, seg)
		start, end := a.Source(seg.Start-fb.Start, seg.End-fb.Start)
		// A segment that begins inside a run repaired as a whole
		// (damaged twice over) starts where the one before ended.
		out.Start = max(b.Start+start, s.prevEnd)
		out.End = max(b.Start+end, out.Start)
		s.prevEnd = out.End
		out.Text = b.Text[out.Start-b.Start : out.End-b.Start]
		out.RuneStart, out.U16Start = s.count.at(b, out.Start)
		out.RuneEnd, out.U16End = s.count.at(b, out.End)
		if more = yield(out); !more {
			break
		}
	}
	s.count.at(b, b.End()) // the next block's offsets count this one's end
	return more
}

// offsetCounter counts the code points and UTF-16 units of a document up
// to offsets that do not go back, given a block at a time (an invalid byte
// is one of each, as U+FFFD).
type offsetCounter struct{ pos, runes, u16 int }

// at counts up to off, in block b; the blocks before b must have been
// counted to their end.
func (c *offsetCounter) at(b detect.Block, off int) (runes, u16 int) {
	for c.pos < off {
		r, n := utf8.DecodeRuneInString(b.Text[c.pos-b.Start : off-b.Start])
		c.pos += n
		c.runes++
		c.u16++
		if r >= 0x10000 {
			c.u16++
		}
	}
	return c.runes, c.u16
}

// normalized returns s, a segment of block b, with its Norm.
func (t *Tagger) normalized(b detect.Block, s detect.Segment) Segment {
	if s.Neutral() && detect.IsGap(s.Text) {
		return Segment{Segment: s, Norm: t.gapNorm(b, s.Start, s.End)}
	}
	return Segment{Segment: s, Norm: t.profile(s.Lang).Apply(s.Text)}
}

// gapNorm is the normalized form of the white space text[start:end] between
// two segments (returned with Options.All). Alone it would be trimmed to
// nothing, so it is normalized between stand-ins for its neighbours on the
// same line, and they are cut off again: the profile itself decides what
// becomes of a line break, an indentation, trailing spaces or a BOM. The
// profile is that of Und: with ProfileFor, normalize.Default, which every
// language's profile includes.
func (t *Tagger) gapNorm(b detect.Block, start, end int) string {
	p := t.profile(detect.Und)
	const stand = "x"
	text, from, to := b.Text, start-b.Start, end-b.Start
	before := from > 0 && text[from-1] != '\n' && text[from-1] != '\r' || from == 0 && b.MidLine
	after := to < len(text) || !b.Last
	in := text[from:to]
	if before {
		in = stand + in
	}
	if after {
		in += stand
	}
	out := p.Apply(in)
	if before {
		if !strings.HasPrefix(out, stand) {
			return p.Apply(text[from:to])
		}
		out = out[len(stand):]
	}
	if after {
		if !strings.HasSuffix(out, stand) {
			return p.Apply(text[from:to])
		}
		out = out[:len(out)-len(stand)]
	}
	return out
}

// Tag returns the segments of text with their normalized text, with a new
// Tagger for opts.
func Tag(text string, opts TagOptions) ([]Segment, error) {
	t, err := NewTagger(opts)
	if err != nil {
		return nil, err
	}
	return t.Tag(text), nil
}

// ProfileFor returns the normalization profile of a language, as the
// language registry names it (language.ProfileName): fa (and its aliases,
// such as Dari's prs), ar, ur and ps have their own; every other language,
// and und, gets Default.
func ProfileFor(lang string) normalize.Profile {
	p, err := normalize.Lookup(language.ProfileName(lang))
	if err != nil {
		return normalize.Default
	}
	return p
}

// Normalize returns text normalized language by language: each segment is
// replaced by its own Norm and the whole is then normalized with the
// profile of Und (normalize.Default with ProfileFor, which every
// language's profile includes), for the white space between segments (line
// endings, trailing spaces, byte order marks). With one profile for all
// (TagOptions.Profile), it is that profile's Apply.
func (t *Tagger) Normalize(text string) string {
	if t.single != nil {
		return t.single.Apply(text)
	}
	return normalizeSegments(text, t.Tag(text), t.profile(detect.Und))
}

// NormalizeSegments returns text with each of its segments (as Tag returns
// them) replaced by its Norm, normalized as a whole with normalize.Default.
func NormalizeSegments(text string, segs []Segment) string {
	return normalizeSegments(text, segs, normalize.Default)
}

func normalizeSegments(text string, segs []Segment, whole normalize.Profile) string {
	var b strings.Builder
	b.Grow(len(text))
	prev := 0
	for _, s := range segs {
		if s.Neutral() && detect.IsGap(s.Text) {
			continue // white space between segments (Options.All)
		}
		b.WriteString(text[prev:s.Start])
		b.WriteString(s.Norm)
		prev = s.End
	}
	b.WriteString(text[prev:])
	return whole.Apply(b.String())
}
