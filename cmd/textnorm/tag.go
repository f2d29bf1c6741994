package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"

	"github.com/textnorm/textnorm"
	"github.com/textnorm/textnorm/detect"
	"github.com/textnorm/textnorm/diag"
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
	return forEachRecord(src, field, w, func(r *record) error {
		if !r.ok {
			return nil
		}
		return fn(docInput{line: r.line, text: r.text})
	})
}

// docFlags are the input flags of tag and detect.
type docFlags struct {
	invalid, field string
	jsonl, binary  bool
	recur          bool
	jobs           int
}

func (f *docFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.invalid, "invalid", invalidError, "what to do with invalid UTF-8: error, replace (with U+FFFD) or keep")
	fs.BoolVar(&f.jsonl, "jsonl", false, "read JSON Lines records: work on each record's string field --field, and keep the rest of it as it is")
	fs.StringVar(&f.field, "field", "", "with --jsonl: the name of the top-level string field, such as text")
	fs.BoolVar(&f.binary, "binary", false, "process files with NUL bytes as text (they are skipped as binary otherwise)")
	fs.BoolVar(&f.recur, "r", false, "process the files in directories, recursively (names starting with a dot are skipped)")
	fs.IntVar(&f.jobs, "j", runtime.NumCPU(), "files processed at once (the output comes in the order of the inputs)")
}

func (f *docFlags) check() error {
	if err := checkInvalidPolicy(f.invalid); err != nil {
		return err
	}
	switch {
	case f.jsonl && f.field == "":
		return usageError("--jsonl needs --field NAME: the string field to read")
	case !f.jsonl && f.field != "":
		return usageError("--field goes with --jsonl")
	case f.jobs < 1:
		return usageError("-j: want at least 1, not %d", f.jobs)
	}
	return nil
}

// runDocs runs fn on each input's documents, in parallel, output in order.
func runDocs(e *env, f docFlags, names []string, out io.Writer, fn func(src *source, d docInput, w io.Writer) error) error {
	ins := expandInputs(names, f.recur)
	opts := inputOptions{invalid: f.invalid, binary: f.binary, recursive: f.recur}
	counter, stop := startProgress(e, ins)
	failed, werr := runJobs(e, len(ins), f.jobs, out, func(i int, w *jobOutput) {
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

// parseLangs reads --langs (see detect.ParseLanguages).
func parseLangs(s string) ([]string, error) {
	langs, err := detect.ParseLanguages(s)
	if err != nil {
		return nil, usageError("--langs: %v", strings.TrimPrefix(err.Error(), "detect: "))
	}
	return langs, nil
}

// parseEngine reads --engine (see detect.ParseEngine).
func parseEngine(s string) (detect.Engine, error) {
	e, err := detect.ParseEngine(s)
	if err != nil {
		return e, usageError("--engine: %v", strings.TrimPrefix(err.Error(), "detect: "))
	}
	return e, nil
}

// detectOptions reads --langs, --engine and --all.
func (f *tagFlags) detectOptions() (detect.Options, error) {
	langs, err := parseLangs(f.langs)
	if err != nil {
		return detect.Options{}, err
	}
	engine, err := parseEngine(f.engine)
	if err != nil {
		return detect.Options{}, err
	}
	return detect.Options{Langs: langs, Engine: engine, All: f.all}, nil
}

const (
	langsUsage  = "comma-separated languages to consider, such as en,fa,ar, in the scripts they are written in (default: all)"
	engineUsage = "statistics: default (n-grams, lingua-go when unsure), lingua (lingua-go alone) or ngram (n-grams alone)"
)

// parseOffsets reads --offsets: a comma-separated list of byte, rune and
// utf16; byte offsets are always written.
func parseOffsets(s string) (textnorm.Offsets, error) {
	var o textnorm.Offsets
	for _, name := range strings.Split(s, ",") {
		switch strings.TrimSpace(name) {
		case "", "byte":
		case "rune":
			o |= textnorm.RuneOffsets
		case "utf16":
			o |= textnorm.UTF16Offsets
		default:
			return 0, usageError("--offsets: want a list of byte, rune and utf16, not %q", name)
		}
	}
	return o, nil
}

type tagFlags struct {
	profile, format, offsets, langs, engine string
	all                                     bool
	docFlags
}

func runTag(e *env, args []string) error {
	var f tagFlags
	fs := newFlagSet(e, "tag", "[--profile auto|P] [--format jsonl|json|tsv] [--offsets byte,rune,utf16] [--all] [--langs L,...]\n"+
		"                    [--jsonl --field NAME] [--invalid error|replace|keep] [--binary] [-r] [-j N] [FILE...]",
		"textnorm tag --offsets byte,rune,utf16 testdata/sample/news_fa_en.txt\n"+
			"  textnorm tag --jsonl --field text pages.jsonl   # each record's text; \"line\" is the record's line")
	fs.StringVar(&f.profile, "profile", textnorm.Auto, "normalization profile of each segment's norm: auto (its language's) or "+profileNames())
	fs.StringVar(&f.format, "format", "jsonl", "output format: jsonl (a segment a line), json (an array) or tsv")
	fs.StringVar(&f.offsets, "offsets", "byte", "offsets to write: a list of byte, rune (code points) and utf16 (UTF-16 units)")
	fs.BoolVar(&f.all, "all", false, "also write the white space between segments, so that the segments concatenated are the input")
	fs.StringVar(&f.langs, "langs", "", langsUsage)
	fs.StringVar(&f.engine, "engine", "default", engineUsage)
	f.docFlags.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	offsets, err := parseOffsets(f.offsets)
	if err != nil {
		return err
	}
	if err := f.docFlags.check(); err != nil {
		return err
	}
	switch f.format {
	case "jsonl", "json", "tsv":
	default:
		return usageError("--format: want jsonl, json or tsv, not %q", f.format)
	}
	opts, err := f.detectOptions()
	if err != nil {
		return err
	}
	tagger, err := textnorm.NewTagger(textnorm.TagOptions{Options: opts, Profile: f.profile})
	if err != nil {
		return usageError("--profile: %v", strings.TrimPrefix(err.Error(), "textnorm: normalize: "))
	}
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	if f.format == "json" {
		out.WriteString("[")
	}
	if f.format == "tsv" {
		out.WriteString("file\tline\tstart\tend\tscript\tlang\ttag\tdir\tconf\ttext\tnorm")
		if offsets&textnorm.RuneOffsets != 0 {
			out.WriteString("\trune_start\trune_end")
		}
		if offsets&textnorm.UTF16Offsets != 0 {
			out.WriteString("\tu16_start\tu16_end")
		}
		out.WriteString("\n")
	}
	// In a JSON array every segment but the first follows a comma; the
	// inputs run in parallel, so each writes its commas and the first
	// one written is dropped.
	var dst io.Writer = out
	if f.format == "json" {
		dst = &firstCommaDropper{w: out}
	}
	err = runDocs(e, f.docFlags, fs.Args(), dst, func(src *source, d docInput, w io.Writer) error {
		lines := diag.NewLines(d.text)
		var buf []byte
		for _, s := range tagger.Tag(d.text) {
			l := textnorm.JSONLine{File: src.display, Line: d.line, Offsets: offsets}
			if d.line == 0 {
				l.Line = lines.Line(s.Start)
			}
			buf = buf[:0]
			switch f.format {
			case "jsonl":
				buf = append(textnorm.AppendJSON(buf, s, l), '\n')
			case "json":
				buf = append(buf, ",\n  "...)
				buf = textnorm.AppendJSON(buf, s, l)
			case "tsv":
				buf = appendTSV(buf, s, l)
			}
			if _, err := w.Write(buf); err != nil {
				return err
			}
		}
		return nil
	})
	if f.format == "json" {
		out.WriteString("\n]\n")
	}
	if ferr := out.Flush(); ferr != nil && err == nil {
		err = ferr
		if !isBrokenPipe(err) {
			err = &exitError{code: exitUsage, err: fmt.Errorf("writing the output: %v", err)}
		}
	}
	return err
}

// firstCommaDropper drops the first byte written, a comma.
type firstCommaDropper struct {
	w       io.Writer
	started bool
}

func (d *firstCommaDropper) Write(p []byte) (int, error) {
	if !d.started && len(p) > 0 {
		d.started = true
		if _, err := d.w.Write(p[1:]); err != nil {
			return 0, err
		}
		return len(p), nil
	}
	return d.w.Write(p)
}

// appendTSV appends a segment as a TSV row; tabs, line breaks and
// backslashes in text are escaped as \t, \n, \r and \\.
func appendTSV(dst []byte, s textnorm.Segment, l textnorm.JSONLine) []byte {
	field := func(v string) { dst = append(dst, tsvEscape.Replace(v)...); dst = append(dst, '\t') }
	num := func(v int) { dst = strconv.AppendInt(dst, int64(v), 10); dst = append(dst, '\t') }
	field(l.File)
	num(l.Line)
	num(s.Start)
	num(s.End)
	field(s.Script.String())
	field(s.Lang)
	field(s.Tag())
	field(s.Dir.String())
	dst = strconv.AppendFloat(dst, s.Conf, 'f', 4, 64)
	dst = append(dst, '\t')
	field(s.Text)
	field(s.Norm)
	if l.Offsets&textnorm.RuneOffsets != 0 {
		num(s.RuneStart)
		num(s.RuneEnd)
	}
	if l.Offsets&textnorm.UTF16Offsets != 0 {
		num(s.U16Start)
		num(s.U16End)
	}
	dst[len(dst)-1] = '\n'
	return dst
}

var tsvEscape = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)

func runDetect(e *env, args []string) error {
	var f tagFlags
	fs := newFlagSet(e, "detect", "[--langs L,...] [--format text|jsonl|tsv] [--jsonl --field NAME]\n"+
		"                       [--invalid error|replace|keep] [--binary] [-r] [-j N] [FILE...]",
		"textnorm detect testdata/sample/news_fa_en.txt\n"+
			"  textnorm detect --jsonl --field text pages.jsonl   # a line for each record: FILE:LINE: TAG CONF")
	fs.StringVar(&f.format, "format", "text", "output format: text (TAG CONF a line), jsonl or tsv")
	fs.StringVar(&f.langs, "langs", "", langsUsage)
	fs.StringVar(&f.engine, "engine", "default", engineUsage)
	f.docFlags.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch f.format {
	case "text", "jsonl", "tsv":
	default:
		return usageError("--format: want text, jsonl or tsv, not %q", f.format)
	}
	if err := f.docFlags.check(); err != nil {
		return err
	}
	opts, err := f.detectOptions()
	if err != nil {
		return err
	}
	det := detect.NewDetector(opts)
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	if f.format == "tsv" {
		out.WriteString("file\tline\tscript\tlang\ttag\tconf\n")
	}
	prefix := f.jsonl || len(fs.Args()) > 1 || f.recur
	err = runDocs(e, f.docFlags, fs.Args(), out, func(src *source, d docInput, w io.Writer) error {
		segs := det.Segments(d.text)
		emit := func(n int, segs []detect.Segment) {
			script, lang, conf := detect.Dominant(segs)
			tag := lang + "-" + script.String()
			switch f.format {
			case "text":
				if prefix {
					fmt.Fprintf(w, "%s:%d: ", src.display, n)
				}
				fmt.Fprintf(w, "%s %.4f\n", tag, conf)
			case "tsv":
				fmt.Fprintf(w, "%s\t%d\t%s\t%s\t%s\t%.4f\n", tsvEscape.Replace(src.display), n, script, lang, tag, conf)
			case "jsonl":
				b := []byte(`{"v":1,"file":`)
				b = strconv.AppendQuote(b, src.display)
				fmt.Fprintf(w, "%s,\"line\":%d,\"script\":%q,\"lang\":%q,\"tag\":%q,\"conf\":%.4f}\n", b, n, script, lang, tag, conf)
			}
		}
		if d.line > 0 {
			// A record: one line for its whole field.
			emit(d.line, segs)
			return nil
		}
		lines := diag.NewLines(d.text)
		k := 0
		for n := 1; n <= lines.Count(); n++ {
			_, end := lines.SpanOf(d.text, n)
			i := k
			for k < len(segs) && segs[k].Start < end {
				k++
			}
			emit(n, segs[i:k])
		}
		return nil
	})
	if ferr := out.Flush(); ferr != nil && err == nil {
		err = ferr
		if !isBrokenPipe(err) {
			err = &exitError{code: exitUsage, err: fmt.Errorf("writing the output: %v", err)}
		}
	}
	return err
}
