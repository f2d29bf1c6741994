package textnormbeam

import (
	"fmt"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/textnorm/textnorm"
	"github.com/textnorm/textnorm/jsonl"
	"github.com/textnorm/textnorm/normalize"
)

func init() {
	register.DoFn2x0[Doc, func(Doc)](&normalizeFn{})
	register.DoFn2x0[string, func(string)](&normalizeStringFn{})
	register.Function2x0(docLine)
	register.Emitter1[string]()
}

// NormalizeOptions choose the normalization, as the flags of "textnorm
// normalize" do.
type NormalizeOptions struct {
	// Profile is a profile name (normalize.Lookup, or a language that
	// textnorm.ParseProfile knows), or "auto": each segment with its own
	// language's profile, the document tagged first. "" is "default".
	Profile string
	// Form, when not empty, replaces the profile's Unicode form: nfc,
	// nfd, nfkc or nfkd.
	Form string
	// With and Without are rules to add to the profile and to take out
	// (normalize.ParseRule names).
	With, Without []string
}

// A normalizer is a profile, or textnorm's auto profile.
type normalizer struct {
	p    normalize.Profile
	auto *textnorm.Tagger
}

func (n normalizer) apply(s string) string {
	if n.auto != nil {
		return n.auto.Normalize(s)
	}
	return n.p.Apply(s)
}

// normalizer returns the normalizer of o, or an *OptionError.
func (o NormalizeOptions) normalizer() (normalizer, error) {
	if strings.EqualFold(o.Profile, textnorm.Auto) {
		if o.Form != "" || len(o.With) > 0 || len(o.Without) > 0 {
			return normalizer{}, &OptionError{Option: "profile", Err: fmt.Errorf("auto takes no --form, --with or --without: each language's profile decides")}
		}
		t, err := textnorm.NewTagger(textnorm.TagOptions{})
		return normalizer{auto: t}, err
	}
	name := o.Profile
	if name == "" {
		name = "default"
	}
	pp, err := textnorm.ParseProfile(name)
	if err != nil {
		return normalizer{}, &OptionError{Option: "profile", Err: err}
	}
	p := *pp
	if o.Form != "" {
		f, err := normalize.ParseForm(o.Form)
		if err != nil {
			return normalizer{}, &OptionError{Option: "form", Err: err}
		}
		p = p.WithForm(f)
	}
	with, err := parseRules("with", o.With)
	if err != nil {
		return normalizer{}, err
	}
	without, err := parseRules("without", o.Without)
	if err != nil {
		return normalizer{}, err
	}
	return normalizer{p: p.With(with...).Without(without...)}, nil
}

func parseRules(option string, names []string) ([]normalize.Rule, error) {
	var rules []normalize.Rule
	for _, n := range names {
		l, err := normalize.ParseRules(n)
		if err != nil {
			return nil, &OptionError{Option: option, Err: err}
		}
		rules = append(rules, l...)
	}
	return rules, nil
}

// shared returns the process's normalizer of o.
func (o NormalizeOptions) shared() (normalizer, error) {
	return sharedValue("normalize", o, o.normalizer)
}

// Normalize returns docs, a PCollection of Doc, with each document's
// Text normalized as opts say. Bad records pass as they are.
func Normalize(s beam.Scope, docs beam.PCollection, opts NormalizeOptions) (beam.PCollection, error) {
	if _, err := opts.normalizer(); err != nil {
		return beam.PCollection{}, err
	}
	return beam.ParDo(s.Scope("textnorm.Normalize"), &normalizeFn{Opts: opts}, docs), nil
}

// NormalizeStrings returns col, a PCollection of strings, each string a
// document, normalized as opts say.
func NormalizeStrings(s beam.Scope, col beam.PCollection, opts NormalizeOptions) (beam.PCollection, error) {
	if _, err := opts.normalizer(); err != nil {
		return beam.PCollection{}, err
	}
	return beam.ParDo(s.Scope("textnorm.NormalizeStrings"), &normalizeStringFn{Opts: opts}, col), nil
}

type normalizeFn struct {
	Opts NormalizeOptions
	n    normalizer
}

func (f *normalizeFn) Setup() (err error) { f.n, err = f.Opts.shared(); return err }

func (f *normalizeFn) ProcessElement(d Doc, emit func(Doc)) {
	if !d.Bad() {
		d.Text = f.n.apply(d.Text)
	}
	emit(d)
}

type normalizeStringFn struct {
	Opts NormalizeOptions
	n    normalizer
}

func (f *normalizeStringFn) Setup() (err error) { f.n, err = f.Opts.shared(); return err }

func (f *normalizeStringFn) ProcessElement(s string, emit func(string)) { emit(f.n.apply(s)) }

// Lines returns the line that each Doc of docs is written as, as a
// PCollection of strings: a JSON Lines record with its field's value
// replaced by Text and every other byte as it was (a bad record as it
// is, as the textnorm command writes it), and a whole file as a record of
// its own, {"file":NAME,"text":TEXT}, since the lines of a sharded output
// come in no order and a document needs its name.
func Lines(s beam.Scope, docs beam.PCollection) beam.PCollection {
	return beam.ParDo(s.Scope("textnorm.Lines"), docLine, docs)
}

func docLine(d Doc, emit func(string)) { emit(string(AppendLine(nil, d))) }

// AppendLine appends to dst the line of d that Lines writes, without a
// line feed.
func AppendLine(dst []byte, d Doc) []byte {
	switch {
	case d.Raw == "":
		dst = append(dst, `{"file":`...)
		dst = jsonl.AppendString(dst, d.File)
		dst = append(dst, `,"text":`...)
		dst = jsonl.AppendString(dst, d.Text)
		return append(dst, '}')
	case d.Bad():
		return append(dst, d.Raw...)
	}
	r := jsonl.Record{Raw: []byte(d.Raw), Start: d.Start, End: d.End, OK: true}
	if old, _, err := jsonl.Unquote(r.Raw[d.Start:d.End]); err == nil && old == d.Text {
		return append(dst, d.Raw...) // its escapes too stay as they were
	}
	return r.AppendWith(dst, d.Text)
}
