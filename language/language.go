package language

import (
	"fmt"
	"slices"
	"strings"

	"github.com/textnorm/textnorm/diag"
	"github.com/textnorm/textnorm/script"
)

// Language is one row of the registry: a language that textnorm can tag.
//
// Its slices and its Evidence are shared with the registry: callers must
// not modify them.
type Language struct {
	// Code is the language's BCP 47 language subtag, in lower case: the
	// ISO 639-1 code where there is one ("fa", "en", "zh").
	Code string
	// Name is the language's English name ("Persian").
	Name string
	// Aliases are the other names and codes that mean the language to
	// Lookup, in lower case: ISO 639-2 and 639-3 codes, codes of its
	// varieties that textnorm does not tell apart ("prs", Dari, for fa),
	// deprecated codes ("iw" for he) and common names ("farsi").
	// Lookup also accepts Code and Name, so neither is repeated here.
	Aliases []string
	// Scripts are the scripts the language is written in, as script.Runs
	// reports them: a run of one of these scripts may be in the language.
	Scripts []script.Script
	// Profile is the name of the normalize profile for the language's
	// text: "fa", "ar", "ur", "ps", or "default".
	Profile string
	// Prior is the language's default weight among the candidates of its
	// scripts: what a short span of the script leans to when its document
	// says nothing of its language (see Priors). Zero for most languages.
	Prior float64
	// OptIn marks a language that is a candidate only when asked for (in
	// detect.Options.Langs or --langs): Latin, whose statistics would
	// otherwise claim short spans of many Latin-script languages. ForScript
	// leaves opt-in languages out.
	OptIn bool
	// Evidence is what the language's spelling tells of it, for the
	// evidence models of the Arabic and Cyrillic scripts: hand-set letters
	// and words of the table, and the function words that gen_words.go
	// derives from testdata/langeval's building part; nil for languages
	// without any.
	Evidence *Evidence
}

// String returns l's code.
func (l Language) String() string { return l.Code }

// WrittenIn reports whether sc is one of l's scripts.
func (l Language) WrittenIn(sc script.Script) bool { return slices.Contains(l.Scripts, sc) }

// Evidence is what the spelling of a word tells of its language, as weights:
// log-likelihood bonuses, in nats, that each piece of evidence gives the
// language. Only differences between languages matter: evidence that every
// candidate shares carries no weight, so a row lists only what sets its
// language apart from the other languages of its script.
//
// The evidence model of the Arabic script (in internal/langid) sums, for
// each word of a text and each language:
//
//   - the Weight of every letter of Own and of Letters that the word holds,
//     each letter at most once per word;
//   - NoOwn, if the word holds none of Own;
//   - the Weight of the Words entry that the word is one of;
//   - the Weight of the language's first Affix that the word matches.
//
// Words and affix forms are written as the language spells them; the model
// compares them with words folded the way it folds text: Arabic yeh (ي) and
// alef maksura (ى) read as Farsi yeh (ی), Arabic kaf (ك) as keheh (ک), and
// harakat and tatweel are dropped, so mis-keyed Persian matches its own
// words. Letters are compared unfolded.
type Evidence struct {
	// Own are the language's own letters: letters that no other language of
	// its script writes, with their weight.
	Own Letters
	// NoOwn is the weight of a word that holds none of Own, usually
	// negative: the evidence that the word's absence of the language's own
	// letters gives against it. Zero: none.
	NoOwn float64
	// Letters are the other letters that tell for the language, grouped
	// by weight. A letter appears once per language, in Own or in Letters.
	Letters []Letters
	// Words are function words, grouped by weight. A word appears once per
	// language.
	Words []Words
	// Affixes are evidence from the shape of a word, in the order they
	// are tried: the first that a word matches counts.
	Affixes []Affix
}

// Letters is a set of letters with the weight each one gives.
type Letters struct {
	Weight float64
	Runes  string // the letters, each once
}

// Words is a set of words with the weight each one gives.
type Words struct {
	Weight float64
	List   string // the words, separated by spaces
}

// An AffixKind says what part of a word an [Affix] is matched against.
type AffixKind uint8

// The kinds of affix. A word that holds ZWNJ (U+200C, which joins the parts
// of a Persian word without joining their letters) is matched as a
// ZWNJPrefix if its first part is a form of some language's ZWNJPrefix,
// else as a ZWNJSuffix if its last part is a form of some language's
// ZWNJSuffix, else as ZWNJOther; a word without ZWNJ is matched against
// Prefix affixes only. Trailing ZWNJ does not count.
const (
	// Prefix: the word starts with one of Forms and has at least MinLen
	// letters (with the prefix).
	Prefix AffixKind = iota + 1
	// ZWNJPrefix: the part of the word before its first ZWNJ is one of
	// Forms.
	ZWNJPrefix
	// ZWNJSuffix: the part after its last ZWNJ is one of Forms.
	ZWNJSuffix
	// ZWNJOther: the word holds ZWNJ but matches no language's ZWNJPrefix
	// or ZWNJSuffix. Forms is empty.
	ZWNJOther
)

var affixKindNames = [...]string{Prefix: "prefix", ZWNJPrefix: "zwnj-prefix", ZWNJSuffix: "zwnj-suffix", ZWNJOther: "zwnj-other"}

// String returns the name of k, such as "prefix" or "zwnj-suffix".
func (k AffixKind) String() string {
	if int(k) < len(affixKindNames) && affixKindNames[k] != "" {
		return affixKindNames[k]
	}
	return fmt.Sprintf("AffixKind(%d)", uint8(k))
}

// Affix is evidence from the shape of a word: a prefix or a suffix of the
// language, and the weight of a word that has it.
type Affix struct {
	Kind   AffixKind
	Weight float64
	Forms  string // the affixes, separated by spaces
	MinLen int    // Prefix only: the fewest letters the word must have
}

// The registry's indexes, built from table by init.
var (
	index    map[string]int               // code, alias or lower-case name -> row of table
	byScript map[script.Script][]Language // rows that ForScript returns, in table order
	sorted   []Language                   // rows sorted by code
)

func init() {
	index = map[string]int{}
	add := func(key string, i int) {
		if j, ok := index[key]; ok && j != i {
			panic(fmt.Sprintf("language: %q means both %s and %s", key, table[j].Code, table[i].Code))
		}
		index[key] = i
	}
	byScript = map[script.Script][]Language{}
	for i := range table {
		l := &table[i]
		if l.Profile == "" {
			l.Profile = "default"
		}
		if ws := generatedWords[l.Code]; len(ws) > 0 {
			if l.Evidence == nil {
				l.Evidence = &Evidence{}
			}
			l.Evidence.Words = append(slices.Clone(ws), l.Evidence.Words...)
		}
		add(l.Code, i)
		add(strings.ToLower(l.Name), i)
		for _, a := range l.Aliases {
			add(a, i)
		}
		if !l.OptIn {
			for _, sc := range l.Scripts {
				byScript[sc] = append(byScript[sc], *l)
			}
		}
	}
	sorted = slices.Clone(table)
	slices.SortFunc(sorted, func(a, b Language) int { return strings.Compare(a.Code, b.Code) })
}

// key returns the primary language subtag of tag, in lower case: "fa" for
// " fa-AF", "fa_IR" and "FA".
func key(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}

// Lookup returns the language that tag means, and whether there is one.
// Tag is a BCP 47 language tag, of which only the language subtag counts
// ("fa-AF", "fa_IR" and "pa-Guru" are fa and pa); it is matched without
// regard to case against each language's code, aliases and English name
// ("FA", "prs", "Farsi", "persian"). White space around tag is ignored.
// The undetermined language "und" is no language.
func Lookup(tag string) (Language, bool) {
	i, ok := index[key(tag)]
	if !ok {
		return Language{}, false
	}
	return table[i], true
}

// Parse is Lookup with an error for a tag that means no language: a
// *diag.UnknownError of Kind "language" whose Known lists every code.
func Parse(tag string) (Language, error) {
	if l, ok := Lookup(tag); ok {
		return l, nil
	}
	return Language{}, &diag.UnknownError{Kind: "language", Name: strings.TrimSpace(tag), Known: Codes()}
}

// ParseList reads a comma-separated list of language tags, as Lookup reads
// each, and returns their codes, each once, in the order of the list. Empty
// items are skipped, so "" gives nil. The first tag that means no language
// is an error, as Parse returns it.
func ParseList(list string) ([]string, error) { return ParseTags(strings.Split(list, ",")) }

// ParseTags is ParseList for tags given one by one: the codes of the
// languages they name, each once, in order, blank tags skipped; the
// first unknown one is a *diag.UnknownError.
func ParseTags(tags []string) ([]string, error) {
	var codes []string
	for _, tag := range tags {
		if strings.TrimSpace(tag) == "" {
			continue
		}
		l, err := Parse(tag)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(codes, l.Code) {
			codes = append(codes, l.Code)
		}
	}
	return codes, nil
}

// All returns every language of the registry, sorted by code.
func All() []Language { return slices.Clone(sorted) }

// Codes returns the codes of every language of the registry, sorted: the
// languages that textnorm can tag.
func Codes() []string {
	out := make([]string, len(sorted))
	for i, l := range sorted {
		out[i] = l.Code
	}
	return out
}

// ForScript returns the languages that a run of script sc may be in, except
// opt-in ones, in the order of the registry's table: for the Arabic script
// by decreasing Prior, for Latin, Cyrillic and Devanagari as lingua-go lists
// them (by English name), Chinese before Japanese for Han. It returns nil
// for a script of no language (such as Common or Unknown).
func ForScript(sc script.Script) []Language { return slices.Clone(byScript[sc]) }

// Priors returns the default weights of the languages of script sc, by
// code, summing to 1: what a short span of sc leans to when nothing else in
// its document tells its language (en for Latin, ru for Cyrillic; fa, ar,
// ur and ps for Arabic). It returns nil for a script without defaults.
func Priors(sc script.Script) map[string]float64 {
	var m map[string]float64
	for _, l := range byScript[sc] {
		if l.Prior > 0 {
			if m == nil {
				m = map[string]float64{}
			}
			m[l.Code] = l.Prior
		}
	}
	return m
}

// ProfileName returns the name of the normalize profile for the language
// that code means (as Lookup reads it): "fa" for fa and prs, "default" for
// a language without a profile of its own, for "und" and for unknown codes.
func ProfileName(code string) string {
	if l, ok := Lookup(code); ok {
		return l.Profile
	}
	return "default"
}

// List is a list of language codes, as ParseList returns them. *List
// implements flag.Value, so a command can take a --langs flag directly:
//
//	var langs language.List
//	flag.Var(&langs, "langs", "comma-separated languages")
type List []string

// String returns the codes of l joined with commas.
func (l List) String() string { return strings.Join(l, ",") }

// Set adds the languages of a comma-separated list of tags (see ParseList)
// to l, each once. A tag that means no language is an error, and l is then
// unchanged.
func (l *List) Set(list string) error {
	codes, err := ParseList(list)
	if err != nil {
		return err
	}
	for _, c := range codes {
		if !slices.Contains(*l, c) {
			*l = append(*l, c)
		}
	}
	return nil
}

// Get returns l as a []string, for flag.Getter.
func (l List) Get() any { return []string(l) }
