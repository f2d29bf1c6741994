//go:build !linux && !darwin && !freebsd && !netbsd && !openbsd && !dragonfly

package main

import "os"

// isTerminal reports false: no progress bar where textnorm cannot tell.
func isTerminal(f *os.File) bool { return false }
