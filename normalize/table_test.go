package normalize

import (
	"testing"
	"unicode"
)

// TestTableMatchesRuleOp checks that the compiled table of a rule set
// gives, for every code point, what ruleOp says the rules do: the table's
// fast blocks and the hand-kept mayChange must never hide a change (a rule
// touching a code point outside them would otherwise be silently off).
// Every rule alone, every built-in profile's rules and all rules together
// (the exclusive ones apart) are checked.
func TestTableMatchesRuleOp(t *testing.T) {
	sets := map[string]RuleSet{}
	for _, r := range AllRules() {
		sets[r.String()] = RuleSet(r)
	}
	for _, p := range Profiles() {
		sets["profile "+p.Name()] = p.cleanerRules()
	}
	var all RuleSet
	for _, r := range AllRules() {
		all = all.With(r)
	}
	sets["all"] = all
	for name, rs := range sets {
		tbl := compile(rs)
		for r := rune(0); r <= unicode.MaxRune; r++ {
			want := ruleOp(rs, r)
			if got := tbl.lookup(r); got != want {
				t.Fatalf("%s: table.lookup(%U) = %+v, ruleOp = %+v", name, r, got, want)
			}
			if got := tbl.keeps(r); got != (want.kind == opKeep) {
				t.Fatalf("%s: table.keeps(%U) = %v, ruleOp's kind is %v", name, r, got, want.kind)
			}
		}
	}
}
