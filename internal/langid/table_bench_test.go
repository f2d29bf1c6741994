package langid

import (
	"strings"
	"testing"

	"github.com/textnorm/textnorm/script"
)

// benchCase is a text to score and its script's candidates.
type benchCase struct {
	text  string
	cands []string
}

// ngramBenchSets are the texts of BenchmarkNgramScores: the accuracy
// sentences; their first two words (short spans); and Han and kana
// sentences, each against all the candidates of its script, computed
// beforehand so that only scoring is timed.
func ngramBenchSets() map[string][]benchCase {
	id := New(Options{Scorer: noScorer})
	sets := map[string][]benchCase{}
	for _, c := range accuracySentences {
		cands := id.Candidates(scriptOfText(c.text))
		sets["sentences"] = append(sets["sentences"], benchCase{c.text, cands})
		if w := strings.Fields(c.text); len(w) >= 2 {
			sets["two-words"] = append(sets["two-words"], benchCase{w[0] + " " + w[1], cands})
		}
	}
	han := id.Candidates(script.Han)
	for _, s := range []string{
		"这家餐厅的菜很好吃，服务也很周到，我们下次还会再来。",
		"做出来的米饭很香，口感比我以前用的普通电饭煲好很多。面板可以切换成中文，老人用起来也方便。",
		"臺灣的夜市非常熱鬧，小吃種類很多。",
		"東京都知事選挙の投票日",
	} {
		sets["han"] = append(sets["han"], benchCase{s, han})
	}
	return sets
}

// BenchmarkNgramScores is NgramScorer.Scores alone, in MB/s of text.
func BenchmarkNgramScores(b *testing.B) {
	sets := ngramBenchSets()
	s := DefaultNgram()
	for _, name := range []string{"sentences", "two-words", "han"} {
		set := sets[name]
		size := 0
		for _, c := range set {
			size += len(c.text)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for range b.N {
				for _, c := range set {
					s.Scores(c.text, c.cands)
				}
			}
		})
	}
}
