//go:build !unix

package main

import (
	"os"
	"os/signal"
)

func setupSignals() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	go func() {
		<-c
		removeTemps()
		os.Exit(130)
	}()
}

// processGone cannot tell here: every process is taken to be there, so
// that no temporary file is removed under its writer.
func processGone(pid int) bool { return false }
