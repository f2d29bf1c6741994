// Package textnormbeam is textnorm on Apache Beam: transforms that read a
// corpus of text and JSON Lines files, normalize it, tag it with the
// segments of "textnorm tag", drop paragraphs or documents that repeat
// across the whole corpus, and count bytes, letters and segments per
// language, as pipelines that run on Beam's local runner (Prism) and
// unchanged on Dataflow, Flink or Spark.
//
// A document is what the textnorm command takes as one: a whole text file
// (its context and byte offsets are the file's), or the string field of a
// JSON Lines record. Read makes the Docs of a file glob; Normalize, Tag,
// Dedupe and LanguageStats take them; WriteSharded writes lines as
// PREFIX-SSSSS-of-NNNNN files, the names of Beam's sharded text writers.
//
// Options are plain values (names and lists), because a DoFn travels to
// the workers serialized: the tagger and its models are not. Each worker
// process builds them once, in Setup, and every DoFn of the process with
// the same options shares them.
package textnormbeam
