package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"sync"
)

// Exit statuses, part of the CLI's contract.
const (
	exitOK    = 0 // success
	exitCheck = 1 // --check found work to do
	exitUsage = 2 // bad usage or bad input
)

// An exitError carries the exit status it calls for, as gojq's errors do.
// Its err is what to print; nil means that everything is said already
// (each failed input has been reported, or --check has listed its files).
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// ExitCode returns the exit status.
func (e *exitError) ExitCode() int { return e.code }

// exitCode returns the exit status an error calls for: its own, if it
// carries one; otherwise 2, for the errors of usage (a *flagError, a
// *diag.UnknownError) and of input (a *diag.Error) alike.
func exitCode(err error) int {
	var ec interface{ ExitCode() int }
	if errors.As(err, &ec) {
		return ec.ExitCode()
	}
	return exitUsage
}

// quiet reports whether err has nothing left to print.
func quiet(err error) bool {
	var ee *exitError
	return errors.As(err, &ee) && ee.err == nil
}

// usageError returns an error for a command line that cannot run.
func usageError(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

// An outputError is a failed write to an output, named as the user knows
// it: "standard output", or the file that -w rewrites.
type outputError struct {
	name string
	err  error
}

func (e *outputError) Error() string { return "writing " + e.name + ": " + systemReason(e.err).Error() }
func (e *outputError) Unwrap() error { return e.err }

// An outputWriter names its output in the errors of its writes, and
// keeps the first, for the writers that drop it (help, version).
type outputWriter struct {
	w    io.Writer
	name string
	mu   sync.Mutex
	err  error
}

func (o *outputWriter) Write(p []byte) (int, error) {
	n, err := o.w.Write(p)
	if err != nil {
		err = &outputError{name: o.name, err: err}
		o.mu.Lock()
		if o.err == nil {
			o.err = err
		}
		o.mu.Unlock()
	}
	return n, err
}

// failed returns the first error of a write, if one failed.
func (o *outputWriter) failed() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.err
}

// writeError is the status of a failed write to the output (an
// *outputError, which names it).
func writeError(err error) error {
	return &exitError{code: exitUsage, err: err}
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

// A command is a subcommand of textnorm: its flags, registered by setup,
// which returns the function that runs it with the names left after the
// flags.
type command struct {
	name     string
	summary  string
	synopsis string // after "usage: textnorm NAME "; names every flag
	example  string
	setup    func(fs *flag.FlagSet) func(e *env, names []string) error
}

var commands []*command

func init() {
	commands = []*command{
		normalizeCommand,
		detectCommand,
		tagCommand,
		fixturesCommand,
		versionCommand,
	}
}

// run runs textnorm with the arguments (without the program name) and
// returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	out := &outputWriter{w: stdout, name: "standard output"}
	e := &env{stdin: stdin, stdout: out, stderr: stderr, stderrTTY: stderrIsTerminal}
	err := dispatch(e, args)
	if werr := out.failed(); err == nil && werr != nil {
		err = writeError(werr)
	}
	switch {
	case err == nil:
		return exitOK
	case isBrokenPipe(err):
		// The reader of the output has gone (textnorm ... | head): that
		// is no error.
		return exitOK
	}
	if !quiet(err) {
		fmt.Fprintf(stderr, "textnorm: %v\n", err)
	}
	return exitCode(err)
}

func dispatch(e *env, args []string) error {
	if len(args) == 0 {
		usage(e.stderr)
		return &exitError{code: exitUsage}
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			return dispatch(e, []string{args[1], "--help"})
		}
		usage(e.stdout)
		return nil
	case "-version", "--version":
		name = "version"
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
	fmt.Fprintln(w, "Run 'textnorm help <command>' for a command's flags; 'textnorm --version' is 'textnorm version'.")
	fmt.Fprintln(w, "Exit status: 0 success, 1 --check found work to do, 2 usage or input error.")
}

// flagSet returns the command's flags and the function that runs it.
func (c *command) flagSet() (*flag.FlagSet, func(e *env, names []string) error) {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {} // the help is printed once, by run, for -h alone
	runFn := c.setup(fs)
	return fs, runFn
}

// run parses the command's flags and runs it.
func (c *command) run(e *env, args []string) error {
	fs, runFn := c.flagSet()
	if err := parseFlags(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			c.help(e.stdout)
			return nil
		}
		return err
	}
	return runFn(e, fs.Args())
}

// help prints the command's usage, flags and example.
func (c *command) help(w io.Writer) {
	fs, _ := c.flagSet() // as registered: parseFlags wraps the values
	fmt.Fprintf(w, "usage: %s\n", strings.TrimSpace("textnorm "+c.name+" "+c.synopsis))
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		fmt.Fprintf(w, "\nFlags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	if c.example != "" {
		fmt.Fprintf(w, "\nExample:\n  %s\n", c.example)
	}
}

// parseFlags parses args. Flags may come anywhere, before or after the
// file names, as with GNU tools and the go command; "--" ends them (what
// follows are names, even if they start with "-"). fs.Args() are the
// names, in their order.
//
// A value that a flag refuses is a *flagError that names the flag as the
// usage does (--profile, -j) and wraps the error of the flag's Set, a
// *diag.UnknownError for an unknown name: the flag package keeps only
// the text of that error, so each flag.Value is wrapped to keep the error
// itself. Any other error of the flag package (a flag that is not defined,
// one without its value) is a usage error of one line, with a hint.
func parseFlags(fs *flag.FlagSet, args []string) error {
	var setErr error
	fs.VisitAll(func(f *flag.Flag) {
		v := &keptValue{Value: f.Value, name: f.Name, err: &setErr}
		if isBoolFlag(f) {
			f.Value = &keptBoolValue{v}
		} else {
			f.Value = v
		}
	})
	flags, names, lacking := permuteArgs(fs, args)
	if !lacking {
		flags = append(append(flags, "--"), names...)
	}
	err := fs.Parse(flags)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, flag.ErrHelp):
		return err
	case setErr != nil:
		return setErr
	}
	return usageError("%s: %v (run 'textnorm help %s')", fs.Name(), err, fs.Name())
}

// A flagError is a value that a flag does not take.
type flagError struct {
	flag  string // as the usage spells it: "--profile", "-j"
	value string
	err   error
}

func (e *flagError) Error() string { return e.flag + ": " + e.err.Error() }
func (e *flagError) Unwrap() error { return e.err }

// flagName spells a flag as the usage lines do: -j for one letter,
// --profile for a word.
func flagName(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// keptValue is a flag.Value that keeps the error of its Set.
type keptValue struct {
	flag.Value
	name string
	err  *error
}

func (v *keptValue) Set(s string) error {
	err := v.Value.Set(s)
	if err != nil && *v.err == nil {
		*v.err = &flagError{flag: flagName(v.name), value: s, err: err}
	}
	return err
}

// keptBoolValue is a keptValue of a boolean flag, which takes no value
// (or true or false after "=", which the flag package's own boolean reads
// with an error that says only "parse error").
type keptBoolValue struct{ *keptValue }

func (v *keptBoolValue) IsBoolFlag() bool { return true }

func (v *keptBoolValue) Set(s string) error {
	err := v.Value.Set(s)
	if err != nil && *v.err == nil {
		*v.err = &flagError{flag: flagName(v.name), value: s, err: fmt.Errorf("want true or false, not %q", s)}
	}
	return err
}

// permuteArgs splits args into flags, with their values, and names.
// lacking is set when the last flag takes a value and none follows: no
// name may stand in for it.
func permuteArgs(fs *flag.FlagSet, args []string) (flags, names []string, lacking bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return flags, append(names, args[i+1:]...), false
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
		if f := fs.Lookup(name); f != nil && !isBoolFlag(f) {
			if i+1 == len(args) {
				return flags, names, true
			}
			i++
			flags = append(flags, args[i])
		}
	}
	return flags, names, false
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}
