package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/textnorm/textnorm"
	"github.com/textnorm/textnorm/normalize"
)

type normalizeFlags struct {
	profile string
	form    string
	invalid string
	with    string
	without string
}

func runNormalize(e *env, args []string) error {
	var f normalizeFlags
	fs := newFlagSet(e, "normalize", "[--profile P] [--form nfc|nfd|nfkc|nfkd] [--invalid error|replace|keep] [FILE...]",
		"textnorm normalize --profile fa testdata/sample/news_fa_en.txt")
	fs.StringVar(&f.profile, "profile", "default", "normalization profile: auto (each span with its own language's; reads each file whole) or "+profileNames())
	fs.StringVar(&f.form, "form", "", "Unicode normalization form: nfc, nfd, nfkc or nfkd (default: the profile's)")
	fs.StringVar(&f.invalid, "invalid", invalidError, "what to do with invalid UTF-8: error, replace (with U+FFFD) or keep")
	fs.StringVar(&f.with, "with", "", "comma-separated rules to add to the profile, such as digits-ascii or kaf-yeh-to-arabic")
	fs.StringVar(&f.without, "without", "", "comma-separated rules to remove from the profile, such as collapse-spaces")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if f.profile == textnorm.Auto {
		return normalizeAuto(e, fs.Args(), f)
	}
	p, err := normalize.Lookup(f.profile)
	if err != nil {
		return usageError("--profile: %v", strings.TrimPrefix(err.Error(), "normalize: "))
	}
	if f.form != "" {
		form, err := normalize.ParseForm(f.form)
		if err != nil {
			return usageError("--form: %v", strings.TrimPrefix(err.Error(), "normalize: "))
		}
		p = p.WithForm(form)
	}
	if p, err = applyRuleFlags(p, f.with, f.without); err != nil {
		return err
	}
	if err := checkInvalidPolicy(f.invalid); err != nil {
		return err
	}
	names := fs.Args()
	if len(names) == 0 {
		names = []string{"-"}
	}
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	var errs []error
	for _, name := range names {
		if err := normalizeOne(e, out, name, p, f.invalid); err != nil {
			errs = append(errs, err)
			if ferr := out.Flush(); ferr != nil {
				return ferr
			}
			continue
		}
	}
	if err := out.Flush(); err != nil {
		return err
	}
	return joinErrors(e, errs)
}

// normalizeAuto normalizes each input language by language: its segments,
// each with its own language's profile (textnorm.Tagger.Normalize).
func normalizeAuto(e *env, names []string, f normalizeFlags) error {
	if f.form != "" || f.with != "" || f.without != "" {
		return usageError("--profile auto takes no --form, --with or --without: each language's profile decides")
	}
	if err := checkInvalidPolicy(f.invalid); err != nil {
		return err
	}
	tagger, err := textnorm.NewTagger(textnorm.TagOptions{})
	if err != nil {
		return err
	}
	if len(names) == 0 {
		names = []string{"-"}
	}
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	var errs []error
	for _, name := range names {
		text, err := readText(e, name, f.invalid)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out.WriteString(tagger.Normalize(text))
	}
	if err := out.Flush(); err != nil {
		return err
	}
	return joinErrors(e, errs)
}

// normalizeOne streams one input through the profile to out.
func normalizeOne(e *env, out io.Writer, name string, p normalize.Profile, policy string) error {
	in, err := openInput(e, name)
	if err != nil {
		return err
	}
	defer in.Close()
	r := newUTF8Reader(in, displayName(name), policy)
	w := p.NewWriter(out)
	if _, err := io.Copy(w, r); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// joinErrors reports every error but the last on standard error and returns
// the last, so that each failed input is named once and the run's status is
// that of its last failure.
func joinErrors(e *env, errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	for _, err := range errs[:len(errs)-1] {
		fmt.Fprintf(e.stderr, "textnorm: %v\n", err)
	}
	return errs[len(errs)-1]
}

// applyRuleFlags adds and removes the rules named in --with and --without.
func applyRuleFlags(p normalize.Profile, with, without string) (normalize.Profile, error) {
	parse := func(flag, list string) ([]normalize.Rule, error) {
		var rules []normalize.Rule
		for _, name := range strings.Split(list, ",") {
			if name = strings.TrimSpace(name); name == "" {
				continue
			}
			r, err := normalize.ParseRule(name)
			if err != nil {
				return nil, usageError("%s: %v", flag, strings.TrimPrefix(err.Error(), "normalize: "))
			}
			rules = append(rules, r)
		}
		return rules, nil
	}
	add, err := parse("--with", with)
	if err != nil {
		return p, err
	}
	remove, err := parse("--without", without)
	if err != nil {
		return p, err
	}
	return p.With(add...).Without(remove...), nil
}

func profileNames() string {
	var names []string
	for _, p := range normalize.Profiles() {
		names = append(names, p.Name())
	}
	return strings.Join(names, ", ")
}
