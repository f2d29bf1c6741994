package detect

import "github.com/textnorm/textnorm/language"

// Languages returns every language Segments can give, as BCP 47 language
// subtags, sorted; Options.Langs takes these. It is language.Codes: the
// languages of textnorm's registry.
func Languages() []string { return language.Codes() }

// ParseLanguages reads a comma-separated list of languages for
// Options.Langs: BCP 47 tags, of which the language subtag counts ("fa-AF"
// is fa), in any case, or aliases ("prs", Dari, is fa too). It is
// language.ParseList: a language textnorm does not know (see Languages) is
// a *diag.UnknownError.
func ParseLanguages(list string) ([]string, error) { return language.ParseList(list) }

// checkLangs returns langs as language codes, each once, in order
// (language.ParseTags): a language textnorm does not know is a
// *diag.UnknownError.
func checkLangs(langs []string) ([]string, error) { return language.ParseTags(langs) }
