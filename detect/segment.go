package detect

import (
	"io"
	"iter"

	"github.com/textnorm/textnorm/engine"
	"github.com/textnorm/textnorm/internal/langid"
	"github.com/textnorm/textnorm/internal/ordered"
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
	// Doc is what a document is: the whole text (DocFile, the zero
	// value), each paragraph or each line. Context never crosses a
	// document's edge.
	Doc Doc
	// MinConf is the least confidence a span of a script with more than
	// one language needs to keep its language: below it, the span is Und
	// (its confidence kept). 0 keeps every span's best guess. Confidences
	// are calibrated: of the spans given about p, about p are right (on
	// testdata/langeval's strings, each a document of its own; see the
	// README's reliability table).
	MinConf float64
	// Workers is how many goroutines decide the pieces of a document read
	// a block at a time (SegmentsReader, Stream.Blocks) in parallel; 0 or
	// 1 means the caller's alone. The segments are the same whatever it
	// is.
	Workers int
	// Engine is the statistics that language identification weighs with
	// orthography and context; nil means textnorm's default, the n-gram
	// engine registered as "default" (built from lingua-go's models, with
	// no lingua-go code at run time). An engine that is
	// engine.Standalone decides each span alone (lingua-go's, in package
	// engine/lingua). engine.Open finds engines by name.
	Engine engine.Engine
}

// A Detector segments documents. It is safe for concurrent use; language
// models are loaded on first use, only for the languages a document needs,
// and shared by all Detectors.
type Detector struct {
	opts Options
	id   *langid.Identifier
}

// NewDetector returns a Detector configured by opts. A language of
// opts.Langs that textnorm does not know is an error, a
// *diag.UnknownError: a misspelt code would otherwise lift the restriction
// without a word.
func NewDetector(opts Options) (*Detector, error) {
	langs, err := checkLangs(opts.Langs)
	if err != nil {
		return nil, err
	}
	opts.Langs = langs
	if opts.ContextRuns <= 0 {
		opts.ContextRuns = 8
	}
	return &Detector{opts: opts, id: langid.New(langid.Options{Langs: opts.Langs, Scorer: opts.Engine})}, nil
}

// Segments partitions text into segments, as Detector.Segments does with
// the given options, or returns NewDetector's error.
func Segments(text string, opts Options) ([]Segment, error) {
	d, err := NewDetector(opts)
	if err != nil {
		return nil, err
	}
	return d.Segments(text), nil
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
	var segs []Segment
	for s := range d.SegmentsSeq(text) {
		segs = append(segs, s)
	}
	return segs
}

// SegmentsSeq returns an iterator over the segments of text, as Segments
// returns them. The document is worked on a block of lines (see Block) at
// a time: the segments of a block come before the next block is
// analysed, and only one block's analysis is held at a time.
func (d *Detector) SegmentsSeq(text string) iter.Seq[Segment] {
	return func(yield func(Segment) bool) {
		st := d.NewStream()
		for b := range Blocks(text) {
			if !st.block(b, yield) {
				return
			}
		}
	}
}

// SegmentsReader returns an iterator over the segments of the document r
// reads, the same as SegmentsSeq of the whole of it: it reads a block
// (see ReadBlocks) at a time, and yields the block's segments before it
// reads the next, so that memory stays bounded whatever the document's
// length. A read error ends the sequence with the error.
func (d *Detector) SegmentsReader(r io.Reader) iter.Seq2[Segment, error] {
	return func(yield func(Segment, error) bool) {
		more := true
		err := d.NewStream().Blocks(ReadBlocks(r), d.opts.Workers, func(b Block, segs iter.Seq[Segment]) bool {
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

// A Stream segments one document given a block at a time, in order, as
// Blocks or ReadBlocks find them: what the document's blocks share (its
// context, the offsets reached) goes from one to the next. It is for
// callers that need the blocks themselves too, such as to map offsets
// back to an input's encoding; SegmentsSeq and SegmentsReader are
// Streams. A Stream is not safe for concurrent use.
type Stream struct{ p *pipeline }

// NewStream returns a Stream of a new document.
func (d *Detector) NewStream() *Stream { return &Stream{p: newPipeline(d)} }

// Segments returns an iterator over the segments of b, the document's
// block after the last one given. Offsets are the document's.
func (s *Stream) Segments(b Block) iter.Seq[Segment] {
	return func(yield func(Segment) bool) { s.block(b, yield) }
}

func (s *Stream) block(b Block, yield func(Segment) bool) bool { return s.p.block(b, yield) }

// Blocks segments the document's blocks that blocks yields, in order,
// and calls each with every block and an iterator over its segments: the
// segments Segments gives of each block in turn, whatever workers is. The
// pieces of the blocks (see Block) are decided by workers goroutines in
// parallel, a few blocks ahead of each (by the caller's alone for workers
// at most 1). A read error from blocks ends it and is returned; each
// returning false ends it early. Segments each does not take are skipped.
func (s *Stream) Blocks(blocks iter.Seq2[Block, error], workers int, each func(b Block, segs iter.Seq[Segment]) bool) error {
	all := func(yield func(*piece) bool) {
		for b, err := range blocks {
			if err != nil {
				yield(&piece{err: err})
				return
			}
			if !pieces(b, s.p.d.opts.Doc, yield) {
				return
			}
		}
	}
	d := s.p.d
	next, stop := iter.Pull(ordered.Map(all, workers, func(pc *piece) *piece {
		if pc.err == nil {
			d.decide(pc)
		}
		return pc
	}))
	defer stop()
	pc, ok := next()
	for ok {
		if pc.err != nil {
			return pc.err
		}
		b := pc.b
		s.p.out.start(b)
		inBlock := func() bool { return ok && pc.err == nil && pc.b.Start == b.Start }
		ended := false  // the block's pieces are all written
		closed := false // and its end
		advance := func() {
			last := pc.last
			pc, ok = next()
			ended = last
		}
		segs := func(yield func(Segment) bool) {
			for !ended && inBlock() {
				more := s.p.write(pc, yield)
				advance()
				if !more {
					return
				}
			}
			if ended {
				closed = true
				s.p.out.end(yield)
			}
		}
		cont := each(b, segs)
		// What each left of the block goes through the writer unseen, so
		// that the next block's offsets count it.
		skip := func(Segment) bool { return true }
		for !ended && inBlock() {
			s.p.write(pc, skip)
			advance()
		}
		if !closed {
			s.p.out.end(skip)
		}
		if !cont {
			return nil
		}
	}
	return nil
}

func init() {
	engine.Register("default", func() engine.Engine { return langid.DefaultNgram() })
}
