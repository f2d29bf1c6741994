package main

import (
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"unicode/utf8"

	"github.com/textnorm/textnorm"
	"github.com/textnorm/textnorm/fixtures"
)

func runFixtures(e *env, args []string) error {
	var (
		f     tagFlags
		out   string
		check bool
		jobs  int
	)
	fs := newFlagSet(e, "fixtures", "[--out DIR] [--profile auto|P] [--langs L,...] [--all] [-j N] [--check] FILE...",
		"textnorm fixtures --out testdata/fixtures testdata/fixtures/input/*.txt")
	fs.StringVar(&out, "out", ".", "directory of the fixtures: NAME.norm.txt, NAME.segments.jsonl and manifest.json")
	fs.StringVar(&f.profile, "profile", textnorm.Auto, "normalization profile: auto (each segment's language's) or "+profileNames())
	fs.StringVar(&f.langs, "langs", "", langsUsage)
	fs.BoolVar(&f.all, "all", false, "also write the white space between segments as segments")
	fs.IntVar(&jobs, "j", runtime.NumCPU(), "inputs processed at once (the output is the same for any value)")
	fs.BoolVar(&check, "check", false, "write nothing; exit 1 naming every fixture file that is missing or stale")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if jobs < 1 {
		return usageError("-j: want at least 1, not %d", jobs)
	}
	names := fs.Args()
	if len(names) == 0 {
		return usageError("fixtures: no input files (run 'textnorm help fixtures')")
	}
	var (
		inputs []fixtures.Input
		errs   []error
	)
	for _, name := range names {
		if name == "-" {
			errs = append(errs, usageError("fixtures: standard input cannot be a fixture input: name a file"))
			continue
		}
		in, err := readFixtureInput(e, out, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		inputs = append(inputs, in)
	}
	if len(errs) > 0 {
		return joinErrors(e, errs)
	}
	langs, err := parseLangs(f.langs)
	if err != nil {
		return err
	}
	opts := fixtures.Options{Profile: f.profile, Langs: langs, All: f.all, Jobs: jobs}
	set, err := fixtures.Generate(inputs, opts)
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), "textnorm: ")
		if strings.HasPrefix(msg, "normalize: ") {
			return usageError("--profile: %s", strings.TrimPrefix(msg, "normalize: "))
		}
		return usageError("%s", strings.TrimPrefix(msg, "fixtures: "))
	}
	if !check {
		if err := set.Write(out); err != nil {
			return &exitError{code: exitUsage, err: err}
		}
		return nil
	}
	stale, err := set.Check(out)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	if len(stale) == 0 {
		return nil
	}
	for _, s := range stale {
		s.Path = filepath.Join(out, filepath.FromSlash(s.Path))
		fmt.Fprintf(e.stderr, "textnorm: %s\n", s)
	}
	return &exitError{code: exitCheck, err: fmt.Errorf("fixtures: %d of %d files missing or stale; run the command without --check to rewrite them", len(stale), len(set.Files()))}
}

// readFixtureInput reads a fixture input, named by its path relative to
// the fixture directory; invalid UTF-8 is an error with its place.
func readFixtureInput(e *env, out, name string) (fixtures.Input, error) {
	rel, err := fixtures.InputName(out, name)
	if err != nil {
		return fixtures.Input{}, usageError("%v", strings.TrimPrefix(err.Error(), "fixtures: "))
	}
	r, err := openInput(e, name)
	if err != nil {
		return fixtures.Input{}, err
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		return fixtures.Input{}, &exitError{code: exitUsage, err: err}
	}
	if !utf8.Valid(data) {
		for i := 0; i < len(data); {
			c, n := utf8.DecodeRune(data[i:])
			if c == utf8.RuneError && n == 1 {
				line, col := lineCol(data, i)
				return fixtures.Input{}, inputError(name, line, col, "invalid UTF-8 (byte %#02x): fixture inputs must be UTF-8", data[i])
			}
			i += n
		}
	}
	return fixtures.Input{Name: rel, Data: data}, nil
}
