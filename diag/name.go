package diag

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// QuoteName returns a file name as a message should print it: as it is,
// unless it holds a control character (a line break, an escape that a
// terminal would act on, C1 controls included) or bytes that are not
// UTF-8, or starts with a double quote; then quoted as Go's %q quotes it
// ("a\nb.txt", "\x1b[31m.txt", "caf\xe9.txt"), as git quotes such names.
// A line that names a file stays one line, and a name reaches a
// terminal as text. Data that names a file (the JSON and TSV "file"
// fields) has escapes of its own and takes the name as it is.
func QuoteName(name string) string {
	if name != "" && name[0] == '"' {
		// Else a name like this one would read as quoted.
		return strconv.Quote(name)
	}
	for i := 0; i < len(name); {
		r, size := utf8.DecodeRuneInString(name[i:])
		if r == utf8.RuneError && size == 1 || unicode.IsControl(r) {
			return strconv.Quote(name)
		}
		i += size
	}
	return name
}
