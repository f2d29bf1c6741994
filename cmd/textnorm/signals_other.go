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
