// Command textnorm normalizes, detects and tags multilingual text. Its
// behaviour lives in the library: normalize (profiles, the invalid UTF-8
// policy), detect, the root package (the tagger and the output formats),
// fixtures, diag (places and typed errors) and internal/jsonl (JSON Lines
// records). The command keeps flags, files, -w, jobs and progress: its
// flags are the library's own flag.Value types, and it picks its exit
// status from the types of errors. Run "textnorm help" for its usage.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	os.Exit(mainRun())
}

// softMemoryLimit is the command's soft memory limit (see mainRun).
const softMemoryLimit = 48 << 20

// mainRun runs textnorm as a process: with the signal handling of
// setupSignals (an interrupt removes temporary files; a closed pipe on
// standard output is an error to write, not a signal that kills).
func mainRun() int {
	if os.Getenv("GOMEMLIMIT") == "" {
		// A soft limit: the collector runs more often as the heap nears
		// it (so that tag on a 10 MB document peaks under 64 MB of
		// resident memory, not at twice its live heap), and lets the heap
		// grow past it when the data needs it. GOMEMLIMIT overrides it.
		debug.SetMemoryLimit(softMemoryLimit)
	}
	setupSignals()
	stderrIsTerminal = isTerminal(os.Stderr)
	return run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
}
