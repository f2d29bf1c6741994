// Package diag holds what textnorm's packages say about their input: the
// place of a byte in a text (line and column, counted one way everywhere)
// and the typed errors that carry a place or name what is unknown.
//
// A line ends after LF, after CR LF, or after a CR not followed by LF.
// Lines and columns count from 1; a column counts bytes. Every package and
// the textnorm command number lines through this package, so the same byte
// has the same LINE:COL in a diagnostic, in --explain, in a segment's
// "line" and in the library's errors.
//
// The errors are values a program can inspect with errors.As: an Error
// names a place in an input, an UnknownError a name that is not one of a
// known set (a profile, a rule, an engine, a language), with the set.
// The command picks its exit status from these types, never from the
// text of a message.
package diag
