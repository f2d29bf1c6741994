package normalize

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/cases"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"

	"github.com/textnorm/textnorm/diag"
	"github.com/textnorm/textnorm/internal/lines"
	"github.com/textnorm/textnorm/repair"
)

// A Profile is a Unicode normalization form and a set of rules, applied in
// this order:
//
//  1. a compatibility decomposition (NFKD) first when the form is NFKC or
//     NFKD, or a canonical one (NFD) when the rules remove diacritics, so
//     that rules see the letters and marks that the form will output;
//  2. case folding, then width folding, when the rules ask for them;
//  3. the other rules, fused into a single pass;
//  4. the form itself, last, so the output is always in that form (rules
//     that delete characters can leave marks that compose anew).
//
// Profiles are values: the methods that change one return a new Profile.
// The zero Profile is the "none" profile with NFC.
type Profile struct {
	name  string
	form  norm.Form
	rules RuleSet
}

// NewProfile returns a profile with the given name, form and rules.
func NewProfile(name string, form norm.Form, rules RuleSet) Profile {
	return Profile{name: name, form: form, rules: rules}
}

// The default rule set: display-preserving cleanup for any language.
const defaultRules = RuleSet(LineEndings | Controls | Invisibles | Spaces | TrimTrailing | CollapseSpaces)

// The built-in profiles. Their names are part of the CLI and the API.
var (
	// None applies the Unicode form only (NFC unless changed).
	None = Profile{name: "none", form: norm.NFC}
	// Default is display-preserving cleanup for text in any language.
	Default = Profile{name: "default", form: norm.NFC, rules: defaultRules}
	// Persian is Default plus standard Persian orthography: Farsi yeh and
	// keheh, Persian digits for Arabic-Indic ones, no tatweel, clean ZWNJs,
	// Arabic comma, semicolon and question mark, no presentation forms.
	Persian = Profile{name: "fa", form: norm.NFC, rules: defaultRules.With(
		PersianLetters, PresentationForms, Tatweel, DigitsPersian, ZWNJ, ArabicPunctuation,
		ZWNJAffixes, PersianQuotes, PunctSpacing)}
	// Arabic is Default plus standard Arabic orthography: Arabic kaf and
	// yeh, Arabic-Indic digits for Persian ones, no tatweel, clean ZWNJs,
	// Arabic punctuation, no presentation forms.
	Arabic = Profile{name: "ar", form: norm.NFC, rules: defaultRules.With(
		ArabicLetters, PresentationForms, Tatweel, DigitsArabic, ZWNJ, ArabicPunctuation, PunctSpacing)}
	// Urdu is Default plus standard Urdu orthography: Farsi yeh, keheh and
	// heh goal, Extended Arabic-Indic digits, no tatweel, clean ZWNJs,
	// Arabic punctuation, no presentation forms.
	Urdu = Profile{name: "ur", form: norm.NFC, rules: defaultRules.With(
		UrduLetters, PresentationForms, Tatweel, DigitsPersian, ZWNJ, ArabicPunctuation, PunctSpacing)}
	// Pashto is Default plus standard Pashto orthography: keheh, Farsi yeh
	// for alef maksura (Arabic yeh is a Pashto letter and stays), Extended
	// Arabic-Indic digits, no tatweel, clean ZWNJs, Arabic punctuation, no
	// presentation forms.
	Pashto = Profile{name: "ps", form: norm.NFC, rules: defaultRules.With(
		PashtoLetters, PresentationForms, Tatweel, DigitsPersian, ZWNJ, ArabicPunctuation, PunctSpacing)}
	// Search folds aggressively for matching and indexing, in the spirit of
	// ICU's nfkc_cf and search engines' Persian and Arabic filters: NFKC,
	// case folding, width folding, no diacritics or harakat, Arabic-script
	// letter variants merged, ASCII digits, quotes and dashes, no ZWNJ.
	Search = Profile{name: "search", form: norm.NFKC, rules: defaultRules.With(
		CaseFold, Width, Diacritics, Harakat, SearchLetters, PresentationForms, Tatweel,
		DigitsASCII, RemoveZWNJ, Quotes, Dashes)}
)

// Profiles returns the built-in profiles.
func Profiles() []Profile {
	return []Profile{None, Default, Persian, Arabic, Urdu, Pashto, Search}
}

// Lookup returns the built-in profile with the given name. "persian",
// "arabic", "urdu" and "pashto" are accepted for "fa", "ar", "ur" and "ps".
// An unknown name is a *diag.UnknownError of Kind "profile" that lists the
// built-in profiles' names.
func Lookup(name string) (Profile, error) {
	switch strings.ToLower(name) {
	case "persian", "farsi", "dari", "prs":
		name = "fa"
	case "arabic":
		name = "ar"
	case "urdu":
		name = "ur"
	case "pashto", "pushto":
		name = "ps"
	}
	for _, p := range Profiles() {
		if p.name == strings.ToLower(name) {
			return p, nil
		}
	}
	names := make([]string, 0, 7)
	for _, p := range Profiles() {
		names = append(names, p.name)
	}
	return Profile{}, &diag.UnknownError{Kind: "profile", Name: name, Known: names}
}

// ParseForm returns the Unicode normalization form named "nfc", "nfd",
// "nfkc" or "nfkd" (in any case). An unknown name is a *diag.UnknownError
// of Kind "form".
func ParseForm(name string) (norm.Form, error) {
	switch strings.ToLower(name) {
	case "nfc":
		return norm.NFC, nil
	case "nfd":
		return norm.NFD, nil
	case "nfkc":
		return norm.NFKC, nil
	case "nfkd":
		return norm.NFKD, nil
	}
	return 0, &diag.UnknownError{Kind: "form", Name: name, Known: []string{"nfc", "nfd", "nfkc", "nfkd"}}
}

// FormName returns the lower-case name of a form, such as "nfc".
func FormName(f norm.Form) string {
	switch f {
	case norm.NFD:
		return "nfd"
	case norm.NFKC:
		return "nfkc"
	case norm.NFKD:
		return "nfkd"
	}
	return "nfc"
}

// Name returns the profile's name.
func (p Profile) Name() string {
	if p.name == "" {
		return "none"
	}
	return p.name
}

// Form returns the profile's Unicode normalization form.
func (p Profile) Form() norm.Form { return p.form }

// Rules returns the profile's rules.
func (p Profile) Rules() RuleSet { return p.rules }

// WithForm returns p with the form f.
func (p Profile) WithForm(f norm.Form) Profile { p.form = f; return p }

// With returns p with the rules added (see RuleSet.With).
func (p Profile) With(rules ...Rule) Profile { p.rules = p.rules.With(rules...); return p }

// Without returns p without the rules.
func (p Profile) Without(rules ...Rule) Profile { p.rules = p.rules.Without(rules...); return p }

// Describe returns the profile's name, form and rules, as in
// "fa (nfc: line-endings,controls,...)".
func (p Profile) Describe() string {
	return fmt.Sprintf("%s (%s: %s)", p.Name(), FormName(p.form), p.rules)
}

// cleanerRules returns the rules the cleaner applies, or 0 when the profile
// needs no cleaner. CaseFold is a stage of its own (caseFold).
func (p Profile) cleanerRules() RuleSet {
	return p.rules &^ (RuleSet(Width|Mojibake|HTMLEntities|PersianDecimal) | lineRules)
}

// orthography applies the profile's line rules (see orthographyRules) to
// s, the cleaner's output.
func (p Profile) orthography(s string) string {
	// A line at a time, as the stream does them.
	o := &orthoLines{rules: p.rules, all: p.rules&RuleSet(TrimLeading|CollapseBlankLines) != 0}
	var out []byte
	for len(s) > 0 {
		n := strings.IndexByte(s, '\n') + 1
		if n == 0 {
			n = len(s)
		}
		out = o.into(out, []byte(s[:n]))
		s = s[n:]
	}
	return string(out)
}

// hasOrthography reports whether the profile has a line rule.
func (p Profile) hasOrthography() bool {
	return p.rules&lineRules != 0
}

// Repairs returns the repairs of package repair that the rules of s ask
// for (Mojibake, HTMLEntities), which a profile makes before everything
// else; a tagger makes them before detecting languages.
func (s RuleSet) Repairs() repair.Fixes {
	var f repair.Fixes
	if s.Has(Mojibake) {
		f |= repair.Mojibake
	}
	if s.Has(HTMLEntities) {
		f |= repair.Entities
	}
	return f
}

// pre returns the decomposition the profile runs first, if any.
func (p Profile) pre() (norm.Form, bool) {
	switch {
	case p.form == norm.NFKC || p.form == norm.NFKD:
		return norm.NFKD, p.rules != 0
	case p.rules.Has(Diacritics):
		return norm.NFD, true
	}
	return 0, false
}

// Transformer returns a new transformer that applies the profile. It keeps
// state between calls and so must not be shared between goroutines; it
// works on input of any size with bounded memory. Its output is Apply's,
// however the text is cut, but for lines longer than 64 KB (see
// stream.go).
func (p Profile) Transformer() transform.Transformer {
	if p.rules != 0 && p.fused() != nil {
		return newStreamTransformer(p)
	}
	return p.stagedTransformer()
}

// stagedTransformer is the profile's stages one after the other, as
// transformers in a chain: what Transformer is for the profiles the fused
// scan does not know, and what the streams give a line too long for it.
func (p Profile) stagedTransformer() transform.Transformer {
	var ts []transform.Transformer
	if fx := p.rules.Repairs(); fx != 0 {
		ts = append(ts, repair.NewTransformer(fx))
	}
	if f, ok := p.pre(); ok {
		ts = append(ts, f)
	}
	if p.rules.Has(CaseFold) {
		ts = append(ts, caseFold())
	}
	if p.rules.Has(Width) {
		ts = append(ts, width.Fold)
	}
	if cr := p.cleanerRules(); cr != 0 || p.rules&(lineRules|RuleSet(PersianDecimal)) != 0 {
		if cr.Has(Controls) {
			ts = append(ts, &lines.Transformer{Into: func(dst, line []byte) []byte {
				view := unsafe.String(unsafe.SliceData(line), len(line))
				return appendEdited(dst, view, ansiEdits(view))
			}})
		}
		q := &spanQueue{}
		ts = append(ts, &lines.Transformer{Into: maskInto(q), OnReset: q.reset})
		if cr != 0 {
			ts = append(ts, newCleaner(tableFor(cr)))
		}
		if p.hasOrthography() {
			o := &orthoLines{rules: p.rules, all: p.rules&RuleSet(TrimLeading|CollapseBlankLines) != 0}
			ts = append(ts, &lines.Transformer{Into: o.into, OnReset: func() { o.blank = false }})
		}
		ts = append(ts, &lines.Transformer{Into: unmaskInto(q, p.numberRules())})
	}
	ts = append(ts, formOf(p.form).transformer())
	if len(ts) == 1 {
		return ts[0]
	}
	for i := 1; i < len(ts); i++ {
		ts[i] = &absorber{t: ts[i]}
	}
	return transform.Chain(ts...)
}

// maxTail bounds what an absorber holds; the transformers of a profile need
// at most a few hundred bytes to make progress.
const maxTail = 1024

// absorber wraps a transformer that follows another in a transform.Chain.
// The chain gives up with "transform: short internal buffer" when a
// transformer asks for more input (ErrShortSrc) without using any right
// after the one before it reported its output buffer full: it does so even
// when that buffer is full only because it ends with the unused tail of the
// input, the start of a rune or a segment that cannot be transformed yet.
// The absorber takes such a tail into a buffer of its own and puts it before
// the next input, so the chain's buffer empties and the chain goes on.
type absorber struct {
	t    transform.Transformer
	tail []byte // input taken but not yet transformed
	work []byte // tail followed by src
}

func (a *absorber) Reset() {
	a.t.Reset()
	a.tail = a.tail[:0]
}

func (a *absorber) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	in := src
	if len(a.tail) > 0 {
		a.work = append(append(a.work[:0], a.tail...), src...)
		in = a.work
	}
	nDst, n, err := a.t.Transform(dst, in, atEOF)
	if err == transform.ErrShortSrc && n == 0 && !atEOF && len(in) <= maxTail {
		a.tail = append(a.tail[:0], in...)
		return nDst, len(src), nil
	}
	if n < len(a.tail) {
		a.tail = a.tail[:copy(a.tail, a.tail[n:])]
		return nDst, 0, err
	}
	n -= len(a.tail)
	a.tail = a.tail[:0]
	return nDst, n, err
}

// String returns the profile's name, so that a Profile prints as "fa" or
// "default" (see Name).
func (p Profile) String() string { return p.Name() }

// Apply returns s normalized with p: the method twin of String(s, p). It
// was named String before String became the profile's name.
func (p Profile) Apply(s string) string {
	if p.rules == 0 {
		return formOf(p.form).String(s)
	}
	if f := p.fused(); f != nil {
		return f.apply(p, s)
	}
	return p.applyStages(s)
}

// ApplyValid returns Apply(s), and whether s is valid UTF-8, found on the
// way where Apply's fast paths step over s (they check each code point as
// they look it up) and checked apart only where they do not: a command
// that reports invalid input at its place need not check the text twice.
func (p Profile) ApplyValid(s string) (out string, valid bool) {
	if p.rules == 0 {
		return formOf(p.form).stringValid(s)
	}
	if f := p.fused(); f != nil {
		return f.applyValid(p, s)
	}
	return p.applyStages(s), utf8.ValidString(s)
}

// BytesValid is ApplyValid on b: out is b itself when p changes nothing,
// else a new slice; b must not change while out is in use.
func (p Profile) BytesValid(b []byte) (out []byte, valid bool) {
	s, valid := p.ApplyValid(unsafe.String(unsafe.SliceData(b), len(b)))
	return unsafe.Slice(unsafe.StringData(s), len(s)), valid
}

// LineLocal reports whether p works a line at a time and carries nothing
// across a line feed, as its streams do: a text's runs of whole lines,
// each of at most 64 KB, normalized one after the other give what the
// text normalized whole gives. Profiles with CollapseBlankLines, case or
// width folding or repairs are not, as far as this package knows.
func (p Profile) LineLocal() bool { return p.streamsLines() }

// applyStages returns s normalized with p a stage after the other, each
// over the whole of s: the reference the fused path (fused.go) keeps to,
// and what it runs on the lines that may change.
func (p Profile) applyStages(s string) string {
	if fx := p.rules.Repairs(); fx != 0 {
		s = repair.Fix(s, fx)
	}
	if f, ok := p.pre(); ok {
		s = formOf(f).String(s)
	}
	if p.rules.Has(CaseFold) {
		s, _, _ = transform.String(caseFold(), s)
	}
	if p.rules.Has(Width) {
		s = width.Fold.String(s)
	}
	if cr := p.cleanerRules(); cr != 0 || p.rules&(lineRules|RuleSet(PersianDecimal)) != 0 {
		if cr.Has(Controls) {
			if e := ansiEdits(s); e != nil {
				s = string(appendEdited(nil, s, e))
			}
		}
		m, spans := maskSpans(s)
		if cr != 0 {
			m = clean(tableFor(cr), m, nil)
		}
		s = unmaskSpans(p.orthography(m), spans, p.numberRules())
	}
	return formOf(p.form).String(s)
}

// Bytes returns b normalized with p in a new slice.
func (p Profile) Bytes(b []byte) []byte {
	if p.rules == 0 {
		return formOf(p.form).Bytes(b)
	}
	// A view of b, not a copy: Apply only reads it, and its result is
	// copied (it may be the view itself).
	return []byte(p.Apply(unsafe.String(unsafe.SliceData(b), len(b))))
}

// NewReader returns a reader of r's contents normalized with p.
func (p Profile) NewReader(r io.Reader) io.Reader {
	return transform.NewReader(r, p.Transformer())
}

// NewWriter returns a writer that normalizes with p what is written to it
// and writes the result to w. Close flushes the end of the text (trailing
// spaces, a held-back character) and must be called; it does not close w.
func (p Profile) NewWriter(w io.Writer) io.WriteCloser {
	if p.streamsLines() {
		return newStreamWriter(p, w)
	}
	return transform.NewWriter(w, p.Transformer())
}

// Align returns s normalized with p, and the alignment of the result with s.
func (p Profile) Align(s string) (string, *Alignment) {
	out, stages := p.stages(s)
	a := &Alignment{inLen: len(s), outLen: len(out)}
	for _, st := range stages {
		a.stages = append(a.stages, st.pieces)
	}
	return out, a
}

// A stage is one pass of a profile over the text, as Align and Explain see
// it: its input and the pieces that align its output with it.
type stage struct {
	rule   string   // the form's name, or the rule's
	form   bool     // a Unicode normalization form
	whats  []string // a repair's: what each changed piece undid, in order
	hidden bool     // no change of its is listed (the masking of protected spans)
	in     string
	out    string
	pieces []Piece
	table  *table // the cleaner's, for the cleaner stage
}

// stages runs p over s one stage at a time, recording each.
func (p Profile) stages(s string) (string, []stage) {
	var stages []stage
	run := func(st stage, out string, ps []Piece) {
		st.in, st.out, st.pieces = s, out, ps
		stages = append(stages, st)
		s = out
	}
	if fx := p.rules.Repairs(); fx != 0 {
		outs, steps := repair.Passes(s, fx)
		for k, out := range outs {
			st := stage{rule: Mojibake.String()}
			edits := make([]edit, len(steps[k]))
			for i, step := range steps[k] {
				edits[i] = edit{step.Start, step.End, step.After}
				rule, what, _ := strings.Cut(step.What, ": ")
				st.rule = rule
				st.whats = append(st.whats, what)
			}
			_, ps := applyEdits(s, edits)
			run(st, out, ps)
		}
	}
	if f, ok := p.pre(); ok && p.rules != 0 {
		// The decomposition is the first half of a compatibility form;
		// before diacritics are removed it is NFD.
		name := FormName(f)
		if p.form == norm.NFKC || p.form == norm.NFKD {
			name = FormName(p.form)
		}
		out, ps := formPieces(f, s)
		run(stage{rule: name, form: true}, out, ps)
	}
	if p.rules.Has(CaseFold) {
		out, ps := runePieces(caseFold(), s)
		run(stage{rule: CaseFold.String()}, out, ps)
	}
	if p.rules.Has(Width) {
		out, ps := runePieces(width.Fold, s)
		run(stage{rule: Width.String()}, out, ps)
	}
	if cr := p.cleanerRules(); cr != 0 || p.rules&(lineRules|RuleSet(PersianDecimal)) != 0 {
		if cr.Has(Controls) {
			if out, ps := applyEdits(s, ansiEdits(s)); ps != nil {
				run(stage{rule: Controls.String()}, out, ps)
			}
		}
		// Protected spans go through the cleaner as placeholders: the
		// masking and unmasking are stages that Explain does not list.
		edits, spans := maskEdits(s, protectSpans(s))
		if spans != nil {
			m, ps := applyEdits(s, edits)
			run(stage{rule: "protect", hidden: true}, m, ps)
		}
		out := s
		if cr != 0 {
			rec := &recorder{}
			t := tableFor(cr)
			out = clean(t, s, rec)
			run(stage{table: t}, out, rec.finish())
		}
		for _, r := range orthographyRules {
			if p.rules.Has(r) {
				if o, ps := applyEdits(out, orthographyEdits(r, out)); ps != nil {
					run(stage{rule: r.String()}, o, ps)
					out = o
				}
			}
		}
		if p.rules.Has(CollapseBlankLines) {
			e, _ := collapseBlankLines(nil, out, false)
			if o, ps := applyEdits(out, e); ps != nil {
				run(stage{rule: CollapseBlankLines.String()}, o, ps)
				out = o
			}
		}
		if spans != nil {
			o, ps := applyEdits(out, unmaskEdits(out, spans, p.numberRules()))
			run(stage{rule: "protect", hidden: true}, o, ps)
		}
	}
	out, ps := formPieces(p.form, s)
	run(stage{rule: FormName(p.form), form: true}, out, ps)
	return s, stages
}

// clean runs the cleaner over the whole of s.
func clean(t *table, s string, rec *recorder) string {
	c := &cleaner{t: t, lineStart: true, rec: rec}
	c.out = make([]byte, 0, len(s)+len(s)/16)
	// Views, not copies, so that a long line is not held three times: the
	// cleaner only reads its input, and c.out is not touched again.
	src := unsafe.Slice(unsafe.StringData(s), len(s))
	c.run(src, src, true, true)
	return unsafe.String(unsafe.SliceData(c.out), len(c.out))
}

// String returns s normalized with profile p.
func String(s string, p Profile) string { return p.Apply(s) }

// Bytes returns b normalized with profile p.
func Bytes(b []byte, p Profile) []byte { return p.Bytes(b) }

// NewReader returns a reader of r's contents normalized with profile p.
func NewReader(r io.Reader, p Profile) io.Reader { return p.NewReader(r) }

// NewWriter returns a writer that normalizes with profile p into w; see
// Profile.NewWriter.
func NewWriter(w io.Writer, p Profile) io.WriteCloser { return p.NewWriter(w) }

// caseFold is CaseFold's stage: x/text's full case folding, then Cherokee
// to upper case. x/text folds Cherokee letters to lower case and its
// lower-case ones to upper case, so that folding twice undoes it;
// CaseFolding.txt folds both to upper case (U+AB70..U+ABBF to
// U+13A0..U+13EF, U+13F8..U+13FD to U+13F0..U+13F5). In one stage, the
// fold reaches protected spans too, which the stages after it leave as
// they are.
func caseFold() transform.Transformer {
	return transform.Chain(cases.Fold(), cherokeeFold{})
}

// cherokeeFold maps Cherokee to upper case (foldCherokee), and copies
// everything else, invalid bytes too, as it is (runes.Map would write
// U+FFFD for them).
type cherokeeFold struct{ transform.NopResetter }

func (cherokeeFold) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		// Cherokee's letters to fold start with E1 or EA.
		j := nSrc
		for j < len(src) && src[j] != 0xE1 && src[j] != 0xEA {
			j++
		}
		if j > nSrc {
			n := copy(dst[nDst:], src[nSrc:j])
			nDst += n
			nSrc += n
			if nSrc < j {
				return nDst, nSrc, transform.ErrShortDst
			}
			continue
		}
		if !utf8.FullRune(src[nSrc:]) && !atEOF {
			return nDst, nSrc, transform.ErrShortSrc
		}
		r, size := utf8.DecodeRune(src[nSrc:])
		if size == 3 {
			if f := foldCherokee(r); f != r {
				if len(dst)-nDst < 3 {
					return nDst, nSrc, transform.ErrShortDst
				}
				nDst += utf8.EncodeRune(dst[nDst:], f)
				nSrc += 3
				continue
			}
		}
		if nDst == len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		dst[nDst] = src[nSrc]
		nDst++
		nSrc++
	}
	return nDst, nSrc, nil
}

func foldCherokee(r rune) rune {
	switch {
	case r >= 0xAB70 && r <= 0xABBF:
		return r - 0xAB70 + 0x13A0
	case r >= 0x13F8 && r <= 0x13FD:
		return r - 8
	}
	return r
}
