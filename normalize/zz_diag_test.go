package normalize

import (
	"fmt"
	"strings"
	"testing"
)

func TestZZDiag(t *testing.T) {
	var en string
	for _, c := range benchCorpora() {
		if c.name == "en" {
			en = c.text
		}
	}
	f := Persian.fused()
	lines := strings.SplitAfter(en, "\n")
	stop := 0
	seen := map[string]bool{}
	for _, l := range lines {
		if seen[l] { continue }
		seen[l] = true
		if f.span(l, 0, false) != len(l) {
			stop++
			if stop < 15 { fmt.Printf("%q\n", l) }
		}
	}
	fmt.Println("distinct", len(seen), "stopped", stop, f.rules)
}
