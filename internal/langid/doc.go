// Package langid identifies the language of single-script runs of text.
//
// It is the engine behind the public detect package: detect finds runs of one
// script (script.Latin, script.Arabic, script.Cyrillic, script.Han) and asks an
// [Identifier] to split each run into language spans. Languages are BCP 47
// primary subtags ("en", "fa", "ar", "ur", "ps"), "und" when undecided.
//
// The script decides the candidate languages (see [Identifier.Candidates]),
// as the language registry (package language) lists them. A script used by
// one language decides it outright. Arabic script is decided by a
// transparent weighted model of orthographic evidence (letters, function
// words and affixes of Persian, Arabic, Urdu and Pashto, kept in the
// registry's rows and built into the model once) combined with a
// statistical [Scorer] only when the evidence is not clear. Other scripts are
// scored by the Scorer alone. The default Scorer is [NgramScorer], a fast
// character model over a compact table derived from lingua-go's models
// (written by gen_ngrams.go), with no lingua-go code at run time; any
// engine.Engine can take its place, and one that is engine.Standalone (such
// as lingua-go's, package engine/lingua) decides every sentence alone.
//
// A run is split into sentences; each is scored on its own, sentences too short
// to decide alone take the document [Context] and their neighbours' languages,
// and adjacent sentences of one language are merged into one [Span]. A
// two-pass use over a document is natural with [Identifier.Analyze]:
//
//	ctx := langid.NewContext()
//	as := make([]*langid.Analysis, len(runs))
//	for i, r := range runs { // pass 1: score, and collect the context
//		as[i] = id.Analyze(r.Text, r.Script)
//		ctx.Observe(as[i])
//	}
//	for _, a := range as { // pass 2: decide short spans with the whole context
//		spans := a.Spans(ctx)
//		...
//	}
package langid
