package language

import (
	"errors"
	"flag"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/textnorm/textnorm/diag"
	"github.com/textnorm/textnorm/script"
)

// profiles are the normalize profiles a row may name.
var profiles = []string{"default", "fa", "ar", "ur", "ps"}

func TestTableRows(t *testing.T) {
	seen := map[string]bool{}
	for _, l := range table {
		if l.Code == "" || l.Code != strings.ToLower(l.Code) || len(l.Code) < 2 || len(l.Code) > 3 {
			t.Errorf("%q: code must be a lower-case language subtag", l.Code)
		}
		if seen[l.Code] {
			t.Errorf("%s: two rows", l.Code)
		}
		seen[l.Code] = true
		if l.Name == "" {
			t.Errorf("%s: no name", l.Code)
		}
		if len(l.Scripts) == 0 {
			t.Errorf("%s: no script", l.Code)
		}
		for _, sc := range l.Scripts {
			if sc == script.Common || sc == script.Inherited || sc == script.Unknown {
				t.Errorf("%s: script %v", l.Code, sc)
			}
		}
		if !slices.Contains(profiles, l.Profile) {
			t.Errorf("%s: profile %q is none of %v", l.Code, l.Profile, profiles)
		}
		for _, a := range l.Aliases {
			if a == "" || a != strings.ToLower(strings.TrimSpace(a)) || strings.ContainsAny(a, "-_,") {
				t.Errorf("%s: alias %q must be lower case, without - _ , or spaces around it", l.Code, a)
			}
			if a == l.Code || a == strings.ToLower(l.Name) {
				t.Errorf("%s: alias %q repeats the code or the name", l.Code, a)
			}
		}
		if l.Prior < 0 || l.Prior > 1 || (l.Prior > 0 && l.OptIn) {
			t.Errorf("%s: prior %v (opt-in %v)", l.Code, l.Prior, l.OptIn)
		}
		if l.Evidence != nil && !l.WrittenIn(script.Arabic) && !l.WrittenIn(script.Cyrillic) && !l.WrittenIn(script.Latin) && !l.WrittenIn(script.Devanagari) {
			t.Errorf("%s: evidence is for the models of the Arabic, Cyrillic, Latin and Devanagari scripts only", l.Code)
		}
	}
}

func TestPriorsSumToOne(t *testing.T) {
	scripts := map[script.Script]bool{}
	for _, l := range table {
		for _, sc := range l.Scripts {
			scripts[sc] = true
		}
	}
	for sc := range scripts {
		p := Priors(sc)
		if p == nil {
			continue
		}
		sum := 0.0
		for _, v := range p {
			sum += v
		}
		if math.Abs(sum-1) > 1e-9 {
			t.Errorf("Priors(%v) = %v: sum %v, want 1", sc, p, sum)
		}
	}
	for _, sc := range []script.Script{script.Latin, script.Cyrillic, script.Arabic} {
		if Priors(sc) == nil {
			t.Errorf("Priors(%v) = nil", sc)
		}
	}
}

// TestEvidence checks that the evidence rows are well formed: each letter,
// word and affix form once per language, own letters written by no other
// language of the script, affixes with forms where their kind needs them.
func TestEvidence(t *testing.T) {
	arab := ForScript(script.Arabic)
	for _, l := range arab {
		ev := l.Evidence
		if ev == nil {
			t.Errorf("%s: no evidence", l.Code)
			continue
		}
		letters := map[rune]bool{}
		for _, set := range append([]Letters{ev.Own}, ev.Letters...) {
			if set.Runes != "" && set.Weight == 0 {
				t.Errorf("%s: letters %q weigh 0", l.Code, set.Runes)
			}
			for _, r := range set.Runes {
				if letters[r] {
					t.Errorf("%s: letter %q twice", l.Code, r)
				}
				letters[r] = true
				if script.Of(r) != script.Arabic {
					t.Errorf("%s: letter %q is not of the Arabic script", l.Code, r)
				}
			}
		}
		if ev.NoOwn != 0 && ev.Own.Runes == "" {
			t.Errorf("%s: NoOwn without Own letters", l.Code)
		}
		for _, r := range ev.Own.Runes {
			for _, o := range arab {
				if o.Code == l.Code || o.Evidence == nil {
					continue
				}
				for _, set := range append([]Letters{o.Evidence.Own}, o.Evidence.Letters...) {
					// Another language may weigh it only against itself.
					if set.Weight > 0 && strings.ContainsRune(set.Runes, r) {
						t.Errorf("%s: own letter %q is %s's too", l.Code, r, o.Code)
					}
				}
			}
		}
		words := map[string]bool{}
		for _, set := range ev.Words {
			for _, w := range strings.Fields(set.List) {
				if words[w] {
					t.Errorf("%s: word %q twice", l.Code, w)
				}
				words[w] = true
			}
		}
		for _, a := range ev.Affixes {
			switch a.Kind {
			case Prefix, ZWNJPrefix, ZWNJSuffix:
				if strings.TrimSpace(a.Forms) == "" {
					t.Errorf("%s: %v affix without forms", l.Code, a.Kind)
				}
			case ZWNJOther:
				if a.Forms != "" {
					t.Errorf("%s: zwnj-other affix with forms %q", l.Code, a.Forms)
				}
			default:
				t.Errorf("%s: affix kind %v", l.Code, a.Kind)
			}
			if (a.MinLen != 0) != (a.Kind == Prefix && a.MinLen > 0) {
				t.Errorf("%s: %v affix with MinLen %d", l.Code, a.Kind, a.MinLen)
			}
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct{ tag, want string }{
		{"fa", "fa"}, {"FA", "fa"}, {" fa ", "fa"}, {"fa-AF", "fa"}, {"fa_IR", "fa"},
		{"prs", "fa"}, {"per", "fa"}, {"fas", "fa"}, {"Farsi", "fa"}, {"persian", "fa"}, {"Dari", "fa"},
		{"pa-Guru", "pa"}, {"zh-Hant-TW", "zh"}, {"sr-Cyrl-RS", "sr"}, {"iw", "he"}, {"no", "nb"},
		{"ar-EG", "ar"}, {"pbt", "ps"}, {"urd", "ur"}, {"la", "la"}, {"Latin", "la"},
		{"", ""}, {"und", ""}, {"xx", ""}, {"-fa", ""}, {"f", ""}, {"fa,ar", ""},
	}
	for _, tc := range tests {
		l, ok := Lookup(tc.tag)
		if l.Code != tc.want || ok != (tc.want != "") {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tc.tag, l.Code, ok, tc.want)
		}
	}
	for _, l := range All() {
		for _, tag := range append([]string{l.Code, strings.ToUpper(l.Code), l.Name, l.Code + "-XX"}, l.Aliases...) {
			if got, ok := Lookup(tag); !ok || got.Code != l.Code {
				t.Errorf("Lookup(%q) = %q, %v; want %s", tag, got.Code, ok, l.Code)
			}
		}
	}
}

func TestParse(t *testing.T) {
	if l, err := Parse("prs"); err != nil || l.Code != "fa" || l.Profile != "fa" {
		t.Errorf("Parse(prs) = %+v, %v", l, err)
	}
	_, err := Parse(" xx-YY ")
	var u *diag.UnknownError
	if !errors.As(err, &u) || u.Kind != "language" || u.Name != "xx-YY" || !slices.Equal(u.Known, Codes()) {
		t.Fatalf("Parse(xx-YY) error %#v", err)
	}
	if !strings.HasPrefix(err.Error(), `unknown language "xx-YY" (known: af, `) {
		t.Errorf("error text %q", err)
	}
}

func TestParseList(t *testing.T) {
	got, err := ParseList(" EN, fa-AF,prs ,ar,,en")
	if err != nil || !slices.Equal(got, []string{"en", "fa", "ar"}) {
		t.Errorf("ParseList = %v, %v", got, err)
	}
	if got, err := ParseList(" , "); got != nil || err != nil {
		t.Errorf("ParseList(blank) = %v, %v", got, err)
	}
	_, err = ParseList("en,xx")
	var u *diag.UnknownError
	if !errors.As(err, &u) || u.Name != "xx" {
		t.Errorf("ParseList(en,xx) error %v", err)
	}
}

func TestAllAndCodes(t *testing.T) {
	all, codes := All(), Codes()
	if len(all) != len(table) || len(codes) != len(table) {
		t.Fatalf("All %d, Codes %d, table %d", len(all), len(codes), len(table))
	}
	if !slices.IsSorted(codes) {
		t.Errorf("Codes not sorted: %v", codes)
	}
	for i, l := range all {
		if l.Code != codes[i] {
			t.Errorf("All()[%d] = %s, Codes()[%d] = %s", i, l.Code, i, codes[i])
		}
	}
	all[0].Code = "changed"
	if All()[0].Code == "changed" {
		t.Error("All returns the registry's own slice")
	}
	// Every language the engine can tag today, and no other.
	want := strings.Fields(`af ar az be bg bn bo bs ca ckb cs cy da de dv el en eo es et eu fa fi fr ga gu he hi hr hu hy
		id is it ja ka kk km kn ko la lg lo lt lv mi mk ml mn mr ms nb nl nn or pa pl ps pt ro ru sd si sk sl sn so sq sr st sv
		sw ta te tg th tl tn tr ts ug uk ur vi xh yo zh zu`)
	if !slices.Equal(codes, want) {
		t.Errorf("Codes() = %v\nwant %v", codes, want)
	}
}

func TestForScript(t *testing.T) {
	codes := func(ls []Language) []string {
		var out []string
		for _, l := range ls {
			out = append(out, l.Code)
		}
		return out
	}
	tests := []struct {
		sc   script.Script
		want []string
	}{
		{script.Arabic, []string{"fa", "ar", "ur", "ps", "ckb", "ug", "sd"}},
		{script.Han, []string{"zh", "ja"}},
		{script.Bopomofo, []string{"zh"}},
		{script.Hiragana, []string{"ja"}},
		{script.Katakana, []string{"ja"}},
		{script.Japanese, []string{"ja"}},
		{script.Hangul, []string{"ko"}},
		{script.Korean, []string{"ko"}},
		{script.Greek, []string{"el"}},
		{script.Thaana, []string{"dv"}},
		{script.Gurmukhi, []string{"pa"}},
		{script.Devanagari, []string{"hi", "mr"}},
		{script.Cyrillic, []string{"be", "bg", "kk", "mk", "mn", "ru", "sr", "tg", "uk"}},
		{script.Common, nil},
		{script.Unknown, nil},
		{script.Runic, nil},
	}
	for _, tc := range tests {
		if got := codes(ForScript(tc.sc)); !slices.Equal(got, tc.want) {
			t.Errorf("ForScript(%v) = %v, want %v", tc.sc, got, tc.want)
		}
	}
	latin := codes(ForScript(script.Latin))
	if len(latin) != 48 || slices.Contains(latin, "la") || !slices.Contains(latin, "en") {
		t.Errorf("ForScript(Latn) = %v", latin)
	}
}

func TestProfileName(t *testing.T) {
	for code, want := range map[string]string{
		"fa": "fa", "prs": "fa", "fa-AF": "fa", "ar": "ar", "ur": "ur", "ps": "ps",
		"en": "default", "zh": "default", "und": "default", "": "default", "xx": "default",
	} {
		if got := ProfileName(code); got != want {
			t.Errorf("ProfileName(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestList(t *testing.T) {
	var l List
	var _ flag.Getter = &l
	if err := l.Set("fa-AF, en"); err != nil {
		t.Fatal(err)
	}
	if err := l.Set("prs,ur"); err != nil {
		t.Fatal(err)
	}
	if l.String() != "fa,en,ur" || !slices.Equal(l.Get().([]string), []string{"fa", "en", "ur"}) {
		t.Errorf("List = %q", l)
	}
	err := l.Set("ar,xx")
	var u *diag.UnknownError
	if !errors.As(err, &u) || l.String() != "fa,en,ur" {
		t.Errorf("Set(ar,xx) = %v, list %q", err, l)
	}
	if List(nil).String() != "" {
		t.Errorf("empty List = %q", List(nil).String())
	}
}

func TestAffixKindString(t *testing.T) {
	for k, want := range map[AffixKind]string{Prefix: "prefix", ZWNJPrefix: "zwnj-prefix", ZWNJSuffix: "zwnj-suffix", ZWNJOther: "zwnj-other", 0: "AffixKind(0)", 9: "AffixKind(9)"} {
		if k.String() != want {
			t.Errorf("%d.String() = %q, want %q", uint8(k), k.String(), want)
		}
	}
}
