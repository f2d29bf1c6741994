package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// Exit statuses, part of the CLI's contract.
const (
	exitOK    = 0 // success
	exitCheck = 1 // --check found work to do
	exitUsage = 2 // bad usage or bad input
)

// exitError is an error that carries the exit status it calls for.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageError returns an error for a command line that cannot run.
func usageError(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

// inputError returns an error for input that cannot be processed, with its
// place as FILE:LINE:COL.
func inputError(name string, line, col int, format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf("%s:%d:%d: %s", name, line, col, fmt.Sprintf(format, args...))}
}

// env is what a command sees of the process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// stderrTTY is set when standard error is a terminal: only then is
	// a progress bar drawn.
	stderrTTY bool
}

// stderrIsTerminal is set by main; tests run without a terminal.
var stderrIsTerminal bool

type command struct {
	name    string
	summary string
	run     func(e *env, args []string) error
}

var commands []command

func init() {
	commands = []command{
		{"normalize", "normalize text with a profile", runNormalize},
		{"detect", "print the dominant script and language of each line", runDetect},
		{"tag", "split text into segments of one script and language, normalized", runTag},
		{"fixtures", "write golden files of normalized text and segments, and a manifest", runFixtures},
		{"version", "print the version of textnorm and of its data", runVersion},
	}
}

// run runs textnorm with the arguments (without the program name) and
// returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, stderrTTY: stderrIsTerminal}
	err := dispatch(e, args)
	if err == nil {
		return exitOK
	}
	if isBrokenPipe(err) {
		// The reader of the output has gone (textnorm ... | head): that
		// is no error.
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	code := exitUsage
	var ee *exitError
	if errors.As(err, &ee) {
		code = ee.code
	}
	if msg := err.Error(); msg != "" {
		fmt.Fprintf(stderr, "textnorm: %s\n", msg)
	}
	return code
}

func dispatch(e *env, args []string) error {
	if len(args) == 0 {
		usage(e.stderr)
		return &exitError{code: exitUsage, err: errors.New("")}
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			return dispatch(e, []string{args[1], "--help"})
		}
		usage(e.stdout)
		return nil
	}
	for _, c := range commands {
		if c.name == name {
			return c.run(e, args[1:])
		}
	}
	return usageError("unknown command %q (run 'textnorm help')", name)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: textnorm <command> [flags] [FILE...]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'textnorm help <command>' for a command's flags.")
	fmt.Fprintln(w, "Exit status: 0 success, 1 --check found work to do, 2 usage or input error.")
}

// newFlagSet returns a flag set that prints its usage, with an example, to
// e.stderr (or e.stdout for --help).
func newFlagSet(e *env, name, synopsis, example string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		w := e.stdout
		fmt.Fprintf(w, "usage: textnorm %s %s\n\nFlags:\n", name, synopsis)
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
		if example != "" {
			fmt.Fprintf(w, "\nExample:\n  %s\n", example)
		}
	}
	return fs
}

// parseFlags parses args, turning flag errors into usage errors. Flags
// may come anywhere, before or after the file names, as with GNU tools
// and the go command; "--" ends them (what follows are names, even if
// they start with "-"). fs.Args() are the names, in their order.
func parseFlags(fs *flag.FlagSet, args []string) error {
	flags, names := permuteArgs(fs, args)
	if err := fs.Parse(append(append(flags, "--"), names...)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err // fs.Usage has printed the help
		}
		return usageError("%s: %v", fs.Name(), err)
	}
	return nil
}

// permuteArgs splits args into flags, with their values, and names.
func permuteArgs(fs *flag.FlagSet, args []string) (flags, names []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return flags, append(names, args[i+1:]...)
		case len(a) < 2 || a[0] != '-':
			names = append(names, a) // "-" is standard input
			continue
		}
		flags = append(flags, a)
		name := a[1:]
		if name[0] == '-' {
			name = name[1:]
		}
		if strings.Contains(name, "=") {
			continue
		}
		// A flag that takes a value takes the next argument, as the flag
		// package does; an unknown one is left to fs.Parse to report.
		if f := fs.Lookup(name); f != nil && !isBoolFlag(f) && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	return flags, names
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}
