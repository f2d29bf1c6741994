package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/textnorm/textnorm/diag"
	"github.com/textnorm/textnorm/fixtures"
	"github.com/textnorm/textnorm/language"
)

type fixturesFlags struct {
	out     string
	profile profileFlag
	langs   language.List
	all     bool
	jobs    jobsFlag
	check   bool
}

var fixturesCommand = &command{
	name:     "fixtures",
	summary:  "write golden files of normalized text and segments, and a manifest",
	synopsis: "[--out DIR] [--profile auto|P] [--langs L,...] [--all] [-j N] [--check] FILE...",
	example:  "textnorm fixtures --out testdata/fixtures testdata/fixtures/input/*.txt",
	setup: func(fs *flag.FlagSet) func(*env, []string) error {
		f := &fixturesFlags{jobs: defaultJobs()}
		fs.StringVar(&f.out, "out", ".", "`directory` of the fixtures: NAME.norm.txt, NAME.segments.jsonl and manifest.json")
		fs.Var(&f.profile, "profile", profileUsage+profileNames())
		fs.Var(&f.langs, "langs", "comma-separated `languages` to consider, such as en,fa,ar (default: all)")
		fs.BoolVar(&f.all, "all", false, "also write the white space between segments as segments")
		fs.Var(&f.jobs, "j", "`N` inputs processed at once (the output is the same for any value)")
		fs.BoolVar(&f.check, "check", false, "write nothing; exit 1 naming every fixture file that is missing or stale")
		return func(e *env, names []string) error { return runFixtures(e, f, names) }
	},
}

func runFixtures(e *env, f *fixturesFlags, names []string) error {
	if len(names) == 0 {
		return usageError("fixtures: no input files (run 'textnorm help fixtures')")
	}
	var (
		inputs []fixtures.Input
		failed bool
	)
	for _, name := range names {
		in, err := readFixtureInput(e, f.out, name)
		if err != nil {
			fmt.Fprintf(e.stderr, "textnorm: %v\n", err)
			failed = true
			continue
		}
		inputs = append(inputs, in)
	}
	if failed {
		return &exitError{code: exitUsage} // each one reported
	}
	opts := fixtures.Options{Profile: f.profile.String(), Langs: f.langs, All: f.all, Jobs: int(f.jobs)}
	set, err := fixtures.Generate(inputs, opts)
	if err != nil {
		return err
	}
	if !f.check {
		return set.Write(f.out)
	}
	stale, err := set.Check(f.out)
	if err != nil {
		return err
	}
	if len(stale) == 0 {
		return nil
	}
	for _, s := range stale {
		s.Path = filepath.Join(f.out, filepath.FromSlash(s.Path))
		fmt.Fprintf(e.stderr, "textnorm: %s\n", s)
	}
	return &exitError{code: exitCheck, err: fmt.Errorf("fixtures: %d of %d files missing or stale; run the command without --check to rewrite them", len(stale), len(set.Files()))}
}

// readFixtureInput reads a fixture input, named by its path relative to
// the fixture directory; invalid UTF-8 is an error with its place.
func readFixtureInput(e *env, out, name string) (fixtures.Input, error) {
	if name == "-" {
		return fixtures.Input{}, usageError("fixtures: standard input cannot be a fixture input: name a file")
	}
	rel, err := fixtures.InputName(out, name)
	if err != nil {
		return fixtures.Input{}, err
	}
	r, err := openInput(e, name)
	if err != nil {
		return fixtures.Input{}, err
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		return fixtures.Input{}, fileError(name, err)
	}
	if err := fixtures.CheckUTF8(name, data); err != nil {
		var de *diag.Error
		if errors.As(err, &de) {
			de.Err = &hintError{err: de.Err, hint: ": fixture inputs must be UTF-8"}
		}
		return fixtures.Input{}, err
	}
	return fixtures.Input{Name: rel, Data: data}, nil
}
