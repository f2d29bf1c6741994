//go:build race

package main

// raceEnabled is set when the race detector is on: the process tests on
// hundreds of megabytes are skipped then (see .ci/run for where they run).
const raceEnabled = true
