package diag_test

import (
	"fmt"

	"github.com/textnorm/textnorm/diag"
)

func ExampleLines() {
	text := "first\r\nsecond\rthird\n"
	lines := diag.NewLines(text)
	fmt.Println(lines.Count(), lines.Pos(9), lines.Pos(14))
	// Output: 3 2:3 3:1
}

func ExampleCounter() {
	var c diag.Counter
	c.WriteString("a long line\r")
	c.WriteString("\nthe next")
	fmt.Println(c.Pos())
	// Output: 2:9
}
