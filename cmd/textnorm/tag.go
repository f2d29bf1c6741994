package main

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/textnorm/textnorm"
	"github.com/textnorm/textnorm/detect"
)

// readText reads a whole input as text under the --invalid policy.
func readText(e *env, name, policy string) (string, error) {
	in, err := openInput(e, name)
	if err != nil {
		return "", err
	}
	defer in.Close()
	b, err := io.ReadAll(newUTF8Reader(in, displayName(name), policy))
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// parseLangs splits a --langs value.
func parseLangs(s string) []string {
	var langs []string
	for _, l := range strings.Split(s, ",") {
		if l = strings.ToLower(strings.TrimSpace(l)); l != "" {
			langs = append(langs, l)
		}
	}
	return langs
}

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
	profile, format, offsets, langs, invalid string
	all                                      bool
}

func runTag(e *env, args []string) error {
	var f tagFlags
	fs := newFlagSet(e, "tag", "[--profile auto|P] [--format jsonl|json|tsv] [--offsets byte,rune,utf16] [--all] [--langs L,...] [FILE...]",
		"textnorm tag --offsets byte,rune,utf16 testdata/sample/news_fa_en.txt")
	fs.StringVar(&f.profile, "profile", textnorm.Auto, "normalization profile of each segment's norm: auto (its language's) or "+profileNames())
	fs.StringVar(&f.format, "format", "jsonl", "output format: jsonl (a segment a line), json (an array) or tsv")
	fs.StringVar(&f.offsets, "offsets", "byte", "offsets to write: a list of byte, rune (code points) and utf16 (UTF-16 units)")
	fs.BoolVar(&f.all, "all", false, "also write the white space between segments, so that the segments concatenated are the input")
	fs.StringVar(&f.langs, "langs", "", "comma-separated languages to consider, such as en,fa,ar (default: all)")
	fs.StringVar(&f.invalid, "invalid", invalidError, "what to do with invalid UTF-8: error, replace (with U+FFFD) or keep")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	offsets, err := parseOffsets(f.offsets)
	if err != nil {
		return err
	}
	if err := checkInvalidPolicy(f.invalid); err != nil {
		return err
	}
	switch f.format {
	case "jsonl", "json", "tsv":
	default:
		return usageError("--format: want jsonl, json or tsv, not %q", f.format)
	}
	tagger, err := textnorm.NewTagger(textnorm.TagOptions{
		Options: detect.Options{Langs: parseLangs(f.langs), All: f.all},
		Profile: f.profile,
	})
	if err != nil {
		return usageError("--profile: %v", strings.TrimPrefix(err.Error(), "textnorm: normalize: "))
	}
	names := fs.Args()
	if len(names) == 0 {
		names = []string{"-"}
	}
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	var errs []error
	first := true
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
	for _, name := range names {
		text, err := readText(e, name, f.invalid)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		lines := detect.NewLines(text)
		var buf []byte
		for _, s := range tagger.Tag(text) {
			l := textnorm.JSONLine{File: displayName(name), Line: lines.Line(s.Start), Offsets: offsets}
			buf = buf[:0]
			switch f.format {
			case "jsonl":
				buf = append(textnorm.AppendJSON(buf, s, l), '\n')
			case "json":
				if !first {
					buf = append(buf, ',')
				}
				buf = append(buf, "\n  "...)
				buf = textnorm.AppendJSON(buf, s, l)
			case "tsv":
				buf = appendTSV(buf, s, l)
			}
			first = false
			out.Write(buf)
		}
	}
	if f.format == "json" {
		out.WriteString("\n]\n")
	}
	if err := out.Flush(); err != nil {
		return err
	}
	return joinErrors(e, errs)
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
	fs := newFlagSet(e, "detect", "[--langs L,...] [--format text|jsonl|tsv] [FILE...]",
		"textnorm detect testdata/sample/news_fa_en.txt")
	fs.StringVar(&f.format, "format", "text", "output format: text (TAG CONF a line), jsonl or tsv")
	fs.StringVar(&f.langs, "langs", "", "comma-separated languages to consider, such as en,fa,ar (default: all)")
	fs.StringVar(&f.invalid, "invalid", invalidError, "what to do with invalid UTF-8: error, replace (with U+FFFD) or keep")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch f.format {
	case "text", "jsonl", "tsv":
	default:
		return usageError("--format: want text, jsonl or tsv, not %q", f.format)
	}
	if err := checkInvalidPolicy(f.invalid); err != nil {
		return err
	}
	det := detect.NewDetector(detect.Options{Langs: parseLangs(f.langs)})
	names := fs.Args()
	if len(names) == 0 {
		names = []string{"-"}
	}
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	if f.format == "tsv" {
		out.WriteString("file\tline\tscript\tlang\ttag\tconf\n")
	}
	var errs []error
	for _, name := range names {
		text, err := readText(e, name, f.invalid)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		lines := detect.NewLines(text)
		segs := det.Segments(text)
		k := 0
		for n := 1; n <= lines.Count(); n++ {
			start, end := lines.Span(text, n)
			i := k
			for k < len(segs) && segs[k].Start < end {
				k++
			}
			_ = start
			script, lang, conf := detect.Dominant(segs[i:k])
			tag := lang + "-" + script.String()
			switch f.format {
			case "text":
				if len(names) > 1 {
					fmt.Fprintf(out, "%s:%d: ", displayName(name), n)
				}
				fmt.Fprintf(out, "%s %.4f\n", tag, conf)
			case "tsv":
				fmt.Fprintf(out, "%s\t%d\t%s\t%s\t%s\t%.4f\n", tsvEscape.Replace(displayName(name)), n, script, lang, tag, conf)
			case "jsonl":
				b := []byte(`{"v":1,"file":`)
				b = strconv.AppendQuote(b, displayName(name))
				fmt.Fprintf(out, "%s,\"line\":%d,\"script\":%q,\"lang\":%q,\"tag\":%q,\"conf\":%.4f}\n", b, n, script, lang, tag, conf)
			}
		}
	}
	if err := out.Flush(); err != nil {
		return err
	}
	return joinErrors(e, errs)
}
