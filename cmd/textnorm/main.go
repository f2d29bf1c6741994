// Command textnorm normalizes, detects and tags multilingual text. All of
// its behaviour lives in the packages normalize and detect; this command
// parses flags and wires calls. Run "textnorm help" for its usage.
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
