package langid

import (
	"bytes"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pemistahl/lingua-go"

	linguaengine "github.com/textnorm/textnorm/engine/lingua"
	"github.com/textnorm/textnorm/language"
	"github.com/textnorm/textnorm/script"
)

// statScripts are the scripts whose runs the Scorer decides (with, for the
// Arabic script, the evidence model): gen_ngrams.go writes n-gram models
// for their registry languages that lingua-go knows.
var statScripts = []script.Script{script.Latin, script.Cyrillic, script.Devanagari, script.Arabic}

func registryCodes(ls []language.Language) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Code)
	}
	return out
}

func linguaCodesOf(ls []lingua.Language) []string {
	var out []string
	for _, l := range ls {
		out = append(out, linguaengine.Code(l))
	}
	return out
}

// TestRegistryMatchesLingua checks that the hand-kept registry has exactly
// lingua-go's languages of the scripts lingua decides (Latin, with la
// opt-in, Cyrillic and Devanagari), in lingua's order, which is the order of
// the candidates; that lingua's Arabic-script languages are among the
// registry's; and that every lingua language of the registry is found by
// its ISO 639-3 code too.
func TestRegistryMatchesLingua(t *testing.T) {
	for _, tc := range []struct {
		sc     script.Script
		lingua []lingua.Language
	}{
		{script.Latin, lingua.AllLanguagesWithLatinScript()},
		{script.Cyrillic, lingua.AllLanguagesWithCyrillicScript()},
		{script.Devanagari, lingua.AllLanguagesWithDevanagariScript()},
	} {
		want := slices.DeleteFunc(linguaCodesOf(tc.lingua), func(c string) bool { return c == "la" })
		// Tajik is the registry's own, from orthography: lingua has no
		// model of it.
		got := slices.DeleteFunc(registryCodes(language.ForScript(tc.sc)), func(c string) bool {
			_, ok := linguaengine.Language(c)
			return !ok
		})
		if !slices.Equal(got, want) {
			t.Errorf("registry's %v languages\n%v\nlingua's (la aside)\n%v", tc.sc, got, want)
		}
	}
	if la, ok := language.Lookup("la"); !ok || !la.OptIn || !slices.Equal(la.Scripts, []script.Script{script.Latin}) {
		t.Errorf("la = %+v, %v; want an opt-in Latin-script row", la, ok)
	}
	arabic := registryCodes(language.ForScript(script.Arabic))
	for _, c := range linguaCodesOf(lingua.AllLanguagesWithArabicScript()) {
		if !slices.Contains(arabic, c) {
			t.Errorf("lingua's Arabic-script %s is not a registry language of the script (%v)", c, arabic)
		}
	}
	for _, l := range language.All() {
		ll, ok := linguaengine.Language(l.Code)
		if !ok {
			continue
		}
		iso3 := strings.ToLower(ll.IsoCode639_3().String())
		if got, ok := language.Lookup(iso3); !ok || got.Code != l.Code {
			t.Errorf("Lookup(%q) = %q, %v; want %s (lingua's ISO 639-3 code for it)", iso3, got.Code, ok, l.Code)
		}
	}
}

// TestLanguagesAreTheRegistry checks that Languages and the candidates of
// every script come from the registry.
func TestLanguagesAreTheRegistry(t *testing.T) {
	if !slices.Equal(Languages(), language.Codes()) {
		t.Errorf("Languages() = %v, registry %v", Languages(), language.Codes())
	}
	id := New(Options{Scorer: noScorer})
	for sc := range script.Script(255) {
		if got, want := id.Candidates(sc), registryCodes(language.ForScript(sc)); !slices.Equal(got, want) {
			t.Errorf("Candidates(%v) = %v, registry %v", sc, got, want)
		}
	}
	la := New(Options{Langs: []string{"la", "en"}, Scorer: noScorer})
	if got := la.Candidates(script.Latin); !slices.Equal(got, []string{"en", "la"}) {
		t.Errorf("Candidates(Latn) with la, en = %v", got)
	}
}

// TestArabicScoresPinned pins the scores of a few words, worked out by hand
// from the registry's rows.
func TestArabicScoresPinned(t *testing.T) {
	const z = "\u200c"
	tests := []struct {
		text string
		want map[string]float64 // fa, ar, ur, ps
	}{
		// ښ, ځ: Pashto's own letters, +3 each, and -2 each for fa and
		// ar, which never write them; no Urdu letter: -1 ur.
		{"ښځه", map[string]float64{"fa": -4, "ar": -4, "ur": -1, "ps": 6}},
		// ی +1.2 fa ur ps; می‌ prefix +1.5 fa; no own letters: -1 ur, -0.3 ps.
		{"می" + z + "روم", map[string]float64{"fa": 2.7, "ar": 0, "ur": 0.2, "ps": 0.9}},
		// ة +2 ar; article with a proclitic +1.2 ar; absences.
		{"بالمدرسة", map[string]float64{"fa": 0, "ar": 3.2, "ur": -1, "ps": -0.3}},
		// ي +0.4 ar; في, folded to فی, +2 ar; absences.
		{"في", map[string]float64{"fa": 0, "ar": 2.4, "ur": -1, "ps": -0.3}},
		// ے, ہ: Urdu's own letters +3 each; ہے +2 ur; no Pashto letter:
		// -0.3 ps; ے, which Persian and Arabic never write, -2 for both
		// (ہ, which some Persian text is keyed with, is not counted).
		{"ہے", map[string]float64{"fa": -2, "ar": -2, "ur": 8, "ps": -0.3}},
	}
	for _, tc := range tests {
		e := scoreArabic(tc.text)
		for lang, want := range tc.want {
			if got := e.score[arab.index(lang)]; math.Abs(got-want) > 1e-9 {
				t.Errorf("%q: %s scores %v, want %v (all: %v)", tc.text, lang, got, want, e.score)
			}
		}
	}
}

// TestGeneratedModels checks that ngrams.tbl and ngrams_model.go are what
// gen_ngrams.go writes from lingua-go's models for the registry's
// languages.
func TestGeneratedModels(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the generator (about 10 s)")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	dir := t.TempDir()
	tbl, model := filepath.Join(dir, "ngrams.tbl"), filepath.Join(dir, "ngrams_model.go")
	cmd := exec.Command(goCmd, "run", "gen_ngrams.go", "-o", tbl, "-go", model)
	b, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go run gen_ngrams.go: %v\n%s", err, b)
	}
	t.Logf("gen_ngrams.go: %s", b)
	for _, f := range [][2]string{{tbl, "ngrams.tbl"}, {model, "ngrams_model.go"}} {
		got, err := os.ReadFile(f[0])
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(f[1])
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s (%d bytes) is not what gen_ngrams.go writes (%d bytes): run go generate ./internal/langid", f[1], len(want), len(got))
		}
	}
}

// TestLangsByAlias checks that Options.Langs reads tags and aliases as the
// registry does.
func TestLangsByAlias(t *testing.T) {
	id := New(Options{Langs: []string{"prs", "AR-eg", "Urdu"}, Scorer: noScorer})
	if got := id.Candidates(script.Arabic); !slices.Equal(got, []string{"fa", "ar", "ur"}) {
		t.Errorf("Candidates(Arab) with prs, AR-eg, Urdu = %v", got)
	}
}

// TestWordFilter checks that each model's filter passes every word of its
// lists (a word it stopped would lose its evidence) and stops most of the
// words of a text that are not in them.
func TestWordFilter(t *testing.T) {
	for name, m := range map[string]*arabicModel{"arab": arab, "cyrl": cyrl, "latn": latn, "deva": deva} {
		for _, w := range m.wordKeys {
			if !m.mayBeWord.has([]byte(w)) {
				t.Errorf("%s: filter stops listed word %q", name, w)
			}
		}
		rng := rand.New(rand.NewPCG(1, 2))
		passed, others := 0, 0
		for range 20000 {
			w := make([]byte, 2+rng.IntN(10))
			for j := range w {
				w[j] = byte('a' + rng.IntN(26))
			}
			if findWord(m.wordKeys, w) >= 0 {
				continue
			}
			others++
			if m.mayBeWord.has(w) {
				passed++
			}
		}
		rate := float64(passed) / float64(others)
		t.Logf("%s: %d words, %.1f%% of others pass", name, len(m.wordKeys), 100*rate)
		if rate > 0.15 {
			t.Errorf("%s: filter passes %.1f%% of unlisted words, want at most 15%%", name, 100*rate)
		}
	}
}

// TestEvidenceTables checks that evidence_tables.go holds what
// buildEvidence makes of the registry, so that a change of the registry's
// evidence cannot go unused.
func TestEvidenceTables(t *testing.T) {
	generated := map[string]evidenceTables{"arabTables": arabTables, "cyrlTables": cyrlTables, "latnTables": latnTables, "devaTables": devaTables}
	built := EvidenceTables()
	if len(built) != len(generated) {
		t.Fatalf("EvidenceTables has %d tables, evidence_tables.go %d", len(built), len(generated))
	}
	for name, b := range built {
		if !reflect.DeepEqual(b, generated[name]) {
			t.Errorf("%s of evidence_tables.go is not what the registry gives: run go generate ./internal/langid", name)
		}
	}
}
