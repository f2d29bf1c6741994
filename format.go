package textnorm

import (
	"bytes"
	"io"
	"iter"
	"slices"
	"strconv"

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
	var lines diag.Counter
	counted := 0 // text[:counted] is fed to lines
	perSegment := l.Line == 0
	var buf []byte
	for s := range segs {
		if perSegment {
			lines.WriteString(text[counted:s.Start])
			counted = s.Start
			l.Line = lines.Pos().Line
			if s.Start > 0 && text[s.Start-1] == '\r' && text[s.Start] != '\n' {
				l.Line++ // a lone CR before the segment ends its line
			}
		}
		buf = f.AppendSegment(buf, s, l)
		if len(buf) >= 32<<10 {
			if _, err := w.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	if len(buf) > 0 {
		_, err := w.Write(buf)
		return err
	}
	return nil
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
	lines := diag.NewLines(text)
	ds := make([]Detection, 0, lines.Count())
	k := 0
	for n := 1; n <= lines.Count(); n++ {
		_, end := lines.SpanOf(text, n)
		i := k
		for k < len(segs) && segs[k].Start < end {
			k++
		}
		d := Dominant(segs[i:k])
		d.Line = n
		ds = append(ds, d)
	}
	return ds
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
