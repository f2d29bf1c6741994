package textnorm

import (
	"bytes"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/textnorm/textnorm/detect"
	"github.com/textnorm/textnorm/diag"
	"github.com/textnorm/textnorm/jsonl"
	"github.com/textnorm/textnorm/script"
)

// Format is an output format of tagged segments, the formats of "textnorm
// tag --format". A *Format is a flag.Value; the zero value is JSONL.
type Format uint8

const (
	// JSONL writes one JSON object a segment, a line each (AppendJSON).
	JSONL Format = iota
	// JSON writes a JSON array of the same objects, one a line.
	JSON
	// TSV writes tab-separated values under a header line (AppendTSV).
	TSV
)

var formatNames = []string{"jsonl", "json", "tsv"}

// ParseFormat returns the format named "jsonl", "json" or "tsv" (in any
// case). An unknown name is a *diag.UnknownError of Kind "format".
func ParseFormat(name string) (Format, error) {
	i, err := diag.Choose("format", name, formatNames)
	return Format(max(i, 0)), err
}

func nameOf(names []string, i int, typ string) string {
	if i < len(names) {
		return names[i]
	}
	return typ + "(" + strconv.Itoa(i) + ")"
}

// String returns the format's name.
func (f Format) String() string { return nameOf(formatNames, int(f), "Format") }

// Set sets f to the format named name (see ParseFormat).
func (f *Format) Set(name string) error {
	v, err := ParseFormat(name)
	if err == nil {
		*f = v
	}
	return err
}

// AppendSegment appends segment s to dst as one record of format f, a
// whole line: the JSON object of AppendJSON and a line feed for JSONL and
// JSON (the array's brackets and commas are the SegmentWriter's), the row
// of AppendTSV for TSV.
func (f Format) AppendSegment(dst []byte, s Segment, l JSONLine) []byte {
	if f == TSV {
		return AppendTSV(dst, s, l)
	}
	return append(AppendJSON(dst, s, l), '\n')
}

// WriteSegments writes to w the records of segs, the segments of the
// document text as Tagger.Tag returns them, a buffer at a time. When
// l.Line is 0, each record's line is that of its segment's start in text
// (lines as package diag numbers them); otherwise every record has l.Line,
// as the segments of a JSON Lines record's field have the record's line.
// It writes records only: several documents' records go through one
// SegmentWriter, which adds what comes around and between them.
func (f Format) WriteSegments(w io.Writer, text string, segs []Segment, l JSONLine) error {
	return f.WriteSeq(w, text, slices.Values(segs), l)
}

// WriteSeq is WriteSegments for segments as Tagger.TagSeq yields them, in
// order: they are written as they come, 32 KB at a time, and none is held.
// Lines are counted forward as the segments go.
func (f Format) WriteSeq(w io.Writer, text string, segs iter.Seq[Segment], l JSONLine) error {
	dw := f.NewDocWriter(w, l)
	if err := dw.WriteBlock(detect.Block{Text: text, Last: true}, segs); err != nil {
		return err
	}
	return dw.Flush()
}

// A DocWriter writes the segments of one document in a format as they
// come, a block of the document at a time (see detect.Block and
// TagStream): the records of a block go out 32 KB at a time, and only the
// line count goes from one block to the next.
type DocWriter struct {
	w          io.Writer
	f          Format
	l          JSONLine
	perSegment bool // each segment's line is counted (l.Line is 0)
	lines      diag.Counter
	counted    int  // the document up to here is fed to lines
	last       byte // the byte before counted
	buf        []byte
}

// NewDocWriter returns a writer of the segments of one document to w in
// format f, each with what l says; l.Line 0 numbers the lines of the
// document (as package diag does), one line for all of its segments
// otherwise (a JSON Lines record's).
func (f Format) NewDocWriter(w io.Writer, l JSONLine) *DocWriter {
	return &DocWriter{w: w, f: f, l: l, perSegment: l.Line == 0}
}

// WriteBlock writes segs, the segments of block b, the document's block
// after the last one written.
func (d *DocWriter) WriteBlock(b detect.Block, segs iter.Seq[Segment]) error {
	for s := range segs {
		if d.perSegment {
			d.count(b, s.Start)
			d.l.Line = d.lines.Pos().Line
			if s.Start > 0 && d.last == '\r' && b.Text[s.Start-b.Start] != '\n' {
				d.l.Line++ // a lone CR before the segment ends its line
			}
		}
		d.buf = d.f.AppendSegment(d.buf, s, d.l)
		if len(d.buf) >= 32<<10 {
			if err := d.Flush(); err != nil {
				return err
			}
		}
	}
	if d.perSegment {
		d.count(b, b.End())
	}
	return nil
}

// count feeds the lines counter the document up to off, in block b.
func (d *DocWriter) count(b detect.Block, off int) {
	if off > d.counted {
		d.lines.WriteString(b.Text[d.counted-b.Start : off-b.Start])
		d.last = b.Text[off-b.Start-1]
		d.counted = off
	}
}

// Flush writes the records not written yet.
func (d *DocWriter) Flush() error {
	if len(d.buf) == 0 {
		return nil
	}
	_, err := d.w.Write(d.buf)
	d.buf = d.buf[:0]
	return err
}

// TSVHeader returns the header line of TSV output with the offsets o, its
// line feed included: file, line, start, end, script, lang, tag, dir,
// conf, text, norm, then rune_start, rune_end, u16_start, u16_end when
// asked for.
func TSVHeader(o Offsets) string {
	h := "file\tline\tstart\tend\tscript\tlang\ttag\tdir\tconf\ttext\tnorm"
	if o&RuneOffsets != 0 {
		h += "\trune_start\trune_end"
	}
	if o&UTF16Offsets != 0 {
		h += "\tu16_start\tu16_end"
	}
	return h + "\n"
}

// AppendTSV appends segment s to dst as a TSV row, its line feed included,
// with the columns of TSVHeader(l.Offsets). A tab, line break or backslash
// in a string is escaped as \t, \n, \r or \\, so that a row is a line;
// conf has four decimals.
func AppendTSV(dst []byte, s Segment, l JSONLine) []byte {
	num := func(v int) { dst = strconv.AppendInt(dst, int64(v), 10); dst = append(dst, '\t') }
	field := func(v string) { dst = appendTSVField(dst, v); dst = append(dst, '\t') }
	field(l.File)
	num(l.Line)
	num(l.byteOffset(s.Start))
	num(l.byteOffset(s.End))
	field(s.Script.String())
	field(s.Lang)
	field(s.Tag())
	field(s.Dir.String())
	dst = strconv.AppendFloat(dst, s.Conf, 'f', 4, 64)
	dst = append(dst, '\t')
	field(s.Text)
	field(s.Norm)
	if l.Offsets&RuneOffsets != 0 {
		num(s.RuneStart)
		num(s.RuneEnd)
	}
	if l.Offsets&UTF16Offsets != 0 {
		num(s.U16Start)
		num(s.U16End)
	}
	dst[len(dst)-1] = '\n'
	return dst
}

// appendTSVField appends v with tabs, line breaks and backslashes escaped.
func appendTSVField(dst []byte, v string) []byte {
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '\\':
			dst = append(dst, '\\', '\\')
		case '\t':
			dst = append(dst, '\\', 't')
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// A SegmentWriter writes tagged segments to an io.Writer in a Format: for
// TSV, the header first; for JSON, the array around the records. Close
// ends the output (a TSV header, an empty array, when nothing was
// written) and must be called; it does not close the underlying writer.
//
// Records can also be made apart, with Format.AppendSegment or
// Format.WriteSegments (concurrently, for documents processed in
// parallel), and written in their order through one SegmentWriter with
// Write, which takes whole lines of records, in pieces or several at once.
type SegmentWriter struct {
	w       io.Writer
	format  Format
	offsets Offsets
	started bool // the header, or the array's "[", is written
	mid     bool // JSON: in the middle of a record's line
	out     []byte
}

// NewSegmentWriter returns a writer of segments to w in format f, with the
// offsets o besides the byte offsets.
func NewSegmentWriter(w io.Writer, f Format, o Offsets) *SegmentWriter {
	return &SegmentWriter{w: w, format: f, offsets: o}
}

// WriteSegments writes the segments of the document text of the input
// named file (see Format.WriteSegments for line; 0 numbers the lines of
// text).
func (w *SegmentWriter) WriteSegments(file string, line int, text string, segs []Segment) error {
	return w.format.WriteSegments(w, text, segs, JSONLine{File: file, Line: line, Offsets: w.offsets})
}

// Write writes records encoded in the writer's format with its offsets,
// such as Format.WriteSegments writes: whole lines, cut anywhere.
func (w *SegmentWriter) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	out := w.out[:0]
	switch w.format {
	case JSON:
		// A record's line feed is written when the next record or the
		// end comes: a comma goes before it, or nothing.
		for rest := p; len(rest) > 0; {
			if !w.mid {
				if w.started {
					out = append(out, ",\n  "...)
				} else {
					out = append(out, "[\n  "...)
					w.started = true
				}
				w.mid = true
			}
			i := bytes.IndexByte(rest, '\n')
			if i < 0 {
				out = append(out, rest...)
				break
			}
			out = append(out, rest[:i]...)
			rest = rest[i+1:]
			w.mid = false
		}
	case TSV:
		if !w.started {
			out = append(out, TSVHeader(w.offsets)...)
			w.started = true
		}
		out = append(out, p...)
	default:
		out = append(out, p...)
	}
	w.out = out
	if _, err := w.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Close ends the output: the end of the JSON array, or the TSV header of
// an output without segments.
func (w *SegmentWriter) Close() error {
	var end string
	switch {
	case w.format == JSON && w.started:
		end = "\n]\n"
	case w.format == JSON:
		end = "[\n]\n"
	case w.format == TSV && !w.started:
		end = TSVHeader(w.offsets)
	}
	w.started = true
	if end == "" {
		return nil
	}
	_, err := io.WriteString(w.w, end)
	return err
}

// DetectFormat is an output format of detections, the formats of
// "textnorm detect --format". A *DetectFormat is a flag.Value; the zero
// value is DetectText.
type DetectFormat uint8

const (
	// DetectText writes "TAG CONF" a line, such as "fa-Arab 0.9904",
	// after "FILE:LINE: " when the writer names the inputs.
	DetectText DetectFormat = iota
	// DetectJSONL writes one JSON object a line: v, file, line, script,
	// lang, tag, conf.
	DetectJSONL
	// DetectTSV writes tab-separated values under a header line: file,
	// line, script, lang, tag, conf.
	DetectTSV
)

var detectFormatNames = []string{"text", "jsonl", "tsv"}

// detectionVersion is the "v" of a detection's JSON object.
const detectionVersion = 1

// ParseDetectFormat returns the format named "text", "jsonl" or "tsv" (in
// any case). An unknown name is a *diag.UnknownError of Kind "format".
func ParseDetectFormat(name string) (DetectFormat, error) {
	i, err := diag.Choose("format", name, detectFormatNames)
	return DetectFormat(max(i, 0)), err
}

// String returns the format's name.
func (f DetectFormat) String() string {
	return nameOf(detectFormatNames, int(f), "DetectFormat")
}

// Set sets f to the format named name (see ParseDetectFormat).
func (f *DetectFormat) Set(name string) error {
	v, err := ParseDetectFormat(name)
	if err == nil {
		*f = v
	}
	return err
}

// A Detection is the dominant script and language of a line of a document,
// or of a whole document (such as a JSON Lines record's field): what
// "textnorm detect" writes.
type Detection struct {
	File   string        // the input's name
	Line   int           // the line, from 1
	Script script.Script // Common (Zyyy) for a line without letters
	Lang   string        // detect.Und for a line without letters
	Conf   float64       // 0..1
}

// Tag returns the detection's BCP 47 tag, language and script, such as
// "fa-Arab".
func (d Detection) Tag() string { return d.Lang + "-" + d.Script.String() }

// Dominant returns the detection of the segments as a whole: the script
// and language that hold the most text (see detect.Dominant). File and
// Line are left for the caller.
func Dominant(segs []detect.Segment) Detection {
	sc, lang, conf := detect.Dominant(segs)
	return Detection{Script: sc, Lang: lang, Conf: conf}
}

// DetectLines returns a detection for each line of text (lines as package
// diag numbers them: LF, CR LF and a lone CR end one; a text that ends
// with a line break has no empty line after it), from segs, the segments
// of text as detect.Detector.Segments returns them. File is left for the
// caller.
func DetectLines(text string, segs []detect.Segment) []Detection {
	var ld LineDetector
	var ds []Detection
	ld.Block(detect.Block{Text: text, Last: true}, slices.Values(segs), func(d Detection) error {
		ds = append(ds, d)
		return nil
	})
	return ds
}

// A LineDetector finds the detection of each line of a document, as
// DetectLines does, a block of the document at a time (see detect.Block
// and detect.Stream): a line cut between two blocks is one detection, of
// its segments in both. It holds no segment and no line, only the counts
// of the line it is in.
type LineDetector struct {
	line  int // the lines done
	tally detect.Tally
}

// Block calls emit with the detection of each line of block b that ends
// in it (or with it, the last), from segs, its segments, in order; b is
// the document's block after the last one given. An error of emit stops
// it and is returned.
func (ld *LineDetector) Block(b detect.Block, segs iter.Seq[detect.Segment], emit func(Detection) error) error {
	text := b.Text
	at := 0 // the start of the line, in text
	end := lineEnd(text, at)
	done := func() error {
		sc, lang, conf := ld.tally.Dominant()
		ld.line++
		ld.tally.Reset()
		return emit(Detection{Line: ld.line, Script: sc, Lang: lang, Conf: conf})
	}
	for s := range segs {
		for s.Start-b.Start >= end && end < len(text) {
			if err := done(); err != nil {
				return err
			}
			at, end = end, lineEnd(text, end)
		}
		ld.tally.Add(s)
	}
	for at < len(text) {
		if end == len(text) && !b.Last && !endsLine(text) {
			return nil // the line goes on in the next block
		}
		if err := done(); err != nil {
			return err
		}
		at, end = end, lineEnd(text, end)
	}
	return nil
}

// lineEnd returns the end of the line of text that starts at start, its
// line break (LF, CR LF or a lone CR) included.
func lineEnd(text string, start int) int {
	i := strings.IndexAny(text[start:], "\r\n")
	if i < 0 {
		return len(text)
	}
	i += start
	if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
		i++
	}
	return i + 1
}

// endsLine reports whether text ends with a line break.
func endsLine(text string) bool {
	return strings.HasSuffix(text, "\n") || strings.HasSuffix(text, "\r")
}

// AppendDetection appends d to dst in format f, as a line. In the text
// format, named puts "FILE:LINE: " before the tag, as grep names the file
// of a line when it reads several, FILE as diag.QuoteName prints it; the
// other formats always name them, each with its own escapes.
func (f DetectFormat) AppendDetection(dst []byte, d Detection, named bool) []byte {
	switch f {
	case DetectJSONL:
		dst = append(dst, `{"v":`...)
		dst = strconv.AppendInt(dst, detectionVersion, 10)
		dst = append(dst, `,"file":`...)
		dst = jsonl.AppendString(dst, d.File)
		dst = append(dst, `,"line":`...)
		dst = strconv.AppendInt(dst, int64(d.Line), 10)
		dst = append(dst, `,"script":`...)
		dst = jsonl.AppendString(dst, d.Script.String())
		dst = append(dst, `,"lang":`...)
		dst = jsonl.AppendString(dst, d.Lang)
		dst = append(dst, `,"tag":`...)
		dst = jsonl.AppendString(dst, d.Tag())
		dst = append(dst, `,"conf":`...)
		dst = strconv.AppendFloat(dst, d.Conf, 'f', 4, 64)
		dst = append(dst, '}')
	case DetectTSV:
		dst = appendTSVField(dst, d.File)
		dst = append(dst, '\t')
		dst = strconv.AppendInt(dst, int64(d.Line), 10)
		for _, v := range []string{d.Script.String(), d.Lang, d.Tag()} {
			dst = append(dst, '\t')
			dst = appendTSVField(dst, v)
		}
		dst = append(dst, '\t')
		dst = strconv.AppendFloat(dst, d.Conf, 'f', 4, 64)
	default:
		if named {
			dst = append(dst, diag.QuoteName(d.File)...)
			dst = append(dst, ':')
			dst = strconv.AppendInt(dst, int64(d.Line), 10)
			dst = append(dst, ": "...)
		}
		dst = append(dst, d.Tag()...)
		dst = append(dst, ' ')
		dst = strconv.AppendFloat(dst, d.Conf, 'f', 4, 64)
	}
	return append(dst, '\n')
}

// DetectTSVHeader is the header line of DetectTSV output.
const DetectTSVHeader = "file\tline\tscript\tlang\ttag\tconf\n"

// A DetectionWriter writes detections to an io.Writer in a DetectFormat,
// the TSV header first. Close ends the output (the header, when nothing
// was written) and must be called; it does not close the underlying
// writer. As with SegmentWriter, lines made apart with
// DetectFormat.AppendDetection can be written in order with Write.
type DetectionWriter struct {
	w       io.Writer
	format  DetectFormat
	named   bool
	started bool
	buf     []byte
}

// NewDetectionWriter returns a writer of detections to w in format f; with
// named, the text format names each line's input and line.
func NewDetectionWriter(w io.Writer, f DetectFormat, named bool) *DetectionWriter {
	return &DetectionWriter{w: w, format: f, named: named}
}

// WriteDetections writes ds.
func (w *DetectionWriter) WriteDetections(ds ...Detection) error {
	w.buf = w.buf[:0]
	for _, d := range ds {
		w.buf = w.format.AppendDetection(w.buf, d, w.named)
	}
	_, err := w.Write(w.buf)
	return err
}

// Write writes lines made by the writer's format's AppendDetection.
func (w *DetectionWriter) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if err := w.start(); err != nil {
		return 0, err
	}
	return w.w.Write(p)
}

func (w *DetectionWriter) start() error {
	if w.started {
		return nil
	}
	w.started = true
	if w.format != DetectTSV {
		return nil
	}
	_, err := io.WriteString(w.w, DetectTSVHeader)
	return err
}

// Close writes the TSV header of an output without detections.
func (w *DetectionWriter) Close() error { return w.start() }
