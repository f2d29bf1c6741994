//go:build unix

package main

import (
	"errors"
	"os"
	"os/signal"
	"syscall"
)

// setupSignals makes SIGINT and SIGTERM remove the temporary files of -w
// before the process exits (status 130 and 143, as shells report them),
// and makes a write to a closed pipe an EPIPE error instead of a SIGPIPE,
// so that textnorm ends quietly when the reader of its output goes.
func setupSignals() {
	signal.Ignore(syscall.SIGPIPE)
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-c
		removeTemps()
		code := 130
		if sig == syscall.SIGTERM {
			code = 143
		}
		os.Exit(code)
	}()
}

// processGone reports whether no process has the id pid: kill(pid, 0)
// finds none. One that the user may not signal (EPERM) is there.
func processGone(pid int) bool {
	return pid > 0 && errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}
