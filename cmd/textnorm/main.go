// Command textnorm normalizes, detects and tags multilingual text. Its
// behaviour lives in the library: normalize (profiles, the invalid UTF-8
// policy), detect, the root package (the tagger and the output formats),
// fixtures, diag (places and typed errors) and internal/jsonl (JSON Lines
// records). The command keeps flags, files, -w, jobs and progress: its
// flags are the library's own flag.Value types, and it picks its exit
// status from the types of errors. Run "textnorm help" for its usage.
package main

import "os"

func main() {
	os.Exit(mainRun())
}

// mainRun runs textnorm as a process: with the signal handling of
// setupSignals (an interrupt removes temporary files; a closed pipe on
// standard output is an error to write, not a signal that kills).
func mainRun() int {
	setupSignals()
	stderrIsTerminal = isTerminal(os.Stderr)
	return run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
}
