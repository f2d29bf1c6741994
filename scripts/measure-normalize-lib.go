//go:build ignore

// measure-normalize-lib prints the MB/s of Profile.Apply on a file's text,
// the best of three runs in one process: the library's side of
// scripts/measure-normalize.sh.
//
// usage: go run scripts/measure-normalize-lib.go FILE PROFILE
package main

import (
	"fmt"
	"os"
	"time"

	"github.com/textnorm/textnorm/normalize"
)

func main() {
	b, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	p, err := normalize.Lookup(os.Args[2])
	if err != nil {
		panic(err)
	}
	s := string(b)
	best := time.Duration(1 << 62)
	for range 3 {
		t0 := time.Now()
		p.Apply(s)
		best = min(best, time.Since(t0))
	}
	fmt.Printf("%.0f\n", float64(len(b))/best.Seconds()/1e6)
}
