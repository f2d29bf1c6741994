package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"math"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/diff"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/unicode/runenames"

	"github.com/textnorm/textnorm"
	"github.com/textnorm/textnorm/diag"
	"github.com/textnorm/textnorm/jsonl"
	"github.com/textnorm/textnorm/normalize"
)

type normalizeFlags struct {
	profile       profileFlag
	form          normalize.Form
	with, without normalize.RuleList

	write, check, diff, explain, dedupe bool
	docFlags
	set map[string]bool // the flags the command line set
}

var normalizeCommand = &command{
	name:    "normalize",
	summary: "normalize text with a profile",
	synopsis: `[--profile auto|P] [--form nfc|nfd|nfkc|nfkd] [--with RULES] [--without RULES]
                          [-w | --check | --diff | --explain] [--dedupe]
                          ` + docSynopsis,
	example: "textnorm normalize --profile fa testdata/sample/news_fa_en.txt\n" +
		"  textnorm normalize --check --diff -r corpus/        # in CI: show what would change, exit 1 if anything would\n" +
		"  textnorm normalize -w --dedupe -r corpus/           # rewrite the files in place, repeated paragraphs dropped\n" +
		"  textnorm normalize --explain --profile fa page.txt  # every change: place, rule, characters\n" +
		"  textnorm normalize --jsonl --field text --profile fa pages.jsonl.gz",
	setup: func(fs *flag.FlagSet) func(*env, []string) error {
		f := &normalizeFlags{profile: defaultProfile(normalize.Default)}
		fs.Var(&f.profile, "profile", profileUsage+profileNames()+" (auto reads each file whole)")
		fs.Var(&f.form, "form", "Unicode normalization `form`: nfc, nfd, nfkc or nfkd (default: the profile's)")
		fs.Var(&f.with, "with", "comma-separated `rules` to add to the profile, such as digits-ascii or kaf-yeh-to-arabic")
		fs.Var(&f.without, "without", "comma-separated `rules` to remove from the profile, such as collapse-spaces")
		fs.BoolVar(&f.write, "w", false, "rewrite each FILE in place (atomically, mode kept) instead of writing to standard output")
		fs.BoolVar(&f.check, "check", false, "write nothing: list the files that would change and exit 1 if any would (with --diff or --explain: show the changes)")
		fs.BoolVar(&f.diff, "diff", false, "print a unified diff of each input and its normalized text instead of the text")
		fs.BoolVar(&f.explain, "explain", false, "list every change instead of the text: place, rule, code points and names before and after")
		fs.BoolVar(&f.dedupe, "dedupe", false, "drop each paragraph (lines between blank lines) that repeats one already written, after normalization")
		f.docFlags.register(fs)
		return func(e *env, names []string) error {
			f.set = setFlags(fs)
			return runNormalize(e, f, names)
		}
	},
}

func runNormalize(e *env, f *normalizeFlags, names []string) error {
	n, err := newNormalizer(f)
	if err != nil {
		return err
	}
	if err := f.docFlags.check(); err != nil {
		return err
	}
	if err := checkModes(f); err != nil {
		return err
	}
	ins := expandInputs(names, f.recur)
	if f.write {
		for _, in := range ins {
			if in.name == "-" {
				return usageError("-w: standard input cannot be rewritten: name files")
			}
		}
	}
	c := &normalizeRun{e: e, f: f, n: n, opts: f.inputOptions()}
	switch {
	case f.write:
		c.opts.regularFor = "-w"
		c.stale = newStaleTemps()
	case f.check:
		c.opts.regularFor = "--check"
	}
	c.changed = make([]bool, len(ins))
	counter, stop := startProgress(e, ins)
	c.counter = counter
	out := bufferedOutput(e)
	failed, werr := runJobs(e, len(ins), int(f.jobs), out, func(i int, w *jobOutput) {
		c.one(i, ins[i], w)
	})
	stop()
	if werr == nil {
		werr = out.Flush()
	}
	return finalStatus(failed, werr, f.check && anyTrue(c.changed))
}

// finalStatus is the status of a run: 2 when an input failed (each has
// been reported), 1 when --check found work, a write error, or success.
func finalStatus(failed int, werr error, check bool) error {
	if werr != nil {
		if isBrokenPipe(werr) {
			return werr
		}
		return writeError(werr)
	}
	if failed > 0 {
		return &exitError{code: exitUsage}
	}
	if check {
		return &exitError{code: exitCheck}
	}
	return nil
}

func anyTrue(bs []bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}

func checkModes(f *normalizeFlags) error {
	modes := 0
	for _, m := range []bool{f.write, f.diff, f.explain} {
		if m {
			modes++
		}
	}
	switch {
	case modes > 1:
		return usageError("-w, --diff and --explain exclude each other")
	case f.write && f.check:
		return usageError("-w and --check exclude each other")
	case f.explain && f.profile.auto():
		return usageError("--explain needs a profile, not auto")
	case f.inline() && (modes > 0 || f.check):
		return usageError("--errors=inline writes the errors in the output: not with -w, --check, --diff or --explain")
	}
	return nil
}

// A normalizer is a profile, or the auto profile (each segment with its
// language's profile, on whole texts).
type normalizer struct {
	p    normalize.Profile
	auto *textnorm.Tagger
}

func newNormalizer(f *normalizeFlags) (normalizer, error) {
	if f.profile.auto() {
		if f.set["form"] || len(f.with) > 0 || len(f.without) > 0 {
			return normalizer{}, usageError("--profile auto takes no --form, --with or --without: each language's profile decides")
		}
		t, err := textnorm.NewTagger(textnorm.TagOptions{})
		return normalizer{auto: t}, err
	}
	p := f.profile.profile()
	if f.set["form"] {
		p = p.WithForm(norm.Form(f.form))
	}
	return normalizer{p: p.With(f.with...).Without(f.without...)}, nil
}

func (n normalizer) String(s string) string {
	if n.auto != nil {
		return n.auto.Normalize(s)
	}
	return n.p.Apply(s)
}

// NewWriter returns a writer that normalizes into w; Close flushes it.
func (n normalizer) NewWriter(w io.Writer) io.WriteCloser {
	if n.auto != nil {
		return &wholeWriter{n: n, w: w}
	}
	return n.p.NewWriter(w)
}

// wholeWriter holds the whole text for the auto profile.
type wholeWriter struct {
	n   normalizer
	w   io.Writer
	buf bytes.Buffer
}

func (w *wholeWriter) Write(p []byte) (int, error) { return w.buf.Write(p) }

func (w *wholeWriter) Close() error {
	_, err := io.WriteString(w.w, w.n.String(w.buf.String()))
	return err
}

// normalizeRun is one run of textnorm normalize.
type normalizeRun struct {
	e       *env
	f       *normalizeFlags
	n       normalizer
	opts    inputOptions
	counter *atomic.Int64
	changed []bool
	stale   *staleTemps // with -w
}

// one processes one input; its output and messages go to w.
func (c *normalizeRun) one(i int, in input, w *jobOutput) {
	if in.err != nil {
		w.report(in.err)
		return
	}
	src, err := openSource(c.e, in, c.opts, c.counter)
	if err != nil {
		w.report(err)
		return
	}
	defer src.Close()
	switch {
	case c.f.write:
		c.changed[i], err = c.rewrite(src, w)
	case c.f.diff:
		c.changed[i], err = c.diff(src, w)
	case c.f.explain:
		c.changed[i], err = c.explain(src, w)
	case c.f.check:
		cmp := newComparer(src)
		if err = cmp.open(); err == nil {
			err = c.normalize(src, cmp, w)
			c.changed[i] = cmp.finish()
		}
		if err == nil && c.changed[i] {
			fmt.Fprintln(w, diag.QuoteName(src.display))
		}
	default:
		err = c.normalize(src, w, w)
	}
	if err != nil && !w.s.writeFailed() {
		w.report(err)
	}
}

func (s *sequencer) writeFailed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err != nil
}

// normalize writes the input normalized to dst: its text, or its records'
// field with --jsonl; --dedupe drops repeated paragraphs. Bad records are
// reported to w and written as they are, or with --errors=inline written
// as their error lines.
func (c *normalizeRun) normalize(src *source, dst io.Writer, w *jobOutput) error {
	dropped := 0
	var err error
	if c.f.jsonl {
		err = forEachRecord(src, c.f.field, w, func(r *jsonl.Record) error {
			if !r.OK {
				out := r.Raw // blank, or bad: as it was
				if line := inlineError(src, r, false); line != nil {
					out = line
				}
				_, err := dst.Write(out)
				return err
			}
			s := c.n.String(r.Text)
			if c.f.dedupe {
				var b strings.Builder
				d := normalize.NewDeduper(&b)
				io.WriteString(d, s)
				d.Close()
				s, dropped = b.String(), dropped+d.Dropped()
			}
			if s == r.Text {
				_, err := dst.Write(r.Raw) // its escapes too stay as they were
				return err
			}
			if warn := r.LoneSurrogate(); warn != nil {
				w.note(warn)
			}
			_, err := dst.Write(r.AppendWith(make([]byte, 0, len(r.Raw)+len(s)-len(r.Text)+8), s))
			return err
		})
	} else {
		var d *normalize.Deduper
		sink := dst
		if c.f.dedupe {
			d = normalize.NewDeduper(dst)
			sink = d
		}
		if d == nil && c.n.auto == nil && c.n.p.LineLocal() {
			// Whole lines go through the profile and on to dst at once
			// while they are valid UTF-8, which the profile finds on its
			// way; the rest, from the first that is not, through the
			// stream as before, which reports the byte at its place.
			err = src.text.takeLines(func(lines []byte) (bool, error) {
				out, valid := c.n.p.BytesValid(lines)
				if !valid {
					return false, nil
				}
				_, err := dst.Write(out)
				return true, err
			})
			if err != nil {
				return err
			}
		}
		nw := c.n.NewWriter(sink)
		_, err = io.Copy(nw, src.text)
		if cerr := nw.Close(); err == nil {
			err = cerr
		}
		if d != nil {
			if cerr := d.Close(); err == nil {
				err = cerr
			}
			dropped = d.Dropped()
		}
	}
	if dropped > 0 {
		w.note(&diag.Error{File: src.display, Err: fmt.Errorf("--dedupe dropped %d repeated %s", dropped, plural(dropped, "paragraph", "paragraphs"))})
	}
	return err
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// rewrite replaces the file with its normalized text, atomically, if that
// changes it. A file that cannot be replaced (it is read-only, or its
// directory is) is an error only if it would change.
func (c *normalizeRun) rewrite(src *source, w *jobOutput) (changed bool, err error) {
	af, aerr := createAtomic(src, c.stale)
	cmp := newComparer(src)
	if err := cmp.open(); err != nil {
		if af != nil {
			af.Abort()
		}
		return false, err
	}
	if aerr != nil {
		// Find out whether it would change, to say so.
		if err := c.normalize(src, cmp, w); err != nil {
			return false, err
		}
		if cmp.finish() {
			return false, fileError(src.name, aerr)
		}
		return false, nil
	}
	bw := bufio.NewWriterSize(af, 64<<10)
	var out io.Writer = bw
	var zw *gzip.Writer
	if src.gz {
		zw = gzip.NewWriter(bw)
		out = zw
	}
	err = c.normalize(src, io.MultiWriter(out, cmp), w)
	if err == nil && zw != nil {
		err = zw.Close()
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		af.Abort()
		return false, err
	}
	if !cmp.finish() {
		af.Abort() // unchanged: the file keeps its time stamps too
		return false, nil
	}
	if err := af.Commit(); err != nil {
		return false, fileError(src.name, err)
	}
	return true, nil
}

// diff writes a unified diff of the input, its bytes as they are, and its
// normalized text. The names are those of git diff --no-index: a/NAME and
// b/NAME, one leading slash of an absolute path dropped (a/tmp/x).
func (c *normalizeRun) diff(src *source, w *jobOutput) (bool, error) {
	var orig bytes.Buffer
	src.text.raw = &orig
	text, err := io.ReadAll(src.text)
	if err != nil {
		return false, err
	}
	var out bytes.Buffer
	again := *src
	again.text = newTextReader(bytes.NewReader(text), src.display, normalize.InvalidKeep, true)
	if err := c.normalize(&again, &out, w); err != nil {
		return false, err
	}
	name := src.display
	if name != "" && name[0] == '/' {
		name = name[1:] // as git diff --no-index: a/tmp/x
	}
	// A name with a line break or an escape is quoted whole, prefix and
	// all, as git quotes it: "a/two\nlines.txt".
	d := diff.Diff(diag.QuoteName("a/"+name), orig.Bytes(), diag.QuoteName("b/"+name), out.Bytes())
	if len(d) == 0 {
		return false, nil
	}
	_, err = w.Write(d)
	return true, err
}

// explain lists the changes to the input, a line each: with
// --invalid=replace the invalid bytes replaced, then the profile's changes.
// Places are in the input as it is (LINE:COL and byte offset).
func (c *normalizeRun) explain(src *source, w *jobOutput) (bool, error) {
	bw := bufio.NewWriterSize(w, 32<<10)
	changed := false
	name := diag.QuoteName(src.display)
	pos := newPositions(src.text)
	// replaced lists the replacements of the text before offset before.
	replaced := func(before int64) error {
		for {
			r, ok := pos.nextReplacement(before)
			if !ok {
				return nil
			}
			changed = true
			p := pos.pos(r.in)
			ch := normalize.Change{Rule: normalize.RuleInvalidUTF8, Before: string([]byte{r.b}), After: "\uFFFD"}
			if _, err := fmt.Fprintf(bw, "%s:%v: byte %d: %s\n", name, p, p.Offset, describeChange(ch, p.Offset)); err != nil {
				return err
			}
		}
	}
	var err error
	if c.f.jsonl {
		err = forEachRecord(src, c.f.field, w, func(r *jsonl.Record) error {
			if err := replaced(r.Offset + int64(len(r.Raw))); err != nil {
				return err
			}
			if !r.OK {
				return nil
			}
			any := false
			for ch := range c.n.p.ExplainSeq(r.Text) {
				any = true
				if _, err := fmt.Fprintf(bw, "%s:%d: %s byte %d: %s\n", name, r.Line, c.f.field, ch.InStart, describeChange(ch, int64(ch.InStart))); err != nil {
					return err
				}
			}
			changed = changed || any
			if warn := r.LoneSurrogate(); warn != nil && any {
				w.note(warn)
			}
			return nil
		})
	} else {
		err = c.n.p.ExplainReader(src.text, func(ch normalize.Change, _, _ int) error {
			if err := replaced(int64(ch.InStart) + 1); err != nil {
				return err
			}
			changed = true
			p := pos.pos(pos.input(int64(ch.InStart)))
			_, err := fmt.Fprintf(bw, "%s:%v: byte %d: %s\n", name, p, p.Offset, describeChange(ch, p.Offset))
			return err
		})
	}
	if err == nil {
		err = replaced(math.MaxInt64)
	}
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	return changed, err
}

// describeChange says what a change did: "rule: BEFORE -> AFTER", each
// side its code points and names; a run of like changes, which starts at
// byte start, adds how many and the bytes they span: ", 3 times (bytes
// 5-10)".
func describeChange(c normalize.Change, start int64) string {
	var b strings.Builder
	b.WriteString(c.Rule)
	if c.Detail != "" {
		b.WriteString(": " + c.Detail)
	}
	fmt.Fprintf(&b, ": %s -> %s", describeText(c.Before), describeText(c.After))
	if c.Count > 1 {
		// No U+FFFD of --invalid=replace lies inside a run: no rule
		// changes U+FFFD, so the input's bytes are the text's.
		fmt.Fprintf(&b, ", %d times (bytes %d-%d)", c.Count, start, start+int64(c.InEnd-c.InStart)-1)
	}
	return b.String()
}

func describeText(s string) string {
	if s == "" {
		return "nothing"
	}
	var parts []string
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			parts = append(parts, fmt.Sprintf("byte %#02x (invalid UTF-8)", s[i]))
		} else {
			parts = append(parts, fmt.Sprintf("U+%04X %s", r, runeName(r)))
		}
		i += size
	}
	return strings.Join(parts, " + ")
}

// runeName is the character's name, or for a control character its
// usual alias.
func runeName(r rune) string {
	switch r {
	case 0:
		return "NULL"
	case '\t':
		return "CHARACTER TABULATION"
	case '\n':
		return "LINE FEED"
	case '\v':
		return "LINE TABULATION"
	case '\f':
		return "FORM FEED"
	case '\r':
		return "CARRIAGE RETURN"
	case 0x1B:
		return "ESCAPE"
	case 0x7F:
		return "DELETE"
	case 0x85:
		return "NEXT LINE"
	}
	if name := runenames.Name(r); name != "" {
		return name
	}
	return "<unassigned>"
}

// A comparer tells whether what is written to it differs from an input's
// original bytes, reading them again a buffer at a time, through the
// descriptor the text is read from (pread): the same file, whatever has
// become of its name since.
type comparer struct {
	src    *source
	orig   *bufio.Reader
	differ bool
}

func newComparer(src *source) *comparer { return &comparer{src: src} }

func (c *comparer) open() error {
	if c.src.file == nil {
		// Standard input cannot be read twice: compare with its text as
		// read (the policy applied), kept for the purpose.
		return c.openStdin()
	}
	var r io.Reader = io.NewSectionReader(c.src.file, 0, math.MaxInt64)
	if c.src.gz {
		zr, err := gzip.NewReader(bufio.NewReader(r))
		if err != nil {
			return fileError(c.src.name, err)
		}
		r = zr
	}
	c.orig = bufio.NewReaderSize(r, 64<<10)
	return nil
}

// openStdin compares with standard input, which cannot be read twice: it
// is read whole, its bytes kept as they were, and normalized from memory.
func (c *comparer) openStdin() error {
	var orig bytes.Buffer
	c.src.text.raw = &orig
	data, err := io.ReadAll(c.src.text)
	if err != nil {
		return err
	}
	c.src.text = newTextReader(bytes.NewReader(data), c.src.display, normalize.InvalidKeep, true)
	c.orig = bufio.NewReaderSize(bytes.NewReader(orig.Bytes()), 64<<10)
	return nil
}

func (c *comparer) Write(p []byte) (int, error) {
	if c.differ {
		return len(p), nil
	}
	for k := 0; k < len(p); {
		b, _ := c.orig.Peek(min(len(p)-k, c.orig.Size()))
		if len(b) == 0 {
			c.differ = true
			return len(p), nil
		}
		if !bytes.Equal(b, p[k:k+len(b)]) {
			c.differ = true
			return len(p), nil
		}
		c.orig.Discard(len(b))
		k += len(b)
	}
	return len(p), nil
}

// finish reports whether the text written differs from the original.
func (c *comparer) finish() bool {
	if c.differ {
		return true
	}
	_, err := c.orig.Peek(1)
	return err == nil // more original than output
}
