package langid

// A frozen copy of the Arabic-script evidence model as it was before it was
// built from the language registry (positional weight vectors over fa, ar,
// ur, ps), kept to check that the registry's model scores every text exactly
// as this one did. Do not change it: change the registry's rows, and this
// test's expectations, on purpose.

import (
	"strings"
	"unicode"
)

// Arabic-script languages told apart by the evidence model, in the order of
// the weight vectors below.
const (
	fIFa = iota // Persian (incl. Dari)
	fIAr        // Arabic
	fIUr        // Urdu
	fIPs        // Pashto
	fNArab
)

// frozenArabLangs are the codes of the Arabic-script languages, indexed as above.
var frozenArabLangs = [fNArab]string{"fa", "ar", "ur", "ps"}

// fw is a weight vector: the log-likelihood bonus (in nats) that one piece of
// evidence gives each of fa, ar, ur, ps. Only differences between languages
// matter: a feature that all four share carries no weight.
type fw [fNArab]float64

// Letter evidence. Each letter counts at most once per word, so a long word
// full of one letter does not outweigh a function word.
//
// Weights and why:
//   - Pashto-only letters (ټ ډ ړ ږ ښ ځ څ ګ ۼ ۍ ې): +3 ps. Almost every Pashto
//     sentence has several; Persian, Arabic and Urdu have none.
//   - Urdu-only letters (ٹ ڈ ڑ ں ے ہ ھ): +3 ur. Almost every Urdu sentence has
//     ے or ں; ھ is also used by Kurdish, which we do not tell apart.
//   - Letters of Persian, Urdu and Pashto that Arabic lacks (پ چ ژ ک ی): +1.2
//     for fa, ur and ps. گ gets less for ps (Pashto writes ګ). Arabic
//     loanword spelling and Iranian keyboards put a few of these in Arabic
//     text, so they are strong but not decisive.
//   - ۀ (heh with yeh above, Persian ezafe): +2 fa.
//   - ة teh marbuta: +2 ar. Persian and Urdu keep it only in a few loanwords.
//   - ى alef maksura: +1 ar; Persian typed on Arabic keyboards shows it too.
//   - ي Arabic yeh and ك Arabic kaf: +0.4 ar only. Persian and Urdu are very
//     often typed with them (mis-keyed text), so they must never decide alone.
//   - أ إ hamza on alef: +0.5 ar; Persian and Urdu write them rarely.
var frozenLetterWeights = map[rune]fw{
	// Pashto only.
	'\u067C': {0, 0, 0, 3}, '\u0689': {0, 0, 0, 3}, '\u0693': {0, 0, 0, 3},
	'\u0696': {0, 0, 0, 3}, '\u069A': {0, 0, 0, 3}, '\u0681': {0, 0, 0, 3},
	'\u0685': {0, 0, 0, 3}, '\u06AB': {0, 0, 0, 3}, '\u06BC': {0, 0, 0, 3},
	'\u06CD': {0, 0, 0, 3}, '\u06D0': {0, 0, 0, 3},
	// Urdu only.
	'\u0679': {0, 0, 3, 0}, '\u0688': {0, 0, 3, 0}, '\u0691': {0, 0, 3, 0},
	'\u06BA': {0, 0, 3, 0}, '\u06D2': {0, 0, 3, 0}, '\u06C1': {0, 0, 3, 0},
	'\u06BE': {0, 0, 3, 0},
	// Persian, Urdu and Pashto, not Arabic.
	'\u067E': {1.2, 0, 1.2, 1.2}, // پ
	'\u0686': {1.2, 0, 1.2, 1.2}, // چ
	'\u0698': {1.2, 0, 1.2, 1.2}, // ژ
	'\u06AF': {1.2, 0, 1.2, 0.4}, // گ
	'\u06A9': {1.2, 0, 1.2, 1.2}, // ک keheh
	'\u06CC': {1.2, 0, 1.2, 1.2}, // ی Farsi yeh
	'\u06C0': {2, 0, 0, 0},       // ۀ
	// Arabic.
	'\u0629': {0, 2, 0, 0},   // ة
	'\u0649': {0, 1, 0, 0},   // ى
	'\u064A': {0, 0.4, 0, 0}, // ي
	'\u0643': {0, 0.4, 0, 0}, // ك
	'\u0623': {0, 0.5, 0, 0}, // أ
	'\u0625': {0, 0.5, 0, 0}, // إ
}

// frozenWordWeights are function words, looked up after folding (see fold): ي and
// ى are read as ی, ك as ک, so mis-keyed Persian matches its own words.
// Frequent function words are the strongest evidence a sentence has: +1.5 to
// +2.5 for a word of one language; words two languages share give both a
// smaller bonus (Persian او "he" and Pashto او "and"; Persian ما "we" and
// Arabic ما "what"; Persian and Arabic بین، بعد). Arabic words keep their
// hamza (أن، إلى) because folding it would merge them with Persian words.
var frozenWordWeights = map[string]fw{
	// Persian.
	"است": {2.5, 0, 0, 0}, "را": {2.5, 0, 0, 0}, "که": {1.5, 0, 0.3, 1},
	"می": {2, 0, 0, 0}, "نمی": {2, 0, 0, 0}, "این": {1.5, 0.3, 0, 0},
	"آن": {1.5, 0, 0, 0}, "های": {1.5, 0, 0, 0}, "ها": {1, 0, 0, 0},
	"برای": {2, 0, 0, 0}, "با": {1.2, 0, 0, 0}, "از": {1.5, 0, 0, 0},
	"به": {1.2, 0, 0, 0.8}, "در": {1.5, 0, 0, 0}, "بود": {1.5, 0, 0, 0},
	"شد": {1.2, 0, 0, 0}, "شده": {1.5, 0, 0, 0}, "کرد": {1.2, 0, 0, 0},
	"کند": {1.5, 0, 0, 0}, "دارد": {1.5, 0, 0, 0}, "گفت": {1.5, 0, 0, 0},
	"یک": {1, 0, 0, 0}, "هر": {0.8, 0, 0, 0}, "خود": {1.2, 0, 0, 0},
	"باید": {1.2, 0, 0, 0}, "نیز": {1.5, 0, 0, 0}, "اما": {1, 0.3, 0, 0},
	"تا": {1, 0, 0.3, 0}, "بر": {0.8, 0, 0, 0}, "همه": {1, 0, 0, 0},
	"ای": {0.5, 0, 0, 0}, "هم": {0.5, 0, 0, 0.5}, "او": {0.8, 0, 0, 1},
	"ما": {0.5, 0.5, 0, 0}, "من": {0.8, 1, 0, 0}, "بین": {0.5, 0.5, 0, 0},
	"بعد": {0.5, 0.5, 0, 0}, "حتی": {0.8, 1, 0, 0}, "الی": {0.5, 1, 0, 0},
	"علی": {0.5, 1, 0, 0}, "نه": {0.5, 0, 0, 0.5}, "تو": {0.5, 0, 0.5, 0},
	"اند": {1.5, 0, 0, 0}, "ایم": {1.2, 0, 0, 0}, "کنند": {1.5, 0, 0, 0},
	"شود": {1.5, 0, 0, 0}, "وی": {1, 0, 0, 1}, "چه": {1, 0, 0, 0.3},
	// Arabic.
	"فی": {0, 2, 0, 0}, "إلی": {0, 2, 0, 0}, "التی": {0, 2, 0, 0},
	"الذی": {0, 2, 0, 0}, "الذین": {0, 2, 0, 0}, "هذا": {0, 2, 0, 0},
	"هذه": {0, 2, 0, 0}, "ذلک": {0, 2, 0, 0}, "تلک": {0, 2, 0, 0},
	"أن": {0, 1.5, 0, 0}, "إن": {0, 1.5, 0, 0}, "عن": {0, 1.5, 0, 0},
	"مع": {0, 1.5, 0, 0}, "کان": {0, 1.5, 0, 0}, "کانت": {0, 2, 0, 0},
	"قد": {0, 1.2, 0, 0}, "لا": {0, 1.2, 0, 0}, "لم": {0, 1.5, 0, 0},
	"لن": {0, 1.5, 0, 0}, "أو": {0, 1.5, 0, 0}, "ثم": {0, 1.5, 0, 0},
	"قال": {0, 1.5, 0, 0}, "هو": {0, 1.5, 0, 0}, "هی": {0, 1.5, 0, 0},
	"عند": {0, 1.5, 0, 0}, "منذ": {0, 2, 0, 0}, "لقد": {0, 2, 0, 0},
	"إلا": {0, 2, 0, 0}, "فیه": {0, 1.5, 0, 0}, "علیه": {0, 1, 0, 0},
	"کل": {0, 1, 0, 0}, "أی": {0, 1.5, 0, 0}, "بها": {0, 1.5, 0, 0},
	"له": {0.2, 0.5, 0, 1.5}, "حیث": {0, 1.5, 0, 0}, "لکن": {0, 1.5, 0, 0},
	// Urdu.
	"کے": {0, 0, 2, 0}, "کی": {0.2, 0, 1.5, 0}, "میں": {0, 0, 2, 0},
	"ہے": {0, 0, 2, 0}, "ہیں": {0, 0, 2, 0}, "اور": {0.2, 0, 2, 0},
	"سے": {0, 0, 2, 0}, "نے": {0, 0, 2, 0}, "کو": {0, 0, 1.5, 0},
	"یہ": {0, 0, 1.5, 0}, "وہ": {0, 0, 1.5, 0}, "کہ": {0, 0, 1, 0},
	"پر": {0.3, 0, 1, 0.8}, "تھا": {0, 0, 2, 0}, "گیا": {0, 0, 1, 0},
	"کیا": {0, 0, 1.5, 0}, "ایک": {0.3, 0, 1.5, 0}, "بھی": {0, 0, 2, 0},
	"جو": {0, 0, 1, 0}, "کر": {0, 0, 1, 0}, "لیے": {0, 0, 2, 0},
	// Pashto.
	"د": {0, 0, 0, 2.5}, "په": {0, 0, 0, 2.5}, "ته": {0, 0, 0, 1.5},
	"چې": {0, 0, 0, 2}, "دې": {0, 0, 0, 2}, "کې": {0, 0, 0, 2},
	"یې": {0, 0, 0, 2}, "شوی": {0.2, 0, 0, 1.5}, "کړی": {0, 0, 0, 2},
	"دی": {0.3, 0, 0, 1.5}, "لپاره": {0, 0, 0, 2}, "سره": {0.2, 0, 0, 1.5},
	"دا": {0, 0, 0, 1.5}, "وو": {0, 0, 0, 1}, "شو": {0, 0, 0, 1},
	"تر": {0.3, 0, 0, 0.8}, "کوی": {0, 0, 0, 1.5}, "ده": {0.3, 0, 0, 1},
	"یو": {0, 0, 0, 1.5}, "دغه": {0, 0, 0, 2},
	"دوی": {0, 0, 0, 1.5}, "کال": {0, 0, 0, 0.8}, "هغه": {0, 0, 0, 2},
}

// Affix evidence, per word:
//   - Arabic article: a word starting with ال gets +0.6 ar (Persian has
//     common words starting with ال too: البته، الان); with a proclitic
//     (وال، بال، فال، کال، لل) it gets +1.2 ar, which Persian lacks.
//   - Persian verb prefix می‌/نمی‌ joined by ZWNJ: +1.5 fa.
//   - Persian plural/ezafe joined by ZWNJ (‌ها، ‌های، ‌ای، ‌ام): +1.2 fa.
//   - Any other ZWNJ inside a word: +0.8 fa, +0.2 ur and ps. Arabic never
//     uses ZWNJ.
var (
	frozenArticleWeight   = fw{0, 0.6, 0, 0}
	frozenProcliticWeight = fw{0, 1.2, 0, 0}
	frozenMiPrefixWeight  = fw{1.5, 0, 0, 0}
	frozenFaSuffixWeight  = fw{1.2, 0, 0, 0}
	frozenZwnjWeight      = fw{0.8, 0, 0.2, 0.2}
)

// Absence evidence, per word: most Urdu words (about two in three) hold one
// of Urdu's own letters and about one Pashto word in four holds one of
// Pashto's, while Persian and Arabic words never do. So a word with none is
// evidence against Urdu, ln(1/3) ≈ -1.0, and against Pashto, ln(3/4) ≈ -0.3.
var (
	frozenNoUrduLetterWeight   = fw{0, 0, -1.0, 0}
	frozenNoPashtoLetterWeight = fw{0, 0, 0, -0.3}
)

// frozenOwnLetterOf reports whether r is one of Urdu's or Pashto's own letters.
func frozenOwnLetterOf(r rune) (urdu, pashto bool) {
	v, ok := frozenLetterWeights[r]
	if !ok {
		return false, false
	}
	return v == fw{0, 0, 3, 0}, v == fw{0, 0, 0, 3}
}

// frozenEvidence is the outcome of the evidence model for one text.
type frozenEvidence struct {
	score [fNArab]float64 // summed log-likelihood bonuses
	words int             // Arabic-script words seen
}

// add adds v to e's scores.
func (e *frozenEvidence) add(v fw) {
	for i := range v {
		e.score[i] += v[i]
	}
}

// frozenScoreArabic runs the evidence model over text.
func frozenScoreArabic(text string) frozenEvidence {
	var e frozenEvidence
	var word strings.Builder // folded word, ZWNJ kept
	seen := map[rune]bool{}
	var hasUr, hasPs bool
	flush := func() {
		if word.Len() == 0 {
			return
		}
		e.words++
		frozenScoreWord(&e, word.String())
		if !hasUr {
			e.add(frozenNoUrduLetterWeight)
		}
		if !hasPs {
			e.add(frozenNoPashtoLetterWeight)
		}
		word.Reset()
		clear(seen)
		hasUr, hasPs = false, false
	}
	for _, r := range text {
		switch {
		case isArabicLetter(r):
			if v, ok := frozenLetterWeights[r]; ok && !seen[r] {
				seen[r] = true
				e.add(v)
				ur, ps := frozenOwnLetterOf(r)
				hasUr, hasPs = hasUr || ur, hasPs || ps
			}
			if f, ok := fold(r); ok {
				word.WriteRune(f)
			}
		case r == zwnj || r == '\u0640' || unicode.Is(unicode.Mn, r):
			if r == zwnj && word.Len() > 0 {
				word.WriteRune(r)
			}
		default:
			flush()
		}
	}
	flush()
	return e
}

// frozenScoreWord adds the word-level evidence of one folded word (which may hold
// ZWNJ between its parts).
func frozenScoreWord(e *frozenEvidence, word string) {
	word = strings.TrimRight(word, string(zwnj))
	if v, ok := frozenWordWeights[word]; ok {
		e.add(v)
	}
	if strings.ContainsRune(word, zwnj) {
		parts := strings.Split(word, string(zwnj))
		switch {
		case parts[0] == "می" || parts[0] == "نمی":
			e.add(frozenMiPrefixWeight)
		case frozenIsFaSuffix(parts[len(parts)-1]):
			e.add(frozenFaSuffixWeight)
		default:
			e.add(frozenZwnjWeight)
		}
		return
	}
	switch {
	case frozenHasAnyPrefix(word, "وال", "بال", "فال", "کال", "لل") && len([]rune(word)) > 4:
		e.add(frozenProcliticWeight)
	case strings.HasPrefix(word, "ال") && len([]rune(word)) > 3:
		e.add(frozenArticleWeight)
	}
}

func frozenIsFaSuffix(s string) bool {
	switch s {
	case "ها", "های", "ای", "ام", "اش", "ایم", "اید", "اند", "تر", "ترین":
		return true
	}
	return false
}

func frozenHasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
