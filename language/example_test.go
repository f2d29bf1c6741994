package language_test

import (
	"errors"
	"flag"
	"fmt"

	"github.com/textnorm/textnorm/diag"
	"github.com/textnorm/textnorm/language"
	"github.com/textnorm/textnorm/script"
)

func ExampleLookup() {
	for _, tag := range []string{"fa-AF", "prs", "Farsi", "pa-Guru", "zh_TW", "xx"} {
		l, ok := language.Lookup(tag)
		fmt.Println(tag, l.Code, l.Name, ok)
	}
	// Output:
	// fa-AF fa Persian true
	// prs fa Persian true
	// Farsi fa Persian true
	// pa-Guru pa Punjabi true
	// zh_TW zh Chinese true
	// xx   false
}

func ExampleParse() {
	_, err := language.Parse("klingon")
	var unknown *diag.UnknownError
	if errors.As(err, &unknown) {
		fmt.Println(unknown.Kind, unknown.Name, len(unknown.Known) == len(language.Codes()))
	}
	// Output:
	// language klingon true
}

func ExampleParseList() {
	codes, err := language.ParseList(" EN, fa-AF,prs ,ar,,en")
	fmt.Println(codes, err)
	_, err = language.ParseList("en,xx")
	fmt.Println(err != nil)
	// Output:
	// [en fa ar] <nil>
	// true
}

func ExampleForScript() {
	for _, l := range language.ForScript(script.Arabic) {
		fmt.Println(l.Code, l.Name, l.Prior)
	}
	fmt.Println(language.ForScript(script.Han), language.ForScript(script.Hangul))
	// Output:
	// fa Persian 0.38
	// ar Arabic 0.29
	// ur Urdu 0.2
	// ps Pashto 0.1
	// ckb Sorani Kurdish 0.01
	// ug Uyghur 0.01
	// sd Sindhi 0.01
	// [zh ja] [ko]
}

func ExamplePriors() {
	fmt.Println(language.Priors(script.Arabic))
	fmt.Println(language.Priors(script.Latin))
	fmt.Println(language.Priors(script.Greek))
	// Output:
	// map[ar:0.29 ckb:0.01 fa:0.38 ps:0.1 sd:0.01 ug:0.01 ur:0.2]
	// map[en:1]
	// map[]
}

func ExampleProfileName() {
	for _, code := range []string{"fa", "prs", "ur", "en", "und"} {
		fmt.Println(code, language.ProfileName(code))
	}
	// Output:
	// fa fa
	// prs fa
	// ur ur
	// en default
	// und default
}

func ExampleList() {
	var langs language.List
	fs := flag.NewFlagSet("tag", flag.ContinueOnError)
	fs.Var(&langs, "langs", "comma-separated languages")
	err := fs.Parse([]string{"--langs", "fa-AF,EN", "--langs", "prs,ur"})
	fmt.Println(langs, err)
	// Output:
	// fa,en,ur <nil>
}
