package textnormbeam

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/textnorm/textnorm"
	"github.com/textnorm/textnorm/detect"
	"github.com/textnorm/textnorm/language"
	"github.com/textnorm/textnorm/normalize"
)

func init() {
	register.DoFn3x1[context.Context, Doc, func(string), error](&tagFn{})
}

// TagOptions choose the tagging, as the flags of "textnorm tag" do.
type TagOptions struct {
	// Profile is "auto" (or ""): each segment normalized with its own
	// language's profile; or the profile of every segment.
	Profile string
	// With are rules to add to every segment's profile; mojibake and
	// html-entities repair the text before its languages are detected.
	With []string
	// Langs restricts the languages considered (BCP 47 tags or names, as
	// --langs takes them).
	Langs []string
	// All writes the white space between segments too.
	All bool
	// Offsets are the offset units written beside the byte offsets, as
	// --offsets takes them: "rune", "utf16".
	Offsets []string
}

type tagConfig struct {
	tagger  *textnorm.Tagger
	offsets textnorm.Offsets
}

// config builds what o says, or an *OptionError.
func (o TagOptions) config() (tagConfig, error) {
	var c tagConfig
	var err error
	if c.offsets, err = textnorm.ParseOffsets(strings.Join(o.Offsets, ",")); err != nil {
		return c, &OptionError{Option: "offsets", Err: err}
	}
	langs, err := language.ParseList(strings.Join(o.Langs, ","))
	if err != nil {
		return c, &OptionError{Option: "langs", Err: err}
	}
	topts := textnorm.TagOptions{Options: detect.Options{Langs: langs, All: o.All}}
	if topts.Profile, err = textnorm.ParseProfile(o.Profile); err != nil {
		return c, &OptionError{Option: "profile", Err: err}
	}
	with, err := parseRules("with", o.With)
	if err != nil {
		return c, err
	}
	// As the command's --with: added to the one profile, or to each
	// language's, with the repairs they ask for done before detection.
	if len(with) > 0 {
		if topts.Profile != nil {
			p := topts.Profile.With(with...)
			topts.Profile = &p
		} else {
			topts.ProfileOf = func(lang string) normalize.Profile { return textnorm.ProfileFor(lang).With(with...) }
			topts.Repair = normalize.RuleSet(0).With(with...).Repairs()
		}
	}
	if c.tagger, err = textnorm.NewTagger(topts); err != nil {
		return c, &OptionError{Option: "langs", Err: err}
	}
	return c, nil
}

// Tag returns the segments of docs, a PCollection of Doc, as a
// PCollection of strings: each the JSON Lines segment of "textnorm tag
// --format jsonl" (textnorm.AppendJSON) with the document's file and, for
// a whole file, the line of the segment's start, for a record the
// record's line. A Doc with an ID gets an "id" key after "line", its value
// the record's as it was. Bad records have no segments: they are logged
// and counted (textnorm/bad_inputs, when read).
func Tag(s beam.Scope, docs beam.PCollection, opts TagOptions) (beam.PCollection, error) {
	if _, err := opts.config(); err != nil {
		return beam.PCollection{}, err
	}
	return beam.ParDo(s.Scope("textnorm.Tag"), &tagFn{Opts: opts}, docs), nil
}

var segmentsOut = beam.NewCounter("textnorm", "segments")

type tagFn struct {
	Opts TagOptions
	c    tagConfig
}

func (f *tagFn) Setup() (err error) {
	f.c, err = sharedValue("tag", f.Opts, f.Opts.config)
	return err
}

func (f *tagFn) ProcessElement(ctx context.Context, d Doc, emit func(string)) error {
	if d.Bad() {
		log.Warnf(ctx, "textnorm: %s", d.Err)
		return nil
	}
	w := &lineWriter{emit: emit, id: d.ID}
	l := textnorm.JSONLine{File: d.File, Line: d.Line, Offsets: f.c.offsets}
	if d.Line == 0 && (d.Encoding != "" || d.Skip > 0 || len(d.Replaced) > 0) {
		// A whole file decoded, or with invalid bytes replaced: offsets
		// index its bytes as they were.
		enc, err := normalize.ParseEncoding(cmp.Or(d.Encoding, "utf-8"))
		if err != nil {
			return fmt.Errorf("textnorm: %s: %w", d.File, err)
		}
		l.Input = textnorm.InputOffsets(d.Text, enc, d.Skip, d.Replaced...)
	}
	if err := textnorm.JSONL.WriteSeq(w, d.Text, f.c.tagger.TagSeq(d.Text), l); err != nil {
		return fmt.Errorf("textnorm: %s: %w", d.File, err)
	}
	segmentsOut.Inc(ctx, int64(w.n))
	return nil
}

// A lineWriter emits each line written to it, without its line feed, and
// with the record's id spliced in. Records come whole, a buffer of them at
// a time.
type lineWriter struct {
	emit func(string)
	id   string
	n    int
	part []byte
}

func (w *lineWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			w.part = append(w.part, p...)
			break
		}
		line := p[:i]
		if len(w.part) > 0 {
			line = append(w.part, line...)
			w.part = w.part[:0]
		}
		w.emit(withID(line, w.id))
		w.n++
		p = p[i+1:]
	}
	return n, nil
}

// startKey is the key after "line" in every segment record: the first
// `,"start":` of a record is it, since a string's quotes are escaped.
const startKey = `,"start":`

// withID returns the segment record rec with "id":id before its "start"
// key (after "line"), or as it is when id is "".
func withID(rec []byte, id string) string {
	if id == "" {
		return string(rec)
	}
	i := bytes.Index(rec, []byte(startKey))
	return string(rec[:i]) + `,"id":` + id + string(rec[i:])
}
