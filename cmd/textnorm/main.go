// Command textnorm normalizes, detects and tags multilingual text. All of
// its behaviour lives in the packages normalize and detect; this command
// parses flags and wires calls. Run "textnorm help" for its usage.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
