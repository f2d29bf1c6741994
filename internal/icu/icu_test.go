//go:build icu

package icu

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestNormalize checks ICU against x/text on text where they agree (both
// are of Unicode 15.0 on Debian 12).
func TestNormalize(t *testing.T) {
	t.Logf("ICU's Unicode %s, x/text's %s", UnicodeVersion(), norm.Version)
	forms := map[Form]norm.Form{NFC: norm.NFC, NFD: norm.NFD, NFKC: norm.NFKC, NFKD: norm.NFKD}
	for _, s := range []string{"", "café cafe\u0301", "خانه\u0654 ۀ ي ك", "ﬁ ① ｶ", strings.Repeat("Привет й ", 1000)} {
		for f, xf := range forms {
			got, err := Normalize(f, []byte(s))
			if err != nil {
				t.Fatal(err)
			}
			if want := xf.String(s); string(got) != want {
				t.Errorf("form %d, %q: %q, want %q", f, s, got, want)
			}
		}
	}
}
