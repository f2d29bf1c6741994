package detect

import (
	"fmt"
	"slices"
	"strings"

	"github.com/textnorm/textnorm/internal/langid"
)

// Languages returns every language Segments can give, as BCP 47 language
// subtags, sorted; Options.Langs takes these.
func Languages() []string { return langid.Languages() }

// ParseLanguages reads a comma-separated list of languages for
// Options.Langs: BCP 47 tags, of which the language subtag counts ("fa-AF"
// is fa; Dari, prs, is fa too), in any case. A language textnorm does not
// know (see Languages) is an error.
func ParseLanguages(list string) ([]string, error) {
	var langs []string
	for _, tag := range strings.Split(list, ",") {
		tag = strings.ToLower(strings.TrimSpace(tag))
		if tag == "" {
			continue
		}
		l, _, _ := strings.Cut(strings.ReplaceAll(tag, "_", "-"), "-")
		if l == "prs" {
			l = "fa"
		}
		if !slices.Contains(Languages(), l) {
			return nil, fmt.Errorf("detect: unknown language %q (known: %s)", tag, strings.Join(Languages(), ","))
		}
		if !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	return langs, nil
}
