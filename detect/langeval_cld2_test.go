//go:build cld2

package detect

// With the cld2 build tag, TestLangEvalOthers (langeval_test.go) also
// scores CLD2 on the real-text evaluation set, on each whole string, as a
// program calling it would (internal/cld2: Debian's libcld2 with the full
// tables, ExtDetectLanguageSummaryCheckUTF8 with kCLDFlagBestEffort).
//
//	go test -tags cld2 ./detect -run TestLangEvalOthers -v [-langeval.md FILE]

import (
	"strings"

	"github.com/textnorm/textnorm/internal/cld2"
)

func init() {
	knows := map[string]bool{}
	ls, _ := cld2.Tables()
	for _, l := range ls {
		knows[strings.Split(l, "-")[0]] = true
	}
	// The languages of scripts CLD2 gives one language to, which its
	// tables do not list.
	for _, l := range strings.Fields("el he ko th zh ja hy ka ta te kn ml gu pa or si km lo bo dv bn") {
		knows[l] = true
	}
	langevalOthers = append(langevalOthers, langevalOther{
		Name: "CLD2",
		Detect: func(text string) string {
			if l, _ := cld2.DetectLanguage(text); l != "und" {
				return l
			}
			return ""
		},
		Knows: knows,
	})
}
