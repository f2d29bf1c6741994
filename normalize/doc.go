// Package normalize turns text into text: the Unicode normalization forms
// (NFC, NFD, NFKC, NFKD through golang.org/x/text/unicode/norm) and named
// cleanup rules composed into profiles.
//
// A Rule is one small, documented step (line endings to LF, no-break
// spaces to spaces, Farsi yeh for Arabic yeh, Persian digits, ...); a
// RuleSet is a set of them; a Profile is a form and a rule set with a
// name. The built-in profiles are None, Default (display-preserving
// cleanup for any language), Persian, Arabic, Urdu and Pashto (Default plus
// each language's standard orthography) and Search (aggressive folding for
// matching); Lookup finds them by name.
//
// Every entry point gives the same result however the text is cut: String
// and Bytes, a Profile's Apply and Bytes, NewReader and NewWriter for
// streams of any size in bounded memory, and Transformer, a
// golang.org/x/text/transform.Transformer that composes with others. The
// rules of a profile run fused in one pass; the form runs last, so the
// output is always in the profile's form.
//
// Align reports, for each span of the output, the span of the input it
// came from, so annotations made on normalized text map back to the
// original; Explain lists each change with the rule that made it. Deduper
// drops repeated paragraphs from a stream.
//
// The package depends on the standard library, golang.org/x/text and
// textnorm's diag (its typed errors) only.
package normalize
