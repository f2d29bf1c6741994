package diag_test

import (
	"errors"
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

// A name with a line break or an escape is quoted, so that a message stays
// one line and a terminal shows the name; other names are as they are.
func ExampleQuoteName() {
	for _, name := range []string{"page.txt", "گزارش ۱.txt", "two\nlines.txt", "\x1b[31mred.txt", "caf\xe9.txt"} {
		fmt.Println(diag.QuoteName(name))
	}
	err := &diag.Error{File: "two\nlines.txt", Pos: diag.Pos{Line: 3, Col: 1}, Err: errors.New("invalid UTF-8")}
	fmt.Println(err)
	// Output:
	// page.txt
	// گزارش ۱.txt
	// "two\nlines.txt"
	// "\x1b[31mred.txt"
	// "caf\xe9.txt"
	// "two\nlines.txt":3:1: invalid UTF-8
}
