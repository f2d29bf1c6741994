// Package language is textnorm's registry of languages: one table of every
// language that textnorm can tag, and the only place that says what a
// language code means.
//
// A row of the table (a [Language]) gives a language's BCP 47 code ("fa"),
// the other names and codes that mean it ("prs", "per", "farsi", "dari"),
// its English name, the scripts it is written in, the name of the
// normalization profile for its text, its default weight among the
// languages of its script, and, for the languages of the Arabic script, the
// spelling evidence that tells them apart: distinctive letters, function
// words and affixes, each with its weight ([Evidence]).
//
// Everything else reads the table:
//
//   - [Lookup], [Parse] and [ParseList] read language tags as users write
//     them: in any case, with region or script subtags ("fa-AF", "pa-Guru",
//     "zh_TW") and by alias ("prs" is fa). detect.ParseLanguages is
//     ParseList, and a [List] is a flag.Value, so a command takes --langs
//     directly.
//   - [ForScript] gives the candidate languages of a script, in the order
//     that the language identifier weighs them, and [Priors] the weights
//     that a short span of that script leans to when its document says
//     nothing of its language.
//   - [ProfileName] names the normalize profile for a language's text.
//   - The language identifier (internal/langid) builds its Arabic-script
//     evidence model from the rows' [Evidence].
//
// The package depends only on the standard library and textnorm's script
// and diag packages, so a program can read language tags without linking
// the identification engine.
//
// To add a language, add a row to the table in table.go (see the
// repository's CONTRIBUTING.md for what to regenerate and which tests
// check it).
package language
