package detect

import (
	"slices"
	"strings"

	"github.com/textnorm/textnorm/language"
)

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

// checkLangs returns langs as language codes, each once, in order: each
// read as language.Lookup reads it (in any case, with region or script
// subtags, by alias), blank ones skipped. A language textnorm does not know
// is a *diag.UnknownError, as language.Parse returns it.
func checkLangs(langs []string) ([]string, error) {
	var out []string
	for _, tag := range langs {
		if strings.TrimSpace(tag) == "" {
			continue
		}
		l, err := language.Parse(tag)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(out, l.Code) {
			out = append(out, l.Code)
		}
	}
	return out, nil
}
