// Package detect splits a document into segments: spans of one script and
// one language, with byte, code point and UTF-16 offsets, a direction and a
// confidence.
//
// A Detector works in stages, each of its own, a block of lines at a time:
// the script runs of package script; boundaries trimmed of white space and
// moved to the edges of grapheme clusters; the language spans of each run,
// decided by textnorm's language identification with the context of the
// runs of the same script nearby; and the segments themselves, with the
// white space between them when Options.All asks for it.
//
// The languages it can give, and how Options.Langs names them, come from
// package language.
package detect
