// Package detect finds what a text is written in, span by span: the script
// of each character and of each run of text, and (to come) the language of
// each span and the segmentation of a document into tagged segments.
//
// # Scripts
//
// ScriptOf and ScriptExtensionsOf give the Unicode Script and
// Script_Extensions properties of a character (UAX #24), from tables
// generated from the Unicode Character Database files in testdata/ucd, of
// version UnicodeVersion, the one of Go's unicode package and of
// golang.org/x/text. A Script prints as its ISO 15924 code ("Latn",
// "Arab", "Zyyy" for Common) and has an English name; ParseScript reads
// either back.
//
// ScriptRuns splits a text into runs of one script the UAX #24 way:
// spaces, digits, punctuation and combining marks take the script of the
// text around them, narrowed by Script_Extensions (an Arabic comma goes
// with Arabic text), paired brackets and quotation marks stay together,
// Han with kana is Japanese (Jpan) and Han with Hangul is Korean (Kore), and
// no run crosses a line break. Each Run has byte offsets, a Script and a
// writing Direction. ScriptRunsBytes, AppendScriptRuns and
// AppendScriptRunsBytes do the same for byte slices or into a slice.
//
// The lookups use a two-stage table, with no maps and no allocation per
// character; run iteration does not allocate per run either.
package detect
