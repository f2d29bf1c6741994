// Command ofonly uses nothing of textnorm but script.Of, so that a test
// can measure what a program pays for the script tables alone.
package main

import (
	"fmt"
	"os"

	"github.com/textnorm/textnorm/script"
)

func main() {
	for _, arg := range os.Args[1:] {
		for _, r := range arg {
			fmt.Println(script.Of(r))
		}
	}
}
