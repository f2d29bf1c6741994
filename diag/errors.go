package diag

import (
	"fmt"
	"strings"
)

// Error is an error at a place in a named input. It prints as
// "FILE:LINE:COL: message", or "FILE: message" without a place, FILE as
// QuoteName prints it.
type Error struct {
	File string // the input's name, as the user gave it ("<stdin>" for standard input)
	Pos  Pos    // Line 0: the error is about the whole input
	Err  error
}

func (e *Error) Error() string {
	if e.Pos.Line == 0 {
		return QuoteName(e.File) + ": " + e.Err.Error()
	}
	return fmt.Sprintf("%s:%d:%d: %v", QuoteName(e.File), e.Pos.Line, e.Pos.Col, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// UnknownError reports a name that is not one of a known set: a profile,
// a rule, a form, an engine, a language, an offset unit.
type UnknownError struct {
	Kind  string   // what the name is of: "profile", "rule", "language", ...
	Name  string   // the name as given
	Known []string // the names that are known, in the order to list them
}

func (e *UnknownError) Error() string {
	return fmt.Sprintf("unknown %s %q (known: %s)", e.Kind, e.Name, strings.Join(e.Known, ", "))
}

// Choose returns the index of name among names, matched without regard to
// case, or an *UnknownError of the kind that lists names: the one lookup
// behind every set of names a package owns (engines, formats, policies,
// rules, offset units).
func Choose(kind, name string, names []string) (int, error) {
	for i, n := range names {
		if strings.EqualFold(n, name) {
			return i, nil
		}
	}
	return -1, &UnknownError{Kind: kind, Name: name, Known: append([]string(nil), names...)}
}
