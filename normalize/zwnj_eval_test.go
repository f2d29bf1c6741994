package normalize

import (
	"bufio"
	"compress/gzip"
	"os"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// TestZWNJAffixesOnRealText measures the zwnj-affixes rule on Persian text
// written by others whose ZWNJs are right, in two sets: the Persian strings
// of testdata/langeval's measuring part and of iso-codes' catalogs
// (testdata/repair/clean.tsv.gz); and the measuring part of LibreOffice's
// and Firefox's translations (testdata/zwnj, made by gen_comparatives.go,
// whose building part gave the adjectives of the comparative). Every ZWNJ
// is replaced by a space, the rule runs, and each space is compared with
// what the text had there: a ZWNJ (restored, or not) or a space (left, or
// joined). Wanted in each set: at most 1% of the joins wrong, and at least
// 90% of the ZWNJs at the affixes the rule knows restored. After a letter
// that does not join to the left a ZWNJ shows nothing, so there no ZWNJ
// (which the rule writes) is the same text as one (which some translators
// type). Translators also write a prefix apart in one string and joined
// in the next ("می کند", "می‌کند"): a join where the text has a space but
// the set writes the joined word elsewhere is the text's slip, not the
// rule's, and is counted apart.
func TestZWNJAffixesOnRealText(t *testing.T) {
	var catalogs []string
	if f, err := os.Open("../testdata/langeval/measure.tsv"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if r := strings.Split(sc.Text(), "\t"); len(r) == 5 && r[0] == "fa" {
				catalogs = append(catalogs, r[4])
			}
		}
		f.Close()
	}
	if f, err := os.Open("../testdata/repair/clean.tsv.gz"); err == nil {
		z, _ := gzip.NewReader(f)
		sc := bufio.NewScanner(z)
		for sc.Scan() {
			if r := strings.Split(sc.Text(), "\t"); len(r) == 4 && r[2] == "fa" && r[0] == "measure" {
				catalogs = append(catalogs, r[3])
			}
		}
		f.Close()
	}
	var apps []string
	if f, err := os.Open("../testdata/zwnj/measure.txt.gz"); err == nil {
		z, _ := gzip.NewReader(f)
		sc := bufio.NewScanner(z)
		for sc.Scan() {
			if !strings.HasPrefix(sc.Text(), "#") {
				apps = append(apps, sc.Text())
			}
		}
		f.Close()
	}
	for _, set := range []struct {
		name  string
		texts []string
	}{{"langeval and iso-codes", catalogs}, {"LibreOffice and Firefox", apps}} {
		t.Run(set.name, func(t *testing.T) {
			if len(set.texts) < 500 {
				t.Fatalf("%d Persian strings", len(set.texts))
			}
			scoreZWNJAffixes(t, set.texts)
		})
	}
}

func scoreZWNJAffixes(t *testing.T, texts []string) {
	joined := map[string]bool{} // the words the set writes with a ZWNJ
	for _, s := range texts {
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !isArabicLetter(r) && r != '\u200c' }) {
			if strings.Contains(w, "\u200c") {
				joined[w] = true
			}
		}
	}
	var joins, wrong, slips, affixZWNJ, restored, allZWNJ int
	var degree, degreeRestored int // the ZWNJs before تر and ترین
	var wrongs []string
	for _, orig := range texts {
		before := wrong
		if !strings.Contains(orig, "\u200c") || strings.Contains(orig, "  ") {
			continue
		}
		damaged := strings.ReplaceAll(orig, "\u200c", " ")
		got, _ := applyEdits(damaged, orthographyEdits(ZWNJAffixes, damaged))
		// Walk orig and got together: they differ only where damaged has
		// a space that orig had as a ZWNJ or a space.
		o, g := orig, got
		for len(o) > 0 && len(g) > 0 {
			switch {
			case strings.HasPrefix(o, "\u200c"):
				allZWNJ++
				atAffix := affixAt(orig, len(orig)-len(o))
				atDegree := atAffix && strings.HasPrefix(o[len("\u200c"):], "تر")
				if atAffix {
					affixZWNJ++
				}
				if atDegree {
					degree++
				}
				switch {
				case strings.HasPrefix(g, "\u200c"):
					if atAffix {
						restored++
					}
					if atDegree {
						degreeRestored++
					}
					joins++
					g = g[len("\u200c"):]
				case strings.HasPrefix(g, " "):
					g = g[1:]
				default: // joined without a ZWNJ where the text had one
					joins++
					if last := lastWordRune(orig[:len(orig)-len(o)]); joinsLeft(last) {
						wrong++
					} else if atAffix {
						// After a letter that does not join to the left
						// a ZWNJ shows nothing: no ZWNJ is the same text.
						restored++
					}
				}
				o = o[len("\u200c"):]
			case o[0] == ' ' && !strings.HasPrefix(g, " "):
				joins++
				i := len(got) - len(g)
				if w := got[wordBefore(got, i):wordAfter(got, i+len("\u200c"))]; strings.HasPrefix(g, "\u200c") && joined[w] {
					slips++
				} else {
					wrong++
				}
				if strings.HasPrefix(g, "\u200c") {
					g = g[len("\u200c"):]
				}
				o = o[1:]
			default:
				o, g = o[1:], g[1:]
			}
		}
		if wrong > before && len(wrongs) < 10 {
			wrongs = append(wrongs, orig+"\n\t-> "+got)
		}
	}
	for _, w := range wrongs {
		t.Log("wrong join: " + w)
	}
	wrongPct := 100 * float64(wrong) / float64(max(joins, 1))
	restoredPct := 100 * float64(restored) / float64(max(affixZWNJ, 1))
	t.Logf("%d strings; %d ZWNJs, %d at affixes the rule knows; %d joins, %d wrong (%.2f%%), %d the text's slips; %d of the affix ZWNJs restored (%.1f%%), of them before تر and ترین %d of %d",
		len(texts), allZWNJ, affixZWNJ, joins, wrong, wrongPct, slips, restored, restoredPct, degreeRestored, degree)
	if wrongPct > 1 {
		t.Errorf("%.2f%% of joins wrong, want at most 1%%", wrongPct)
	}
	if restoredPct < 90 {
		t.Errorf("%.1f%% of the ZWNJs at affixes restored, want at least 90%%", restoredPct)
	}
}

// affixAt reports whether the ZWNJ at s[i] is at an affix the rule knows:
// after می or نمی standing as a word, or before ها های هایی, or before a
// clitic after silent heh or yeh.
func affixAt(s string, i int) bool {
	before, after := s[:i], s[i+len("\u200c"):]
	for _, p := range zwnjPrefixes {
		if strings.HasSuffix(before, p) {
			rest := strings.TrimSuffix(before, p)
			if w := lastWordRune(rest); !isArabicLetter(w) {
				return true
			}
		}
	}
	for _, sfx := range append(append([]string{"ترین", "تر"}, zwnjSuffixes...), zwnjClitics...) {
		if strings.HasPrefix(after, sfx) {
			if r := firstRune(after[len(sfx):]); !isArabicLetter(r) && r != '\u200c' {
				return true
			}
		}
	}
	return false
}

func lastWordRune(s string) rune {
	for _, r := range reverseRunes(s) {
		return r
	}
	return 0
}

func reverseRunes(s string) []rune {
	rs := []rune(s)
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	return rs
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// TestPersianLeavesOtherLanguages runs the fa profile on real Pashto,
// Urdu, Kurdish (Sorani), Sindhi and Uyghur text (testdata/langeval) and
// checks that no letter changes but those of the persian-letters rule
// (ARABIC YEH, ALEF MAKSURA and KAF, and what they become): unlike hazm's
// and Parsivar's always-on tables, fa never turns ټ ډ ړ ښ ځ ګ ڼ ۍ ې, ٹ ڈ ڑ ں
// ہ ھ ے or ە ۆ into Persian letters.
func TestPersianLeavesOtherLanguages(t *testing.T) {
	own := map[rune]bool{'ي': true, 'ى': true, 'ك': true, 'ی': true, 'ک': true}
	counts := func(s string) map[rune]int {
		m := map[rune]int{}
		for _, r := range s {
			presentation := r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFC // presentation-forms' own
			if unicode.IsLetter(r) && !own[r] && !presentation && r != '\u0640' {
				m[r]++
			}
		}
		return m
	}
	f, err := os.Open("../testdata/langeval/measure.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	langs := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		r := strings.Split(sc.Text(), "\t")
		if len(r) != 5 || !strings.Contains(" ps ur ckb sd ug ", " "+r[0]+" ") {
			continue
		}
		langs[r[0]]++
		in, out := r[4], Persian.Apply(r[4])
		a, b := counts(norm.NFC.String(Persian.Without(PersianLetters).Apply(in))), counts(out)
		for l, n := range a {
			if b[l] != n {
				t.Errorf("%s: %q -> %q: %q %d times, then %d", r[0], in, out, l, n, b[l])
				break
			}
		}
	}
	for _, l := range []string{"ps", "ur", "ckb", "sd", "ug"} {
		if langs[l] < 100 {
			t.Errorf("%s: %d strings", l, langs[l])
		}
	}
	t.Logf("strings: %v", langs)
}

// TestComparativeAdjectives checks the generated lexicon of the
// comparative: sorted without repeats (isComparativeAdjective searches
// it), Arabic-script words of two letters or more, and the rule joins تر
// after each.
func TestComparativeAdjectives(t *testing.T) {
	if len(comparativeAdjectives) < 20 {
		t.Fatalf("%d adjectives", len(comparativeAdjectives))
	}
	for i, w := range comparativeAdjectives {
		if i > 0 && comparativeAdjectives[i-1] >= w {
			t.Errorf("%q after %q: not sorted or repeated", w, comparativeAdjectives[i-1])
		}
		if wordAfter(w, 0) != len(w) || len([]rune(w)) < 2 {
			t.Errorf("%q is not an Arabic-script word of two letters or more", w)
		}
		in := w + " تر"
		want := w + joiner(w) + "تر"
		if got, _ := applyEdits(in, orthographyEdits(ZWNJAffixes, in)); got != want {
			t.Errorf("%q -> %q, want %q", in, got, want)
		}
	}
}
