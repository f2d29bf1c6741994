package main

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"

	"github.com/textnorm/textnorm"
	"github.com/textnorm/textnorm/detect"
	"github.com/textnorm/textnorm/engine"
	"github.com/textnorm/textnorm/internal/ordered"
	"github.com/textnorm/textnorm/jsonl"
	"github.com/textnorm/textnorm/language"
	"github.com/textnorm/textnorm/normalize"
)

// docInput is one document to tag or detect: a whole file, read a block at
// a time from r, or with --jsonl the field of a record.
type docInput struct {
	line int       // the record's line, or 0 for a whole file
	id   []byte    // the record's --id field, as JSON
	text string    // the record's field
	r    io.Reader // the file's text, for a whole file
	// errLine is a bad record's error line (--errors=inline), to write in
	// its place: no document.
	errLine []byte
}

// forEachDoc calls fn with the input's document, or with --jsonl with the
// field of each of its records (bad records are reported and skipped, or
// with --errors=inline written as their error lines, in their place).
// With workers above 1, records are done that many at a time, each into a
// buffer of its own, and written to out in order.
func forEachDoc(src *source, field, id string, workers int, w *jobOutput, out *docOutput, fn func(d docInput, w *docOutput) error) error {
	record := func(r *jsonl.Record) docInput {
		d := docInput{line: r.Line, text: r.Text}
		if id != "" {
			if d.id = r.Value(id); d.id == nil {
				d.id = []byte("null") // a record without one still joins by line
			}
		}
		return d
	}
	if field == "" {
		return fn(docInput{r: src.text}, out)
	}
	if workers <= 1 {
		return forEachRecord(src, field, w, func(r *jsonl.Record) error {
			if !r.OK {
				if line := inlineError(src, r, true); line != nil {
					_, err := out.Write(line)
					return err
				}
				return nil
			}
			d := record(r)
			if len(r.Raw) > maxHeldRecord {
				// tag and detect need the field's text alone: the line
				// it came from can go while the text is worked on.
				r.Raw = nil
			}
			return fn(d, out)
		})
	}
	var readErr error
	records := func(yield func(docInput) bool) {
		readErr = forEachRecord(src, field, w, func(r *jsonl.Record) error {
			var d docInput
			switch line := inlineError(src, r, true); {
			case r.OK:
				d = record(r)
			case line != nil:
				d = docInput{line: r.Line, errLine: line}
			default:
				return nil
			}
			if !yield(d) {
				return errStopped
			}
			return nil
		})
	}
	type result struct {
		out    []byte
		err    error
		inline *docInput // a record too long to hold its output: done in turn, into out
	}
	for res := range ordered.Map(records, workers, func(d docInput) result {
		if d.errLine != nil {
			return result{out: d.errLine}
		}
		if len(d.text) > maxHeldRecord {
			return result{inline: &d}
		}
		var buf bytes.Buffer
		one := &docOutput{Writer: bufio.NewWriter(&buf)}
		err := fn(d, one)
		if ferr := one.Writer.Flush(); err == nil {
			err = ferr
		}
		return result{out: buf.Bytes(), err: err}
	}) {
		if res.inline != nil {
			res.err = fn(*res.inline, out)
		}
		if res.err != nil {
			return res.err
		}
		if _, err := out.Write(res.out); err != nil {
			return err
		}
	}
	if errors.Is(readErr, errStopped) {
		return nil
	}
	return readErr
}

// maxHeldRecord is the longest record field whose output a worker holds
// (its segments run to several times its length): a longer one is done in
// its turn, its output streamed, so that memory follows the record.
const maxHeldRecord = 1 << 20

// errStopped ends a walk over records that its caller left.
var errStopped = errors.New("stopped")

// runDocs runs fn on each input's documents, in parallel, output in order
// to out. fn writes to a docOutput, whose Flush sends what it holds on,
// through flushOut too when its input is first in line, so that output
// that comes a block at a time reaches standard output a block at a time.
func runDocs(e *env, f *docFlags, names []string, out io.Writer, flushOut func() error, fn func(src *source, d docInput, w *docOutput) error) error {
	ins := expandInputs(names, f.recur)
	workers := blockWorkers(f, names)
	opts := f.inputOptions()
	counter, stop := startProgress(e, ins)
	failed, werr := runJobs(e, len(ins), int(f.jobs), out, func(i int, w *jobOutput) {
		if ins[i].err != nil {
			w.report(ins[i].err)
			return
		}
		src, err := openSource(e, ins[i], opts, counter)
		if err != nil {
			w.report(err)
			return
		}
		defer src.Close()
		dw := &docOutput{Writer: bufio.NewWriterSize(w, 32<<10), job: w, flushOut: flushOut}
		err = forEachDoc(src, f.field, f.id, workers, w, dw, func(d docInput, out *docOutput) error { return fn(src, d, out) })
		if ferr := dw.Writer.Flush(); err == nil {
			err = ferr
		}
		if err != nil && !w.s.writeFailed() {
			w.report(err)
		}
	})
	stop()
	return finalStatus(failed, werr, false)
}

// A docOutput is where a document's output goes: a buffer before the
// job's output.
type docOutput struct {
	*bufio.Writer
	job      *jobOutput
	flushOut func() error
}

// Flush writes out what the output holds, as far as standard output when
// the job is first in line (a record's own buffer, with no job, only
// into the buffer).
func (d *docOutput) Flush() error {
	if err := d.Writer.Flush(); err != nil || d.job == nil {
		return err
	}
	return d.job.flush(d.flushOut)
}

// detectFlags are the flags of tag and detect that choose the languages.
type detectFlags struct {
	langs  language.List
	engine engine.Name
	doc    detect.Doc
	min    minConf
	all    bool
}

// minConf is --min-conf: a confidence from 0 to 1.
type minConf float64

func (c *minConf) String() string { return strconv.FormatFloat(float64(*c), 'g', -1, 64) }

func (c *minConf) Set(s string) error {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || !(v >= 0 && v <= 1) {
		return fmt.Errorf("%q is not a confidence from 0 to 1", s)
	}
	*c = minConf(v)
	return nil
}

// detectSynopsis names the engines this build has: lingua only with -tags lingua.
var detectSynopsis = "[--langs L,...] [--engine " + strings.Join(engine.Names(), "|") + "] [--doc file|paragraph|line] [--min-conf P]"

func (f *detectFlags) register(fs *flag.FlagSet) {
	fs.Var(&f.langs, "langs", "comma-separated `languages` to consider, such as en,fa,ar, in the scripts they are written in (default: all)")
	fs.Var(&f.engine, "engine", "the `engine` of statistics: "+engineUsage)
	fs.Var(&f.min, "min-conf", "the least calibrated `confidence` (0 to 1) a span needs to keep its language; under it, und (default 0: every span with letters gets its best guess)")
	fs.Var(&f.doc, "doc", "what a `document` is, which context never crosses: file (the default), paragraph (blocks between blank lines) or line; a JSON Lines record is always one")
}

// engineUsage says what each engine of this build is.
var engineUsage = func() string {
	about := map[string]string{
		"default": "default (textnorm's n-grams, built from lingua-go's models)",
		"lingua":  "lingua (lingua-go alone; in a build with -tags lingua)",
	}
	var parts []string
	for _, n := range engine.Names() {
		if a, ok := about[n]; ok {
			parts = append(parts, a)
		} else {
			parts = append(parts, n)
		}
	}
	return strings.Join(parts, ", ")
}()

// options returns the detect options of the flags. The engine was checked
// by its flag, so opening it fails only if its package does.
func (f *detectFlags) options() (detect.Options, error) {
	e, err := f.engine.Open()
	if err != nil {
		return detect.Options{}, err
	}
	return detect.Options{Langs: f.langs, Engine: e, All: f.all, Doc: f.doc, MinConf: float64(f.min)}, nil
}

// blockWorkers is how many goroutines decide the blocks of an input: -j
// when there is one input (a big file, or standard input), whose blocks
// are then what -j spreads; one when -j spreads the inputs.
func blockWorkers(f *docFlags, names []string) int {
	if len(names) <= 1 && !f.recur {
		return int(f.jobs)
	}
	return 1
}

type tagFlags struct {
	profile profileFlag
	with    normalize.RuleList
	format  textnorm.Format
	offsets textnorm.Offsets
	detectFlags
	docFlags
}

var tagCommand = &command{
	name:    "tag",
	summary: "split text into segments of one script and language, normalized",
	synopsis: "[--profile auto|P] [--with RULES] [--format jsonl|json|tsv] [--offsets byte,rune,utf16] [--all] [--id NAME]\n" +
		"                    " + detectSynopsis + "\n" +
		"                    " + docSynopsis,
	example: "textnorm tag --offsets byte,rune,utf16 testdata/sample/news_fa_en.txt\n" +
		"  textnorm tag --jsonl --field text pages.jsonl   # each record's text; \"line\" is the record's line",
	setup: func(fs *flag.FlagSet) func(*env, []string) error {
		f := &tagFlags{}
		fs.Var(&f.profile, "profile", profileUsage+profileNames())
		fs.Var(&f.with, "with", "comma-separated `rules` to add to every segment's profile; mojibake and html-entities repair the text before its languages are detected")
		fs.Var(&f.format, "format", "output `format`: jsonl (a segment a line), json (an array) or tsv")
		fs.Var(&f.offsets, "offsets", "the offset `units` to write, comma-separated: byte (always), rune (code points) and utf16 (UTF-16 units)")
		fs.BoolVar(&f.all, "all", false, "also write the white space between segments, so that the segments concatenated are the input")
		fs.StringVar(&f.id, "id", "", "with --jsonl: the `name` of a top-level field each segment carries as \"id\" (its JSON value; null where a record has none), to join segments back to their records")
		f.detectFlags.register(fs)
		f.docFlags.register(fs)
		return func(e *env, names []string) error { return runTag(e, f, names) }
	},
}

func runTag(e *env, f *tagFlags, names []string) error {
	if err := f.docFlags.check(); err != nil {
		return err
	}
	switch {
	case f.id != "" && !f.jsonl:
		return usageError("--id goes with --jsonl")
	case f.id != "" && f.format == textnorm.TSV:
		return usageError("--id needs --format jsonl or json")
	case f.inline() && f.format == textnorm.TSV:
		return usageError("--errors=inline needs --format jsonl or json: an error line is a JSON object")
	}
	opts, err := f.options()
	if err != nil {
		return err
	}
	opts.Workers = blockWorkers(&f.docFlags, names)
	topts := textnorm.TagOptions{Options: opts, Profile: f.profile.p}
	if len(f.with) > 0 {
		if topts.Profile != nil {
			p := topts.Profile.With(f.with...)
			topts.Profile = &p
		} else {
			topts.ProfileOf = func(lang string) normalize.Profile { return textnorm.ProfileFor(lang).With(f.with...) }
			topts.Repair = normalize.RuleSet(0).With(f.with...).Repairs()
		}
	}
	tagger, err := textnorm.NewTagger(topts)
	if err != nil {
		return err
	}
	out := bufferedOutput(e)
	sw := textnorm.NewSegmentWriter(out, f.format, f.offsets)
	// The inputs' records are made in parallel, and written in order
	// through sw, which puts what goes around and between them.
	err = runDocs(e, &f.docFlags, names, sw, out.Flush, func(src *source, d docInput, w *docOutput) error {
		l := textnorm.JSONLine{File: src.display, Line: d.line, ID: d.id, Offsets: f.offsets}
		if d.r == nil {
			return f.format.WriteSeq(w, d.text, tagger.TagSeq(d.text), l)
		}
		// A file is tagged a block at a time, and its byte offsets index
		// it as given: in its encoding, with a byte for each invalid one
		// that --invalid=replace wrote as U+FFFD.
		m := textnorm.NewInputMap(src.enc, src.bom)
		src.text.replaced = func(off int64) { m.Replaced(int(off)) }
		l.Input = m.Offset
		dw := f.format.NewDocWriter(w, l)
		var werr error
		err := tagger.NewStream().Blocks(detect.ReadBlocks(d.r), func(b detect.Block, segs iter.Seq[textnorm.Segment]) bool {
			m.Block(b)
			werr = dw.WriteBlock(b, segs)
			if werr == nil {
				werr = dw.Flush()
			}
			if werr == nil {
				werr = w.Flush()
			}
			return werr == nil
		})
		return cmp.Or(werr, err)
	})
	return closeOutput(err, sw, out)
}

// closeOutput ends the output of a run that ended with err: the writer's
// end (an array's, a header for no input), then the flush.
func closeOutput(err error, end io.Closer, out *bufio.Writer) error {
	werr := end.Close()
	if werr == nil {
		werr = out.Flush()
	}
	switch {
	case werr == nil || err != nil:
		return err
	case isBrokenPipe(werr):
		return werr
	}
	return writeError(werr)
}

type detectCmdFlags struct {
	format textnorm.DetectFormat
	detectFlags
	docFlags
}

var detectCommand = &command{
	name:    "detect",
	summary: "print the dominant script and language of each line",
	synopsis: detectSynopsis + " [--format text|jsonl|tsv]\n" +
		"                       " + docSynopsis,
	example: "textnorm detect testdata/sample/news_fa_en.txt\n" +
		"  textnorm detect --jsonl --field text pages.jsonl   # a line for each record: FILE:LINE: TAG CONF",
	setup: func(fs *flag.FlagSet) func(*env, []string) error {
		f := &detectCmdFlags{}
		fs.Var(&f.format, "format", "output `format`: text (TAG CONF a line), jsonl or tsv")
		f.detectFlags.register(fs)
		f.docFlags.register(fs)
		return func(e *env, names []string) error { return runDetect(e, f, names) }
	},
}

func runDetect(e *env, f *detectCmdFlags, names []string) error {
	if err := f.docFlags.check(); err != nil {
		return err
	}
	if f.inline() && f.format != textnorm.DetectJSONL {
		return usageError("--errors=inline needs --format jsonl: an error line is a JSON object")
	}
	opts, err := f.options()
	if err != nil {
		return err
	}
	opts.Workers = blockWorkers(&f.docFlags, names)
	det, err := detect.NewDetector(opts)
	if err != nil {
		return err
	}
	out := bufferedOutput(e)
	named := f.jsonl || len(names) > 1 || f.recur
	dw := textnorm.NewDetectionWriter(out, f.format, named)
	err = runDocs(e, &f.docFlags, names, dw, out.Flush, func(src *source, d docInput, w *docOutput) error {
		write := func(ds []textnorm.Detection) error {
			var buf []byte
			for _, dt := range ds {
				dt.File = src.display
				buf = f.format.AppendDetection(buf, dt, named)
			}
			_, err := w.Write(buf)
			return err
		}
		if d.r == nil {
			// A record: one detection for its whole field.
			var t detect.Tally
			for s := range det.SegmentsSeq(d.text) {
				t.Add(s)
			}
			sc, lang, conf := t.Dominant()
			one := textnorm.Detection{Line: d.line, Script: sc, Lang: lang, Conf: conf}
			return write([]textnorm.Detection{one})
		}
		// A file, a block at a time.
		var ld textnorm.LineDetector
		var buf []byte
		var werr error
		err := det.NewStream().Blocks(detect.ReadBlocks(d.r), opts.Workers, func(b detect.Block, segs iter.Seq[detect.Segment]) bool {
			werr = ld.Block(b, segs, func(dt textnorm.Detection) error {
				dt.File = src.display
				buf = f.format.AppendDetection(buf, dt, named)
				if len(buf) < 32<<10 {
					return nil
				}
				_, err := w.Write(buf)
				buf = buf[:0]
				return err
			})
			if werr == nil {
				_, werr = w.Write(buf)
				buf = buf[:0]
			}
			if werr == nil {
				werr = w.Flush()
			}
			return werr == nil
		})
		return cmp.Or(werr, err)
	})
	return closeOutput(err, dw, out)
}
