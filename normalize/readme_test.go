package normalize

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeRuleTable keeps the README's table of rules true: every rule has
// a row, and the row names exactly the profiles that turn it on.
func TestReadmeRuleTable(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `([a-z-]+)` \\| [^|]+ \\| ([^|]+) \\|")
	rows := map[string]string{}
	for _, m := range row.FindAllStringSubmatch(string(readme), -1) {
		rows[m[1]] = strings.TrimSpace(m[2])
	}
	for _, r := range AllRules() {
		got, ok := rows[r.String()]
		if !ok {
			t.Errorf("README has no row for rule %s", r)
			continue
		}
		var want []string
		for _, p := range Profiles() {
			if p.Rules().Has(r) {
				want = append(want, p.Name())
			}
		}
		if len(want) == 0 {
			if got != "(option)" {
				t.Errorf("README row %s: profiles %q, want (option)", r, got)
			}
		} else if w := strings.Join(want, " "); got != w {
			t.Errorf("README row %s: profiles %q, want %q", r, got, w)
		}
	}
}
