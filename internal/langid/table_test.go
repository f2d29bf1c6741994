package langid

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	linguaengine "github.com/textnorm/textnorm/engine/lingua"
	"github.com/textnorm/textnorm/language"
	"github.com/textnorm/textnorm/script"
)

// scoringCase is a text and the candidates to score it against.
type scoringCase struct {
	text  string
	cands []string
}

var inlineMark = regexp.MustCompile(`⟦[a-z]+\|`)

// scoringCorpus is many texts in the table's languages and others, with
// candidate sets: the accuracy sentences and phrases and the script runs of
// the evaluation documents (../../testdata/eval and eval-holdout), each
// whole and as its 1-, 2-, 3- and 5-word prefixes, against the candidates
// of its script, all the table's languages and a random subset of them
// (fixed seed); and random strings of letters of many scripts.
func scoringCorpus(t testing.TB) []scoringCase {
	t.Helper()
	var texts []string
	for _, c := range accuracySentences {
		texts = append(texts, c.text)
	}
	for _, c := range accuracyPhrases {
		texts = append(texts, c.text)
	}
	var files []string
	for _, dir := range []string{"../../testdata/eval", "../../testdata/eval-holdout"} {
		fs, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil || len(fs) == 0 {
			t.Fatalf("no evaluation documents in %s", dir)
		}
		files = append(files, fs...)
	}
	slices.Sort(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "#") {
				continue
			}
			_, line, _ = strings.Cut(line, "\t")
			line = strings.ReplaceAll(inlineMark.ReplaceAllString(line, ""), "⟧", "")
			for r := range script.Runs(line) {
				if r.Script != script.Common {
					texts = append(texts, line[r.Start:r.End])
				}
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("abcdefghijklmnopqrstuvwxyzäöüßçéèêñõãåæøłśźżčšžğışəăâîțђжщыэюяґєїабвгдеकखगघचछजझटठडढणतथदधनपफबभमयरलवशसहािीुूेैोौंःابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیةيكءئ这家餐厅的菜很好吃服务也周到我们下次还会再来東京都大学ひらがなカタカナ 'ʼ-.,")
	for i := range 400 {
		n := 1 + rng.IntN(60)
		if i%10 == 0 {
			n = 600 + rng.IntN(200) // beyond MaxLetters
		}
		var b strings.Builder
		for range n {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	all := DefaultNgram().Languages()
	var cases []scoringCase
	for _, text := range texts {
		sc := script.Common
		for r := range script.Runs(text) {
			if r.Script != script.Common {
				sc = r.Script
				break
			}
		}
		var own []string
		for _, l := range language.All() {
			if l.WrittenIn(sc) {
				own = append(own, l.Code)
			}
		}
		sub := slices.Clone(all)
		rng.Shuffle(len(sub), func(i, j int) { sub[i], sub[j] = sub[j], sub[i] })
		sub = sub[:2+rng.IntN(len(sub)-1)]
		words := strings.Fields(text)
		for _, n := range []int{1, 2, 3, 5, len(words)} {
			if n > len(words) || (n == len(words) && n <= 5 && n != 1) {
				continue
			}
			pre := strings.Join(words[:n], " ")
			if n == len(words) {
				pre = text
			}
			cases = append(cases, scoringCase{pre, own}, scoringCase{pre, all}, scoringCase{pre, sub})
		}
	}
	return cases
}

// scoringDigest is the SHA-256 of s's log-likelihoods, in quantisation
// steps, over the corpus, and the number of cases that had scores.
func scoringDigest(t testing.TB, s *NgramScorer, corpus []scoringCase) (string, int) {
	h := sha256.New()
	scored := 0
	for _, c := range corpus {
		ll := s.LogLikelihoods(c.text, c.cands)
		if ll != nil {
			scored++
		}
		fmt.Fprintf(h, "%q", c.text)
		for _, x := range ll {
			fmt.Fprintf(h, " %s:%d", x.Lang, int(math.Round(-x.P*ngramScale)))
		}
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil)), scored
}

// TestScoresPinned pins the log-likelihoods of the scorer that scores every
// candidate to the end (Decisive 0) over the scoring corpus without zh and
// ja, and of one with other parameters. (With K4 at 3,000 those digests were
// the model of format 2's, ngrams.bin, decoded into maps at first use, which
// the table of format 3 matched text by text on this corpus before the old
// model was deleted; they changed when K4 went to 20,000.) Another pins the scores of the Han and kana texts against zh and ja,
// which that model lacked. The default scorer's, which drops candidates
// that trail by Decisive, are pinned too, with the bits of the
// probabilities Scores gives, which are the same on every platform
// (checked on amd64, and on arm64 and s390x, a big-endian one, under
// qemu-user, before candidates were dropped).
//
// A change of the table's statistics (K3, K4, lingua-go) or of the scorer
// changes them: check the evaluation (go test ./detect -run Evaluation -v)
// and update them.
func TestScoresPinned(t *testing.T) {
	corpus := scoringCorpus(t)
	var sansHan []scoringCase
	for _, c := range corpus {
		cands := slices.DeleteFunc(slices.Clone(c.cands), func(l string) bool { return l == "zh" || l == "ja" })
		sansHan = append(sansHan, scoringCase{c.text, cands})
	}
	other := NewNgramScorer()
	other.Backoff, other.Floor, other.MaxLetters = 1.5, 9, 40
	full := NewNgramScorer() // every candidate scored to the end
	full.Decisive = 0
	var han []scoringCase
	seen := map[string]bool{}
	for _, c := range corpus {
		cjk := strings.ContainsFunc(c.text, func(r rune) bool { return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) })
		if cjk && !seen[c.text] {
			seen[c.text] = true
			han = append(han, scoringCase{c.text, []string{"zh", "ja"}})
		}
	}
	// The probabilities too, to the bit: softmax uses portableExp.
	h := sha256.New()
	for _, c := range sansHan {
		for _, x := range DefaultNgram().Scores(c.text, c.cands) {
			fmt.Fprintf(h, "%s:%x ", x.Lang, math.Float64bits(x.P))
		}
		h.Write([]byte{'\n'})
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != pinnedProbs {
		t.Errorf("probabilities over the scoring corpus changed: digest %s, pinned %s", got, pinnedProbs)
	}
	for _, tc := range []struct {
		name   string
		s      *NgramScorer
		corpus []scoringCase
		want   string
	}{
		{"no candidate dropped", full, sansHan, pinnedFull},
		{"backoff=1.5,floor=9,max=40", other, sansHan, pinnedOther},
		{"zh,ja, no candidate dropped", full, han, pinnedHan},
		{"default", DefaultNgram(), sansHan, pinnedDefault},
		{"zh,ja", DefaultNgram(), han, pinnedDefaultHan},
	} {
		got, n := scoringDigest(t, tc.s, tc.corpus)
		t.Logf("%s: %d of %d cases scored, digest %s", tc.name, n, len(tc.corpus), got)
		if got != tc.want {
			t.Errorf("%s: log-likelihoods over the scoring corpus changed: digest %s, pinned %s", tc.name, got, tc.want)
		}
	}
}

// pinnedFull, pinnedOther and pinnedHan score every candidate (see
// TestScoresPinned); pinnedDefault, pinnedDefaultHan and pinnedProbs are
// the default scorer's, which drops candidates that trail by Decisive.
const (
	pinnedFull       = "6eb6961aec481a0f9c48f254a2ce821deec358c156ae74dbcc6ff28a3f644ae6"
	pinnedOther      = "2ced5e5a9a6a675d3655c29273e445b5c08828286ff85291dd916c954f5647bd"
	pinnedHan        = "68711484dda55cc948620d597b231705ac48fbdc2cf9648211016c60e5b89c26"
	pinnedDefault    = "c7017881cbd7ebff87b4693b5ba4532204f76eae43cd43265417d6e9f94eb0a2"
	pinnedDefaultHan = "8a9c79ba82381cf198dbd62cb1499a65db94d69d39602fdbfa13c3001480ea7e"
	pinnedProbs      = "6f26915e21cfd9d7ed6e0a3af5eb98aa0ead3eacc18368f28836eff0ce3c9209"
)

// TestModelInfo checks that ModelInfo's hash is that of the embedded table
// and its name the table's own provenance.
func TestModelInfo(t *testing.T) {
	name, sum := ModelInfo()
	got := sha256.Sum256(ngramsTbl)
	if hex.EncodeToString(got[:]) != sum {
		t.Errorf("ModelInfo sha256 %s, embedded table's %x", sum, got)
	}
	if string(defaultTable.prov) != name {
		t.Errorf("ModelInfo name %q, table's %q", name, defaultTable.prov)
	}
	for _, want := range []string{"format " + strconv.Itoa(tblVersion), "lingua-go v", "k3=", "k4=", strconv.Itoa(defaultTable.nLangs) + " languages"} {
		if !strings.Contains(name, want) {
			t.Errorf("ModelInfo name %q lacks %q", name, want)
		}
	}
	if ModelSize() != len(ngramsTbl) {
		t.Error("ModelSize")
	}
	t.Logf("model %q, sha256 %s, %d bytes", name, sum, ModelSize())
}

// TestTableLanguages checks the table's languages: every registry language
// lingua-go has models for that is written in a script with more than one
// candidate, and no other; at most 64.
func TestTableLanguages(t *testing.T) {
	got := DefaultNgram().Languages()
	if len(got) > 64 {
		t.Fatalf("%d languages, the candidate mask holds 64", len(got))
	}
	perScript := map[script.Script]int{}
	for _, l := range language.All() {
		for _, sc := range l.Scripts {
			perScript[sc]++
		}
	}
	var want []string
	for _, l := range language.All() {
		if _, ok := linguaengine.Language(l.Code); !ok {
			continue
		}
		if slices.ContainsFunc(l.Scripts, func(sc script.Script) bool { return perScript[sc] > 1 }) {
			want = append(want, l.Code)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("table languages %v, want %v", got, want)
	}
	for _, c := range []string{"zh", "ja", "en", "fa", "hi", "ru", "la"} {
		if !DefaultNgram().Knows(c) {
			t.Errorf("table lacks %s", c)
		}
	}
	for _, c := range []string{"ps", "ko", "el", "", "xx", "enx", "toolong"} {
		if DefaultNgram().Knows(c) {
			t.Errorf("table knows %q", c)
		}
	}
	t.Logf("%d languages: %v", len(got), got)
}

// TestParseTable checks that a damaged table is refused.
func TestParseTable(t *testing.T) {
	if _, err := parseTable(ngramsTbl); err != nil {
		t.Fatal(err)
	}
	for _, b := range [][]byte{
		nil,
		[]byte("not a table"),
		ngramsTbl[:len(ngramsTbl)-1],
		ngramsTbl[:tblHeader],
		append(slices.Clone(ngramsTbl), 0),
		append([]byte("TNNT\x02\x00"), ngramsTbl[6:]...),
	} {
		if _, err := parseTable(b); err == nil {
			t.Errorf("table of %d bytes parsed without error", len(b))
		}
	}
}

// hashInv is the inverse of hashMul modulo 2^64: a slot's hash times
// hashInv is its key.
const hashInv = 0xF1DE83E19937733D

// TestTableLookups checks that the slots hold ascending hashes of n-grams of
// their order, that every key is found where it is stored, and that a
// million keys the table lacks are not.
func TestTableLookups(t *testing.T) {
	tb := &defaultTable
	present := map[uint64]bool{}
	for n := 1; n <= ngramOrder; n++ {
		o := &tb.orders[n]
		keys := 0
		slots := uint64(len(o.slots) / tblSlotSize)
		probes, prev := uint64(0), uint64(0)
		for i := uint64(0); i < slots; i++ {
			s := o.slots[i*tblSlotSize:]
			h := binary.LittleEndian.Uint64(s)
			if h == 0 {
				continue
			}
			if h < prev {
				t.Fatalf("order %d: slot %d: hashes not ascending", n, i)
			}
			prev = h
			k := h * hashInv
			if k*hashMul != h || k>>(16*n) != 0 || k>>(16*(n-1)) == 0 {
				t.Fatalf("order %d: slot %d holds %x, not an n-gram of %d letters", n, i, k, n)
			}
			keys++
			present[k] = true
			home, _ := bits.Mul64(h, o.homes)
			probes += i - home + 1
			off, ok := tb.lookup(n, k)
			if !ok || off != binary.LittleEndian.Uint32(s[8:]) {
				t.Fatalf("order %d: key %x not found", n, k)
			}
			if off&inlineFlag == 0 {
				if m, _ := tb.entry(off); bits.OnesCount64(m) < 3 {
					t.Fatalf("order %d: key %x has an entry of fewer than 3 languages", n, k)
				}
			}
		}
		t.Logf("order %d: %d keys in %d home slots (load %.2f) + %d overflow; a hit reads %.2f slots on average, %d at most", n, keys, o.homes, float64(keys)/float64(o.homes), o.maxProbe, float64(probes)/float64(keys), o.maxProbe+1)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 1 << 20 {
		n := 1 + rng.IntN(ngramOrder)
		var k uint64
		for range n {
			k = k<<16 | uint64(1+rng.IntN(0x3000))
		}
		if _, ok := tb.lookup(n, k); ok != present[k] {
			t.Fatalf("order %d: key %x found %v, stored %v", n, k, ok, present[k])
		}
	}
}

// TestHanScores checks that Chinese, simplified or traditional, is scored
// zh against ja, and text with kana or Japanese-only kanji ja.
func TestHanScores(t *testing.T) {
	s := DefaultNgram()
	zhja := []string{"zh", "ja"}
	for _, tc := range []struct{ text, want string }{
		{"这家餐厅的菜很好吃，服务也很周到，我们下次还会再来。", "zh"},
		{"我们明天去北京开会，然后回上海。", "zh"},
		{"中华人民共和国国务院", "zh"},
		{"国家统计局发布数据", "zh"},
		{"北京市朝阳区建国路", "zh"},
		{"臺灣的夜市非常熱鬧，小吃種類很多。", "zh"},
		{"香港特別行政區政府", "zh"},
		{"東京でひらがなとカタカナを勉強しています。", "ja"},
		{"今日はとても暑いですね。", "ja"},
		{"株式会社日本経済新聞社", "ja"},
		{"厚生労働省発表", "ja"},
	} {
		ps := s.Scores(tc.text, zhja)
		if len(ps) != 2 || ps[0].Lang != tc.want {
			t.Errorf("%q: %v, want %s", tc.text, ps, tc.want)
		}
	}
}

// TestFirstScoresCall runs the first Scores call of a fresh process and
// checks it decodes nothing: it allocates the scorer and the result, as any
// call allocates the result, and takes a few milliseconds, most of them the
// first reads of the table's pages (the decoder of ngrams.bin it replaces
// took 40 ms and 13 MB of allocations). The time is the best of three
// processes, since a busy machine can hold one up.
func TestFirstScoresCall(t *testing.T) {
	text := "The city council approved a new budget on Tuesday after a long debate about public transport."
	cands := New(Options{Scorer: noScorer}).Candidates(script.Latin)
	if os.Getenv("LANGID_FIRST_CALL_CHILD") == "1" {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		DefaultNgram().Scores(text, cands)
		first := time.Since(start)
		runtime.ReadMemStats(&after)
		start = time.Now()
		DefaultNgram().Scores(text, cands)
		second := time.Since(start)
		// The word cache is not the model: leave it out, with up to 1 KB
		// an allocation for the runtime's rounding.
		n, bytes := DefaultNgram().cacheAllocs()
		fmt.Printf("FIRST %d %d %d %d\n", first.Nanoseconds(), after.Mallocs-before.Mallocs-uint64(n), max(0, int64(after.TotalAlloc-before.TotalAlloc)-int64(bytes+1024*n)), second.Nanoseconds())
		return
	}
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	if raceEnabled {
		t.Skip("the race detector allocates on its own")
	}
	best := time.Duration(math.MaxInt64)
	var second time.Duration
	var allocs, bytes uint64
	for range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestFirstScoresCall$", "-test.count=1")
		cmd.Env = append(os.Environ(), "LANGID_FIRST_CALL_CHILD=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("child: %v\n%s", err, out)
		}
		found := false
		for _, line := range strings.Split(string(out), "\n") {
			if f := strings.Fields(line); len(f) == 5 && f[0] == "FIRST" {
				ns, _ := strconv.ParseInt(f[1], 10, 64)
				allocs, _ = strconv.ParseUint(f[2], 10, 64)
				bytes, _ = strconv.ParseUint(f[3], 10, 64)
				ns2, _ := strconv.ParseInt(f[4], 10, 64)
				if time.Duration(ns) < best {
					best, second = time.Duration(ns), time.Duration(ns2)
				}
				found = true
			}
		}
		if !found {
			t.Fatalf("child reported nothing:\n%s", out)
		}
		// The scorer and the result, and what the runtime may allocate
		// around a first call (besides the word cache); decoding a model
		// took 2,433 allocations.
		if allocs > 8 || bytes > 4096 {
			t.Errorf("first call: %d allocations of %d bytes, want at most 8 and 4 KB (no model decoded)", allocs, bytes)
		}
		if best < 5*time.Millisecond {
			break
		}
	}
	s := DefaultNgram()
	steady := testing.AllocsPerRun(100, func() { s.Scores(text, cands) })
	t.Logf("first Scores call in a fresh process (DefaultNgram's first use): %v, %d allocations of %d bytes; the second call %v; then %v allocations per call", best, allocs, bytes, second, steady)
	if steady > 1 {
		t.Errorf("Scores: %v allocations per call, want 1 (the result)", steady)
	}
	// No bound on the time: tests assert allocations, not timings (the
	// footprint test times the command as a whole).
}

// FuzzNgramScores checks that any text, valid UTF-8 or not, scores without
// a panic and as the Scorer contract says: one score per known candidate,
// sorted, summing to 1, with the best log-likelihood's language first.
func FuzzNgramScores(f *testing.F) {
	for _, s := range []string{"", "The weather is lovely.", "这家餐厅的菜很好吃", "ひらがな東京", "\xff\xfeé", "Ǆǅ İstanbul ΣΑΣ", strings.Repeat("ab ", 400)} {
		f.Add(s)
	}
	s := DefaultNgram()
	all := s.Languages()
	f.Fuzz(func(t *testing.T, text string) {
		for _, cands := range [][]string{all, {"zh", "ja"}, {"en", "fr", "xx", "en"}} {
			ps, ll := s.Scores(text, cands), s.LogLikelihoods(text, cands)
			if len(ps) != len(ll) {
				t.Fatalf("%q: %d scores, %d log-likelihoods", text, len(ps), len(ll))
			}
			sum := 0.0
			sorted := func(a, b Score) bool { return a.P > b.P || a.P == b.P && a.Lang < b.Lang }
			for i, p := range ps {
				sum += p.P
				if i > 0 && (!sorted(ps[i-1], p) || !sorted(ll[i-1], ll[i])) {
					t.Fatalf("%q: not sorted: %v, %v", text, ps, ll)
				}
				if ps[0].Lang != ll[0].Lang || !slices.ContainsFunc(ll, func(x Score) bool { return x.Lang == p.Lang }) {
					t.Fatalf("%q: scores %v, log-likelihoods %v", text, ps, ll)
				}
			}
			if len(ps) > 0 && math.Abs(sum-1) > 1e-9 {
				t.Fatalf("%q: sum %v", text, sum)
			}
		}
	})
}
