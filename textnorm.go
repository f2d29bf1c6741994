// Package textnorm tags multilingual text: it splits a document into
// segments of one script and one language (package detect) and normalizes
// each segment with the profile of its own language (package normalize),
// so that an Arabic quotation inside Persian text is not "corrected" into
// Persian. The segments can be written as JSON Lines, the format of the
// textnorm command's tag output (see AppendJSON).
package textnorm

import (
	"fmt"
	"strings"

	"github.com/textnorm/textnorm/detect"
	"github.com/textnorm/textnorm/normalize"
)

// A Segment is a detected segment with its normalized text.
type Segment struct {
	detect.Segment
	// Norm is Text normalized with the segment's profile.
	Norm string
}

// Auto is the profile name that normalizes each segment with the profile of
// its language (see ProfileFor).
const Auto = "auto"

// TagOptions configure a Tagger.
type TagOptions struct {
	detect.Options
	// Profile names the normalization profile of every segment, or Auto
	// (also the meaning of "") for each segment's own language's.
	Profile string
}

// A Tagger tags documents. It is safe for concurrent use.
type Tagger struct {
	det     *detect.Detector
	auto    bool
	profile normalize.Profile
}

// NewTagger returns a Tagger configured by opts, or an error if the profile
// is unknown.
func NewTagger(opts TagOptions) (*Tagger, error) {
	t := &Tagger{det: detect.NewDetector(opts.Options)}
	if opts.Profile == "" || opts.Profile == Auto {
		t.auto = true
		return t, nil
	}
	p, err := normalize.Lookup(opts.Profile)
	if err != nil {
		return nil, fmt.Errorf("textnorm: %w", err)
	}
	t.profile = p
	return t, nil
}

// Tag returns the segments of text, each with its normalized text.
func (t *Tagger) Tag(text string) []Segment {
	segs := t.det.Segments(text)
	out := make([]Segment, len(segs))
	for i, s := range segs {
		if s.Neutral() && detect.IsGap(s.Text) {
			out[i] = Segment{Segment: s, Norm: t.gapNorm(text, s.Start, s.End)}
			continue
		}
		p := t.profile
		if t.auto {
			p = ProfileFor(s.Lang)
		}
		out[i] = Segment{Segment: s, Norm: p.Apply(s.Text)}
	}
	return out
}

// gapNorm is the normalized form of the white space text[start:end] between
// two segments (returned with Options.All). Alone it would be trimmed to
// nothing, so it is normalized between stand-ins for its neighbours on the
// same line, and they are cut off again: the profile itself decides what
// becomes of a line break, an indentation, trailing spaces or a BOM. With
// Auto, the profile is normalize.Default, which every language's includes.
func (t *Tagger) gapNorm(text string, start, end int) string {
	p := t.profile
	if t.auto {
		p = normalize.Default
	}
	const stand = "x"
	before := start > 0 && text[start-1] != '\n' && text[start-1] != '\r'
	after := end < len(text)
	in := text[start:end]
	if before {
		in = stand + in
	}
	if after {
		in += stand
	}
	out := p.Apply(in)
	if before {
		if !strings.HasPrefix(out, stand) {
			return p.Apply(text[start:end])
		}
		out = out[len(stand):]
	}
	if after {
		if !strings.HasSuffix(out, stand) {
			return p.Apply(text[start:end])
		}
		out = out[:len(out)-len(stand)]
	}
	return out
}

// Tag returns the segments of text with their normalized text, with a new
// Tagger for opts.
func Tag(text string, opts TagOptions) ([]Segment, error) {
	t, err := NewTagger(opts)
	if err != nil {
		return nil, err
	}
	return t.Tag(text), nil
}

// ProfileFor returns the normalization profile of a language: fa (and its
// variety Dari, prs), ar, ur and ps have their own; every other language,
// and und, gets Default.
func ProfileFor(lang string) normalize.Profile {
	switch lang {
	case "fa", "prs":
		return normalize.Persian
	case "ar":
		return normalize.Arabic
	case "ur":
		return normalize.Urdu
	case "ps":
		return normalize.Pashto
	}
	return normalize.Default
}

// Normalize returns text normalized language by language: with the Auto
// profile, each segment is replaced by its own Norm and the whole is then
// normalized with normalize.Default, which every language's profile
// includes, for the white space between segments (line endings, trailing
// spaces, byte order marks); with a named profile, it is that profile's
// String.
func (t *Tagger) Normalize(text string) string {
	if !t.auto {
		return t.profile.Apply(text)
	}
	return NormalizeSegments(text, t.Tag(text))
}

// NormalizeSegments returns text with each of its segments (as Tag returns
// them) replaced by its Norm, normalized as a whole with normalize.Default.
func NormalizeSegments(text string, segs []Segment) string {
	var b strings.Builder
	b.Grow(len(text))
	prev := 0
	for _, s := range segs {
		if s.Neutral() && detect.IsGap(s.Text) {
			continue // white space between segments (Options.All)
		}
		b.WriteString(text[prev:s.Start])
		b.WriteString(s.Norm)
		prev = s.End
	}
	b.WriteString(text[prev:])
	return normalize.Default.Apply(b.String())
}
