package textnormbeam

import (
	"cmp"
	"context"
	"crypto/sha256"
	"strconv"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/textnorm/textnorm/diag"
	"github.com/textnorm/textnorm/jsonl"
)

func init() {
	register.DoFn2x0[Doc, func(string, Piece)](&dedupeKeyFn{})
	register.Function2x1(firstPiece)
	register.Function2x0(pieceLine)
	register.DoFn3x0[context.Context, Piece, func(Piece)](&countDroppedFn{})
	register.Emitter1[Piece]()
	register.Emitter2[string, Piece]()
	beam.RegisterType(typeOf[Piece]())
}

// DedupeOptions choose what Dedupe compares.
type DedupeOptions struct {
	// Documents compares whole documents (a file, a record's field);
	// otherwise paragraphs, runs of lines that are not blank between
	// blank lines, as "textnorm normalize --dedupe" does.
	Documents bool
	// Normalize is the normalization applied before comparing, so that
	// texts that differ only in what it removes are the same.
	Normalize NormalizeOptions
}

// A Piece is a paragraph or a document that Dedupe kept: the first of its
// copies in the order of (File, Line, Para).
type Piece struct {
	File string
	Line int // the line it starts on; a record's line for a record's field
	Para int // the paragraph's index in its document, from 0
	ID   string
	// Text is the piece as it is in the input (for a paragraph, its last
	// line end left out).
	Text string
	// Raw, Start and End are the record's, when the piece is a record's
	// whole field (see Doc).
	Raw        string
	Start, End int
	// Copies is how many times the text is in the corpus, this one
	// included.
	Copies int
}

// Dedupe returns the paragraphs (or, with opts.Documents, the documents)
// of docs that are not repeated earlier in the corpus, as a PCollection
// of Piece: each text, normalized as opts.Normalize says, is keyed by its
// 128-bit hash (SHA-256, truncated, as normalize.Deduper remembers
// paragraphs), and of the copies of a key the first by (file, line,
// paragraph) is kept, whatever order the workers see them in. The
// combine runs on the workers before the shuffle, so a paragraph that is
// in every file of a corpus crosses the network once a worker, not once
// a file. The dropped copies are counted (textnorm/dropped).
func Dedupe(s beam.Scope, docs beam.PCollection, opts DedupeOptions) (beam.PCollection, error) {
	if _, err := opts.Normalize.normalizer(); err != nil {
		return beam.PCollection{}, err
	}
	s = s.Scope("textnorm.Dedupe")
	keyed := beam.ParDo(s, &dedupeKeyFn{Opts: opts}, docs)
	first := beam.DropKey(s, beam.CombinePerKey(s, firstPiece, keyed))
	return beam.ParDo(s, &countDroppedFn{}, first), nil
}

type dedupeKeyFn struct {
	Opts DedupeOptions
	n    normalizer
}

func (f *dedupeKeyFn) Setup() (err error) { f.n, err = f.Opts.Normalize.shared(); return err }

func (f *dedupeKeyFn) ProcessElement(d Doc, emit func(string, Piece)) {
	if d.Bad() {
		return
	}
	if f.Opts.Documents {
		emit(f.key(d.Text), Piece{File: d.File, Line: max(d.Line, 1), ID: d.ID, Text: d.Text, Raw: d.Raw, Start: d.Start, End: d.End, Copies: 1})
		return
	}
	for p := range paragraphs(d.Text) {
		line := p.line
		if d.Line > 0 {
			line = d.Line
		}
		emit(f.key(p.text), Piece{File: d.File, Line: line, Para: p.index, ID: d.ID, Text: p.text, Copies: 1})
	}
}

// key is the hash of text normalized, without the line end a paragraph
// may end with, so that the last paragraph of a file without one is the
// same as one within a file.
func (f *dedupeKeyFn) key(text string) string {
	n := strings.TrimRight(f.n.apply(text), "\r\n")
	h := sha256.Sum256([]byte(n))
	return string(h[:16])
}

// firstPiece keeps the first of two copies, and counts both.
func firstPiece(a, b Piece) Piece {
	c := a.Copies + b.Copies
	if cmp.Or(cmp.Compare(b.File, a.File), cmp.Compare(b.Line, a.Line), cmp.Compare(b.Para, a.Para)) < 0 {
		a = b
	}
	a.Copies = c
	return a
}

var dropped = beam.NewCounter("textnorm", "dropped")

type countDroppedFn struct{}

func (countDroppedFn) ProcessElement(ctx context.Context, p Piece, emit func(Piece)) {
	dropped.Inc(ctx, int64(p.Copies-1))
	emit(p)
}

type paragraph struct {
	text  string
	line  int // from 1
	index int
}

// paragraphs yields the paragraphs of text: runs of lines that are not
// blank (spaces, tabs and a CR at most), with the line each starts on.
// Lines are counted as package diag counts them (a lone CR ends one too),
// paragraphs are cut at LF, as normalize.Deduper cuts them.
func paragraphs(text string) func(yield func(paragraph) bool) {
	return func(yield func(paragraph) bool) {
		line, index := 1, 0
		start := -1 // the paragraph's start, or -1 between paragraphs
		startLine := 0
		at := 0 // text[:at] is counted in line
		for i := 0; i < len(text); {
			j := strings.IndexByte(text[i:], '\n')
			end := len(text)
			if j >= 0 {
				end = i + j + 1
			}
			if blank(text[i:end]) {
				if start >= 0 {
					if !yield(paragraph{strings.TrimRight(text[start:i], "\r\n"), startLine, index}) {
						return
					}
					index++
					start = -1
				}
			} else if start < 0 {
				start = i
				line += diag.LineBreaks(text[at:i])
				at, startLine = i, line
			}
			i = end
		}
		if start >= 0 {
			yield(paragraph{strings.TrimRight(text[start:], "\r\n"), startLine, index})
		}
	}
}

func blank(l string) bool { return strings.Trim(l, " \t\r\n") == "" }

// AppendPiece appends to dst the line that the textnorm-beam command
// writes for p, without a line feed: a record's whole field as the record
// was; otherwise {"file":F,"line":L[,"id":ID],"text":T,"copies":N}.
func AppendPiece(dst []byte, p Piece) []byte {
	if p.Raw != "" {
		return append(dst, p.Raw...)
	}
	dst = append(dst, `{"file":`...)
	dst = jsonl.AppendString(dst, p.File)
	dst = append(dst, `,"line":`...)
	dst = strconv.AppendInt(dst, int64(p.Line), 10)
	if p.ID != "" {
		dst = append(dst, `,"id":`...)
		dst = append(dst, p.ID...)
	}
	dst = append(dst, `,"text":`...)
	dst = jsonl.AppendString(dst, p.Text)
	dst = append(dst, `,"copies":`...)
	dst = strconv.AppendInt(dst, int64(p.Copies), 10)
	return append(dst, '}')
}

// PieceLines returns the lines of pieces, a PCollection of Piece, as
// AppendPiece writes them.
func PieceLines(s beam.Scope, pieces beam.PCollection) beam.PCollection {
	return beam.ParDo(s.Scope("textnorm.PieceLines"), pieceLine, pieces)
}

func pieceLine(p Piece, emit func(string)) { emit(string(AppendPiece(nil, p))) }
