//go:build lingua

package detect

import (
	"fmt"
	"sort"
	"testing"

	"github.com/textnorm/textnorm/engine"
)

func TestZZDiag(t *testing.T) {
	rows := readLangeval(t, "tune")
	known := langevalKnown()
	e, _ := engine.Open("lingua")
	alone := langevalRun(t, Options{Engine: e}, rows)
	def := langevalRun(t, Options{}, rows)
	agree, n := 0, 0
	acc := map[string][2]int{}
	dis := map[string]int{}
	var ex []string
	for i, r := range rows {
		if !known[r.Lang] {
			continue
		}
		c := acc[r.Bucket]
		c[1]++
		if def[i].Lang == r.Lang {
			c[0]++
		}
		acc[r.Bucket] = c
		if r.Bucket != "sentence" || r.Lang == "ps" {
			continue
		}
		n++
		if def[i].Lang == alone[i].Lang {
			agree++
		} else {
			dis[fmt.Sprintf("%s: tn=%s li=%s", r.Lang, def[i].Lang, alone[i].Lang)]++
			if alone[i].Lang == r.Lang {
				ex = append(ex, fmt.Sprintf("%s tn=%s %q", r.Lang, def[i].Lang, r.Text))
			}
		}
	}
	t.Logf("agree %.1f%% of %d; acc short %.1f medium %.1f sentence %.1f", 100*float64(agree)/float64(n), n,
		100*float64(acc["short"][0])/float64(acc["short"][1]), 100*float64(acc["medium"][0])/float64(acc["medium"][1]), 100*float64(acc["sentence"][0])/float64(acc["sentence"][1]))
	var ks []string
	for k := range dis {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return dis[ks[i]] > dis[ks[j]] })
	for _, k := range ks[:min(25, len(ks))] {
		t.Logf("%4d %s", dis[k], k)
	}
	for i, e := range ex {
		if i%4 == 0 {
			t.Log(e)
		}
	}
}
