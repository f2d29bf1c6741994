package main

import (
	"bufio"
	"flag"
	"io"
	"strings"

	"github.com/textnorm/textnorm"
	"github.com/textnorm/textnorm/detect"
	"github.com/textnorm/textnorm/engine"
	"github.com/textnorm/textnorm/jsonl"
	"github.com/textnorm/textnorm/language"
	"github.com/textnorm/textnorm/normalize"
)

// readText reads a whole input as text.
func readText(src *source) (string, error) {
	b, err := io.ReadAll(src.text)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// docInput is one document to tag or detect: a whole file, or with --jsonl
// the field of a record.
type docInput struct {
	line int    // the record's line, or 0 for a whole file
	text string // the document
}

// forEachDoc calls fn with the input's document, or with --jsonl with the
// field of each of its records (bad records are reported and skipped).
func forEachDoc(src *source, field string, w *jobOutput, fn func(d docInput) error) error {
	if field == "" {
		text, err := readText(src)
		if err != nil {
			return err
		}
		return fn(docInput{text: text})
	}
	return forEachRecord(src, field, w, func(r *jsonl.Record) error {
		if !r.OK {
			return nil
		}
		return fn(docInput{line: r.Line, text: r.Text})
	})
}

// runDocs runs fn on each input's documents, in parallel, output in order
// to out.
func runDocs(e *env, f *docFlags, names []string, out io.Writer, fn func(src *source, d docInput, w io.Writer) error) error {
	ins := expandInputs(names, f.recur)
	opts := f.inputOptions()
	counter, stop := startProgress(e, ins)
	failed, werr := runJobs(e, len(ins), int(f.jobs), out, func(i int, w *jobOutput) {
		if ins[i].err != nil {
			w.report(ins[i].err)
			return
		}
		src, err := openSource(e, ins[i].name, opts, counter)
		if err != nil {
			w.report(err)
			return
		}
		defer src.Close()
		bw := bufio.NewWriterSize(w, 32<<10)
		err = forEachDoc(src, f.field, w, func(d docInput) error { return fn(src, d, bw) })
		if ferr := bw.Flush(); err == nil {
			err = ferr
		}
		if err != nil && !w.s.writeFailed() {
			w.report(err)
		}
	})
	stop()
	return finalStatus(failed, werr, false)
}

// detectFlags are the flags of tag and detect that choose the languages.
type detectFlags struct {
	langs  language.List
	engine engine.Name
	all    bool
}

// detectSynopsis names the engines this build has: lingua only with -tags lingua.
var detectSynopsis = "[--langs L,...] [--engine " + strings.Join(engine.Names(), "|") + "]"

func (f *detectFlags) register(fs *flag.FlagSet) {
	fs.Var(&f.langs, "langs", "comma-separated `languages` to consider, such as en,fa,ar, in the scripts they are written in (default: all)")
	fs.Var(&f.engine, "engine", "the `engine` of statistics: "+engineUsage)
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
	return detect.Options{Langs: f.langs, Engine: e, All: f.all}, nil
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
	synopsis: "[--profile auto|P] [--with RULES] [--format jsonl|json|tsv] [--offsets byte,rune,utf16] [--all]\n" +
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
		f.detectFlags.register(fs)
		f.docFlags.register(fs)
		return func(e *env, names []string) error { return runTag(e, f, names) }
	},
}

func runTag(e *env, f *tagFlags, names []string) error {
	if err := f.docFlags.check(); err != nil {
		return err
	}
	opts, err := f.options()
	if err != nil {
		return err
	}
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
	err = runDocs(e, &f.docFlags, names, sw, func(src *source, d docInput, w io.Writer) error {
		l := textnorm.JSONLine{File: src.display, Line: d.line, Offsets: f.offsets}
		if !f.jsonl {
			// Byte offsets index the file as given, in its encoding.
			l.Input = textnorm.InputOffsets(d.text, src.enc, src.bom)
		}
		return f.format.WriteSeq(w, d.text, tagger.TagSeq(d.text), l)
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
	opts, err := f.options()
	if err != nil {
		return err
	}
	det, err := detect.NewDetector(opts)
	if err != nil {
		return err
	}
	out := bufferedOutput(e)
	named := f.jsonl || len(names) > 1 || f.recur
	dw := textnorm.NewDetectionWriter(out, f.format, named)
	err = runDocs(e, &f.docFlags, names, dw, func(src *source, d docInput, w io.Writer) error {
		segs := det.Segments(d.text)
		var ds []textnorm.Detection
		if d.line > 0 {
			// A record: one detection for its whole field.
			one := textnorm.Dominant(segs)
			one.Line = d.line
			ds = []textnorm.Detection{one}
		} else {
			ds = textnorm.DetectLines(d.text, segs)
		}
		var buf []byte
		for _, dt := range ds {
			dt.File = src.display
			buf = f.format.AppendDetection(buf, dt, named)
		}
		_, err := w.Write(buf)
		return err
	})
	return closeOutput(err, dw, out)
}
