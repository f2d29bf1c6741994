package main

import (
	"errors"
	"flag"
	"fmt"
	"runtime"
	"strconv"
	"strings"

	"github.com/textnorm/textnorm"
	"github.com/textnorm/textnorm/diag"
	"github.com/textnorm/textnorm/jsonl"
	"github.com/textnorm/textnorm/normalize"
)

// The flags' values are the library's own types (normalize.Profile,
// normalize.Form, normalize.RuleList, normalize.InvalidPolicy,
// textnorm.Format, textnorm.Offsets, detect.Engine, language.List,
// jsonl.ErrorMode): each
// reads its names and refuses the others with a *diag.UnknownError. The
// few values below are the command's own: the auto profile beside the
// library's, and the number of jobs.

// profileFlag is --profile: auto, each segment with its own language's
// profile (textnorm.Auto), or a profile by name (normalize.Lookup).
type profileFlag struct {
	p *normalize.Profile // nil: auto
}

func (f *profileFlag) String() string {
	if f.p == nil {
		return textnorm.Auto
	}
	return f.p.String()
}

func (f *profileFlag) Set(name string) error {
	p, err := textnorm.ParseProfile(name)
	var u *diag.UnknownError
	if errors.As(err, &u) {
		// auto is a profile of the command too.
		known := *u
		known.Known = append([]string{textnorm.Auto}, u.Known...)
		return &known
	}
	if err != nil {
		return err
	}
	f.p = p
	return nil
}

func (f *profileFlag) auto() bool { return f.p == nil }

// profile returns the named profile (the flag is not auto).
func (f *profileFlag) profile() normalize.Profile { return *f.p }

// defaultProfile returns a profileFlag set to a built-in profile.
func defaultProfile(p normalize.Profile) profileFlag { return profileFlag{p: &p} }

const profileUsage = "normalization `profile`: auto (each segment with its own language's) or "

func profileNames() string {
	var names []string
	for _, p := range normalize.Profiles() {
		names = append(names, p.Name())
	}
	return strings.Join(names, ", ")
}

// jobsFlag is -j: how many inputs are processed at once, at least 1.
type jobsFlag int

func (j *jobsFlag) String() string { return strconv.Itoa(int(*j)) }

func (j *jobsFlag) Set(s string) error {
	n, err := strconv.Atoi(s)
	switch {
	case err != nil:
		return fmt.Errorf("want a number, not %q", s)
	case n < 1:
		return fmt.Errorf("want at least 1, not %d", n)
	}
	*j = jobsFlag(n)
	return nil
}

func defaultJobs() jobsFlag { return jobsFlag(runtime.NumCPU()) }

// docFlags are the input flags of normalize, detect and tag.
type docFlags struct {
	invalid       normalize.InvalidPolicy
	encoding      normalize.Encoding
	jsonl, binary bool
	field         string
	errors        jsonl.ErrorMode // --errors, with --jsonl
	id            string          // tag's --id
	recur         bool
	jobs          jobsFlag
}

// docSynopsis is the end of the usage of normalize, detect and tag: their
// docFlags.
const docSynopsis = "[--jsonl --field NAME [--errors stderr|inline]] [--encoding NAME] [--invalid error|replace|keep] [--binary] [-r] [-j N] [FILE...]"

func (f *docFlags) register(fs *flag.FlagSet) {
	f.jobs = defaultJobs()
	fs.Var(&f.invalid, "invalid", "the `policy` for invalid UTF-8: error, replace (with U+FFFD) or keep")
	fs.Var(&f.encoding, "encoding", "the `name` of the inputs' character encoding, such as windows-1256 or koi8-r (default utf-8; UTF-16 with a byte-order mark is found without it); output is UTF-8")
	fs.BoolVar(&f.jsonl, "jsonl", false, "read JSON Lines records: work on each record's string field --field, and keep the rest of it as it is")
	fs.StringVar(&f.field, "field", "", "with --jsonl: the `name` of the top-level string field, such as text")
	fs.Var(&f.errors, "errors", "with --jsonl: where a bad record's error goes (not JSON, no field, not a string, invalid UTF-8 under --invalid=error): stderr (reported there, exit 2) or inline (a line {\"textnorm_error\":{...}} in the record's place, with its bytes; invalid UTF-8 does not stop the input; exit 0)")
	fs.BoolVar(&f.binary, "binary", false, "process files with NUL bytes as text (they are skipped as binary otherwise)")
	fs.BoolVar(&f.recur, "r", false, "process the files in directories, recursively (names starting with a dot are skipped)")
	fs.Var(&f.jobs, "j", "`N` files processed at once (the output comes in the order of the inputs)")
}

// setFlags returns the names of the flags that the command line set.
func setFlags(fs *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}

func (f *docFlags) check() error {
	switch {
	case f.jsonl && f.field == "":
		return usageError("--jsonl needs --field NAME: the string field to read")
	case !f.jsonl && f.field != "":
		return usageError("--field goes with --jsonl")
	case !f.jsonl && f.errors == jsonl.ErrorsInline:
		return usageError("--errors=inline goes with --jsonl: it is the error of a record")
	}
	return nil
}

// inline reports whether bad records are written in-band (--errors=inline).
func (f *docFlags) inline() bool { return f.errors == jsonl.ErrorsInline }

func (f *docFlags) inputOptions() inputOptions {
	// A raw NUL in a JSON Lines record is not a binary file: it is
	// invalid JSON, which that record's error reports, and the records
	// after it go on.
	return inputOptions{invalid: f.invalid, binary: f.binary || f.jsonl, recursive: f.recur, encoding: f.encoding, errors: f.errors}
}
