package normalize_test

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/textnorm/textnorm/diag"
	"github.com/textnorm/textnorm/normalize"
)

func TestFlags(t *testing.T) {
	p := normalize.Default
	var form normalize.Form
	var with, without normalize.RuleList
	fs := flag.NewFlagSet("normalize", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Var(&p, "profile", "")
	fs.Var(&form, "form", "")
	fs.Var(&with, "with", "")
	fs.Var(&without, "without", "")
	err := fs.Parse([]string{"--profile", "Persian", "--form=NFKC", "--with", " digits-ascii, ,kaf-yeh-to-arabic", "--with", "case-fold", "--without", "collapse-spaces"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Name() != "fa" || p.String() != "fa" || norm.Form(form) != norm.NFKC || form.String() != "nfkc" {
		t.Errorf("profile %v, form %v", p, form)
	}
	if got := with.String(); got != "digits-ascii,kaf-yeh-to-arabic,case-fold" {
		t.Errorf("--with: %s", got)
	}
	if got := fmt.Sprint(without.Get()); got != "[collapse-spaces]" {
		t.Errorf("--without: %s", got)
	}
	// String round-trips through Set, as flag.Value asks.
	var again normalize.RuleList
	if err := again.Set(with.String()); err != nil || again.String() != with.String() {
		t.Errorf("RuleList round trip: %v, %v", again, err)
	}
	var q normalize.Profile
	if err := q.Set(p.String()); err != nil || q != p {
		t.Errorf("Profile round trip: %v, %v", q, err)
	}

	// Unknown names are *diag.UnknownError, and leave the value as it was.
	for _, tt := range []struct {
		value flag.Value
		name  string
		kind  string
	}{
		{&p, "klingon", "profile"},
		{&form, "nfx", "form"},
		{&with, "digits-ascii,no-such-rule", "rule"},
	} {
		before := tt.value.String()
		err := tt.value.Set(tt.name)
		var u *diag.UnknownError
		if !errors.As(err, &u) || u.Kind != tt.kind || len(u.Known) == 0 {
			t.Errorf("Set(%q) = %v, want an unknown %s", tt.name, err, tt.kind)
		}
		if after := tt.value.String(); after != before {
			t.Errorf("Set(%q) changed %s to %s", tt.name, before, after)
		}
	}
}

// A command takes profiles, forms and rule lists as flags, and applies
// them.
func ExampleRuleList() {
	p := normalize.Default
	var form normalize.Form
	var with, without normalize.RuleList
	fs := flag.NewFlagSet("normalize", flag.ContinueOnError)
	fs.Var(&p, "profile", "normalization `profile`")
	fs.Var(&form, "form", "Unicode normalization `form`")
	fs.Var(&with, "with", "comma-separated `rules` to add")
	fs.Var(&without, "without", "comma-separated `rules` to remove")
	fs.Parse([]string{"--profile", "fa", "--with", "digits-ascii", "--without", "collapse-spaces", "--form", "nfkc"})

	p = p.With(with...).Without(without...).WithForm(norm.Form(form))
	fmt.Println(p, form, with, without)
	fmt.Println(p.Apply("كتاب  ١٢٣"))
	fmt.Println(fs.Set("profile", "klingon"))
	// Output:
	// fa nfkc digits-ascii collapse-spaces
	// کتاب  123
	// unknown profile "klingon" (known: none, default, fa, ar, ur, ps, search)
}
